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
        if options.reverse != nil { ProcessImage.becomeSibling("geobrief-engine") }
        try GeocodeRunner.run(options)
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
let help: Set<String> = ["-h", "--help", "help"]
let mapCommands: Set<String> = ["render", "validate", "brief", "batch", "map"]
if arguments.contains(where: help.contains) || arguments.isEmpty {
    ProcessImage.becomeSibling("geobrief-engine")
} else if arguments[0] == "geocode" {
    FrontGeocodeCommand.main(Array(arguments.dropFirst()))
} else if mapCommands.contains(arguments[0]) {
    ProcessImage.becomeSibling("geobrief-render")
} else {
    ProcessImage.becomeSibling("geobrief-engine")
}
