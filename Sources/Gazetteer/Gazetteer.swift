import Foundation
import GeoCore
import DataCatalog

/// Finds places by name in any spelling or script, offline, from the index `make geodata` builds.
/// Never guesses silently: close candidates make the answer ambiguous, and a hint that excludes
/// every match makes it "not found".
public final class Gazetteer: Sendable {
    let table: KeyTable
    /// The lookup file (`gazetteer.keys`).
    public let path: String

    /// Relative path of the lookup file inside the data folder; the SQLite index beside it holds
    /// the same places for other tools and for reverse geocoding.
    public static let keysPath = "gazetteer/gazetteer.keys"
    /// Relative path of the SQLite index (every place, with an R*Tree), built beside the keys.
    public static let indexPath = "gazetteer/gazetteer.sqlite"

    /// Maps the lookup file; a missing or corrupt file says to run `make geodata`.
    public init(path: String) throws {
        self.path = path
        table = try KeyTable(path: path)
    }

    /// The lookup file of a data folder.
    public convenience init(data: DataDirectory) throws {
        try self.init(path: data.file(Gazetteer.keysPath))
    }

    /// Whether some place has this name (in any spelling the index holds, typos aside): a cheap
    /// test before `geocode`, for text that is mostly not names.
    public func knowsName(_ name: String) -> Bool {
        guard let query = try? Gazetteer.clean(name) else { return false }
        return Matcher(table: table).knows(query)
    }

