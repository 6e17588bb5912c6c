import ArgumentParser
import MapCommands

// `geobrief-render`: the map commands without GDAL, whose ~150 libraries take a process about
// 70 ms to load. It reads the built GeoPackages with SQLite and projects with PROJ; a map that
// needs GDAL (shaded relief, polygons from a user's file) is handed to `geobrief-engine`.

/// The commands `geobrief` runs here.
struct GeoBriefRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geobrief",
        abstract: "Offline maps and briefings from scenario files (map commands without GDAL).",
        subcommands: [RenderCommand.self, ValidateCommand.self, BriefCommand.self, BatchCommand.self, MapCommand.self]
    )
}

GeoBriefRenderCommand.main()
