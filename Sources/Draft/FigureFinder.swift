import Foundation

/// Finds the figures of a sentence: counts, ranges and bounds of people, casualties, equipment,
/// area or distance, in digits ("10,000", "10 000", French "10.000", "1.3 million") or words
/// ("ten thousand", "a few hundred", "hundreds"), with their qualifier ("at least", "up to" and
/// machine translation's "until", "around", "more than", "between ... and", "from ... to") and
/// what they count. Years, calibres, shares and model numbers are left out, with the reason.
struct FigureFinder {
    /// Whether numbers group thousands with dots and mark decimals with a comma (French, Spanish).
    let decimalComma: Bool

    /// A figure as read: the value, its qualifier, what it counts, and the words it spans.
    struct Reading: Equatable {
        var min: Double
        var max: Double
        var qualifier: String
        var counted: String
        var unit: String
        var start: Int
        var end: Int
    }

    /// Nouns of what stories count; the unit is the noun as written, singular.
    static let units: [String: String] = [
        "soldiers": "soldiers", "soldier": "soldiers", "troops": "troops", "men": "men", "fighters": "fighters", "personnel": "personnel",
        "servicemen": "servicemen", "officers": "officers", "generals": "generals", "casualties": "casualties", "dead": "dead",
        "killed": "killed", "wounded": "wounded", "deaths": "deaths", "people": "people", "civilians": "civilians", "refugees": "refugees",
        "prisoners": "prisoners", "containers": "containers", "projectiles": "projectiles", "shells": "shells", "rounds": "rounds",
        "missiles": "missiles", "rockets": "rockets", "drones": "drones", "tanks": "tanks", "vehicles": "vehicles", "guns": "guns",
        "howitzers": "howitzers", "aircraft": "aircraft", "ships": "ships", "km2": "km²", "km²": "km²", "km": "km",
        "kilometres": "km", "kilometers": "km", "miles": "miles", "tonnes": "tonnes", "tons": "tonnes", "hectares": "hectares",
        "marchers": "marchers", "protesters": "protesters", "migrants": "migrants", "children": "children", "vessels": "vessels",
        "injured": "injured", "missing": "missing", "evacuees": "evacuees", "buildings": "buildings", "homes": "homes",
        "houses": "houses", "metres": "m", "meters": "m",
        "mercenaries": "mercenaries", "militants": "militants", "rebels": "rebels", "hostages": "hostages", "victims": "victims",
        "boats": "boats",
        "soldats": "soldats", "hommes": "hommes", "militaires": "militaires", "morts": "morts", "blessés": "blessés", "obus": "obus",
        "combattants": "combattants", "mercenaires": "mercenaires", "civils": "civils", "personnes": "personnes", "enfants": "enfants",
        "réfugiés": "réfugiés", "déplacés": "déplacés", "prisonniers": "prisonniers", "otages": "otages", "victimes": "victimes",
        "tués": "tués", "rebelles": "rebelles", "véhicules": "véhicules", "chars": "chars", "navires": "navires", "kilomètres": "km",
        "personas": "personas", "soldados": "soldados", "tropas": "tropas", "migrantes": "migrantes", "muertos": "muertos",
        "heridos": "heridos", "civiles": "civiles", "refugiados": "refugiados", "niños": "niños", "desplazados": "desplazados",
        "combatientes": "combatientes", "viviendas": "viviendas", "edificios": "edificios", "casas": "casas", "kilómetros": "km",
        "mercenarios": "mercenarios", "rehenes": "rehenes", "víctimas": "víctimas",
    ]

    /// The unit of a noun, and the noun, also when machine translation ran it into the next word ("soldiersbut").
    static func unit(_ word: String) -> (String, String)? {
        var word = word
        // French elision: "d'obus", "l'armée".
        for p in ["d'", "d’", "l'", "l’"] where word.lowercased().hasPrefix(p) { word = String(word.dropFirst(2)) }
        let lower = word.lowercased()
        if let u = units[lower] { return (u, word) }
        for suffix in Words.gluedSuffixes where lower.hasSuffix(suffix) && lower.count > suffix.count + 2 {
            if let u = units[String(lower.dropLast(suffix.count))] { return (u, String(word.dropLast(suffix.count))) }
        }
        return nil
    }

