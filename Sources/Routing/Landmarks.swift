import GeoCore

/// Network distances from every node to a few landmarks spread over the largest component
/// (farthest-first), for A*'s ALT lower bound (Goldberg & Harrelson 2005): by the triangle
/// inequality a path from `v` to `t` is at least `|d(l, t) - d(l, v)|` long for every landmark `l`.
/// The bound stays valid under any node filter, since a filter only lengthens paths.
public struct Landmarks: Sendable {
    /// Number of landmarks.
    public let count: Int
    /// Node-major: the distances of node `v` are `distances[v * count ..< (v + 1) * count]`, km
    /// (infinity where a node cannot reach the landmark).
    let distances: Column<Float>

    init(count: Int, distances: Column<Float>) {
        self.count = count
        self.distances = distances
    }

    /// Landmarks for `graph`: `count` full Dijkstra searches, each from the node farthest from those chosen so far.
    init(graph: RoutingGraph, count: Int) {
        let n = graph.nodes.count
        let component = graph.components()
        guard count > 0, let start = component.firstIndex(of: 0) else {
            self.init(count: 0, distances: Column([]))
            return
        }
        var table = [Float](repeating: .infinity, count: n * count)
        var nearest = graph.distances(from: Int32(start))
        for i in 0..<count {
            var next = 0, far: Float = -1
            for v in 0..<n where component[v] == 0 && nearest[v].isFinite && nearest[v] > far { far = nearest[v]; next = v }
            let d = graph.distances(from: Int32(next))
            for v in 0..<n { table[v * count + i] = d[v] }
            if i == 0 { nearest = d } else { for v in 0..<n { nearest[v] = min(nearest[v], d[v]) } }
        }
        self.init(count: count, distances: Column(table))
    }

    /// The target's distances, to compare every node's against.
    func row(_ t: Int32) -> [Float] {
        Array(distances[Int(t) * count..<(Int(t) + 1) * count])
    }

    /// The ALT lower bound from `v` to the target whose `row` is given, km (0 without landmarks).
    @inline(__always)
    func bound(_ v: Int32, target: [Float]) -> Float {
        guard count > 0 else { return 0 }
        var best: Float = 0
        let base = Int(v) * count
        for i in 0..<count {
            let a = target[i], b = distances[base + i]
            if a.isFinite && b.isFinite { best = max(best, abs(a - b)) }
        }
        // Float rounding of distances near 20,000 km is a few metres: stay below.
        return best * 0.999_99 - 0.01
    }
}

extension RoutingGraph {
    /// Network distances from `s` to every node (Dijkstra), km; infinity where unreachable.
    func distances(from s: Int32) -> [Float] {
        var dist = [Double](repeating: .infinity, count: nodes.count)
        var heap = MinHeap()
        dist[Int(s)] = 0
        heap.push(0, 0, s)
        while let (d, _, n) = heap.pop() {
            let u = Int(n)
            if d > dist[u] { continue }
            for slot in Int(offsets[u])..<Int(offsets[u + 1]) {
                let v = Int(targets[slot]), nd = d + Double(lengths[slot])
                if nd < dist[v] {
                    dist[v] = nd
                    heap.push(nd, nd, targets[slot])
                }
            }
        }
        return dist.map { Float($0) }
    }

    /// This graph with `count` landmarks for faster shortest paths (cached graphs carry 8).
    public func withLandmarks(_ count: Int = 8) -> RoutingGraph {
        var g = self
        g.landmarks = Landmarks(graph: self, count: count)
        return g
    }
}
