import ArgumentParser
import MapCommands

/// `geobrief`: offline maps and briefings from scenario files.
struct GeoBriefCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "geobrief",
        abstract: "Offline maps and briefings from scenario files.",
        discussion: """
        GeoBrief draws publication-quality maps (PNG, PDF, SVG) from data built on this machine \
        by `make geodata`. Set GEOBRIEF_DATA to use another built data folder.
        """,
        version: version,
        subcommands: [DataCommand.self, GeocodeCommand.self, MapCommand.self, RouteCommand.self, RenderCommand.self, ValidateCommand.self, BriefCommand.self, BatchCommand.self]
    )
}