    static let numberWords: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
        "a hundred": 100, "dozen": 12, "un": 1, "deux": 2, "trois": 3, "dix": 10, "cent": 100, "mille": 1000,
        "dos": 2, "tres": 3, "diez": 10, "cien": 100, "mil": 1000,
    ]
    static let scales: [String: Double] = ["thousand": 1e3, "million": 1e6, "billion": 1e9, "millions": 1e6, "mille": 1e3, "milliards": 1e9,
                                           "mil": 1e3, "millón": 1e6, "millones": 1e6]

    /// Every figure of `sentence`, and the numbers left out with the reason.
    func figures(in sentence: String) -> (found: [Reading], skipped: [(String, String)]) {
        let tokens = Words.tokens(sentence), chars = Array(sentence)
        let lower = tokens.map(\.lower)
        var found: [Reading] = [], skipped: [(String, String)] = []
        var i = 0
        while i < tokens.count {
            guard let n = number(at: i, tokens, lower) else { i += 1; continue }
            // Days of dates ("November 11"), shares ("20%") and model numbers ("Shahed 136") count nothing.
            let gapAfter = i + 1 < tokens.count ? Words.between(chars, tokens[i], tokens[i + 1]) : String(chars[tokens[i].end...])
            if i > 0, DraftDates.month(lower[i - 1]) != nil || (i + 1 < tokens.count && DraftDates.month(lower[i + 1]) != nil) || gapAfter.hasPrefix("%")
                || (tokens[i - 1].isCapitalized && !Words.notNames.contains(lower[i - 1]) && tokens[i].text.count <= 4 && tokens[i].text.allSatisfy(\.isNumber)) {
                skipped.append((tokens[i].text, DraftDates.month(lower[i - 1]) != nil || gapAfter.hasPrefix(" ") ? "a day of a date" : gapAfter.hasPrefix("%") ? "a share, not a count" : "a model or a name's number"))
                i += 1
                continue
            }
            if gapAfter.hasPrefix("%") { i += 1; continue }
            let value = n.lo
            var lo = n.lo, hi = n.hi, end = n.next
            var qualifier = n.implied ?? qualifierBefore(i, lower)
            // Ranges: "10,000 to 12,000", "10,000-12,000", "between 20,000 and 30,000", "from ... to".
            if end < tokens.count, ["to", "and", "à", "et"].contains(lower[end]) || isDash(chars, tokens, end - 1),
               n.implied == nil, let second = number(at: ["to", "and", "à", "et"].contains(lower[end]) ? end + 1 : end, tokens, lower),
               second.implied == nil, second.lo > value, (qualifier == "between" || qualifier == "from" || !["and", "et"].contains(lower[end])) {
                hi = second.lo
                end = second.next
                // "8 to 10 million": the scale of the second applies to the first.
                if hi >= 1000 * lo, let scale = [1e9, 1e6, 1e3].first(where: { hi >= $0 && hi / $0 < 1000 && lo < 1000 }) { lo *= scale }
                if qualifier == "between" || qualifier == "from" { qualifier = "range" }
            }
            if qualifier == "between" || qualifier == "from" { qualifier = "exact" }
            if lo != hi && qualifier == "exact" { qualifier = "range" }
            let raw = String(chars[tokens[i].start..<tokens[end - 1].end])
            // What it counts: the first unit noun within four words.
            var unit: String?, counted: [String] = []
            for k in end..<min(tokens.count, end + 5) {
                if k > end, Words.between(chars, tokens[k - 1], tokens[k]).contains(where: { ",.;:(".contains($0) }) { break }
                if tokens[k].text.first?.isNumber == true || FigureFinder.numberWords[lower[k]] != nil { break }
                if let (u, word) = FigureFinder.unit(tokens[k].text) { unit = u; counted.append(word); end = k + 1; break }
                // "2 millones de personas": the "de" before the noun is no word of what is counted.
                if counted.isEmpty, k == end, lower[k] == "de" { continue }
                if [",", "."].contains(lower[k]) || ["of", "in", "and", "per", "a", "the", "from"].contains(lower[k]) && !counted.isEmpty { break }
                counted.append(tokens[k].text)
            }
            if unit == nil, end < tokens.count, lower[end] == "of", end + 1 < tokens.count, let u = FigureFinder.units[lower[end + 1]] {
                unit = u
                counted = [tokens[end + 1].text]
                end += 2
            }
            let isYear = lo == hi && lo >= 1900 && lo <= 2100 && tokens[i].text.count == 4
            // "1,500 soldiers ..., closer to 12,000", "double the 248,000 recorded in 2022": a number
            // with no noun of its own counts what the one before did.
            let following = end < tokens.count ? Words.between(chars, tokens[end - 1], tokens[end]) : "."
            let bare = following.contains(where: { ",.;:)".contains($0) }) || end < tokens.count && FigureFinder.afterBareNumber.contains(lower[end])
            if unit == nil, !isYear, let previous = found.last, lo >= 10, bare {
                unit = previous.unit
                counted = [previous.counted]
            }
            // "a magnitude 7.6 earthquake": the scale named before the number.
            if unit == nil, !isYear, i > 0, lower[i - 1] == "magnitude" {
                unit = "magnitude"
                counted = [tokens[i - 1].text]
            }
            // "put the number of North Korean soldiers ... at 10,000": the noun named before.
            if unit == nil, !isYear, lo >= 10, let k = lower[..<i].lastIndex(of: "number"), k + 1 < i, lower[k + 1] == "of" {
                for j in (k + 2)..<min(i, k + 7) {
                    if let (u, word) = FigureFinder.unit(tokens[j].text) {
                        unit = u
                        counted = tokens[(k + 2)...j].map(\.text).dropLast() + [word]
                        break
                    }
                }
            }
            if let unit, !isYear {
                if lo > hi { swap(&lo, &hi) }
                found.append(Reading(min: lo, max: hi, qualifier: qualifier, counted: counted.joined(separator: " "), unit: unit,
                                     start: tokens[max(0, i - qualifierLength(i, lower))].start, end: tokens[end - 1].end))
            } else {
                let after = end < lower.count ? lower[end] : ""
                let reason = isYear ? "a year" : after == "mm" ? "a calibre" : after == "%" || sentence.dropFirst(tokens[end - 1].end).hasPrefix("%") ? "a share, not a count"
                    : i > 0 && tokens[i - 1].isCapitalized && !Words.notNames.contains(lower[i - 1]) ? "a model or a name's number" : "no counted noun after it"
                skipped.append((raw, reason))
            }
            i = max(end, i + 1)
        }
        return (found, skipped)
    }

    /// The number at token `i` (digits, or words) as a least and a most, the qualifier the words
    /// imply ("hundreds": at least 200; "a few hundred": 200-500), and the token after it.
    func number(at i: Int, _ tokens: [Token], _ lower: [String]) -> (lo: Double, hi: Double, implied: String?, next: Int)? {
        guard i < tokens.count else { return nil }
        func skipOf(_ k: Int) -> Int { k < tokens.count && ["of", "de", "d"].contains(lower[k]) ? k + 1 : k }
        if lower[i] == "a", i + 2 < tokens.count, lower[i + 1] == "few", ["hundred", "thousand"].contains(lower[i + 2]) {
            let base: Double = lower[i + 2] == "hundred" ? 100 : 1000
            return (2 * base, 5 * base, "range", i + 3)
        }
        if lower[i] == "tens", i + 2 < tokens.count, lower[i + 1] == "of", lower[i + 2] == "thousands" {
            return (20_000, 20_000, "at-least", skipOf(i + 3))
        }
        if let least = ["hundreds": 200.0, "thousands": 2000, "dozens": 24, "centaines": 200, "milliers": 2000][lower[i]] {
            return (least, least, "at-least", skipOf(i + 1))
        }
        var value: Double?
        if tokens[i].text.first?.isNumber == true {
            value = digits(tokens[i].text)
        } else if let w = FigureFinder.numberWords[lower[i]], !(i + 1 < tokens.count && ["hand", "another", "of", "day", "side"].contains(lower[i + 1])) {
            value = w
        }
        guard var v = value else { return nil }
        var next = i + 1
        while next < tokens.count, let scale = FigureFinder.scales[lower[next]] ?? (lower[next] == "hundred" ? 100 : nil) {
            v *= scale
            next += 1
        }
        return v.isFinite && v <= 1e15 ? (v, v, nil, next) : nil
    }

    /// "10,000", "10 000", "1.3", French "10.000" and "1,3".
    func digits(_ t: String) -> Double? {
        var s = t.replacingOccurrences(of: "\u{202F}", with: "").replacingOccurrences(of: "\u{A0}", with: "").replacingOccurrences(of: " ", with: "")
        let groups = s.split(separator: Character("."))
        if groups.count > 1, groups.dropFirst().allSatisfy({ $0.count == 3 }), decimalComma || groups.count > 2 {
            s = s.replacingOccurrences(of: ".", with: "")
        }
        let commaGroups: [Substring] = s.split(separator: ",")
        if decimalComma, s.contains(","), !commaGroups.dropFirst().allSatisfy({ $0.count == 3 }) {
            s = s.replacingOccurrences(of: ",", with: ".")
        } else {
            s = s.replacingOccurrences(of: ",", with: "")
        }
        guard s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else {
            // "km2" and the like: the digits before the letters.
            let head = s.prefix { $0.isNumber || $0 == "." }
            return head.isEmpty ? nil : Double(head)
        }
        return Double(s)
    }

    /// The qualifier in the three words before token `i`.
    func qualifierBefore(_ i: Int, _ lower: [String]) -> String {
        let b = lower[max(0, i - 3)..<i].joined(separator: " ")
        for (phrase, q) in FigureFinder.qualifiers where b.hasSuffix(phrase) { return q }
        return "exact"
    }

    func qualifierLength(_ i: Int, _ lower: [String]) -> Int {
        let b = lower[max(0, i - 3)..<i].joined(separator: " ")
        for (phrase, _) in FigureFinder.qualifiers where b.hasSuffix(phrase) { return phrase.split(separator: " ").count }
        return 0
    }

    /// Words after a number with no noun that leave it counting what the figure before it did
    /// ("the 248,000 recorded in 2022", "against 9,000 a year earlier").
    static let afterBareNumber: Set<String> = ["recorded", "reported", "counted", "registered", "estimated", "in", "a", "the", "last", "this", "en"]

    /// Phrases before a number and what they make of it, longest first.
    static let qualifiers: [(String, String)] = [
        ("more than", "more-than"), ("over", "more-than"), ("in excess of", "more-than"), ("plus de", "more-than"),
        ("at least", "at-least"), ("au moins", "at-least"), ("no fewer than", "at-least"),
        ("up to", "up-to"), ("until", "up-to"), ("as many as", "up-to"), ("fewer than", "up-to"), ("less than", "up-to"), ("jusqu'à", "up-to"),
        ("close to", "about"), ("closer to", "about"), ("nearly", "about"), ("almost", "about"), ("around", "about"), ("about", "about"),
        ("approximately", "about"), ("roughly", "about"), ("some", "about"), ("an estimated", "about"), ("environ", "about"),
        ("près de", "about"), ("quelque", "about"), ("between", "between"), ("entre", "between"), ("from", "from"),
        ("más de", "more-than"), ("al menos", "at-least"), ("por lo menos", "at-least"), ("hasta", "up-to"), ("menos de", "up-to"),
        ("alrededor de", "about"), ("cerca de", "about"), ("casi", "about"), ("unos", "about"), ("unas", "about"),
        ("aproximadamente", "about"),
    ]

    private func isDash(_ chars: [Character], _ tokens: [Token], _ k: Int) -> Bool {
        guard k >= 0, k + 1 < tokens.count else { return false }
        let between = Words.between(chars, tokens[k], tokens[k + 1]).trimmingCharacters(in: .whitespaces)
        return ["-", "–", "—"].contains(between) && tokens[k + 1].text.first?.isNumber == true
    }
}
