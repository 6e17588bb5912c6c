import DataCatalog
import Foundation
import GDALBindings
import GeoCore
import Routing
import DataBuild

extension RoutingGraph {
    /// Builds the cached graph files of the rail, road and sea networks, with each node's country,
    /// and returns their manifest entry.
    public static func buildCaches(data: DataDirectory, log: (String) -> Void = { print($0) }) throws -> DatasetEntry {
        let start = Date()
        let countries = try CountryLocator(data: data)
        var layers: [LayerEntry] = []
        for id in ["rail", "road", "sea"] {
            var graph = id == "sea" ? try sea(data: data) : try load(id, data: data)
            graph.countryCodes = countries.codes
            graph.nodeCountries = graph.nodes.map { $0.isValid ? countries.country(at: $0) : 0 }
            graph = graph.withLandmarks()
            try RoutingGraphFile.write(graph, to: data.file("transport/\(id).graph"))
            layers.append(LayerEntry(name: "\(id).graph", features: graph.nodes.count, extent: nil, geometry: "graph"))
        }
        log(String(format: "routing: rail, road and sea graphs cached in %.1f s", Date().timeIntervalSince(start)))
        return DatasetEntry(id: "graphs", path: "transport", kind: "table",
                            description: "Routing graphs of the rail, road and sea-lane networks (CSR, node countries from Natural Earth, distances to 8 landmarks for A*), loaded in milliseconds",
                            detail: "", layers: layers, sources: ["scgraph-data", "searoute", "Natural Earth admin-0"],
                            licence: "ODbL 1.0 (OpenStreetMap); Apache-2.0 (searoute); public domain (Natural Earth)",
                            attribution: "© OpenStreetMap contributors · searoute / MARNET")
    }

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
