import Foundation
import GeoCore

/// The geospatial encoding of one map frame on a PDF page (ISO 32000-2, 12.10: a viewport with a
/// geospatial measure dictionary): where the frame is on the page and control points tying page
/// positions to longitude and latitude in the map's reference system. GDAL reads it as the page's
/// coordinate system and geotransform; Acrobat measures distances with it.
public struct PDFGeoreference: Sendable, Equatable {
    /// The page (0-based) and the frame on it, in PDF points with the origin at the bottom left.
    public var page: Int
    public var box: (x0: Double, y0: Double, x1: Double, y1: Double)
    /// Control points: a position in the frame's unit square (origin bottom left) and its place.
    public var points: [(u: Double, v: Double, place: Coordinate)]
    /// The map's reference system as WKT 1.
    public var wkt: String

    public static func == (a: PDFGeoreference, b: PDFGeoreference) -> Bool {
        a.page == b.page && a.box == b.box && a.wkt == b.wkt && a.points.count == b.points.count
            && zip(a.points, b.points).allSatisfy { $0.u == $1.u && $0.v == $1.v && $0.place == $1.place }
    }

    /// The viewport dictionary.
    var viewport: String {
        func n(_ v: Double, _ places: Int = 4) -> String { String(format: "%.\(places)f", v) }
        let gpts = points.map { "\(n($0.place.lat, 9)) \(n($0.place.lon, 9))" }.joined(separator: " ")
        let lpts = points.map { "\(n($0.u, 6)) \(n($0.v, 6))" }.joined(separator: " ")
        let type = wkt.hasPrefix("GEOGCS") || wkt.hasPrefix("GEOGCRS") ? "GEOGCS" : "PROJCS"
        return "<< /Type /Viewport /Name (Map) /BBox [\(n(box.x0)) \(n(box.y0)) \(n(box.x1)) \(n(box.y1))] "
            + "/Measure << /Type /Measure /Subtype /GEO /Bounds [0 0 0 1 1 1 1 0] /GPTS [\(gpts)] /LPTS [\(lpts)] "
            + "/GCS << /Type /\(type) /WKT \(PDFAmendment.string(wkt)) >> >> >>"
    }
}
