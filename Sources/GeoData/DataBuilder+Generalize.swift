import Bindings
import Foundation
import GeoCore

extension DataBuilder {
    /// Degrees of simplification of the small-scale layers: about 2 km, under a pixel on maps
    /// of a continent (GeoBrief draws them when a pixel spans more than 1 km).
    static let smallScaleTolerance = 0.02

    /// Writes `<layer>_small` next to each of `layers` in the GeoPackage at `path`: the same
    /// features simplified (topology kept), those that vanish dropped. Lines are first joined end
    /// to end (`chain`), so that a network of short edges becomes a few long simplified lines.
    /// Maps of large areas read these, so that their cost does not grow with the source's detail.
    func generalize(_ path: String, layers: [String], chain: Bool = false) throws {
        let ds = try Dataset.open(path, kind: .vector, update: true)
        for name in layers {
            let source = try ds.layer(named: name)
            var geometries = try source.geometries(limit: 5_000_000)
            let polygons = geometries.contains { !$0.polygons.isEmpty }
            if chain && !polygons {
                geometries = PathChaining.chained(geometries.flatMap(\.paths), snap: 1e-7).map { .lineString($0) }
            }
            let target = try ds.createLayer(name + "_small", geometry: polygons ? .multiPolygon : .multiLineString,
                                            srs: SpatialReference.wgs84(), fields: [], options: ["SPATIAL_INDEX=YES"])
            try ds.transaction {
                for g in geometries {
                    let simple = try GeometryOperations.simplify(g, tolerance: DataBuilder.smallScaleTolerance)
                    if polygons {
                        let kept = simple.polygons.filter { ($0.first?.count ?? 0) >= 4 }
                        if !kept.isEmpty { try target.add(Feature(attributes: [:], geometry: .multiPolygon(kept))) }
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