    /// Geocodes one name with hints.
    public func geocode(_ raw: String, hints given: GeocodeHints = GeocodeHints()) throws -> GeocodeResult {
        var query = try Gazetteer.clean(raw)
        var hints = given
        // "Dover, GB", "Pokrovsk, Donetsk": what follows the last comma is a hint when it names a
        // country or a first-level region (and no hint of that kind is given).
        if hints.country == nil, hints.admin1 == nil, let comma = query.lastIndex(of: ",") {
            let name = query[..<comma].trimmingCharacters(in: .whitespaces)
            let qualifier = query[query.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, !qualifier.isEmpty, Double(qualifier) == nil {
                if (try? countryCodes(qualifier)) != nil {
                    hints.country = qualifier
                    query = name
                } else if (try? admin1Codes(qualifier, within: nil)) != nil {
                    hints.admin1 = qualifier
                    query = name
                }
            }
        }
        // One letter names no place ("H" is not Hamburg, whose code is HH); nor do digits alone
        // ("-33.9" is not Tapaninkylä, Finland, by its other name "39").
        guard query.filter(\.isLetter).count >= 2 || query.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) else {
            let numbers = !query.contains(where: \.isLetter) && query.contains(where: \.isNumber)
            return GeocodeResult(query: raw, status: .notFound, candidates: [], suggestions: [],
                                 message: numbers ? "'\(query)' has no letters: a place's name has, and a position is LAT,LON (--reverse LAT,LON for what is there)"
                                    : "'\(query)' is too short to name a place: give at least two letters")
        }
        let filter = try resolve(hints)
        let regionQuery = RegionWords.marks(query)
        let core = regionQuery ? RegionWords.strip(query) : query
        // A query in another script than Latin is matched as written, folded or (but for Arabic and
        // Hebrew, which leave vowels out, and Chinese characters) transliterated, never as a Latin
        // typo: 日本 is not Libeň.
        let script = Gazetteer.script(of: query)
        var found = Matcher(table: table).candidates(for: query, core: core).filter { c in
            // Abjad spellings transliterate to vowel-less keys, and Chinese characters to their
            // Mandarin sound without tones, which many names share (珠洲, Suzu in Japan, reads as
            // 株洲, Zhuzhou): only the name as written counts.
            !(script != .latin && c.match == .fuzzy) && !(script.soundIsNotSpelling && (c.match == .transliterated || c.match == .variant))
                // Nor is a Latin typo read into another script's name: Sicily is not the Seychelles
                // by a letter of their Bengali name read in Latin letters.
                && !(c.match == .fuzzy && Gazetteer.script(of: c.matched) != .latin)
        }
        // A name in another script that places bear as written names them, not another place whose
        // Latin name its reading happens to spell: मणिपुर is Manipur, the state, not Manipura,
        // Karnataka, which the Devanagari reads as with its inherent last vowel.
        if script != .latin, found.contains(where: { $0.match == .exact || $0.match == .folded }) {
            found = found.filter { $0.match == .exact || $0.match == .folded }
        }
        var scored = try score(script == .han ? found + withAdministrativeWord(query).filter { c in !found.contains { $0.id == c.id } } : found,
                               regionQuery: regionQuery, filter: filter, query: query)
        // "Siberia", "the Alps": a large region the data does not hold, never its namesake village,
        // a former name of a town or a typo of a country, unless a hint asks for one.
        if hints.kind == nil, filter.countries == nil, filter.admin1 == nil, filter.near == nil, LargeRegions.contains(query),
           scored.first.map({ !($0.kind == .region || $0.kind == .country) || $0.match == .fuzzy }) ?? true {
            let namesake = scored.first.map { c in
                "; the namesake is \(Gazetteer.label(c))\(c.match == .fuzzy ? " (a typo away)" : ""): give --country \(c.country) to take it"
            } ?? ""
            return GeocodeResult(query: raw, status: .notFound, candidates: [], suggestions: Array(scored.prefix(5)),
                                 message: "'\(query)' names a large region the built data does not hold as one place (it has countries, "
                                    + "first-level regions and settlements): name a country, region or city in it, or draw it as an area"
                                    + namesake)
        }
        // A sea, river or cape the data lacks is said so, not answered with the town spelt nearest
        // to its name (Wadi Derna as Adiwerna, Indonesia): when nothing matches, or only typos do.
        if hints.kind == nil, scored.isEmpty ? found.isEmpty : scored.allSatisfy({ $0.match == .fuzzy }), WaterWords.mentions(core) {
            return Gazetteer.water(raw, query)
        }
        if scored.isEmpty {
            let suggestions = script == .latin ? Matcher(table: table).suggestions(for: core) : []
            var unfiltered = try score(suggestions, regionQuery: regionQuery, filter: Filter())
            unfiltered = Array(unfiltered.prefix(5))
            if let kind = filter.kind, !kind.inData {
                return GeocodeResult(query: raw, status: .notFound, candidates: [], suggestions: [],
                                     message: "the built data has no place of kind '\(kind.rawValue)' (no named seas, gulfs, capes or rivers; "
                                        + "straits and canals are there: --kind strait or canal): give the place as coordinates")
            }
            if let parts = regionParts(of: query, core: core, filter: filter, besides: nil) { return parts }
            let why = found.isEmpty ? "no place in the index matches '\(query)'"
                + (script == .latin ? "" : " as written (a name in this script is not guessed from Latin spellings or typos): give it in Latin letters, or check it with a country code")
                : "\(found.count) place(s) match '\(query)' but none \(filter.describe)"
            let closest = unfiltered.isEmpty ? "" : "; closest: " + unfiltered.map(Gazetteer.label).joined(separator: ", ")
            return GeocodeResult(query: raw, status: .notFound, candidates: [], suggestions: unfiltered, message: why + closest)
        }
        let everyReading = scored
        scored = Array(scored.prefix(max(1, min(hints.limit, 50))))
        let best = scored[0]
        // A name in another script that only a small place bears as an unrelated alternate (often a
        // former name: Кита́й for Shirokoye, Crimea) is no answer to a query the data cannot place
        // (Китай, China): say so, and let a hint take it.
        if script != .latin, filter.countries == nil, filter.admin1 == nil, filter.near == nil, !best.primary,
           best.population < Gazetteer.smallPlace, best.kind == .populated,
           !Gazetteer.isOwnName(best) {
            return GeocodeResult(query: raw, status: .notFound, candidates: [], suggestions: Array(scored.prefix(5)),
                                 message: "'\(query)' is only an alternate name of \(Gazetteer.label(best)), not its own name; "
                                    + "give --country \(best.country) to take it")
        }
        // "Red Sea" means the sea, which the data does not have, not Sudan's Red Sea state: say so and
        // let a kind hint take the namesake.
        if hints.kind == nil, !best.kind.isWater, WaterWords.marks(query) {
            let closest = scored.prefix(5)
            return GeocodeResult(query: raw, status: .notFound, candidates: [], suggestions: Array(closest),
                                 message: "'\(query)' names a sea, gulf or cape, and the built data has none (only straits and canals); "
                                    + "the namesake is \(Gazetteer.label(best)): give --kind \(best.kind.hintWord) to take it, "
                                    + "or coordinates for the sea")
        }
        // Two letters off one of a place's other names is too far to answer with ("Kim Jong-un" is
        // not Gapyeong, once called Kap'yong-gun), or off a small place's or a region's own name
        // (Sicily is not Sissili, Burkina Faso): a suggestion, not a place.
        if best.match == .fuzzy, best.distance >= 2 && (!best.primary || best.population < Gazetteer.smallPlace) || Gazetteer.lettersOff(query, best) {
            // "Darfur region": the regions the name is part of, as for "Darfur".
            if regionQuery, let parts = regionParts(of: query, core: core, filter: filter, besides: nil) { return parts }
            return GeocodeResult(query: raw, status: .notFound, candidates: [], suggestions: Array(scored.prefix(5)),
                                 message: "'\(query)' is not in the index as written; the closest name is '\(best.matched)', \(Gazetteer.lettersApart(query, best.matched)) letters off, "
                                    + "a name of \(Gazetteer.label(best)): give the name as the data spells it if that is the place, or coordinates")
        }
        // A letter off a village, with nothing saying where, is a guess: a place the data lacks is
        // as likely ("Paso Canoas", the Panamanian border town, is not Paso Canoa, Oaxaca).
        // A country, region or nearby place named takes it.
        if best.match == .fuzzy, best.kind == .populated, best.population < Gazetteer.smallPlace,
           filter.countries == nil, filter.admin1 == nil, filter.near == nil {
            return GeocodeResult(query: raw, status: .notFound, candidates: [], suggestions: Array(scored.prefix(5)),
                                 message: "'\(query)' is not in the index as written; the closest name is '\(best.matched)', \(Gazetteer.lettersApart(query, best.matched) == 1 ? "a letter" : "\(Gazetteer.lettersApart(query, best.matched)) letters") off, "
                                    + "a small place, \(Gazetteer.label(best)): give --country \(best.country) if that is the place, or coordinates")
        }
        // A town named like a region or country it does not lie in is no settled answer: offer both
        // (Tuscany: Toscana, or a district of Calgary; Amur: the oblast, or Āmūr, India; Galicia:
        // the Spanish region, or Galicija, Slovenia). A city inside its namesake region stands
        // (Kursk, Chihuahua, Quebec, Jerusalem). In a scenario, which says its places are settlements, only a
        // small place's other name gives way (Kashmir: Cashmere, Washington, is no answer).
        let otherName = !best.primary && best.population < Gazetteer.smallPlace
        if best.kind == .populated, best.match != .fuzzy, filter.near == nil, otherName || !filter.preferSettlement,
           let area = everyReading.dropFirst().first(where: { a in
               let home = (a.box?.contains(best.coordinate) ?? false) || (a.kind == .region && a.country == best.country && !a.admin1.isEmpty && a.admin1 == best.admin1)
               return (a.kind == .region || a.kind == .country) && a.match.tier >= best.match.tier && !home
           }) {
            return GeocodeResult(query: raw, status: .ambiguous, candidates: [area] + scored.filter { $0.id != area.id }, suggestions: [],
                                 message: "'\(query)' names \(Gazetteer.label(area)), and \(best.primary ? "also" : "is also another name of") \(Gazetteer.label(best)); "
                                    + "add --kind region, --country, --admin1 or --near to choose")
        }
        // "Darfur" as Dufur, Oregon, by a typo of one of its names: the data has Darfur in parts.
        let weak = best.match == .fuzzy || best.match == .variant || (best.kind == .populated && best.population < Gazetteer.smallPlace)
        if weak, let parts = regionParts(of: query, core: core, filter: filter, besides: best) { return parts }
        if let rival = Gazetteer.rival(of: best, in: scored, near: filter.near != nil, named: regionQuery ? query : nil) {
            if best.match == .fuzzy {
                // Readings of a typo: perhaps neither is the place meant.
                return GeocodeResult(query: raw, status: .ambiguous, candidates: scored, suggestions: [],
                                     message: "'\(query)' is not in the index as written; it is a few letters from \(Gazetteer.label(best)) and from "
                                        + "\(Gazetteer.label(rival)): add --country, --admin1 or --near to choose, or give coordinates if neither is the place")
            }
            return GeocodeResult(query: raw, status: .ambiguous, candidates: scored, suggestions: [],
                                 message: "'\(query)' fits \(Gazetteer.label(best)) and \(Gazetteer.label(rival)); "
                                    + "add --country, --admin1 or --near to choose")
        }
        return GeocodeResult(query: raw, status: .found, candidates: scored, suggestions: [],
                             message: "\(Gazetteer.label(best)) (\(best.match.rawValue) match on '\(best.matched)')")
    }

