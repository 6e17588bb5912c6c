import Foundation
import Gazetteer
import GeoCore

/// Finds the places of an article with the gazetteer itself: capitalized names (and names run
/// into the next word by machine translation) looked up in every spelling it knows, regions by
/// their words ("Kursk region", "region of Kursk"), people and organisations set aside, a city
/// used for its government told from the city, and an ambiguous or doubtful name settled by the
/// article's context — its countries, its regions, the places near it — or left unlocated with
/// its candidates, never placed at a guess.
struct PlaceFinder {
    let gazetteer: Gazetteer
    /// Answers already given in this article: names recur, and most capitalized words are no place.
    private let memo = Memo()

    init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// A city this large named like a region elsewhere is the city when a report names it bare.
    static let greatCity: Int64 = 500_000

    /// The gazetteer's answers by query and hints.
    private final class Memo {
        var answers: [String: GeocodeResult?] = [:]
        var known: [String: Bool] = [:]
        var demonyms: [String: String?] = [:]
    }

    private func geocode(_ query: String, hints: GeocodeHints = GeocodeHints()) -> GeocodeResult? {
        let key = [query, hints.country ?? "", hints.admin1 ?? "", hints.kind?.rawValue ?? "", hints.near ?? "",
                   hints.preferSettlement ? "s" : "", String(hints.limit)].joined(separator: "|")
        if let a = memo.answers[key] { return a }
        let a = try? gazetteer.geocode(query, hints: hints)
        memo.answers[key] = a
        return a
    }

    private func knows(_ name: String) -> Bool {
        if let k = memo.known[name] { return k }
        let k = gazetteer.knowsName(name)
        memo.known[name] = k
        return k
    }

    /// A name as it stands in a sentence.
    struct Mention {
        let sentence: Article.Sentence
        let tokens: ArraySlice<Token>
        var written: String
        var query: String
        var region: Bool
        var settlementCue: Bool
        var before: [String]
        var after: [String]
        /// A sea, gulf or bay ("the Gulf of Urabá").
        var water = false
        /// The name after it that may say where it lies: "Püssi in Estonia", "Paldiski, Estonia",
        /// "Anamizu in Ishikawa".
        var within: String?
    }

