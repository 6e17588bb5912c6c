import Bindings
import DataCatalog
import GeoCore
import GeoPackage

/// Reads the geometries of one GeoPackage layer that meet a lon/lat box, even when the box runs
/// past ±180 (it is then queried as two boxes, and features shifted by 360° where needed).
struct LayerReader {
    let data: DataDirectory
    /// Features read from one layer past this count are an error, never an unbounded load.
    static let maxFeatures = 2_000_000

    func geometries(dataset id: String, layer name: String, in box: BoundingBox) throws -> [Geometry] {
        try features(dataset: id, layer: name, in: box, columns: []).map(\.geometry)
    }

    /// The features of a layer that meet `box`, with the values of `columns`, shifted into the
    /// box's longitudes (only those with text in the column `withText`, when given); more than
    /// `limit` is an error.
    func features(dataset id: String, layer name: String, in box: BoundingBox, columns: [String], limit: Int = LayerReader.maxFeatures,
                  withText: String? = nil) throws -> [(geometry: Geometry, values: [SQLiteValue])] {
        let file = try GeoPackageFile.shared(path: try data.path(of: id))
        var out: [(geometry: Geometry, values: [SQLiteValue])] = []
        for (query, shift) in LayerReader.windows(box) {
            let found = try file.features(layer: name, in: query, columns: columns, limit: limit - out.count, withText: withText)
            out += shift == 0 ? found : found.map { f in (f.geometry.map { Coordinate(lon: $0.lon + shift, lat: $0.lat) }, f.values) }
        }
        return out
    }

    /// The box split into pieces within -180...180, each with the shift that puts its features back
    /// into the box's own longitudes.
    static func windows(_ box: BoundingBox) -> [(BoundingBox, Double)] {
        if box.width >= 360 { return [(BoundingBox(west: -180, south: box.south, east: 180, north: box.north), 0)] }
        var out: [(BoundingBox, Double)] = []
        for shift in [-360.0, 0, 360] {
            let w = max(box.west - shift, -180), e = min(box.east - shift, 180)
            if w < e { out.append((BoundingBox(west: w, south: box.south, east: e, north: box.north), shift)) }
        }
        return out
    }
}
