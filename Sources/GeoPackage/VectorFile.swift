import Foundation
import GeoCore

/// The geometries of a user's file (a scenario's area, a route's `--avoid` or `--network`), read
/// without GDAL: GeoJSON (RFC 7946, longitude and latitude in WGS 84) or a GeoPackage whose layers
/// are in EPSG:4326. Another format is refused with the command that converts it once
/// (`geobrief data import --areas FILE`, which uses GDAL).
public enum VectorFile {
    /// Files larger than this are refused (a scenario's areas are hand-drawn or cut from a dataset).
    public static let maxBytes = 64 << 20
    /// Features or vertices beyond these are refused.
    public static let maxFeatures = 100_000, maxVertices = 5_000_000
    /// Nesting deeper than this (GeoJSON geometry collections) is refused.
    static let maxDepth = 8

    /// Every polygon of the file, in file order; throws `VectorFileError` naming the file and
    /// what is wrong with it.
    public static func polygons(path: String) throws -> [Geometry] {
        let out = try geometries(path: path).map(\.geometry).filter { !$0.polygons.isEmpty }
        guard !out.isEmpty else { throw VectorFileError(path: path, reason: "holds no Polygon or MultiPolygon") }
        return out
    }

    /// Every geometry of the file with its layer's name (the file's name for GeoJSON), in file
    /// order, every vertex checked.
    public static func geometries(path: String) throws -> [(layer: String, geometry: Geometry)] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw VectorFileError(path: path, reason: "no such file")
        }
        let head = FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 16) } ?? Data()
        let ext = (path as NSString).pathExtension.lowercased()
        let out: [(layer: String, geometry: Geometry)]
        let firstByte = head.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        if head.starts(with: Array("SQLite format 3".utf8)) || ext == "gpkg" {
            out = try geoPackage(path)
        } else if ["geojson", "json"].contains(ext) || firstByte == UInt8(ascii: "{") {
            let layer = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            out = try geoJSON(path).map { (layer, $0) }
        } else {
            throw VectorFileError(path: path, reason: "not GeoJSON or a GeoPackage; convert it once with "
                + "`geobrief data import --areas \(path)` and use the GeoPackage it writes")
        }
        try checked(out.map(\.geometry), path: path)
        return out
    }


    // MARK: GeoJSON

    static func geoJSON(_ path: String) throws -> [Geometry] {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maxBytes else { throw VectorFileError(path: path, reason: "larger than \(maxBytes >> 20) MB; simplify it") }
        // (An empty file is refused before it is read: Foundation's reader leaks its buffer for one.)
        guard size > 0 else { throw VectorFileError(path: path, reason: "is empty") }
        guard let data = FileManager.default.contents(atPath: path) else { throw VectorFileError(path: path, reason: "cannot be read") }
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch {
            throw VectorFileError(path: path, reason: "not valid JSON (\(Self.jsonReason(error)))")
        }
        var reader = GeoJSONReader(path: path)
        return try reader.geometries(in: root, depth: 0)
    }

    static func jsonReason(_ error: Error) -> String {
        let info = (error as NSError).userInfo
        return (info[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
    }

    // MARK: GeoPackage

    static func geoPackage(_ path: String) throws -> [(layer: String, geometry: Geometry)] {
        let file: GeoPackageFile
        do { file = try GeoPackageFile(path: path) } catch {
            throw VectorFileError(path: path, reason: "not a readable GeoPackage")
        }
        let srs = try file.layerSRS()
        var out: [(layer: String, geometry: Geometry)] = []
        for layer in file.layers {
            guard srs[layer] == 4326 else {
                throw VectorFileError(path: path, reason: "layer '\(layer)' is in SRS \(srs[layer].map(String.init) ?? "unknown"), not EPSG:4326 (longitude, "
                    + "latitude); convert it with `geobrief data import --areas \(path)`")
            }
            out += try file.geometries(layer: layer, in: nil, limit: maxFeatures - out.count).map { (layer, $0) }
        }
        return out
    }

    /// Every vertex a longitude -540...540 (unrolled across the antimeridian) and a latitude
    /// -90...90, the counts within limits.
    static func checked(_ geometries: [Geometry], path: String) throws {
        var vertices = 0
        for (i, g) in geometries.enumerated() {
            let cs = g.coordinates
            vertices += cs.count
            guard vertices <= maxVertices else { throw VectorFileError(path: path, reason: "more than \(maxVertices) vertices; simplify it") }
            if let bad = cs.first(where: { !($0.lon.isFinite && $0.lat.isFinite && abs($0.lon) <= 540 && abs($0.lat) <= 90) }) {
                throw VectorFileError(path: path, reason: "feature \(i + 1) has a vertex at \(bad.lon), \(bad.lat), "
                    + "not a longitude and latitude in degrees: fix the file (or give it in EPSG:4326)")
            }
        }
    }
}

/// Walks a parsed GeoJSON document for its geometries, counting features against the limits.
struct GeoJSONReader {
    let path: String
    var features = 0

    mutating func geometries(in object: Any, depth: Int) throws -> [Geometry] {
        guard depth <= VectorFile.maxDepth else { throw fail("nested more than \(VectorFile.maxDepth) levels deep") }
        guard let o = object as? [String: Any], let type = o["type"] as? String else {
            throw fail("a GeoJSON object without a \"type\"")
        }
        switch type {
        case "FeatureCollection":
            guard let list = o["features"] as? [Any] else { throw fail("a FeatureCollection without a \"features\" list") }
            var out: [Geometry] = []
            for f in list { out += try geometries(in: f, depth: depth + 1) }
            return out
        case "Feature":
            features += 1
            guard features <= VectorFile.maxFeatures else { throw fail("more than \(VectorFile.maxFeatures) features") }
            guard let g = o["geometry"], !(g is NSNull) else { return [] }
            return try geometries(in: g, depth: depth + 1)
        case "GeometryCollection":
            guard let list = o["geometries"] as? [Any] else { throw fail("a GeometryCollection without \"geometries\"") }
            return try list.flatMap { try geometries(in: $0, depth: depth + 1) }
        case "Polygon":
            return [.polygon(try rings(o["coordinates"], feature: features))]
        case "MultiPolygon":
            guard let list = o["coordinates"] as? [Any] else { throw fail("feature \(features): a MultiPolygon without coordinates") }
            return [.multiPolygon(try list.map { try rings($0, feature: features) })]
        case "LineString":
            return [.lineString(try positions(o["coordinates"], feature: features, minimum: 2))]
        case "MultiLineString":
            guard let list = o["coordinates"] as? [Any] else { throw fail("feature \(features): a MultiLineString without coordinates") }
            return [.multiLineString(try list.map { try positions($0, feature: features, minimum: 2) })]
        case "Point", "MultiPoint":
            return []
        default:
            throw fail("unknown GeoJSON type \"\(type)\"")
        }
    }

    func rings(_ value: Any?, feature: Int) throws -> [[Coordinate]] {
        guard let list = value as? [Any], !list.isEmpty else { throw fail("feature \(feature): a polygon without rings") }
        return try list.map { try positions($0, feature: feature, minimum: 4) }
    }

    func positions(_ value: Any?, feature: Int, minimum: Int) throws -> [Coordinate] {
        guard let points = value as? [Any], points.count >= minimum else {
            throw fail("feature \(feature): \(minimum == 4 ? "a ring" : "a line") of fewer than \(minimum) positions")
        }
        return try points.map { p in
            guard let xy = p as? [Any], xy.count >= 2, !(xy[0] is Bool), !(xy[1] is Bool),
                  let lon = (xy[0] as? NSNumber)?.doubleValue, let lat = (xy[1] as? NSNumber)?.doubleValue else {
                throw fail("feature \(feature): a position that is not [longitude, latitude]")
            }
            return Coordinate(lon: lon, lat: lat)
        }
    }

    func fail(_ reason: String) -> VectorFileError { VectorFileError(path: path, reason: reason) }
}

/// A polygon file that cannot be used, and why.
public struct VectorFileError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}