    /// The answer to a query naming water the data lacks: what it has instead, and what to do.
    static func water(_ raw: String, _ query: String) -> GeocodeResult {
        let passages = PassageNames.table.values.compactMap { $0["en"] }.sorted()
        return GeocodeResult(query: raw, status: .notFound, candidates: [], suggestions: [],
                             message: "'\(query)' names a body of water, a river or a cape, and the built data has none but the straits and canals "
                                + "of its sea lanes (\(passages.joined(separator: ", "))): give its coordinates, or name it on the map "
                                + "with an annotation of style water")
    }

    /// Words for city, county, district, town and village that Chinese and Japanese names carry
    /// or leave out (花蓮 and 花蓮市, 臺中 and 臺中市).
    static let administrativeWords: [Character] = ["市", "縣", "县", "區", "区", "鎮", "镇", "鄉", "乡", "町", "村"]

    /// The places whose name as written is the query, in Chinese characters, with such a word added
    /// or taken away: 花蓮, which the data has only as 花蓮市; 四日市, which names Ōita's Yokkaichi
    /// while Mie's is 四日市市.
    func withAdministrativeWord(_ query: String) -> [Candidate] {
        // One character and a word is another name (中 and 中村), not this one with its word.
        guard query.count >= 2 else { return [] }
        var forms = Gazetteer.administrativeWords.map { query + String($0) }
        if query.count >= 3, let last = query.last, Gazetteer.administrativeWords.contains(last) { forms.append(String(query.dropLast())) }
        return forms.flatMap { Matcher(table: table).candidates(for: $0, core: $0).filter { $0.match == .exact } }
    }

