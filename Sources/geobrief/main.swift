import ArgumentParser
import Foundation
import GeocodeCLI
import PosixBindings

// `geobrief`, the command users run. Looking names up is the one job that must start in a few
// milliseconds, so this binary links only the gazetteer's lookup (no GDAL, Cairo, Pango or PROJ)
// and answers `geocode NAME...` itself. The map commands run in `geobrief-render` (Cairo, Pango,
// PROJ, SQLite: no GDAL), everything else (data, `geocode --reverse`, all help) in
// `geobrief-engine`; this process becomes (exec) the one it needs, with the same arguments.

/// `geobrief geocode` answered in the front binary.
struct FrontGeocodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geobrief geocode", abstract: GeocodeOptions.configuration.abstract,
        discussion: GeocodeOptions.configuration.discussion)

    @OptionGroup var options: GeocodeOptions

    func run() throws {
        if options.reverse != nil { Engine.run("geobrief-engine") }
        try GeocodeRunner.run(options)
    }
}

/// The engine binaries beside this one.
enum Engine {
    static func run(_ name: String) -> Never {
        let folder = ProcessImage.executableFolder ?? "."
        let engine = folder + "/" + name
        let reason = ProcessImage.replace(with: engine, arguments: [engine] + CommandLine.arguments.dropFirst())
        FileHandle.standardError.write(Data("geobrief: cannot run \(engine) (\(reason)); rebuild with `make build`\n".utf8))
        exit(127)
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
let help: Set<String> = ["-h", "--help", "help"]
let mapCommands: Set<String> = ["render", "validate", "brief", "batch", "map"]
if arguments.contains(where: help.contains) || arguments.isEmpty {
    Engine.run("geobrief-engine")
} else if arguments[0] == "geocode" {
    FrontGeocodeCommand.main(Array(arguments.dropFirst()))
} else if mapCommands.contains(arguments[0]) {
    Engine.run("geobrief-render")
} else {
    Engine.run("geobrief-engine")
}
