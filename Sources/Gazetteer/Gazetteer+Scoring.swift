import Foundation
import GeoCore

/// Hints resolved to what the index stores.
struct Filter {
    var countries: Set<String>?
    var admin1: Set<String>?   // "RU.41"
    var kind: PlaceKind?
    var preferSettlement = false
    var box: BoundingBox?
    var near: Coordinate?
    var words: [String] = []

    var describe: String { words.isEmpty ? "passes the hints" : "is " + words.joined(separator: ", ") }

    func accepts(_ c: Candidate) -> Bool {
        if let countries, !countries.contains(c.country) { return false }
        if let admin1, !admin1.contains("\(c.country).\(c.admin1)") { return false }
        if let kind, c.kind != kind { return false }
        if let box, !box.contains(c.coordinate) { return false }
        return true
    }
}

extension Gazetteer {
    /// Scores, filters and sorts candidates (best first).
    func score(_ found: [Candidate], regionQuery: Bool, filter: Filter, query: String = "") throws -> [Candidate] {
        var out: [Candidate] = []
        let whole = NameKey.fold(query)
        for var c in found where filter.accepts(c) {
            var s: Double
            switch c.match {
            case .exact: s = 100
            case .folded: s = 96
            case .transliterated: s = 92
            case .variant: s = 90
            case .fuzzy: s = 78 - 8 * Double(c.distance)
            }
            // Population: a city of 1M outweighs a village of 2,000 with a slightly better match.
            s += min(40, 6 * log10(Double(max(c.population, 0)) + 1))
            // Straits and canals have no population; the ones the data names are the world's main
            // shipping passages, as prominent as a city of a million (Dardanelles, not Çanakkale,
            // which bore the name).
            if c.kind == .strait || c.kind == .canal { s += Gazetteer.passageProminence }
            s += 20 * Double(c.priority)
            // A place's own name outweighs another's former or alternate name at a similar population
            // (Pokrovsk, Donetsk oblast, not Engels, which bore the name until 1931).
            if c.primary { s += c.match == .fuzzy ? 3 : 8 }
            switch c.kind {
            // "Kyiv Oblast": the region the data names so, with its region word, not the city of
            // the name without it.
            case .region: s += regionQuery ? (NameKey.fold(c.matched) == whole ? 45 : 20) : -12
            case .populated: s += regionQuery ? -20 : 0
            case .port: s -= 5
            case .country, .strait, .canal, .sea, .cape, .river: break
            }
            // Djibouti, Kuwait, Panama: the city, not the country, when the story says it is one.
            if filter.preferSettlement && (c.kind == .country || c.kind == .region || c.kind.isWater) { s -= 30 }
            if let near = filter.near {
                let km = near.greatCircleKm(to: c.coordinate)
                c.nearKm = km.rounded(toPlaces: 1)
                s -= 20 * log10(1 + km / 25)
            }
            c.score = s.rounded(toPlaces: 2)
            out.append(c)
        }
        return out.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.population != b.population { return a.population > b.population }
            return a.id < b.id
        }
    }

    /// Turns the user's hints into codes and positions, or explains why it cannot.
    func resolve(_ hints: GeocodeHints) throws -> Filter {
        var f = Filter()
        f.kind = hints.kind
        f.preferSettlement = hints.preferSettlement
        f.box = hints.box
        if let k = hints.kind { f.words.append("a \(k.rawValue)") }
        if let country = hints.country?.trimmingCharacters(in: .whitespaces), !country.isEmpty {
            f.countries = try countryCodes(country)
            f.words.append("in \(country)")
        }
        if let admin1 = hints.admin1?.trimmingCharacters(in: .whitespaces), !admin1.isEmpty {
            f.admin1 = try admin1Codes(admin1, within: f.countries)
            f.words.append("in \(admin1)")
        }
        if let box = hints.box { f.words.append("inside \(box)") }
        if let near = hints.near?.trimmingCharacters(in: .whitespaces), !near.isEmpty {
            f.near = try nearPoint(near)
        }
        return f
    }

    func countryCodes(_ hint: String) throws -> Set<String> {
        if let code = CountryCode.alpha2(hint) { return [code] }
        let key = NameKey(hint)
        var codes = Set<String>()
        for (map, k) in [(KeyMap.folded, key.folded), (.latin, key.latin), (.skeleton, key.skeleton)] {
            for i in table.lookup(map, Array(k.utf8)) {
                let p = table.namePlace(table.posting(map, i))
                if table.placeKind(p) == .country { codes.insert(table.placeCountry(p)) }
            }
        }
        guard !codes.isEmpty else {
            throw GazetteerError.badQuery("unknown country '\(hint)': give an ISO code (RU, UA, KP) or a country name")
        }
        return codes
    }

    func admin1Codes(_ hint: String, within countries: Set<String>?) throws -> Set<String> {
        var codes = Set<String>()
        if hint.allSatisfy({ $0.isNumber || $0.isUppercase }) && hint.count <= 3 {
            for a in 0..<table.admin1Count where table.admin1Code(a) == hint {
                codes.insert("\(table.admin1Country(a)).\(hint)")
            }
        } else {
            for i in table.lookup(.admin1, Array(NameKey(RegionWords.strip(hint)).skeleton.utf8)) {
                let a = table.posting(.admin1, i)
                codes.insert("\(table.admin1Country(a)).\(table.admin1Code(a))")
            }
        }
        codes = codes.filter { code in countries.map { $0.contains(String(code.prefix(2))) } ?? true }
        guard !codes.isEmpty else {
            throw GazetteerError.badQuery("unknown first-level region '\(hint)'\(countries.map { " in \($0.sorted().joined(separator: ","))" } ?? ""): give its name (Kursk, Kurskaya oblast) or GeoNames code (41)")
        }
        return codes
    }

    func nearPoint(_ near: String) throws -> Coordinate {
        if let c = Coordinate(latLon: near) { return c }
        let parts = near.split(separator: ",")
        if parts.count == 2 && parts.allSatisfy({ Double($0.trimmingCharacters(in: .whitespaces)) != nil }) {
            throw GazetteerError.badQuery("--near '\(near)': LAT,LON out of range")
        }
        let r = try geocode(near)
        guard let p = r.place else {
            throw GazetteerError.badQuery("--near '\(near)' is \(r.status.rawValue): \(r.message)")
        }
        return p.coordinate
    }
}
