import Foundation
import GeoCore

/// A path found over a `RoutingGraph`.
public struct GraphPath: Sendable {
    /// Node ids from start to end.
    public var nodes: [Int32]
    /// Sum of the network's own edge lengths, km.
    public var lengthKm: Double
}

extension RoutingGraph {
    /// The shortest path by edge length (A* with a great-circle and landmark lower bound), through nodes that
    /// `allowed` accepts; nil when the end cannot be reached.
    public func shortestPath(from start: Int32, to end: Int32, allowed: ((Int32) -> Bool)? = nil) -> GraphPath? {
        if start == end { return GraphPath(nodes: [start], lengthKm: 0) }
        // Lower bound: the chord between unit vectors times the Earth's radius is never longer than
        // the great circle, which track lengths never undercut; 0.999 absorbs Float rounding.
        // With landmarks, the larger of that and the ALT bound (see `Landmarks`).
        let chord = !unit.isEmpty
        let goal = chord ? unit[Int(end)] : SIMD3<Float>()
        let landmarks = self.landmarks ?? Landmarks(count: 0, distances: Column([]))
        let targetRow = landmarks.count > 0 ? landmarks.row(end) : []
        func bound(_ v: Int32) -> Double {
            var b = landmarks.bound(v, target: targetRow)
            if chord {
                let d = unit[Int(v)] - goal
                b = max(b, (d * d).sum().squareRoot() * Float(Coordinate.meanEarthRadiusKm) * 0.999)
            }
            return Double(b)
        }
        // Distances and predecessors only for the nodes reached (tens of thousands, not the graph's
        // hundreds of thousands): `reached[v]` is 1 + their index, 0 for a node not reached yet.
        var reached = [Int32](repeating: 0, count: nodes.count)
        var dist: [Double] = [], previous: [Int32] = []
        func index(_ v: Int32) -> Int {
            if reached[Int(v)] == 0 {
                dist.append(.infinity)
                previous.append(-1)
                reached[Int(v)] = Int32(dist.count)
            }
            return Int(reached[Int(v)]) - 1
        }
        var heap = MinHeap()
        dist[index(start)] = 0
        heap.push(bound(start), 0, start)
        // A node is settled when popped with its final distance; later (stale) entries carry a larger one.
        while let (_, g, n) = heap.pop() {
            let u = Int(n)
            if g > dist[Int(reached[u]) - 1] { continue }
            if n == end { break }
            for slot in Int(offsets[u])..<Int(offsets[u + 1]) {
                let v = targets[slot]
                let d = g + Double(lengths[slot])
                let j = index(v)
                if d < dist[j] {
                    if let allowed, v != end, !allowed(v) { continue }
                    dist[j] = d
                    previous[j] = n
                    heap.push(d + bound(v), d, v)
                }
            }
        }
        guard reached[Int(end)] > 0, dist[Int(reached[Int(end)]) - 1].isFinite else { return nil }
        var path: [Int32] = [end]
        while let last = path.last, last != start { path.append(previous[Int(reached[Int(last)]) - 1]) }
        return GraphPath(nodes: path.reversed(), lengthKm: dist[Int(reached[Int(end)]) - 1])
    }

    /// The connected component of every node (component ids by size rank: 0 is the largest).
    public func components() -> [Int32] {
        var comp = [Int32](repeating: -1, count: nodes.count)
        var sizes: [Int] = []
        var stack: [Int32] = []
        for s in 0..<nodes.count where comp[s] < 0 && offsets[s + 1] > offsets[s] {
            let id = Int32(sizes.count)
            comp[s] = id
            stack.append(Int32(s))
            var size = 0
            while let n = stack.popLast() {
                size += 1
                for slot in Int(offsets[Int(n)])..<Int(offsets[Int(n) + 1]) where comp[Int(targets[slot])] < 0 {
                    comp[Int(targets[slot])] = id
                    stack.append(targets[slot])
                }
            }
            sizes.append(size)
        }
        let rank = sizes.indices.sorted { sizes[$0] > sizes[$1] }
        var newID = [Int32](repeating: 0, count: sizes.count)
        for (r, old) in rank.enumerated() { newID[old] = Int32(r) }
        return comp.map { $0 < 0 ? -1 : newID[Int($0)] }
    }
}

/// A binary min-heap of (priority, distance, node).
struct MinHeap {
    private var items: [(Double, Double, Int32)] = []

    mutating func push(_ priority: Double, _ distance: Double, _ node: Int32) {
        items.append((priority, distance, node))
        var i = items.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            if items[p].0 <= items[i].0 { break }
            items.swapAt(p, i)
            i = p
        }
    }

    mutating func pop() -> (Double, Double, Int32)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count && items[l].0 < items[m].0 { m = l }
                if r < items.count && items[r].0 < items[m].0 { m = r }
                if m == i { break }
                items.swapAt(m, i)
                i = m
            }
        }
        return top
    }
}
