import DataCatalog
import Foundation
import GeoCore

/// Reads GMT's multi-segment text (`gmt coast -M`): `>` header lines, then "lon lat" rows.
public enum GMTSegmentReader {
    /// One segment: its header text and points.
    public struct Segment: Sendable {
        public var header: String
        public var points: [Coordinate]
    }

    public static func read(_ path: String) throws -> [Segment] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw GeoDataError.missingSource(path, expected: "GMT segment export")
        }
        var out: [Segment] = []
        var current: Segment?
        for (i, line) in text.split(separator: "\n").enumerated() {
            if line.hasPrefix("#") { continue }
            if line.hasPrefix(">") {
                if let c = current { out.append(c) }
                current = Segment(header: line.dropFirst().trimmingCharacters(in: .whitespaces), points: [])
                continue
            }
            let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard f.count >= 2, let lon = Double(f[0]), let lat = Double(f[1]) else {
                throw GeoDataError.badSource(path, line: i + 1, reason: "expected 'lon lat', found '\(line.prefix(60))'")
            }
            if current == nil { current = Segment(header: "", points: []) }
            current!.points.append(Coordinate(lon: lon, lat: lat))
        }
        if let c = current { out.append(c) }
        return out
    }

    /// Groups closed rings into polygons: a ring inside an odd number of the other rings is a hole
    /// of the smallest ring that holds it.
    public static func polygons(from rings: [[Coordinate]]) -> Geometry {
        let closed = rings.filter { $0.count >= 4 }.map { r -> [Coordinate] in r.first == r.last ? r : r + [r[0]] }
        let area = closed.map { abs(signedArea($0)) }
        var parent = [Int?](repeating: nil, count: closed.count)
        var depth = [Int](repeating: 0, count: closed.count)
        for i in closed.indices {
            let probe = closed[i][0]
            var holders: [Int] = []
            for j in closed.indices where j != i && area[j] > area[i] && Geometry.polygon([closed[j]]).contains(probe) {
                holders.append(j)
            }
            depth[i] = holders.count
            parent[i] = holders.min(by: { area[$0] < area[$1] })
        }
        var polys: [[[Coordinate]]] = []
        var index: [Int: Int] = [:]
        for i in closed.indices where depth[i] % 2 == 0 {
            index[i] = polys.count
            polys.append([closed[i]])
        }
        for i in closed.indices where depth[i] % 2 == 1 {
            if let p = parent[i], let k = index[p] { polys[k].append(closed[i]) }
        }
        return .multiPolygon(polys)
    }

    static func signedArea(_ ring: [Coordinate]) -> Double {
        var a = 0.0
        for (p, q) in zip(ring, ring.dropFirst()) { a += p.lon * q.lat - q.lon * p.lat }
        return a / 2
    }
}
