import Bindings
import GeoCore
import GeoData

extension RoutingGraph {
    /// Rebuilds a network exactly from the `edges` layer of the data folder's `rail` or `road`
    /// dataset (scgraph's node ids and the network's own lengths).
    public static func load(_ id: String, data: DataDirectory) throws -> RoutingGraph {
        let ds = try Dataset.open(try data.path(of: id), kind: .vector)
        var positions: [Int32: Coordinate] = [:]
        var edges: [(from: Int32, to: Int32, km: Double)] = []
        for f in try ds.layer(named: "edges").features() {
            guard case .integer(let a) = f["from_node"], case .integer(let b) = f["to_node"],
                  case .lineString(let pts)? = f.geometry, pts.count == 2 else { continue }
            positions[Int32(a)] = pts[0]
            positions[Int32(b)] = pts[1]
            edges.append((Int32(a), Int32(b), f["length_km"].number ?? 0))
        }
        let count = Int((positions.keys.max() ?? -1) + 1)
        var nodes = [Coordinate](repeating: Coordinate(lon: .nan, lat: .nan), count: count)
        for (i, c) in positions { nodes[Int(i)] = c }
        return RoutingGraph(nodes: nodes, edges: edges)
    }
}
