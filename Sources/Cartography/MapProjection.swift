import Bindings
import GeoCore

/// The projection of a map: a reference system plus the transformation into it from lon/lat.
public final class MapProjection {
    public let srs: SpatialReference
    let forward: CoordinateTransformation
    let inverse: CoordinateTransformation
    /// The central meridian; geometry is cut at the opposite meridian (the seam) before projecting.
    public let centralMeridian: Double
    /// The definition it was made from ("EPSG:3857", a PROJ string, ...).
    public let definition: String

    /// Makes a projection from any definition GDAL accepts.
    public init(definition: String) throws {
        srs = try SpatialReference(definition: definition)
        let wgs84 = SpatialReference.wgs84()
        if let pipeline = MapProjection.directPipeline(for: srs) {
            forward = try CoordinateTransformation(from: wgs84, to: srs, pipeline: pipeline, reverse: false)
            inverse = try CoordinateTransformation(from: srs, to: wgs84, pipeline: pipeline, reverse: true)
        } else {
            forward = try CoordinateTransformation(from: wgs84, to: srs)
            inverse = try CoordinateTransformation(from: srs, to: wgs84)
        }
        self.definition = definition
        centralMeridian = MapProjection.parameter("lon_0", in: srs.projString ?? "") ?? 0
    }

    /// For a projection on the WGS84 datum or ellipsoid with no datum shift, the PROJ pipeline from
    /// EPSG:4326 (latitude first, degrees) into it, which is all PROJ would find by searching its
    /// database; nil for anything else (other datums, grids), which is then searched for.
    static func directPipeline(for srs: SpatialReference) -> String? {
        guard let proj = srs.projString else { return nil }
        let words = proj.split(separator: " ").map(String.init)
        guard let kind = words.first(where: { $0.hasPrefix("+proj=") }), !["+proj=longlat", "+proj=latlong"].contains(kind),
              words.contains("+datum=WGS84") || words.contains("+ellps=WGS84"),
              !words.contains(where: { ["+towgs84", "+nadgrids", "+geoidgrids", "+pm", "+axis"].contains(String($0.prefix { $0 != "=" })) })
        else { return nil }
        let steps = words.filter { $0 != "+type=crs" && $0 != "+no_defs" && $0 != "+wktext" }.joined(separator: " ")
        return "+proj=pipeline +step +proj=axisswap +order=2,1 +step +proj=unitconvert +xy_in=deg +xy_out=rad +step " + steps
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

    /// Projects points; a point outside the projection's domain is nil.
    public func project(_ points: [Coordinate]) -> [Coordinate?] { forward.transform(points) }

    /// Projected points back to lon/lat; nil where the inverse is undefined.
    public func unproject(_ points: [Coordinate]) -> [Coordinate?] { inverse.transform(points) }

    static func parameter(_ name: String, in proj: String) -> Double? {
        for part in proj.split(separator: " ") where part.hasPrefix("+\(name)=") {
            return Double(part.dropFirst(name.count + 2))
        }
        return nil
    }
}
