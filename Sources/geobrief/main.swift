import ArgumentParser
import Foundation
import GeocodeCLI
import PosixBindings

// `geobrief`, the command users run. Looking names up is the one job that must start in a few
// milliseconds, so this binary links only the gazetteer's lookup (no GDAL, Cairo, Pango or PROJ)
// and answers `geocode NAME...` itself; every other command, `geocode --reverse` and all help run
// in `geobrief-engine` beside it, which this process becomes (exec) with the same arguments.

/// `geobrief geocode` answered in the front binary.
struct FrontGeocodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geobrief geocode", abstract: GeocodeOptions.configuration.abstract,
        discussion: GeocodeOptions.configuration.discussion)

    @OptionGroup var options: GeocodeOptions

    func run() throws {
        if options.reverse != nil { Engine.run() }
        try GeocodeRunner.run(options)
    }
}

/// The engine binary beside this one.
enum Engine {
    static func run() -> Never {
        let folder = ProcessImage.executableFolder ?? "."
        let engine = folder + "/geobrief-engine"
        let reason = ProcessImage.replace(with: engine, arguments: [engine] + CommandLine.arguments.dropFirst())
        FileHandle.standardError.write(Data("geobrief: cannot run \(engine) (\(reason)); rebuild with `make build`\n".utf8))
        exit(127)
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
let help: Set<String> = ["-h", "--help", "help"]
if arguments.first == "geocode", !arguments.contains(where: help.contains) {
    FrontGeocodeCommand.main(Array(arguments.dropFirst()))
} else {
    Engine.run()
}
