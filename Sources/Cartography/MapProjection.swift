import Bindings
import GeoCore

/// The projection of a map: a reference system plus the transformation into it from lon/lat.
public final class MapProjection {
    let transform: ProjTransform
    /// The central meridian; geometry is cut at the opposite meridian (the seam) before projecting.
    public let centralMeridian: Double
    /// The definition it was made from ("EPSG:3857", a PROJ string, ...).
    public let definition: String

    /// Makes a projection from any definition PROJ accepts: "EPSG:3857", a PROJ string, WKT.
    public init(definition: String) throws {
        transform = try ProjTransform(definition: definition)
        self.definition = definition
        centralMeridian = MapProjection.parameter("lon_0", in: transform.projString ?? "") ?? 0
    }

    /// A Lambert conformal conic fitted to `box`: standard parallels at 1/6 and 5/6 of its latitudes,
    /// central meridian at its centre. Suits the mid-latitude, east-west extents of most briefings.
    public static func automatic(for box: BoundingBox) throws -> MapProjection {
        let c = box.center
        let h = max(box.height, 0.5)
        var lat1 = box.south + h / 6, lat2 = box.north - h / 6
        if abs(lat1 + lat2) < 1 { lat1 = max(box.south, 1); lat2 = lat1 + h / 2 } // keep off the equator-symmetric case
        if box.width > 300 || h > 120 {
            return try MapProjection(definition: "+proj=eqearth +lon_0=\(c.lon.rounded(toPlaces: 4)) +datum=WGS84 +units=m +no_defs")
        }
        lat1 = lat1.rounded(toPlaces: 4); lat2 = lat2.rounded(toPlaces: 4)
        return try MapProjection(definition:
            "+proj=lcc +lat_0=\(c.lat.rounded(toPlaces: 4)) +lon_0=\(c.lon.rounded(toPlaces: 4)) +lat_1=\(lat1) +lat_2=\(lat2) +datum=WGS84 +units=m +no_defs")
    }

    /// The reference system as WKT 1 (for geospatial PDF), when PROJ can write it.
    public var wkt: String? { transform.wkt() }

    /// Projects points; a point outside the projection's domain is nil.
    public func project(_ points: [Coordinate]) -> [Coordinate?] { transform.transform(points) }

    /// Projects the points of many paths at once, leaving out of each the points the projection
    /// cannot take.
    public func project(paths: [[Coordinate]]) -> [[Coordinate]] { transform.transform(paths: paths) }

    /// Projected points back to lon/lat; nil where the inverse is undefined.
    public func unproject(_ points: [Coordinate]) -> [Coordinate?] { transform.transform(points, inverse: true) }

    static func parameter(_ name: String, in proj: String) -> Double? {
        for part in proj.split(separator: " ") where part.hasPrefix("+\(name)=") {
            return Double(part.dropFirst(name.count + 2))
        }
        return nil
    }
}
