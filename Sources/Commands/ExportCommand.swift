import ArgumentParser
import DataCatalog
import Export
import Foundation
import PosixBindings

extension ExportFormat: ExpressibleByArgument {}

/// `geobrief export`: the story's places, routes, areas, units, figures and events as GIS layers.
public struct ExportCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a scenario's places, routes, areas, units, figures and events as GIS layers (GeoJSON, GeoPackage, KML).",
        discussion: "Example: geobrief export examples/nk-deployment.yaml --format gpkg -o output/nk-deployment.gpkg"
    )

    @Argument(help: "Scenario YAML file.") var scenario: String
    @Option(help: "geojson, gpkg or kml (default: by the output's extension, else gpkg).") var format: ExportFormat?
    @Option(name: .shortAndLong, help: "Output file (default: output/SCENARIO.FORMAT).") var output: String?

    /// The format asked for, by --format or the output's extension.
    var chosenFormat: ExportFormat {
        get throws { try outputFormat(format, output: output, fallback: .gpkg, aliases: ["json": .geojson], what: "a format export writes") }
    }

    public func validate() throws { _ = try chosenFormat }

    public func run() throws {
        let format = try chosenFormat
        let loaded = try ScenarioOutput.load(scenario, theme: nil)
        let base = URL(fileURLWithPath: scenario).deletingPathExtension().lastPathComponent
        let path = output ?? "output/\(base).\(format.rawValue)"
        try AtomicFile.prepareFolder(URL(fileURLWithPath: path).deletingLastPathComponent().path)
        let layers = StoryLayers(loaded.resolved, manifest: try? loaded.data.manifest())
        try layers.write(format, to: path)
        let counts = layers.layers.map { "\($0.features.count) \($0.name.replacingOccurrences(of: "_", with: " "))" }.joined(separator: ", ")
        print("wrote \(path): \(counts)")
    }
}
