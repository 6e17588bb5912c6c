import Bindings
import Foundation
import GeoCore
import GeoData

extension RoutingGraph {
    /// The sea-lane network (MARNET): every vertex of the lines a node, line ends closer than
    /// `tolerance` degrees merged (pieces cut at 180° join again), edges as long as their great circle.
    public static func sea(data: DataDirectory, tolerance: Double = 1e-4) throws -> RoutingGraph {
        let ds = try Dataset.open(try data.path(of: "sea"), kind: .vector)
        var index: [Int64: Int32] = [:]
        var nodes: [Coordinate] = []
        var edges: [(from: Int32, to: Int32, km: Double)] = []
        func node(_ c: Coordinate) -> Int32 {
            // 180 E and 180 W are one meridian.
            let lon = c.lon >= 180 - tolerance ? -180 : c.lon
            let key = Int64((lon / tolerance).rounded()) &* 4_000_003 &+ Int64((c.lat / tolerance).rounded())
            if let id = index[key] { return id }
            let id = Int32(nodes.count)
            index[key] = id
            nodes.append(Coordinate(lon: lon, lat: c.lat))
            return id
        }
        for f in try ds.layer(named: "sea_lanes").features() {
            for path in f.geometry?.paths ?? [] where path.count >= 2 {
                var previous = node(path[0])
                for c in path.dropFirst() {
                    let id = node(c)
                    if id != previous {
                        edges.append((previous, id, greatCircleKm(nodes[Int(previous)], nodes[Int(id)])))
                        previous = id
                    }
                }
            }
        }
        return RoutingGraph(nodes: nodes, edges: edges)
    }
}
