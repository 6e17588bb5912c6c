import GeoCore

extension NetworkGraph {
    /// The network as polylines running from junction to junction (or dead end): edges joined
    /// through every node where exactly two edges meet. Same geometry as the edges, a tenth of the
    /// features, so that maps draw whole lines rather than hundreds of thousands of segments.
    public func lines() -> [(points: [Coordinate], lengthKm: Double)] {
        var adjacency = [[(node: Int32, edge: Int)]](repeating: [], count: nodes.count)
        for (i, e) in edges.enumerated() {
            adjacency[Int(e.from)].append((e.to, i))
            adjacency[Int(e.to)].append((e.from, i))
        }
        var used = [Bool](repeating: false, count: edges.count)
        var out: [(points: [Coordinate], lengthKm: Double)] = []
        /// Walks from `node` along `edge` until a junction, a dead end or a used edge.
        func walk(from node: Int32, along edge: Int) -> (nodes: [Int32], km: Double) {
            var path: [Int32] = [node], km = 0.0
            var current = node, e = edge
            while !used[e] {
                used[e] = true
                km += edges[e].lengthKm
                let other = edges[e].from == current ? edges[e].to : edges[e].from
                path.append(other)
                current = other
                let links = adjacency[Int(other)]
                guard links.count == 2, let nextEdge = links.first(where: { $0.edge != e })?.edge else { break }
                e = nextEdge
            }
            return (path, km)
        }
        for (i, e) in edges.enumerated() where !used[i] {
            // Start from the edge and extend both ways through two-edge nodes.
            used[i] = true
            var forward: (nodes: [Int32], km: Double) = ([e.from, e.to], e.lengthKm)
            if adjacency[Int(e.to)].count == 2, let next = adjacency[Int(e.to)].first(where: { $0.edge != i })?.edge {
                let more = walk(from: e.to, along: next)
                forward.nodes += more.nodes.dropFirst(); forward.km += more.km
            }
            if adjacency[Int(e.from)].count == 2, let prev = adjacency[Int(e.from)].first(where: { $0.edge != i })?.edge {
                let more = walk(from: e.from, along: prev)
                forward.nodes = more.nodes.reversed() + forward.nodes.dropFirst()
                forward.km += more.km
            }
            out.append((forward.nodes.map { nodes[Int($0)] }, forward.km))
        }
        return out
    }
}