    /// A "not found" answer for a word that the data has only as part of regions' names ("Darfur":
    /// North Darfur, South Darfur, ...), listing them, and `besides`, the weak reading that would
    /// otherwise have been the answer; nil when no region's name has the word.
    func regionParts(of query: String, core: String, filter: Filter, besides: Candidate?) -> GeocodeResult? {
        guard filter.kind == nil || filter.kind == .region else { return nil }
        // With --near, only regions nearer than the reading they would replace.
        let within = filter.near.flatMap { near in besides.map { near.greatCircleKm(to: $0.coordinate) } } ?? .infinity
        let regions = Matcher(table: table).regionsNamedInPart(core).filter {
            filter.accepts($0) && $0.id != besides?.id && (filter.near?.greatCircleKm(to: $0.coordinate) ?? 0) < within
        }
        guard !regions.isEmpty else { return nil }
        let listed = regions.prefix(6).map { Gazetteer.label($0) + ($0.matched == $0.name ? "" : " ('\($0.matched)')") }.joined(separator: "; ") + (regions.count > 6 ? "; and \(regions.count - 6) more" : "")
        var message = "'\(query)' is not one place in the data: it is part of the names of the regions \(listed). "
            + "Name one of them, or draw the whole as an area from a polygon file"
        if let besides {
            message += "; the only place named '\(besides.matched)'\(besides.match == .fuzzy ? " (a typo away)" : "") is \(Gazetteer.label(besides))"
                + ": give --country \(besides.country) if that is the place"
        }
        return GeocodeResult(query: query, status: .notFound, candidates: [], suggestions: Array(regions.prefix(6)) + (besides.map { [$0] } ?? []),
                             message: message)
    }