    /// The capitalized name (up to three words) after `run` behind "in", "en" or a comma: where the
    /// place may lie.
    static func within(_ tokens: [Token], after run: ArraySlice<Token>, chars: [Character]) -> String? {
        guard let last = run.last, run.endIndex < tokens.count else { return nil }
        var k = run.endIndex
        let gap = Words.between(chars, last, tokens[k])
        if gap == ", " {
            // "Paldiski, Estonia"
        } else if gap == " ", ["in", "en"].contains(tokens[k].lower), k + 1 < tokens.count, Words.between(chars, tokens[k], tokens[k + 1]) == " " {
            k += 1
        } else {
            return nil
        }
        var words: [String] = []
        while k < tokens.count, tokens[k].isCapitalized, words.count < 3 {
            if !words.isEmpty, Words.between(chars, tokens[k - 1], tokens[k]) != " " { break }
            words.append(tokens[k].text)
            k += 1
        }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// Where the name after a place (`Mention.within`) may say it lies, as hints, one for each of
    /// its readings (Ishikawa, the prefecture or a town of Okinawa): a country, a first-level
    /// region, or a town it lies near.
    private func readings(within name: String) -> [(hints: GeocodeHints, reading: Candidate)] {
        guard let r = geocode(name), r.status == .found || r.status == .ambiguous else { return [] }
        return r.candidates.prefix(3).compactMap { w in
            guard [.exact, .folded, .transliterated].contains(w.match) else { return nil }
            var h = GeocodeHints(limit: 5)
            h.preferSettlement = true
            switch w.kind {
            case .country: h.country = w.country
            case .region: (h.country, h.admin1) = (w.country, w.admin1)
            case .populated: h.near = "\(w.lat),\(w.lon)"
            default: return nil
            }
            return (h, w)
        }
    }

    /// The place `m` names where the name after it says it lies, when one reading of that name
    /// finds it there ("Püssi in Estonia", "Inkoo in Finland": Ingå, "Anamizu in Ishikawa"), with
    /// that reading.
    private func settled(_ m: Mention) -> (place: Candidate, within: Candidate)? {
        guard !m.region, let name = m.within else { return nil }
        for (h, reading) in readings(within: name) {
            guard let r = geocode(m.query, hints: h), r.status == .found, let a = accepted(r, query: m.query, hinted: true, grounded: true),
                  a.kind == .populated else { continue }
            if reading.kind == .populated, reading.id == a.id || reading.coordinate.greatCircleKm(to: a.coordinate) > Self.nearKm { continue }
            return (a, reading)
        }
        return nil
    }

    /// What an article yields: its places by id, the countries it names, and what was left out.
    struct Found {
        var places: [DraftPlace] = []
        var countries: Set<String> = []
        var skipped: [DraftSkip] = []
        /// Keys (`PlaceFinder.key`) of the places (role place) mentioned in each sentence, by sentence index.
        var inSentence: [Int: [String]] = [:]
    }

    func find(in article: Article) -> Found {
        var found = Found()
        var mentions: [Mention] = []
        var personTokens = Set<String>()
        func provenance(_ m: Mention) -> Provenance {
            Provenance(file: article.file, start: m.sentence.start + (m.tokens.first?.start ?? 0),
                       end: m.sentence.start + (m.tokens.last?.end ?? 0), sentence: m.sentence.text)
        }
        for s in article.sentences {
            let tokens = Words.tokens(s.text), chars = Array(s.text)
            found.countries.formUnion(demonymCountries(tokens))
            var i = 0
            while i < tokens.count {
                guard tokens[i].isCapitalized || isLowercaseName(tokens[i]) else { i += 1; continue }
                // Acronyms (NIS, KCNA, GUR) are bodies, not places; US, UK and UAE are countries.
                if tokens[i].text.count <= 5, tokens[i].text.count >= 2, tokens[i].text.allSatisfy({ $0.isUppercase }) {
                    if let c = ["US": "US", "USA": "US", "UK": "GB", "UAE": "AE", "DPRK": "KP", "ROK": "KR"][tokens[i].text] { found.countries.insert(c) }
                    i += 1
                    continue
                }
                var j = i + 1
                // A name runs over capitalized words with single spaces between them (not across punctuation).
                while j < tokens.count, [" ", "-"].contains(Words.between(chars, tokens[j - 1], tokens[j])) {
                    if tokens[j].isCapitalized || Self.isArticledName(tokens[j]) { j += 1; continue }
                    // "Corée du Nord", "Bosnia and Herzegovina", "Bab el-Mandeb": a small word between two capitalized ones.
                    if ["du", "de", "des", "of", "and", "del", "di", "el", "al"].contains(tokens[j].lower), j + 1 < tokens.count, tokens[j + 1].isCapitalized,
                       [" ", "-"].contains(Words.between(chars, tokens[j], tokens[j + 1])),
                       knows(tokens[i...(j + 1)].drop { Words.notNames.contains($0.lower) }.map(\.text).joined(separator: " ")) {
                        j += 2
                        continue
                    }
                    break
                }
                var run = tokens[i..<j]
                i = j
                // Leading function words and demonyms ("the", "Ukrainian Poltava region") are not the name.
                while let first = run.first {
                    if Words.notNames.contains(first.lower) { run = run.dropFirst(); continue }
                    if run.count >= 3, let c = demonym(first.lower + " " + run[run.startIndex + 1].lower) {
                        found.countries.insert(c)
                        run = run.dropFirst(2)
                        continue
                    }
                    if run.count >= 2, let c = demonym(first.lower) {
                        found.countries.insert(c)
                        run = run.dropFirst()
                        continue
                    }
                    break
                }
                guard !run.isEmpty else { continue }
                if run.count == 1, let only = run.first, (2...5).contains(only.text.count), only.text.allSatisfy(\.isUppercase) { continue }
                // "the Gulf of Urabá": a water name the gazetteer lacks (one it has, "Strait of
                // Hormuz", ran as one name above), not a town of the name after "of".
                if run.startIndex >= 2, tokens[run.startIndex - 1].lower == "of", tokens[run.startIndex - 2].isCapitalized,
                   WaterWords.mentions(tokens[run.startIndex - 2].text) {
                    let whole = tokens[(run.startIndex - 2)..<run.endIndex]
                    let text = whole.map { strippedPossessive($0.text) }.joined(separator: " ")
                    mentions.append(Mention(sentence: s, tokens: whole, written: text, query: text, region: false, settlementCue: false,
                                            before: [], after: [], water: true))
                    continue
                }
                let whole = run.map(\.lower).joined(separator: " ")
                if Words.worldRegions.contains(whole) || Words.worldRegions.contains(tokens[max(0, run.startIndex - 1)].lower + " " + whole) { continue }
                let lowerRun = run.map { strippedPossessive($0.lower) }
                if lowerRun.contains(where: Words.organisationWords.contains) { continue }
                if let c = demonym(lowerRun.joined(separator: " ")) ?? (run.count == 1 ? demonym(lowerRun[0]) : nil) {
                    found.countries.insert(c)
                    continue
                }
                let before = tokens[max(0, run.startIndex - 3)..<run.startIndex].map(\.lower)
                let after = tokens[run.endIndex..<min(tokens.count, run.endIndex + 3)].map(\.lower)
                let region = after.first.map(Words.regionWords.contains) == true
                    || (before.count >= 2 && Words.regionWords.contains(before[before.count - 2]) && ["of", "de", "d"].contains(before.last ?? ""))
                // "the town of X", or "X, a village on ...".
                let appositive = run.last.map { chars.count > $0.end && chars[$0.end] == "," } == true
                    && (after.first.map(Words.settlementCues.contains) == true
                        || after.count >= 2 && ["a", "the", "un", "une", "una", "le", "la", "el"].contains(after[0]) && Words.settlementCues.contains(after[1]))
                let cue = before.contains(where: Words.settlementCues.contains) || appositive
                let text = run.map { strippedPossessive($0.text) }.joined(separator: " ")
                // A name of two words or more that is no place is a person's (or a body's): its words
                // are set aside; unless the text puts it on the ground ("at Paso Canoas", "Bajo
                // Chiquito, a village"): then it is a place the gazetteer lacks.
                if run.count >= 2 && !region {
                    let r = geocode(text)
                    // A place's other spelling, word by word ("Deir al-Balah", Dayr al Balaḩ), is a place too.
                    let strong = r?.candidates.first.map { [.exact, .folded, .transliterated].contains($0.match)
                        || ($0.match == .variant || $0.match == .fuzzy) && $0.population >= 15_000 } ?? false
                    let titled = before.last.map(Words.personTitles.contains) == true
                    let grounded = cue || before.last.map(Words.groundingLocatives.contains) == true
                    if titled || !strong && !grounded {
                        personTokens.formUnion(run.map { strippedPossessive($0.text) })
                        continue
                    }
                }
                mentions.append(Mention(sentence: s, tokens: run, written: text, query: text, region: region, settlementCue: cue,
                                        before: before, after: after, within: Self.within(tokens, after: run, chars: chars)))
            }
        }
        // First pass: each name alone.
        var resolved: [(Mention, Candidate?, GeocodeResult?)] = []
        for var m in mentions {
            if m.tokens.count == 1, personTokens.contains(m.written) {
                found.skipped.append(DraftSkip(text: m.written, reason: "a person's name", provenance: provenance(m)))
                continue
            }
            var hints = GeocodeHints(limit: 5)
            if m.region { hints.kind = .region } else if m.settlementCue { hints.preferSettlement = true }
            var result = geocode(m.query, hints: hints)
            var best = result.flatMap { accepted($0, query: m.query, hinted: m.region) }
            // A great city named like a region elsewhere is the city in a report ("according to
            // Washington" is the capital, not the state); a region word says otherwise.
            if best == nil, !m.region, let r = result, r.status == .ambiguous, let area = r.candidates.first, area.kind == .region || area.kind == .country,
               r.candidates.contains(where: { $0.kind == .populated && $0.population >= PlaceFinder.greatCity }) {
                var h = hints
                h.preferSettlement = true
                if let again = geocode(m.query, hints: h), again.status == .found, let a = accepted(again, query: m.query, hinted: false),
                   a.population >= PlaceFinder.greatCity {
                    result = again
                    best = a
                }
            }
            if best == nil, m.tokens.count == 1, let (cut, r, c) = unglued(m.written, hints: hints) {
                m.query = cut
                m.written = cut
                result = r
                best = c
            }
            if let c = best, c.kind == .country {
                found.countries.insert(c.country)
                continue
            }
            resolved.append((m, best, result))
        }
        // The story's countries: named, or of a demonym, or of a region it names.
        for (_, c, _) in resolved where c?.kind == .region { if let c { found.countries.insert(c.country) } }
        // ... or of a large city it names by its own name.
        for (_, c, _) in resolved {
            if let c, c.kind == .populated, c.population >= 100_000, [.exact, .folded, .transliterated].contains(c.match) { found.countries.insert(c.country) }
        }
        let regions = resolved.compactMap { (m, c, _) -> (Int, Candidate)? in
            guard let c, c.kind == .region else { return nil }
            return (m.sentence.paragraph, c)
        }
        // Second pass: context.
        var byKey: [String: Int] = [:]
        var doubtful: [(Mention, Candidate, Double)] = []
        /// Names that said where a place lies, as the region or country they were read as.
        var readingOf: [String: Candidate] = [:]
        for (m, first, result) in resolved {
            var c = first
            var candidates: [String] = []
            var note: String?
            var confidence = 0.9
            let paragraphRegions = regions.filter { $0.0 == m.sentence.paragraph }.map(\.1)
            // "Püssi in Estonia", "Inkoo in Finland", "Anamizu in Ishikawa": the name after it says
            // where it lies, and settles it (a town there, however small, is meant).
            let within = settled(m)
            if let within {
                c = within.place
                // The name after it is then that region or country ("in Ishikawa": the prefecture).
                if within.within.kind != .populated, let name = m.within { readingOf[name] = within.within }
            } else if first == nil, let region = readingOf[m.written] {
                c = region
            }
            let settledWithin = within != nil
            if c == nil, let result, result.status == .ambiguous || result.status == .found {
                // Settle by the places near it in the same paragraph, then by the story's countries.
                let near = resolved.first { $0.0.sentence.paragraph == m.sentence.paragraph && $0.1 != nil && $0.1?.kind == .populated && $0.0.written != m.written }?.1
                if let near {
                    var h = GeocodeHints(limit: 5)
                    h.near = "\(near.lat),\(near.lon)"
                    if let r = geocode(m.query, hints: h), r.status == .found, let a = accepted(r, query: m.query, hinted: true),
                       found.countries.contains(a.country) || found.countries.isEmpty {
                        c = a
                        confidence = 0.7
                    }
                }
                // Else by the story's countries, when the name is found in one of them only ("Darién":
                // the region of Panama or a town of Colombia, in a story of both, is left unsettled).
                // A place that bears the name only as another name counts as a reading, though it is
                // not taken on it ("Inkoo", Ingå's Finnish name, in a story of Finland and a Chinese
                // ship, is not settled as Yingkou, China, once Inkou).
                if c == nil {
                    let inCountries = found.countries.sorted().compactMap { country -> GeocodeResult? in
                        guard let r = geocode(m.query, hints: GeocodeHints(country: country, limit: 5)), r.status == .found,
                              accepted(r, query: m.query, hinted: true, grounded: true) != nil else { return nil }
                        return r
                    }
                    if inCountries.count == 1, let only = accepted(inCountries[0], query: m.query, hinted: true) {
                        c = only
                        confidence = 0.7
                    }
                }
                // Readings all outside the story's countries are no place of it ("el Tapón del
                // Darién" in a story of Panama: two villages called Tapon in the Philippines).
                if c == nil, result.status == .ambiguous, !found.countries.isEmpty,
                   !result.candidates.contains(where: { found.countries.contains($0.country) }) {
                    found.skipped.append(DraftSkip(text: m.written, reason: "only places of countries the article does not name bear that name",
                                                   provenance: provenance(m)))
                    continue
                }
                if c == nil, result.status == .ambiguous, result.candidates.first?.match != .fuzzy {
                    candidates = result.candidates.prefix(4).map(Self.describe)
                    note = "'\(m.written)' fits several places and the article does not say which"
                }
            }
            // A country the text names ("bound for Port Said in Egypt") is the story's, not a place.
            if let country = c, country.kind == .country {
                found.countries.insert(country.country)
                continue
            }
            guard var place = c else {
                if m.water {
                    append(&found, &byKey, unlocated(m, candidates: [], note: "a sea, gulf or bay: the built data has none; give its lat and lon to name it "
                                                        + "(an annotation of style water)", provenance: provenance(m)))
                    continue
                }
                let named = m.before.suffix(2) == ["such", "as"] || Self.isLocative(m.before) || m.before.last == "of"
                if !candidates.isEmpty || m.settlementCue || m.region || (named && m.written.count >= 5) {
                    // The closest names, typos included, for the person who settles it.
                    let closest = (result?.candidates ?? []) + (result?.suggestions ?? [])
                    if candidates.isEmpty { candidates = closest.prefix(3).map { "closest name: " + Self.describe($0) } }
                    note = note ?? (candidates.isEmpty ? "no place of this name in the gazetteer" : "not found as a place of \(found.countries.sorted().joined(separator: ", "))")
                    append(&found, &byKey, unlocated(m, candidates: candidates, note: note, provenance: provenance(m)))
                } else {
                    found.skipped.append(DraftSkip(text: m.written, reason: "no place of that name in the gazetteer", provenance: provenance(m)))
                }
                continue
            }
            // A settlement in a region the paragraph names must lie in it.
            if place.kind != .region, place.population < 100_000, let region = paragraphRegions.first(where: { $0.country == place.country }),
               place.admin1 != region.admin1 {
                var h = GeocodeHints(country: region.country, admin1: region.admin1, limit: 5)
                h.preferSettlement = true
                if let r = geocode(m.query, hints: h), r.status == .found, let a = accepted(r, query: m.query, hinted: true) {
                    place = a
                } else {
                    append(&found, &byKey, unlocated(m, candidates: [Self.describe(place)],
                                                     note: "not found in \(region.name); the gazetteer's '\(place.name)' lies in \(place.admin1Name), \(place.country)",
                                                     provenance: provenance(m)))
                    continue
                }
            }
            // A doubtful place: small with nothing to say it is one, or in a country the story does not name.
            // A small place is taken when something says it is one: a word for a settlement, a region
            // of the article it lies in, or a preposition of place in a country of the story.
            let inNamedRegion = regions.contains { $0.1.country == place.country && $0.1.admin1 == place.admin1 }
            let placed = settledWithin || Self.isLocative(m.before) && found.countries.contains(place.country)
            let small = place.kind == .populated && place.population < 15_000 && !m.settlementCue && !inNamedRegion && !placed
            if m.before.suffix(2) == ["based", "in"] {
                found.skipped.append(DraftSkip(text: m.written, reason: "where a body is based, not a place of the story", provenance: provenance(m)))
                continue
            }
            let foreign = !settledWithin && !found.countries.isEmpty && !place.country.isEmpty && !found.countries.contains(place.country)
                && place.population < 1_000_000
            if foreign {
                found.skipped.append(DraftSkip(text: m.written, reason: "'\(place.name)' lies in \(place.country), a country the article does not name",
                                               provenance: provenance(m)))
                continue
            }
            if small {
                doubtful.append((m, place, confidence))
                continue
            }
            if place.match == .fuzzy { confidence = min(confidence, 0.6) }
            add(place, m, confidence: confidence, to: &found, &byKey, provenance: provenance(m))
        }
        // A small place with nothing else to say it is meant is taken when it lies near a place of
        // the story in its country ("boats from Necoclí ... to Acandí and Capurganá", towns of a few
        // thousand a few tens of kilometres away); a namesake elsewhere is left out.
        let grounded = found.places.filter { $0.role == .place && $0.located }
        for (m, place, confidence) in doubtful {
            let near = grounded.first { p in p.country == place.country && p.geonameid != place.id && distance(p, place) <= Self.nearKm }
            guard let near else {
                found.skipped.append(DraftSkip(text: m.written, reason: "a small place of that name, with nothing in the text to say it is meant",
                                               provenance: provenance(m)))
                continue
            }
            add(place, m, confidence: min(confidence, 0.7), note: "a small place, taken for lying \(Int(distance(near, place).rounded())) km from \(near.name)",
                to: &found, &byKey, provenance: provenance(m))
        }
        return found
    }

    /// How near a place of the story a small place must lie to be taken for its nearness, in km.
    static let nearKm = 100.0

    private func distance(_ p: DraftPlace, _ c: Candidate) -> Double {
        Coordinate(lon: p.lon ?? 0, lat: p.lat ?? 0).greatCircleKm(to: c.coordinate)
    }

    /// Adds a located place as its mention `m` names it, in the role its kind and the text give it.
    @discardableResult
    private func add(_ place: Candidate, _ m: Mention, confidence: Double, note: String? = nil, to found: inout Found,
                     _ byKey: inout [String: Int], provenance: Provenance) -> DraftPlace {
        let role: DraftPlace.Role = place.kind == .region ? .region : place.kind.isWater ? .water : (isGovernment(m, place) ? .government : .place)
        let p = DraftPlace(
            id: "", name: place.name, written: [m.written], role: role, kind: kindWord(place),
            country: place.country, admin1: place.admin1Name.isEmpty ? nil : place.admin1Name, lat: place.lat, lon: place.lon,
            geonameid: place.id, located: true, candidates: [], note: note, confidence: confidence, mentions: [provenance])
        append(&found, &byKey, p)
        if role == .place { found.inSentence[m.sentence.index, default: []].append(Self.key(p)) }
        return p
    }

    /// Adds a place, or a mention to the place already found under the same key.
    private func append(_ found: inout Found, _ byKey: inout [String: Int], _ p: DraftPlace) {
        let key = Self.key(p)
        if let i = byKey[key] {
            found.places[i].mentions += p.mentions
            for w in p.written where !found.places[i].written.contains(w) { found.places[i].written.append(w) }
            // One mention as a place makes it a place of the story, whatever the others say.
            if found.places[i].role == .government && p.role == .place { found.places[i].role = .place }
            found.places[i].confidence = max(found.places[i].confidence, p.confidence)
        } else {
            byKey[key] = found.places.count
            found.places.append(p)
        }
    }

    static func key(_ p: DraftPlace) -> String { p.geonameid.map(String.init) ?? "name:" + NameKey.fold(p.name) }

    private func unlocated(_ m: Mention, candidates: [String], note: String?, provenance: Provenance) -> DraftPlace {
        DraftPlace(id: "", name: m.written, written: [m.written], role: m.water ? .water : m.region ? .region : .place,
                   kind: m.water ? "sea" : m.region ? "region" : "town",
                   country: nil, admin1: nil, lat: nil, lon: nil, geonameid: nil, located: false, candidates: candidates,
                   note: note, confidence: 0.3, mentions: [provenance])
    }

    /// The candidate taken for a name: a name the place really has, or a romanization variant;
    /// a typo only for a long name of a large place.
    func accepted(_ r: GeocodeResult, query: String, hinted: Bool = false, grounded: Bool = false) -> Candidate? {
        guard r.status == .found, let c = r.candidates.first else { return nil }
        // One word that is only another place's alternate name ("Canal", a name of João Dourado,
        // Brazil) is a word of the text, not that place; unless the text says where it lies
        // (`grounded`: "Inkoo in Finland", Ingå's Finnish name).
        if !grounded, !query.contains(" "), !c.primary, c.kind == .populated, c.population < Gazetteer.largeCity, !Gazetteer.isOwnName(c) { return nil }
        switch c.match {
        case .exact, .folded, .transliterated: return c
        case .variant: return hinted || (query.count >= 6 && c.population >= 15_000) ? c : nil
        case .fuzzy: return query.count >= 7 && c.population >= 50_000 ? c : nil
        }
    }

    /// A name run into the next English word ("Vlagoveshenskin"): the name without it, when that is a place.
    private func unglued(_ word: String, hints: GeocodeHints) -> (String, GeocodeResult, Candidate?)? {
        let lower = word.lowercased()
        for suffix in Words.gluedSuffixes where lower.hasSuffix(suffix) && word.count - suffix.count >= 4 {
            let cut = String(word.dropLast(suffix.count))
            guard let r = geocode(cut, hints: hints) else { continue }
            if let c = accepted(r, query: cut) { return (cut, r, c) }
            if r.status == .ambiguous, r.candidates.first?.match != .fuzzy || cut.count >= 7 { return (cut, r, nil) }
        }
        return nil
    }

    /// A city named for its government: the subject of a verb of saying or doing, a possessive,
    /// "according to", "for X,", "neither/nor"; never after a locative ("in Pyongyang").
    private func isGovernment(_ m: Mention, _ c: Candidate) -> Bool {
        guard c.kind == .populated || c.kind == .port, c.population >= 300_000 else { return false }
        if Self.isLocative(m.before) { return false }
        if m.before.last == "based" || m.before.suffix(2) == ["based", "in"] { return false }
        let possessive = m.tokens.last.map { $0.lower.hasSuffix("'s") || $0.lower.hasSuffix("’s") } ?? false
        if possessive { return true }
        if let prev = m.before.last, Attribution.verbs.contains(prev) { return true }
        if ["ally", "allies", "side"].contains(m.before.dropLast().last ?? "") && m.before.last == "of" { return true }
        if m.before.last == "and", m.before.contains("between") { return true }
        if m.before.last == "for", let last = m.tokens.last, m.sentence.text.dropFirst(last.end).hasPrefix(",") { return true }
        if m.before.suffix(2) == ["according", "to"] || m.before.last == "neither" || m.before.last == "nor" || m.before.last == "between" { return true }
        if let next = m.after.first, Words.governmentVerbs.contains(next) || Attribution.verbs.contains(next) { return true }
        if let last = m.tokens.last, m.sentence.text.count > last.end, m.sentence.text.dropFirst(last.end).hasPrefix(" and "),
           m.after.count >= 3, Words.governmentVerbs.contains(m.after[2]) { return true }
        // "supplied shells to Moscow": the government receives.
        if m.before.last == "to", m.sentence.text.lowercased().contains("supplied") || m.sentence.text.lowercased().contains("sent") { return true }
        return false
    }

    /// Whether the words before a name put it on the ground: "near", "in", "près de", "autour de".
    static func isLocative(_ before: [String]) -> Bool {
        guard let last = before.last else { return false }
        if Words.locatives.contains(last) { return true }
        return ["de", "d"].contains(last) && before.count >= 2 && ["près", "autour", "proche", "nord", "sud", "est", "ouest"].contains(before[before.count - 2])
    }

    private func strippedPossessive(_ s: String) -> String {
        for p in ["'s", "’s"] where s.hasSuffix(p) { return String(s.dropLast(2)) }
        return s
    }

    /// Lowercase spellings of large cities ("kyiv" in machine-translated text).
    /// An Arabic article joined to a capitalized name ("al-Balah" in Deir al-Balah, "el-Mandeb"):
    /// part of the name it follows.
    static func isArticledName(_ t: Token) -> Bool {
        guard let dash = t.text.firstIndex(where: { $0 == "-" }), t.text.index(after: dash) < t.text.endIndex else { return false }
        let article = t.text[..<dash].lowercased()
        return Words.arabicArticles.contains(article) && t.text[t.text.index(after: dash)].isUppercase
    }

    private func isLowercaseName(_ t: Token) -> Bool {
        guard t.text.count >= 4, t.text.first?.isLowercase == true, !Words.notNames.contains(t.text), knows(t.text) else { return false }
        guard let r = geocode(t.text), r.status == .found, let c = r.candidates.first else { return false }
        return [.exact, .folded].contains(c.match) && c.population >= 1_000_000 && c.kind == .populated
            && NameKey.fold(c.name) == NameKey.fold(t.text)
    }

    private func demonymCountries(_ tokens: [Token]) -> Set<String> {
        var out = Set<String>()
        for i in tokens.indices {
            let one = tokens[i].lower
            let two = i + 1 < tokens.count ? one + " " + tokens[i + 1].lower : ""
            if let c = Words.demonyms[two] ?? Words.demonyms[one] {
                out.insert(c)
            } else if tokens[i].isCapitalized, let c = demonym(i + 1 < tokens.count && tokens[i + 1].isCapitalized ? two : "") ?? demonym(one) {
                // Built on a country's name: capitalized, as English writes them.
                out.insert(c)
            }
        }
        return out
    }

    /// The country a demonym or adjective names, singular or plural: the word list, else the
    /// country whose name the word is built on by one of the usual endings ("Panamanian",
    /// "Costa Ricans", "Hungarian", "Lebanese"), as the gazetteer spells the country.
    func demonym(_ lower: String) -> String? {
        guard !lower.isEmpty else { return nil }
        if let c = Words.demonyms[lower] { return c }
        if let known = memo.demonyms[lower] { return known }
        var country: String?
        let forms = lower.hasSuffix("s") ? [String(lower.dropLast()), lower] : [lower]
        search: for word in forms {
            for ending in Words.demonymEndings where word.hasSuffix(ending) && word.count - ending.count >= 3 {
                let stem = String(word.dropLast(ending.count))
                for tail in Words.countryNameTails {
                    let name = stem + tail
                    guard knows(name), let r = geocode(name, hints: GeocodeHints(kind: .country, limit: 1)), r.status == .found,
                          let c = r.candidates.first, [.exact, .folded].contains(c.match), NameKey.fold(c.matched) == NameKey.fold(name) else { continue }
                    country = c.country
                    break search
                }
            }
        }
        memo.demonyms[lower] = .some(country)
        return country
    }

    private func kindWord(_ c: Candidate) -> String {
        switch c.kind {
        case .port: return "port"
        case .region: return "region"
        case .strait, .canal, .sea: return c.kind.rawValue
        default: return c.population >= 100_000 ? "city" : c.population >= 5_000 ? "town" : "village"
        }
    }

    static func describe(_ c: Candidate) -> String {
        "\(c.name) (\([c.admin1Name, c.country].filter { !$0.isEmpty }.joined(separator: ", ")); geonameid \(c.id))"
    }
}
