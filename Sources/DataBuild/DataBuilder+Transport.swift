import DataCatalog
import Bindings
import GDALBindings
import Foundation
import GeoCore

extension DataBuilder {
    /// scgraph-data's rail or road graph as a line layer `edges`: one feature per undirected edge with
    /// `from_node`, `to_node` (scgraph's node indices) and `length_km` (the network's own length),
    /// so that routing can rebuild the graph exactly; and `lines`, the same network joined from
    /// junction to junction, for drawing.
    func buildNetwork(_ kind: String) throws -> DatasetEntry {
        let file = kind == "rail" ? "world_railways.py" : "world_highways.py"
        let graph = try ScgraphReader.read(try rawFile("scgraph-data", "scgraph_data/\(file)"))
        let rel = "transport/\(kind).gpkg", dest = "\(out)/\(rel)"
        let ds = try Dataset.createVector(dest, options: ["VERSION=1.2"])
        let layer = try ds.createLayer("edges", geometry: .lineString, srs: SpatialReference.wgs84(),
                                       fields: [FieldDefinition(name: "from_node", type: .integer),
                                                FieldDefinition(name: "to_node", type: .integer),
                                                FieldDefinition(name: "length_km", type: .real)],
                                       options: ["SPATIAL_INDEX=YES"])
        try ds.transaction {
            for e in graph.edges {
                let a = graph.nodes[Int(e.from)], b = graph.nodes[Int(e.to)]
                try layer.add(Feature(attributes: ["from_node": .integer(Int64(e.from)), "to_node": .integer(Int64(e.to)),
                                                   "length_km": .real(e.lengthKm)],
                                      geometry: .lineString([a, b])))
            }
        }
        let lines = try ds.createLayer("lines", geometry: .lineString, srs: SpatialReference.wgs84(),
                                       fields: [FieldDefinition(name: "length_km", type: .real)], options: ["SPATIAL_INDEX=YES"])
        try ds.transaction {
            for line in graph.lines() {
                try lines.add(Feature(attributes: ["length_km": .real(line.lengthKm)], geometry: .lineString(line.points)))
            }
        }
        try ds.execute(sql: "CREATE INDEX edges_from ON edges(from_node)")
        try ds.execute(sql: "CREATE INDEX edges_to ON edges(to_node)")
        try ds.close()
        // Only rail is drawn on maps of large areas (roads only at large scale).
        if kind == "rail" { try generalize(dest, layers: ["lines"], chain: true) }
        let what = kind == "rail" ? "railways" : "highways (heavily simplified)"
        return entry(id: kind, path: rel, kind: "vector",
                     description: "World \(what) from OpenStreetMap via scgraph-data: \(graph.nodes.count) nodes, \(graph.edges.count) edges",
                     layers: try describe(dest), packages: ["scgraph-data"],
                     licence: "ODbL 1.0 (OpenStreetMap)", attribution: "© OpenStreetMap contributors")
    }

    /// searoute's MARNET sea lanes (cut at the antimeridian) and its ports with UN/LOCODE.
    func buildSea() throws -> DatasetEntry {
        let rel = "transport/sea.gpkg", dest = "\(out)/\(rel)"
        let base = "searoute-1.6.0/searoute/data"
        let lanes = try Dataset.open(try rawFile("searoute", "\(base)/marnet_searoute.geojson"), kind: .vector)
        let ds = try Dataset.createVector(dest, options: ["VERSION=1.2"])
        let layer = try ds.createLayer("sea_lanes", geometry: .multiLineString, srs: SpatialReference.wgs84(),
                                       fields: [FieldDefinition(name: "passage", type: .string)], options: ["SPATIAL_INDEX=YES"])
        try ds.transaction {
            for f in lanes.layers[0].features() {
                guard let g = f.geometry, let split = try GeometryOperations.splitAtAntimeridian(g) else { continue }
                let lines = Geometry.multiLineString(split.paths)
                try layer.add(Feature(attributes: ["passage": .string(f["passage"].text)], geometry: lines))
            }
        }
        try ds.close()
        try translate(try rawFile("searoute", "\(base)/ports.geojson"), into: dest, as: "ports",
                      extra: ["-nlt", "POINT", "-select", "name,port,cty"])
        return entry(id: "sea", path: rel, kind: "vector",
                     description: "Sea lanes (MARNET) and ports with UN/LOCODE from searoute; coarse: routes can cut corners",
                     layers: try describe(dest), packages: ["searoute"],
                     licence: "Apache-2.0 (searoute)", attribution: "searoute / MARNET")
    }
}