    /// Whether a typo match, counted in the query's letters rather than in romanization skeletons,
    /// is beyond the typo limit (one letter more for a place's own name: Donetz, Donetsk): "Sicily"
    /// is one skeleton edit from "Sissili" (c and s, y and i, double letters are alike there) but
    /// three letters off; "Fordow" one from 'Kordov', another name of Córdoba, but two letters off.
    static func lettersOff(_ query: String, _ c: Candidate) -> Bool {
        let limit = Matcher.typoLimit(NameKey(query).skeleton) + (c.primary ? 1 : 0)
        return lettersApart(query, c.matched, limit: limit) > limit
    }

    /// Letters between two names as written (folded), counted up to `limit` + 1.
    static func lettersApart(_ a: String, _ b: String, limit: Int = 9) -> Int {
        editDistance(Array(NameKey.fold(a).utf8), Array(NameKey.fold(b).utf8), limit: limit)
    }

    /// "Blagoveshchensk (RU, Amur, pop. 225091)".
    public static func label(_ c: Candidate) -> String {
        var out = c.name
        out += " ("
        out += c.country
        if !c.admin1Name.isEmpty { out += ", "; out += c.admin1Name }
        if c.country.isEmpty { out += c.kind.rawValue; out += ")"; return out }
        if c.population > 0 { out += ", pop. "; out += String(c.population) }
        if c.kind != .populated { out += ", "; out += c.kind.rawValue }
        out += ")"
        return out
    }

    /// Refuses empty, over-long and control-character-only names; collapses whitespace.
    static func clean(_ raw: String) throws -> String {
        guard raw.utf8.count <= NameKey.maxLength * 4 else {
            throw GazetteerError.badQuery("name of \(raw.utf8.count) bytes is longer than the \(NameKey.maxLength)-byte limit")
        }
        // Printable ASCII without leading, trailing or doubled spaces is already clean.
        let space = UInt8(ascii: " ")
        var clean = !raw.isEmpty && raw.utf8.count <= NameKey.maxLength
        var previous = space
        for b in raw.utf8 where clean {
            clean = (b > 0x20 && b < 0x7F) || (b == space && previous != space)
            previous = b
        }
        if clean && previous != space { return raw }
        let visible = String(String.UnicodeScalarView(raw.unicodeScalars.map {
            CharacterSet.controlCharacters.contains($0) ? " " : $0
        }))
        let collapsed = visible.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !collapsed.isEmpty else { throw GazetteerError.badQuery("empty name: give a place name, e.g. Sudzha") }
        guard collapsed.utf8.count <= NameKey.maxLength else {
            throw GazetteerError.badQuery("name of \(collapsed.utf8.count) bytes is longer than the \(NameKey.maxLength)-byte limit")
        }
        return collapsed
    }

    /// The script a query is written in, as far as matching goes.
    enum Script {
        case latin, abjad, han, other

        /// Whether a transliteration of the script loses what tells names apart (Arabic and Hebrew
        /// vowels; the characters of Chinese, Japanese kanji and Korean hanja), so that two names
        /// that transliterate alike are not one name spelt two ways.
        var soundIsNotSpelling: Bool { self == .abjad || self == .han }
    }

