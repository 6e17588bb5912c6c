import Foundation
import GeoCore

/// A routable network in compressed sparse rows: for node `n`, its neighbours are
/// `targets[offsets[n]..<offsets[n+1]]` with the network's own lengths in km.
public struct RoutingGraph: Sendable {
    public let nodes: NodeColumn
    let offsets: Column<Int32>
    let targets: Column<Int32>
    let lengths: Column<Float>
    /// Per node, an index into `countryCodes` (0: unknown, at sea or on a simplified-away coast).
    public package(set) var nodeCountries: [UInt16]
    public package(set) var countryCodes: [String]
    /// Unit vectors of the nodes (Float), for A*'s chord-length lower bound without trigonometry
    /// (empty for graphs loaded with landmarks, whose bound is the better one).
    let unit: [SIMD3<Float>]
    /// Distances to landmarks for a tighter lower bound (cached graphs have them).
    public internal(set) var landmarks: Landmarks?
    /// The valid nodes sorted by latitude, for snapping a point by scanning only a band around it.
    let byLatitude: Column<Int32>

    /// The valid nodes in order of latitude (then id).
    static func latitudeOrder(_ nodes: NodeColumn) -> [Int32] {
        nodes.indices.filter { nodes[$0].isValid }.sorted { (nodes[$0].lat, $0) < (nodes[$1].lat, $1) }.map { Int32($0) }
    }

    static func unitVectors(_ nodes: NodeColumn) -> [SIMD3<Float>] {
        nodes.map { c in
            guard c.isValid else { return SIMD3<Float>(0, 0, 0) }
            let la = c.lat * .pi / 180, lo = c.lon * .pi / 180
            return SIMD3<Float>(Float(cos(la) * cos(lo)), Float(cos(la) * sin(lo)), Float(sin(la)))
        }
    }

    init(nodes: NodeColumn, offsets: Column<Int32>, targets: Column<Int32>, lengths: Column<Float>, nodeCountries: [UInt16], countryCodes: [String],
         landmarks: Landmarks? = nil, byLatitude: Column<Int32>? = nil) {
        self.landmarks = landmarks
        self.byLatitude = byLatitude ?? Column(RoutingGraph.latitudeOrder(nodes))
        self.nodes = nodes
        self.offsets = offsets
        self.targets = targets
        self.lengths = lengths
        self.nodeCountries = nodeCountries
        self.countryCodes = countryCodes
        // With landmarks the chord bound adds nothing (A* settles the same nodes): skip its trigonometry.
        self.unit = landmarks == nil ? RoutingGraph.unitVectors(nodes) : []
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
        let column = NodeColumn(nodes)
        self.nodes = column
        self.offsets = Column(offsets)
        self.targets = Column(targets)
        self.lengths = Column(lengths)
        self.nodeCountries = [UInt16](repeating: 0, count: nodes.count)
        self.countryCodes = [""]
        self.unit = RoutingGraph.unitVectors(column)
        self.byLatitude = Column(RoutingGraph.latitudeOrder(column))
    }

    /// A filter for `shortestPath` keeping to nodes in the given countries (ISO alpha-2); nodes of
    /// unknown country (coasts, stations the 1:10m polygons miss) are allowed.
    public func within(_ countries: Set<String>) -> (Int32) -> Bool {
        var allowed = countryCodes.map(countries.contains)
        allowed[0] = true
        let table = nodeCountries
        return { allowed[Int(table[Int($0)])] }
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
        nearestNodes(to: [c])[0]
    }

    /// The node nearest to each point (great-circle distance, km). Each search starts at the point's
    /// latitude in `byLatitude` and walks outwards both ways until the latitude difference alone
    /// rules out anything closer; a cheap equirectangular measure sorts out the candidates first.
    public func nearestNodes(to points: [Coordinate]) -> [(node: Int32, km: Double)?] {
        points.map { c in
            guard c.isValid, !byLatitude.isEmpty else { return nil }
            let cosLat = cos(c.lat * .pi / 180)
            var best: Int32 = -1, bestKm = Double.infinity, bestApprox = Double.infinity
            // First node at or above the point's latitude.
            var lo = 0, hi = byLatitude.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if nodes[Int(byLatitude[mid])].lat < c.lat { lo = mid + 1 } else { hi = mid }
            }
            func consider(_ i: Int) -> Bool {
                let n = nodes[Int(byLatitude[i])]
                let dy = n.lat - c.lat
                if dy * dy >= bestApprox * 1.1 { return false }
                let dx = Coordinate.normalizeLongitude(n.lon - c.lon) * cosLat
                let approx = dx * dx + dy * dy
                if approx < bestApprox * 1.1 {
                    let km = c.greatCircleKm(to: n)
                    if km < bestKm || (km == bestKm && byLatitude[i] < best) { bestKm = km; best = byLatitude[i] }
                    bestApprox = min(bestApprox, approx)
                }
                return true
            }
            var up = lo, down = lo - 1
            var goUp = up < byLatitude.count, goDown = down >= 0
            while goUp || goDown {
                if goUp { goUp = consider(up); up += 1; goUp = goUp && up < byLatitude.count }
                if goDown { goDown = consider(down); down -= 1; goDown = goDown && down >= 0 }
            }
            return best < 0 ? nil : (best, bestKm)
        }
    }
}
