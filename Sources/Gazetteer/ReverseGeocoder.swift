import Bindings
import DataCatalog
import Foundation
import GeoCore
import GeoPackage

/// What lies at a coordinate: the nearest populated place and the first-level region containing it.
public struct ReverseResult: Sendable, Codable {
    public var lat: Double
    public var lon: Double
    public var nearest: Candidate?
    public var nearestKm: Double?
    public var region: RegionHit?
    /// Set when the coordinate lies on no land: the nearest strait or canal, if one is near.
    public var water: WaterHit?
}

/// A coordinate at sea. The built data names straits and canals, not seas or oceans.
public struct WaterHit: Sendable, Codable, Equatable {
    public var nearestPassage: String?
    public var passageKm: Double?
    public var note: String
}

/// A first-level region found by position.
public struct RegionHit: Sendable, Codable, Equatable {
    public var name: String
    public var country: String
}

/// What lies at a coordinate, from the SQLite index's R*Tree and the basemap's admin-1 polygons
/// (read with SQLite alone).
public struct ReverseGeocoder {
    let db: SQLiteDatabase
    let basemap: GeoPackageFile

    /// Reverse search looks no further than this.
    public static let radiusKm = 300.0

    /// Opens the data folder's SQLite index read-only; a missing one says to run `make geodata`.
    public init(data: DataDirectory) throws {
        let path = data.file(Gazetteer.indexPath)
        guard FileManager.default.fileExists(atPath: path) else { throw GazetteerError.missingIndex(path) }
        do { db = try SQLiteDatabase(path: path) } catch {
            throw GazetteerError.corruptIndex(path, reason: "\(error)")
        }
        basemap = try GeoPackageFile.shared(path: try data.path(of: "basemap"))
    }

    /// The nearest populated place (R*Tree search in growing boxes) and the region polygon containing `c`.
    public func reverse(_ c: Coordinate) throws -> ReverseResult {
        let g = Geodesic()
        var nearest: Candidate?
        var best = Double.infinity
        var half = 0.1
        while half <= 3, nearest == nil || best > half * 111_000 * cos(c.lat * .pi / 180) {
            let sql = """
                SELECT p.id, p.name, p.country, p.admin1, p.population, p.lat, p.lon, p.source,
                  (SELECT a.name FROM admin1 a WHERE a.country = p.country AND a.code = p.admin1 ORDER BY a.rowid LIMIT 1) AS admin1_name
                FROM place_rtree t JOIN place p ON p.id = t.id
                WHERE t.min_lon >= ? AND t.max_lon <= ? AND t.min_lat >= ? AND t.max_lat <= ? AND p.kind = 'populated'
                """
            // The window, and across the antimeridian its other side (from a point at -179.95° on
            // Taveuni, Savusavu at 179.3° is 76 km away).
            let (west, east) = (c.lon - half * 2, c.lon + half * 2)
            var spans = [(max(west, -180), min(east, 180))]
            if west < -180 { spans.append((west + 360, 180)) }
            if east > 180 { spans.append((-180, east - 360)) }
            for (lo, hi) in spans {
                try db.query(sql, [lo, hi, c.lat - half, c.lat + half]) { r in
                    let p = Coordinate(lon: r[6].double, lat: r[5].double)
                    let d = g.distance(c, p)
                    if d < best {
                        best = d
                        nearest = Candidate(id: r[0].integer, name: r[1].text, kind: .populated, country: r[2].text, admin1: r[3].text,
                                            admin1Name: r[8].text, population: r[4].integer, coordinate: p, source: r[7].text)
                    }
                    return true
                }
            }
            half *= 2
        }
        if best > ReverseGeocoder.radiusKm * 1000 { nearest = nil }
        let region = try polygon(in: "admin1", containing: c, columns: ["name", "iso_a2"]).map { RegionHit(name: $0[0].text, country: $0[1].text) }
        let atSea = try region == nil && polygon(in: "land", containing: c, columns: []) == nil
        return ReverseResult(lat: c.lat, lon: c.lon, nearest: nearest,
                             nearestKm: nearest == nil ? nil : (best / 1000).rounded(toPlaces: 2),
                             region: region, water: atSea ? try water(at: c) : nil)
    }

    /// Straits and canals within this distance are named for a point at sea.
    public static let passageRadiusKm = 150.0

    private func water(at c: Coordinate) throws -> WaterHit {
        var near: (name: String, kind: String, km: Double)?
        try db.query("SELECT name, kind, lat, lon FROM place WHERE kind IN ('strait', 'canal')") { r in
            let km = c.greatCircleKm(to: Coordinate(lon: r[3].double, lat: r[2].double))
            if km < near?.km ?? .infinity { near = (r[0].text, r[1].text, km) }
            return true
        }
        let note = "at sea; the built data names no seas or oceans"
        guard let near, near.km <= ReverseGeocoder.passageRadiusKm else { return WaterHit(note: note) }
        return WaterHit(nearestPassage: "\(near.name) (\(near.kind))", passageKm: near.km.rounded(toPlaces: 1), note: note)
    }

    /// The values of `columns` of the first polygon of `layer` that contains `c`.
    private func polygon(in layer: String, containing c: Coordinate, columns: [String]) throws -> [SQLiteValue]? {
        let box = BoundingBox(west: c.lon - 1e-6, south: c.lat - 1e-6, east: c.lon + 1e-6, north: c.lat + 1e-6)
        return try basemap.features(layer: layer, in: box, columns: columns, limit: 10_000).first { $0.geometry.contains(c) }?.values
    }
}
