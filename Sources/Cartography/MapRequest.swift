import Bindings
import GeoCore

/// What map to draw: extent, projection, size, title, layers.
public struct MapRequest: Sendable {
    /// The lon/lat box to show (all of it fits in the frame).
    public var extent: BoundingBox
    /// A projection definition (EPSG code, PROJ string, WKT), or nil to choose one for the extent.
    public var projection: String?
    /// Size in pixels for images; PDF and SVG take the same size at `dpi` (pixels * 72 / dpi points).
    public var width: Int
    public var height: Int
    public var dpi: Double
    public var title: String?
    public var layers: Set<BasemapLayer>
    /// A projected window [minX, minY, maxX, maxY] shown exactly (then `extent` only guides the inset).
    public var window: [Double]?
    /// What the map shows, in words (`MapDescription`): the PDF's figure text and subject, the SVG's `<desc>`.
    public var altText: String?

    public init(extent: BoundingBox, projection: String? = nil, width: Int = 1600, height: Int = 1200,
                dpi: Double = 144, title: String? = nil, layers: Set<BasemapLayer> = BasemapLayer.defaults) {
        self.extent = extent
        self.projection = projection
        self.width = width
        self.height = height
        self.dpi = dpi
        self.title = title
        self.layers = layers
    }
}

extension MapRequest {
    /// The frame the request draws in a `width` x `height` box: its projection (given, or fitted
    /// to the extent), showing its window exactly or fitting its extent.
    public func frame(width: Double, height: Double) throws -> MapFrame {
        let projection = try self.projection.map { try MapProjection(definition: $0) } ?? MapProjection.automatic(for: extent)
        if let window { return try MapFrame(window: window, projection: projection, width: width, height: height) }
        return try MapFrame(extent: extent, projection: projection, width: width, height: height)
    }
}

/// Output formats, chosen by file extension.
public enum MapFormat: String, CaseIterable, Sendable {
    case png, pdf, svg

    /// The kind of Cairo surface the format is drawn on.
    public var surfaceKind: Surface.Kind {
        switch self {
        case .png: return .image
        case .pdf: return .pdf
        case .svg: return .svg
        }
    }

    /// The format for `path`'s extension; throws naming the ones there are.
    public init(path: String) throws {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        guard let f = MapFormat(rawValue: ext) else { throw MapError.unknownFormat(path) }
        self = f
    }
}

/// Errors in what was asked of a map.
public enum MapError: Error, CustomStringConvertible, Equatable {
    case unknownFormat(String)
    case badSize(Int, Int)
    /// A label the scenario marks `keep: true` found no room: its text and where it is kept.
    case noRoomToKeep(String, String)
    /// An annotation given for a view falls outside it: its text and where it is given.
    case annotationOffMap(String, String)

    public var description: String {
        switch self {
        case .unknownFormat(let p):
            return "cannot tell the format of '\(p)': use a .png, .pdf or .svg file name"
        case .badSize(let w, let h):
            return "map size \(w)x\(h) is outside 16...32767 pixels a side"
        case .annotationOffMap(let text, let origin):
            return "\(origin): annotations: '\(text.prefix(60))' is off this view's map; move it, widen the view, or drop the view from its 'views'"
        case .noRoomToKeep(let text, let origin):
            return "\(origin): keep: no room for '\(text)' on this map; make the view larger, hide items near it, or drop 'keep'"
        }
    }
}
