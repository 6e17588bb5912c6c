import Gazetteer
import Bindings
import GDALBindings
import Foundation
import GeoCore
import GeoData
import GRDB

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

/// What lies at a coordinate, from the SQLite index's R*Tree and the basemap's admin-1 polygons.
public struct ReverseGeocoder {
    let db: DatabaseQueue
    let data: DataDirectory

    /// Reverse search looks no further than this.
    public static let radiusKm = 300.0

    /// Opens the data folder's SQLite index read-only; a missing one says to run `make geodata`.
    public init(data: DataDirectory) throws {
        let path = data.file(GazetteerBuilder.indexPath)
        guard FileManager.default.fileExists(atPath: path) else { throw GazetteerError.missingIndex(path) }
        var config = Configuration()
        config.readonly = true
        do { db = try DatabaseQueue(path: path, configuration: config) } catch {
            throw GazetteerError.corruptIndex(path, reason: "\(error)")
        }
        self.data = data
    }

    /// The nearest populated place (R*Tree search in growing boxes) and the region polygon containing `c`.
    public func reverse(_ c: Coordinate) throws -> ReverseResult {
        let g = Geodesic()
        var nearest: Candidate?
        var best = Double.infinity
        var half = 0.1
        while half <= 3, nearest == nil || best > half * 111_000 * cos(c.lat * .pi / 180) {
            let rows = try db.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT p.id, p.name, p.country, p.admin1, p.population, p.lat, p.lon, p.source,
                      (SELECT a.name FROM admin1 a WHERE a.country = p.country AND a.code = p.admin1 ORDER BY a.rowid LIMIT 1) AS admin1_name
                    FROM place_rtree t JOIN place p ON p.id = t.id
                    WHERE t.min_lon >= ? AND t.max_lon <= ? AND t.min_lat >= ? AND t.max_lat <= ? AND p.kind = 'populated'
                    """, arguments: [c.lon - half * 2, c.lon + half * 2, c.lat - half, c.lat + half])
            }
            for r in rows {
                let p = Coordinate(lon: r["lon"], lat: r["lat"])
                let d = g.distance(c, p)
                if d < best {
                    best = d
                    nearest = Candidate(id: r["id"], name: r["name"], kind: .populated, country: r["country"], admin1: r["admin1"],
                                        admin1Name: r["admin1_name"] ?? "", population: r["population"], coordinate: p,
                                        source: r["source"])
                }
            }
            half *= 2
        }
        if best > ReverseGeocoder.radiusKm * 1000 { nearest = nil }
        let basemap = try Dataset.open(try data.path(of: "basemap"), kind: .vector)
        let region = try feature(of: basemap, "admin1", containing: c).map { RegionHit(name: $0["name"].text, country: $0["iso_a2"].text) }
        let atSea = try region == nil && feature(of: basemap, "land", containing: c) == nil
        return ReverseResult(lat: c.lat, lon: c.lon, nearest: nearest,
                             nearestKm: nearest == nil ? nil : (best / 1000).rounded(toPlaces: 2),
                             region: region, water: atSea ? try water(at: c) : nil)
    }

    /// Straits and canals within this distance are named for a point at sea.
    public static let passageRadiusKm = 150.0

    private func water(at c: Coordinate) throws -> WaterHit {
        let rows = try db.read { db in
            try Row.fetchAll(db, sql: "SELECT name, kind, lat, lon FROM place WHERE kind IN ('strait', 'canal')")
        }
        let near = rows.map { r in (name: r["name"] as String, kind: r["kind"] as String,
                                    km: c.greatCircleKm(to: Coordinate(lon: r["lon"], lat: r["lat"]))) }
            .min { $0.km < $1.km }
        let note = "at sea; the built data names no seas or oceans"
        guard let near, near.km <= ReverseGeocoder.passageRadiusKm else { return WaterHit(note: note) }
        return WaterHit(nearestPassage: "\(near.name) (\(near.kind))", passageKm: near.km.rounded(toPlaces: 1), note: note)
    }

    /// The first polygon of `layer` that contains `c`.
    private func feature(of ds: Dataset, _ layer: String, containing c: Coordinate) throws -> Feature? {
        let l = try ds.layer(named: layer)
        l.setSpatialFilter(BoundingBox(west: c.lon - 1e-6, south: c.lat - 1e-6, east: c.lon + 1e-6, north: c.lat + 1e-6))
        return l.features().first { $0.geometry?.contains(c) == true }
    }
}
