import Foundation
import GeoCore
import GeoPackage

extension RoutingGraph {
    /// A network from the lines of a GeoJSON or GeoPackage file (`VectorFile`; every layer, or
    /// `layer`): every vertex a node, ends closer than `tolerance` degrees merged (pieces cut at
    /// 180 degrees join again), each edge as long as its great circle. At most `maxEdges` edges.
    public static func lines(path: String, layer: String? = nil, tolerance: Double = 1e-4, maxEdges: Int = 20_000_000) throws -> RoutingGraph {
        let features: [(layer: String, geometry: Geometry)]
        do { features = try VectorFile.geometries(path: path).filter { layer == nil || $0.layer == layer } } catch let e as VectorFileError {
            throw RoutingError.badGraphFile(path, reason: e.reason)
        }
        let pathName = path
        var index: [Int64: Int32] = [:]
        var nodes: [Coordinate] = []
        var edges: [(from: Int32, to: Int32, km: Double)] = []
        func node(_ c: Coordinate) -> Int32 {
            // 180 E and 180 W are one meridian.
            let lon = c.lon >= 180 - tolerance ? -180 : c.lon
            let key = Int64(saturating: (lon / tolerance).rounded()) &* 4_000_003 &+ Int64(saturating: (c.lat / tolerance).rounded())
            if let id = index[key] { return id }
            let id = Int32(nodes.count)
            index[key] = id
            nodes.append(Coordinate(lon: lon, lat: c.lat))
            return id
        }
        var featureNumber: [String: Int] = [:]
        for (layer, geometry) in features {
            featureNumber[layer, default: 0] += 1
            for path in geometry.paths where path.count >= 2 {
                // A vertex that is no longitude and latitude is an error in the file, not a gap to route across.
                if let bad = path.first(where: { !$0.isValid }) {
                    throw RoutingError.badGraphFile(pathName, reason: "feature \(featureNumber[layer] ?? 0) of layer \(layer) has a vertex at \(bad.lon), \(bad.lat), not a longitude and latitude in degrees: fix the file")
                }
                var previous = node(path[0])
                for c in path.dropFirst() {
                    let id = node(c)
                    if id != previous {
                        edges.append((previous, id, nodes[Int(previous)].greatCircleKm(to: nodes[Int(id)])))
                        previous = id
                    }
                }
            }
            guard edges.count <= maxEdges else {
                throw RoutingError.badGraphFile(path, reason: "more than \(maxEdges) edges")
            }
        }
        guard !edges.isEmpty else { throw RoutingError.badGraphFile(path, reason: "no line in the file: a network needs lines") }
        return RoutingGraph(nodes: nodes, edges: edges)
    }
}
