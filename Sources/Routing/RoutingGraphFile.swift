import Foundation
import GeoCore

/// The compact cached form of a routing graph: built once by `geobrief data build`, loaded in
/// milliseconds. Little-endian: magic "GBGRAPH1", node count, edge slots, country codes, then
/// lat, lon (Float64), country (UInt16) per node, CSR offsets (UInt32), targets (UInt32) and
/// lengths (Float32) per edge slot, then the landmark count and each node's landmark distances (Float32),
/// then the count of valid nodes and their ids in order of latitude (UInt32).
package enum RoutingGraphFile {
    static let magic = Array("GBGRAPH2".utf8)

    package static func write(_ g: RoutingGraph, to path: String) throws {
        var d = Data(magic)
        func u32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { d.append(contentsOf: $0) } }
        func array<T>(_ a: [T]) { a.withUnsafeBytes { d.append(contentsOf: $0) } }
        u32(g.nodes.count); u32(g.targets.count); u32(g.countryCodes.count)
        for c in g.countryCodes { d.append(contentsOf: Array((c + "  ").utf8.prefix(2))) }
        array(g.nodes.map(\.lat)); array(g.nodes.map(\.lon)); array(g.nodeCountries)
        array(g.offsets.map { UInt32($0) }); array(g.targets.map { UInt32($0) }); array(g.lengths)
        u32(g.landmarks?.count ?? 0); array(g.landmarks?.distances ?? [])
        u32(g.byLatitude.count); array(g.byLatitude.map { UInt32($0) })
        try d.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    static func read(_ path: String) throws -> RoutingGraph {
        guard let d = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
            throw RoutingError.badGraphFile(path, reason: "missing; run `make geodata`")
        }
        var pos = magic.count
        guard d.count > 20, Array(d.prefix(magic.count)) == magic else { throw RoutingError.badGraphFile(path, reason: "not a GeoBrief graph file") }
        func u32() throws -> Int {
            guard pos + 4 <= d.count else { throw RoutingError.badGraphFile(path, reason: "truncated") }
            defer { pos += 4 }
            return Int(d[d.startIndex + pos..<d.startIndex + pos + 4].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self).littleEndian })
        }
        func array<T>(_ count: Int, _: T.Type) throws -> [T] {
            let bytes = count * MemoryLayout<T>.stride
            guard pos + bytes <= d.count else { throw RoutingError.badGraphFile(path, reason: "truncated") }
            defer { pos += bytes }
            return [T](unsafeUninitializedCapacity: count) { buf, n in
                d.copyBytes(to: UnsafeMutableRawBufferPointer(buf), from: d.startIndex + pos..<d.startIndex + pos + bytes)
                n = count
            }
        }
        let n = try u32(), slots = try u32(), nc = try u32()
        guard n < 50_000_000, slots < 200_000_000, nc < 1_000 else { throw RoutingError.badGraphFile(path, reason: "implausible sizes") }
        var codes: [String] = []
        for _ in 0..<nc {
            guard pos + 2 <= d.count else { throw RoutingError.badGraphFile(path, reason: "truncated") }
            codes.append(String(decoding: d[d.startIndex + pos..<d.startIndex + pos + 2], as: UTF8.self).trimmingCharacters(in: .whitespaces))
            pos += 2
        }
        let lat = try array(n, Double.self), lon = try array(n, Double.self), country = try array(n, UInt16.self)
        // Stored as UInt32, read as Int32 (the same bits below 2^31, which the size checks above ensure).
        let offsets = try array(n + 1, Int32.self), targets = try array(slots, Int32.self), lengths = try array(slots, Float.self)
        guard offsets.first == 0, offsets.last.map(Int.init) == slots, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
              targets.allSatisfy({ $0 >= 0 && Int($0) < n }) else {
            throw RoutingError.badGraphFile(path, reason: "inconsistent adjacency")
        }
        let landmarkCount = try u32()
        guard landmarkCount <= 64 else { throw RoutingError.badGraphFile(path, reason: "implausible landmark count") }
        let landmarks = landmarkCount == 0 ? nil
            : Landmarks(count: landmarkCount, distances: try array(n * landmarkCount, Float.self))
        let sortedCount = try u32()
        guard sortedCount <= n else { throw RoutingError.badGraphFile(path, reason: "implausible node order") }
        let byLatitude = try array(sortedCount, Int32.self)
        guard byLatitude.allSatisfy({ $0 >= 0 && Int($0) < n }) else { throw RoutingError.badGraphFile(path, reason: "inconsistent node order") }
        return RoutingGraph(nodes: zip(lon, lat).map { Coordinate(lon: $0, lat: $1) }, offsets: offsets,
                            targets: targets, lengths: lengths, nodeCountries: country, countryCodes: codes,
                            landmarks: landmarks, byLatitude: byLatitude)
    }
}
