import Bindings
import GDALBindings
import Foundation
import GeoCore

extension DataBuilder {
    /// The generalized levels written next to a layer: suffix, simplification in degrees, and the
    /// extent in degrees under which a line is left out. `_small`
    /// (~2 km) is drawn above 1 km a pixel, `_tiny` (~10 km) above 5 km a pixel (a continent on a
    /// page), each under a pixel at its scale.
    static let levels: [(suffix: String, tolerance: Double, minimum: Double)] = [("_small", 0.02, 0), ("_tiny", 0.1, 0.15)]

    /// Writes `<layer>_small` and `<layer>_tiny` next to each of `layers` in the GeoPackage at
    /// `path`: the same features simplified (topology kept), those that vanish or are too small to
    /// see dropped. Lines are first joined end to end (`chain`), so that a network of short edges
    /// becomes a few long simplified lines. Maps of large areas read these, so that their cost
    /// does not grow with the source's detail. `fields` (text attributes) are kept with each
    /// feature, unchained: the countries keep their codes.
    func generalize(_ path: String, layers: [String], chain: Bool = false, keeping fields: [String] = []) throws {
        for level in DataBuilder.levels {
            try generalize(path, layers: layers, chain: chain && fields.isEmpty, fields: fields, suffix: level.suffix,
                           tolerance: level.tolerance, minimum: level.minimum)
        }
    }

    private func generalize(_ path: String, layers: [String], chain: Bool, fields: [String], suffix: String, tolerance: Double,
                            minimum: Double) throws {
        let ds = try Dataset.open(path, kind: .vector, update: true)
        for name in layers {
            let source = try ds.layer(named: name)
            // Each geometry with the kept fields' values.
            var features: [(geometry: Geometry, values: [String: FieldValue])]
            if fields.isEmpty {
                features = try source.geometries(limit: 5_000_000).map { ($0, [:]) }
            } else {
                features = source.features().compactMap { f in
                    f.geometry.map { g in (g, Dictionary(uniqueKeysWithValues: fields.map { ($0, f[$0]) })) }
                }
            }
            let polygons = features.contains { !$0.geometry.polygons.isEmpty }
            if chain && !polygons {
                features = PathChaining.chained(features.flatMap(\.geometry.paths), snap: 1e-7).map { (.lineString($0), [:]) }
            }
            let target = try ds.createLayer(name + suffix, geometry: polygons ? .multiPolygon : .multiLineString,
                                            srs: SpatialReference.wgs84(), fields: fields.map { FieldDefinition(name: $0, type: .string) },
                                            options: ["SPATIAL_INDEX=YES"])
            try ds.transaction {
                for (g, values) in features {
                    // Short lines go; polygons stay (a land tile's small piece may join its neighbour's).
                    if minimum > 0, !polygons, let b = g.boundingBox, max(b.width, b.height) < minimum { continue }
                    let simple = try GeometryOperations.simplify(g, tolerance: tolerance)
                    if polygons {
                        let kept = simple.polygons.filter { ($0.first?.count ?? 0) >= 4 }
                        if !kept.isEmpty { try target.add(Feature(attributes: values, geometry: .multiPolygon(kept))) }
                    } else {
                        let kept = simple.paths.filter { $0.count >= 2 }
                        if !kept.isEmpty { try target.add(Feature(attributes: [:], geometry: .multiLineString(kept))) }
                    }
                }
            }
        }
        try ds.close()
    }
}