    /// Latin when any letter is Latin; abjad for Arabic or Hebrew letters; han when every letter
    /// is a Chinese character (kanji, hanja; kana or hangul with them make it other); other else.
    static func script(of query: String) -> Script {
        var abjad = false, han = false, other = false
        for u in query.unicodeScalars where u.properties.isAlphabetic {
            switch u.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: return .latin
            case 0x0590...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF: abjad = true
            // CJK ideographs (extension A, the main block, compatibility, extensions B on) and 々.
            case 0x3005, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: han = true
            default: other = true
            }
        }
        return abjad ? .abjad : other ? .other : han ? .han : .latin
    }

    /// Whether the name that matched is the place's own name in another script or spelling: its
    /// skeleton lies within one edit of the own name's (上海 for Shanghai, Суджа for Sudzha), unlike
    /// an unrelated alternate (Кита́й, a former name of Shirokoye).
    public static func isOwnName(_ c: Candidate) -> Bool {
        if c.primary { return true }
        let a = Array(NameKey(c.matched).skeleton.utf8), b = Array(NameKey(c.name).skeleton.utf8)
        return editDistance(a, b, limit: 1) <= 1
    }

    /// Below this population, an unrelated alternate name in another script is too weak to answer with.
    static let smallPlace: Int64 = 10_000

    /// What a strait or canal adds to its score in place of a population (that of a city of 10^6).
    static let passageProminence = 36.0

    /// A typo or variant of a city this large (and this many times the best's population) rivals a
    /// better-matched small place: Donetz is Donets (8,900) or Donetsk (900,000).
    public static let largeCity: Int64 = 100_000, largeCityFactor: Int64 = 20

    /// Two different places whose scores differ by less than this are ambiguous.
    static let tieMargin = 1.0

    /// Records of one kind and country at most this far apart are taken as one place.
    static let samePlaceKm = 5.0

    /// The strongest candidate that is a different place of the same kind and about as likely.
    static func rival(of best: Candidate, in list: [Candidate], near: Bool, named query: String? = nil) -> Candidate? {
        let bestOwn = best.primary || isOwnName(best)
        // A query with a region word that the best bears whole ("Kyiv Oblast") is not rivalled by a
        // place that bears only the name without it (Kiev City, 'Kyiv').
        let whole = query.map(NameKey.fold)
        for c in list.dropFirst() where c.id != best.id && (c.kind == best.kind) {
            if let whole, NameKey.fold(best.matched) == whole, NameKey.fold(c.matched) != whole { continue }
            // Two records of one place (a town and its fort, a city and its municipality) a few km
            // apart are one answer, not a choice.
            if c.country == best.country, c.coordinate.greatCircleKm(to: best.coordinate) <= Gazetteer.samePlaceKm { continue }
            // A much larger city with a weaker match is still a reading to offer, not drop (Donetz:
            // Donets or Donetsk); otherwise only evidence as good competes.
            let larger = best.match == .variant && best.match.tier != c.match.tier && c.population >= Gazetteer.largeCity
                && c.population >= best.population * Gazetteer.largeCityFactor && (c.match != .fuzzy || c.distance <= 1)
            // A place that bears the query as written, where the best bears only a variant or a
            // typo of it (Inkoo: Ingå, Finland, or Yingkou, China, once Inkou), is a choice to
            // offer, however much larger the best.
            if !near, c.match.tier > best.match.tier { return c }
            if best.match.tier != c.match.tier && !larger { continue }
            // --near decides between the readings: a rival must be about as near.
            if near, let bk = best.nearKm, let ck = c.nearKm {
                if ck < bk * 2 + 10 { return c }
                continue
            }
            // The query as written is this place's own name, and the best bears it only in
            // another case or with other accents, as an alternate ("suzu", a name of Suzhou, for
            // Suzu, Japan): a choice to offer, whatever the populations.
            if c.match == .exact && c.primary && best.match != .exact && !best.primary { return c }
            // Scores this close are a coin toss, whatever the rules below would say.
            if larger || best.score - c.score < Gazetteer.tieMargin { return c }
            // A place's own name outweighs another's alternate (often historic) name: Kaliningrad the
            // city, not Korolyov, which bore the name until 1996. Not for a typo: a name two letters
            // off is no more the query's for being a place's own (Maungdaw is neither Nyaungdon nor
            // Mandav, which Mandu is also called).
            if bestOwn && best.match != .fuzzy && !(c.primary || Gazetteer.isOwnName(c)) { continue }
            if best.match == .fuzzy && c.distance > best.distance { continue }
            // Unknown population (0: supplement villages, regions) rivals anything of village size.
            if c.population == 0 && best.population < 10_000 { return c }
            // Comparable population: in one country the runner-up needs a tenth of the best's (the two
            // Blagoveshchensks); across borders a third (Odessa, Texas does not rival Odesa). A typo is
            // weak evidence: then a tenth anywhere (Belgorad: Belgorod or Belgrade?).
            let share: Int64 = c.country == best.country || best.match == .fuzzy ? 10 : 3
            if c.population * share >= best.population { return c }
        }
        return nil
    }
}
