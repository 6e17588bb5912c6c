import Foundation
import GeoCore

/// A routable network in compressed sparse rows: for node `n`, its neighbours are
/// `targets[offsets[n]..<offsets[n+1]]` with the network's own lengths in km.
public struct RoutingGraph: Sendable {
    public let nodes: [Coordinate]
    let offsets: [Int32]
    let targets: [Int32]
    let lengths: [Float]
    /// Per node, an index into `countryCodes` (0: unknown, at sea or on a simplified-away coast).
    public internal(set) var nodeCountries: [UInt16]
    public internal(set) var countryCodes: [String]
    /// Unit vectors of the nodes (Float), for A*'s chord-length lower bound without trigonometry.
    let unit: [SIMD3<Float>]

    static func unitVectors(_ nodes: [Coordinate]) -> [SIMD3<Float>] {
        nodes.map { c in
            guard c.isValid else { return SIMD3<Float>(0, 0, 0) }
            let la = c.lat * .pi / 180, lo = c.lon * .pi / 180
            return SIMD3<Float>(Float(cos(la) * cos(lo)), Float(cos(la) * sin(lo)), Float(sin(la)))
        }
    }

    init(nodes: [Coordinate], offsets: [Int32], targets: [Int32], lengths: [Float], nodeCountries: [UInt16], countryCodes: [String]) {
        self.nodes = nodes
        self.offsets = offsets
        self.targets = targets
        self.lengths = lengths
        self.nodeCountries = nodeCountries
        self.countryCodes = countryCodes
        self.unit = RoutingGraph.unitVectors(nodes)
    }

    /// Builds the graph from undirected edges (each used in both directions).
    public init(nodes: [Coordinate], edges: [(from: Int32, to: Int32, km: Double)]) {
        var degree = [Int32](repeating: 0, count: nodes.count + 1)
        for e in edges { degree[Int(e.from)] += 1; degree[Int(e.to)] += 1 }
        var offsets = [Int32](repeating: 0, count: nodes.count + 1)
        for i in 0..<nodes.count { offsets[i + 1] = offsets[i] + degree[i] }
        var fill = Array(offsets.dropLast())
        var targets = [Int32](repeating: 0, count: Int(offsets[nodes.count]))
        var lengths = [Float](repeating: 0, count: targets.count)
        for e in edges {
            for (a, b) in [(e.from, e.to), (e.to, e.from)] {
                let slot = Int(fill[Int(a)])
                targets[slot] = b
                lengths[slot] = Float(e.km)
                fill[Int(a)] += 1
            }
        }
        self.nodes = nodes
        self.offsets = offsets
        self.targets = targets
        self.lengths = lengths
        self.nodeCountries = [UInt16](repeating: 0, count: nodes.count)
        self.countryCodes = [""]
        self.unit = RoutingGraph.unitVectors(nodes)
    }

    /// A filter for `shortestPath` keeping to nodes in the given countries (ISO alpha-2); nodes of
    /// unknown country (coasts, stations the 1:10m polygons miss) are allowed.
    public func within(_ countries: Set<String>) -> (Int32) -> Bool {
        let allowed = Set(countryCodes.indices.filter { countries.contains(countryCodes[$0]) }.map(UInt16.init)).union([0])
        let table = nodeCountries
        return { allowed.contains(table[Int($0)]) }
    }

    /// The ISO code of a node's country ("" when unknown).
    public func country(of node: Int32) -> String { countryCodes[Int(nodeCountries[Int(node)])] }

    public var edgeCount: Int { targets.count / 2 }

    /// The node nearest to `c` among those `accept` lets through.
    func nearestNode(to c: Coordinate, among accept: (Int32) -> Bool) -> Int32? {
        var best: Int32?, bestKm = Double.infinity
        for (i, n) in nodes.enumerated() where n.isValid && accept(Int32(i)) {
            let km = c.greatCircleKm(to: n)
            if km < bestKm { bestKm = km; best = Int32(i) }
        }
        return best
    }

    /// The node nearest to `c` (great-circle distance), with that distance in km; nil for an empty graph.
    public func nearestNode(to c: Coordinate) -> (node: Int32, km: Double)? {
        var best: Int32 = -1, bestKm = Double.infinity
        // A cheap equirectangular pre-filter, then the exact distance on the few that pass.
        let cosLat = cos(c.lat * .pi / 180)
        var bestApprox = Double.infinity
        nodes.withUnsafeBufferPointer { all in
            for i in 0..<all.count {
                let n = all[i]
                // Latitude alone rules out most nodes before any longitude work.
                let dy = n.lat - c.lat
                if dy * dy >= bestApprox * 1.1 { continue }
                let dx = Coordinate.normalizeLongitude(n.lon - c.lon) * cosLat
                let approx = dx * dx + dy * dy
                if approx < bestApprox * 1.1 {
                    let km = c.greatCircleKm(to: n)
                    if km < bestKm { bestKm = km; best = Int32(i) }
                    bestApprox = min(bestApprox, approx)
                }
            }
        }
        return best < 0 ? nil : (best, bestKm)
    }
}
