import Scenario
import ArgumentParser
import Cartography
import Foundation
import GeoCore
import DataCatalog

/// `geobrief map`: a basemap of a lon/lat box to PNG, PDF and/or SVG.
public struct MapCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw a basemap of a region to PNG, PDF or SVG.",
        discussion: """
        Draws the basemap with its reference names (countries, regions, cities), a scale bar, a north arrow and the \
        attribution of every layer drawn. The box is fitted into the size; when their shapes differ the map shows more \
        around the box, and says so (--fit keeps the width and sets the height from the box instead).
        Example: geobrief map --bbox 33.5,50.4,38.6,52.5 --title 'Kursk region' -o kursk.png -o kursk.pdf
        """
    )

    @Option(help: "Region as WEST,SOUTH,EAST,NORTH in degrees (WEST > EAST crosses the antimeridian).", transform: LonLatBox.parse)
    var bbox: LonLatBox
    @Option(help: "Projection: EPSG code (EPSG:3857), PROJ string or WKT; default: a conic fitted to the box.")
    var projection: String?
    @Option(help: "Size in pixels, WIDTHxHEIGHT.", transform: PixelSize.parse) var size = PixelSize(width: 1600, height: 1200)
    @Option(help: "Dots per inch: sets text and line sizes on images, and the page size of PDF/SVG.") var dpi = 144.0
    @Option(help: "Title printed on the map (at most 300 characters).") var title: String?

    /// The longest title, as in a scenario.
    static let maxTitle = 300
    @Option(help: "Comma-separated basemap layers (\(BasemapLayer.allCases.map(\.rawValue).joined(separator: ","))), or none")
    var layers: String?
    @Option(name: .shortAndLong, help: "Output file; .png, .pdf or .svg. Repeat for several.") var output: [String]
    @Flag(help: "Keep the box's shape: take the width from --size and set the height from the box.") var fit = false

    public func validate() throws {
        _ = try parsedSize()
        guard !output.isEmpty else { throw ValidationError("give at least one output file with -o") }
        for o in output { _ = try MapFormat(path: o) }
        _ = try parsedLayers()
    }

    public func run() throws {
        var (w, h) = try parsedSize()
        var request = MapRequest(extent: bbox.box, projection: projection, width: w, height: h, dpi: dpi,
                                 title: title, layers: try parsedLayers())
        let aspect = try request.frame(width: Double(w), height: Double(h)).extentAspect
        if fit {
            h = min(32_767, max(16, Int((Double(w) / aspect).rounded())))
            request.height = h
        } else if abs(aspect / (Double(w) / Double(h)) - 1) > 0.02 {
            let around = aspect > Double(w) / Double(h) ? "north and south" : "east and west"
            FileHandle.standardError.write(Data("""
                note: the box is \(String(format: "%.2f", aspect)) times as wide as it is tall, the size \(w)x\(h) \(String(format: "%.2f", Double(w) / Double(h))): \
                the map shows more to the \(around) of the box; --fit keeps its shape (\(w)x\(Int((Double(w) / aspect).rounded())))

                """.utf8))
        }
        // A map of its own: the basemap's names, scale bar, north arrow and attribution, no inset.
        var scene = MapScene()
        scene.title = title
        scene.inset = false
        let renderer = MapRenderer(data: try DataDirectory.locate())
        for path in output {
            let report = try renderer.render(request, scene: scene, to: path)
            print("wrote \(path) (\(w)x\(h); \(report.labels.count) names)")
        }
        for warning in Set(renderer.warnings).sorted() {
            FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
        }
    }

    func parsedSize() throws -> (Int, Int) {
        let (w, h) = (size.width, size.height)
        guard dpi >= 10, dpi <= 2400 else { throw ValidationError("--dpi \(dpi): expected 10...2400") }
        if output.contains(where: { !$0.lowercased().hasSuffix(".png") }), let problem = ViewSize.vectorPageProblem(width: w, height: h, dpi: dpi) {
            throw ValidationError("--size \(w)x\(h): \(problem)")
        }
        if let title, title.count > MapCommand.maxTitle { throw ValidationError("--title: \(title.count) characters, over the \(MapCommand.maxTitle) a title may have") }
        return (w, h)
    }

    func parsedLayers() throws -> Set<BasemapLayer> {
        guard let layers else { return BasemapLayer.defaults }
        if layers == "none" { return [] }
        var out = Set<BasemapLayer>()
        for name in layers.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let l = BasemapLayer(rawValue: name) else {
                throw ValidationError("--layers: unknown layer '\(name)'; known: \(BasemapLayer.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            out.insert(l)
        }
        return out
    }
}
