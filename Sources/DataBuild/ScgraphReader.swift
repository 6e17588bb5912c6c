import DataCatalog
import Foundation
import GeoCore

/// A network read from scgraph-data's Python source: node positions and undirected edges with
/// the network's own lengths in km.
public struct NetworkGraph: Sendable {
    /// Node positions, indexed by node id.
    public var nodes: [Coordinate]
    /// Each undirected edge once, `from < to`, sorted.
    public var edges: [Edge]

    /// An undirected edge between two node ids.
    public struct Edge: Sendable, Equatable {
        public var from: Int32
        public var to: Int32
        public var lengthKm: Double

        public init(from: Int32, to: Int32, lengthKm: Double) {
            self.from = from
            self.to = to
            self.lengthKm = lengthKm
        }
    }
}

/// Parses the `graph=[{j: km, ...}, ...]` and `nodes=[[lat, lon], ...]` literals of scgraph-data
/// without running Python. Only those two literals are read; anything else in the file is ignored.
public enum ScgraphReader {
    /// Nodes or edges past these counts mean a corrupt or hostile file.
    public static let maxNodes = 5_000_000
    public static let maxEdges = 20_000_000

    public static func read(_ path: String) throws -> NetworkGraph {
        guard var bytes = FileManager.default.contents(atPath: path).map(Array.init) else {
            throw GeoDataError.missingSource(path, expected: "scgraph-data network literal")
        }
        bytes.append(0) // strtod needs a terminator
        return try bytes.withUnsafeBufferPointer { buf in
            var p = Parser(buf: buf, path: path)
            guard let g = p.find("\ngraph=["), let n = p.find("\nnodes=[") else {
                throw GeoDataError.badSource(path, line: 1, reason: "no graph=[...] and nodes=[...] literals")
            }
            p.pos = n
            let nodes = try p.nodes()
            p.pos = g
            let edges = try p.edges(nodeCount: nodes.count)
            return NetworkGraph(nodes: nodes, edges: edges)
        }
    }

    struct Parser {
        let buf: UnsafeBufferPointer<UInt8>
        let path: String
        var pos = 0

        /// Index just past `marker`, searched from the start.
        func find(_ marker: String) -> Int? {
            let m = Array(marker.utf8)
            var i = 0
            let end = buf.count - m.count
            while i < end {
                if buf[i] == m[0] {
                    var k = 1
                    while k < m.count && buf[i + k] == m[k] { k += 1 }
                    if k == m.count { return i + m.count }
                }
                i += 1
            }
            return nil
        }

        func fail(_ what: String) -> GeoDataError {
            let line = buf[0..<min(pos, buf.count)].reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
            return .badSource(path, line: line, reason: "\(what) at byte \(pos)")
        }

        mutating func skipSpace() { while buf[pos] == 32 || buf[pos] == 10 || buf[pos] == 13 { pos += 1 } }

        mutating func expect(_ c: UInt8) throws {
            skipSpace()
            guard buf[pos] == c else { throw fail("expected '\(Character(UnicodeScalar(c)))'") }
            pos += 1
        }

        mutating func number() throws -> Double {
            skipSpace()
            let start = buf.baseAddress! + pos
            var end: UnsafeMutablePointer<CChar>?
            let v = start.withMemoryRebound(to: CChar.self, capacity: 1) { strtod($0, &end) }
            let consumed = end.map { UnsafeRawPointer($0) - UnsafeRawPointer(start) } ?? 0
            guard consumed > 0 else { throw fail("expected a number") }
            pos += consumed
            return v
        }

        mutating func integer() throws -> Int {
            skipSpace()
            var v = 0, digits = 0
            while buf[pos] >= 48 && buf[pos] <= 57 {
                v = v * 10 + Int(buf[pos] - 48); pos += 1; digits += 1
                guard digits < 12 else { throw fail("integer too long") }
            }
            guard digits > 0 else { throw fail("expected a node index") }
            return v
        }

        /// `[[lat, lon], ...]` after the opening bracket.
        mutating func nodes() throws -> [Coordinate] {
            var out: [Coordinate] = []
            skipSpace()
            if buf[pos] == 93 { pos += 1; return out }
            while true {
                try expect(91)
                let lat = try number()
                try expect(44)
                let lon = try number()
                try expect(93)
                let c = Coordinate(lon: lon, lat: lat)
                guard c.isValid else { throw fail("invalid coordinate [\(lat), \(lon)]") }
                out.append(c)
                guard out.count <= ScgraphReader.maxNodes else { throw fail("more than \(ScgraphReader.maxNodes) nodes") }
                skipSpace()
                if buf[pos] == 44 { pos += 1; continue }
                try expect(93)
                return out
            }
        }

        /// `[{j: km, ...}, ...]` after the opening bracket; each undirected edge kept once.
        mutating func edges(nodeCount: Int) throws -> [NetworkGraph.Edge] {
            var best: [Int64: Double] = [:]
            var node = 0
            skipSpace()
            if buf[pos] == 93 { return [] }
            while true {
                try expect(123)
                skipSpace()
                if buf[pos] == 125 { pos += 1 } else {
                    while true {
                        let j = try integer()
                        try expect(58)
                        let km = try number()
                        guard j < nodeCount, node < nodeCount else { throw fail("node index \(max(j, node)) beyond the \(nodeCount) nodes") }
                        guard km.isFinite, km >= 0 else { throw fail("negative or invalid length \(km)") }
                        if j != node {
                            let a = min(j, node), b = max(j, node)
                            let key = Int64(a) << 32 | Int64(b)
                            // Both directions are listed; keep the shorter if they disagree.
                            if let old = best[key] { if km < old { best[key] = km } } else { best[key] = km }
                            guard best.count <= ScgraphReader.maxEdges else { throw fail("more than \(ScgraphReader.maxEdges) edges") }
                        }
                        skipSpace()
                        if buf[pos] == 44 { pos += 1; continue }
                        try expect(125)
                        break
                    }
                }
                node += 1
                skipSpace()
                if buf[pos] == 44 { pos += 1; continue }
                try expect(93)
                break
            }
            return best.keys.sorted().map { key in
                NetworkGraph.Edge(from: Int32(key >> 32), to: Int32(key & 0xFFFF_FFFF), lengthKm: best[key]!)
            }
        }
    }
}
