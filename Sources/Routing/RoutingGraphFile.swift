import Foundation
import PosixBindings
import GeoCore

/// The compact cached form of a routing graph: built once by `geobrief data build`, loaded in
/// milliseconds. Little-endian: magic "GBGRAPH3", node count, edge slots, country codes, then
/// lat, lon (Float64), country (UInt16) per node, CSR offsets (UInt32), targets (UInt32) and
/// lengths (Float32) per edge slot, then the landmark count and each node's landmark distances (Float32),
/// then the count of valid nodes and their ids in order of latitude (UInt32); last, the checksum (`FileSeal`).
package enum RoutingGraphFile {
    static let magic = Array("GBGRAPH3".utf8)

    package static func write(_ g: RoutingGraph, to path: String) throws {
        var d = Data(magic)
        func u32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { d.append(contentsOf: $0) } }
        func array<T>(_ a: [T]) { a.withUnsafeBytes { d.append(contentsOf: $0) } }
        u32(g.nodes.count); u32(g.targets.count); u32(g.countryCodes.count)
        for c in g.countryCodes { d.append(contentsOf: Array((c + "  ").utf8.prefix(2))) }
        array(g.nodes.map(\.lat)); array(g.nodes.map(\.lon)); array(g.nodeCountries)
        array(g.offsets.map { UInt32($0) }); array(g.targets.map { UInt32(bitPattern: $0) }); array(Array(g.lengths))
        u32(g.landmarks?.count ?? 0); array(Array(g.landmarks?.distances ?? Column([])))
        u32(g.byLatitude.count); array(g.byLatitude.map { UInt32($0) })
        try AtomicFile.write(FileSeal.sealed(d), to: path)
        FileSeal.markVerified(path: path)
    }

    /// Reads a graph file: node tables are copied, the edge and landmark columns (most of the
    /// bytes) are read in place from the mapped file. Offsets and targets are checked in full.
    package static func read(_ path: String) throws -> RoutingGraph {
        let file: MappedFile
        do { file = try MappedFile(path: path) } catch {
            throw RoutingError.badGraphFile(path, reason: "missing; run `make geodata`")
        }
        var pos = magic.count
        guard file.count > 20, file.bytesEqual(0, magic.count, magic) else { throw RoutingError.badGraphFile(path, reason: "not a GeoBrief graph file (or one of an older format): run `make geodata`") }
        // The seal and the checks of the contents below run once per version of the file.
        let trusted = FileSeal.isVerified(file)
        let length: Int
        do { length = trusted ? file.count - 8 : try FileSeal.checkSeal(file) } catch { throw RoutingError.badGraphFile(path, reason: "\(error)") }
        func need(_ bytes: Int) throws {
            guard bytes >= 0, pos <= length - bytes else { throw RoutingError.badGraphFile(path, reason: "truncated") }
        }
        func u32() throws -> Int {
            try need(4)
            defer { pos += 4 }
            return Int(file.u32(pos))
        }
        /// `count` values copied into an array.
        func array<T: BitwiseCopyable>(_ count: Int, _: T.Type) throws -> [T] {
            try need(count * MemoryLayout<T>.stride)
            defer { pos += count * MemoryLayout<T>.stride }
            return file.array(pos, count: count, of: T.self)
        }
        /// `count` 32-bit values left in the file.
        func column<T: ColumnValue>(_ count: Int, _: T.Type) throws -> Column<T> {
            try need(count * 4)
            defer { pos += count * 4 }
            return Column(file: file, offset: pos, count: count)
        }
        let n = try u32(), slots = try u32(), nc = try u32()
        guard n < 50_000_000, slots < 200_000_000, nc < 1_000 else { throw RoutingError.badGraphFile(path, reason: "implausible sizes") }
        var codes: [String] = []
        for _ in 0..<nc {
            try need(2)
            codes.append(file.string(pos, 2).trimmingCharacters(in: .whitespaces))
            pos += 2
        }
        // Positions, offsets and the latitude order are read in place; the countries are copied.
        try need(16 * n)
        let nodes = NodeColumn(file: file, latitudes: pos, longitudes: pos + 8 * n, count: n)
        pos += 16 * n
        let country = try array(n, UInt16.self)
        // Stored as UInt32, read as Int32 (the same bits below 2^31, which the size checks above ensure).
        let offsets = try column(n + 1, Int32.self)
        let targetsAt = pos
        let targets = try column(slots, Int32.self), lengths = try column(slots, Float.self)
        let landmarkCount = try u32()
        guard landmarkCount <= 64 else { throw RoutingError.badGraphFile(path, reason: "implausible landmark count") }
        let landmarks = landmarkCount == 0 ? nil
            : Landmarks(count: landmarkCount, distances: try column(n * landmarkCount, Float.self))
        let sortedCount = try u32()
        guard sortedCount <= n else { throw RoutingError.badGraphFile(path, reason: "implausible node order") }
        let byLatitude = try column(sortedCount, Int32.self)
        // What a search must be able to trust, checked once per version of the file.
        if !trusted {
            guard offsets.first == 0, offsets.last.map(Int.init) == slots, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
                  file.u32sAllBelow(targetsAt, count: slots, limit: UInt32(n)) else {
                throw RoutingError.badGraphFile(path, reason: "inconsistent adjacency")
            }
            // Coordinates and lengths a search can trust (the checksum covers damage; this covers a file
            // that was never a graph of ours): latitudes in range, lengths finite and not negative.
            // (A node that is no coordinate at all, NaN, is a gap the writer left and is never searched.)
            guard nodes.allSatisfy({ $0.lat.isNaN || $0.lon.isNaN || (abs($0.lat) <= 90 && abs($0.lon) <= 540) }) else {
                throw RoutingError.badGraphFile(path, reason: "a node lies outside the globe")
            }
            guard (0..<slots).allSatisfy({ let v = lengths[$0]; return v.isFinite && v >= 0 }) else {
                throw RoutingError.badGraphFile(path, reason: "an edge length is negative or not a number")
            }
            guard byLatitude.allSatisfy({ $0 >= 0 && Int($0) < n }) else { throw RoutingError.badGraphFile(path, reason: "inconsistent node order") }
            // Every node's country is one of the codes (the first, unknown, is always there).
            guard nc >= 1, country.allSatisfy({ Int($0) < nc }) else { throw RoutingError.badGraphFile(path, reason: "a node's country is not in the table") }
            FileSeal.markVerified(path: path)
        }
        return RoutingGraph(nodes: nodes, offsets: offsets,
                            targets: targets, lengths: lengths, nodeCountries: country, countryCodes: codes,
                            landmarks: landmarks, byLatitude: byLatitude)
    }
}
