import Foundation
import Gazetteer
import GeoCore
import Routing

/// Seed inputs made from nothing but the formats' own definitions (no data of anyone else's):
/// small valid key tables and graph caches, WKB and GeoPackage blobs, figures, dates, coordinates.
/// `geobrief-fuzz seeds Tests/Fuzz/corpus` writes them; the scenario and theme seeds are the
/// project's own examples, copied by `make fuzz`.
enum Seeds {
    static func write(into corpus: String) {
        func put(_ target: String, _ name: String, _ bytes: [UInt8]) {
            let folder = (corpus as NSString).appendingPathComponent(target)
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: (folder as NSString).appendingPathComponent(name), contents: Data(bytes))
        }
        for (i, s) in ["1500", "1,500", "~50,000", "10,000-12,000", "10,000–12,000", "up to 10,000", ">= 30", "8 million", "0.5", "999000000 million"].enumerated() {
            put("figure", "f\(i)", Array(s.utf8))
        }
        for (i, s) in ["2024-10-23", "2024-10", "2024", "2024-10/2024-11", "1000-01-01", "9999-12-31"].enumerated() { put("date", "d\(i)", Array(s.utf8)) }
        for (i, s) in ["51.19,35.27", "-33.9,18.4", "0,0", "90,-180"].enumerated() { put("latlon", "c\(i)", Array(s.utf8)) }
        // WKB (little-endian): a point and a square polygon.
        var point: [UInt8] = [1]
        point += le32(1) + f64(35.27) + f64(51.19)
        var polygon: [UInt8] = [1]
        polygon += le32(3) + le32(1) + le32(5)
        for (x, y) in [(35.0, 51.0), (36.0, 51.0), (36.0, 52.0), (35.0, 52.0), (35.0, 51.0)] { polygon += f64(x) + f64(y) }
        put("wkb", "point", point)
        put("wkb", "polygon", polygon)
        // GeoPackage blobs: "GP", version 0, flags (little-endian, no envelope), SRS id 4326, then WKB.
        put("gpkg-blob", "point", [0x47, 0x50, 0, 1] + le32(4326) + point)
        put("gpkg-blob", "polygon", [0x47, 0x50, 0, 1] + le32(4326) + polygon)
        put("key-table", "empty", emptyKeyTable())
        put("graph-cache", "triangle", triangleGraph())
        print("seeds written into \(corpus)")
    }

    static func le32(_ v: UInt32) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }
    static func le64(_ v: UInt64) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }
    static func f64(_ v: Double) -> [UInt8] { le64(v.bitPattern) }

    /// A key table with no places: every section empty, each map one empty slot (unsealed; the
    /// target seals what it is given).
    static func emptyKeyTable() -> [UInt8] {
        typealias L = KeyTableLayout
        let table = L.headerSize + L.sectionCount * 16
        var out = le64(L.magic) + le32(L.version) + le32(UInt32(L.sectionCount))
        var body: [UInt8] = []
        for i in 0..<L.sectionCount {
            let isSlots = i >= L.Section.allCases.count && (i - L.Section.allCases.count) % 3 == 1
            let length = isSlots ? L.slotSize : 0
            out += le64(UInt64(table + body.count)) + le64(UInt64(length))
            body += [UInt8](repeating: 0, count: length)
        }
        return out + body
    }

    /// Three nodes in a triangle, as the graph cache writer lays them out.
    static func triangleGraph() -> [UInt8] {
        let g = RoutingGraph(nodes: [Coordinate(lon: 36, lat: 51), Coordinate(lon: 37, lat: 51), Coordinate(lon: 36.5, lat: 52)],
                             edges: [(0, 1, 70), (1, 2, 120), (2, 0, 120)])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("geobrief-seed-\(getpid()).graph").path
        defer { unlink(path) }
        try? RoutingGraphFile.write(g, to: path)
        // The target seals its input itself: the seed is the file without its checksum.
        let sealed = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
        return Array(sealed.dropLast(8))
    }
}
