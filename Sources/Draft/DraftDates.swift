import Foundation

/// Dates in news text: the article's publication date (given, stated at its head, or the latest
/// date it mentions), and the date each sentence speaks of — absolute ("November 11", "17 October
/// 2024") or relative to the publication date ("last Friday", "this Wednesday", "last week") or to
/// the sentence before ("a day earlier", "the next day"), as story dates (`2024-10-18`, `2024-10`,
/// `2024-10-14/2024-10-20`).
public struct DraftDates: Sendable {
    /// A calendar day.
    public struct Day: Sendable, Comparable, Hashable, CustomStringConvertible {
        public let year: Int, month: Int, day: Int
        public init(_ y: Int, _ m: Int, _ d: Int) { (year, month, day) = (y, m, d) }
        public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
        public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

        static let calendar: Calendar = {
            var c = Calendar(identifier: .gregorian)
            c.timeZone = TimeZone(identifier: "UTC")!
            return c
        }()
        var date: Date? { Day.calendar.date(from: DateComponents(year: year, month: month, day: day)) }
        /// 1 = Sunday ... 7 = Saturday.
        var weekday: Int? { date.map { Day.calendar.component(.weekday, from: $0) } }
        func adding(days n: Int) -> Day? {
            guard let d = date, let e = Day.calendar.date(byAdding: .day, value: n, to: d) else { return nil }
            let c = Day.calendar.dateComponents([.year, .month, .day], from: e)
            return Day(c.year!, c.month!, c.day!)
        }
        /// Whether this is a real day of the calendar.
        var isValid: Bool {
            guard (1...12).contains(month), (1...31).contains(day), let d = date else { return false }
            return Day.calendar.component(.day, from: d) == day
        }
    }

    /// A date found in a sentence, as a story date, with the words it was read from.
    public struct Found: Sendable, Equatable {
        public let date: String
        public let phrase: String
        /// The day it ends on, for the next sentence's "a day earlier".
        let anchor: Day?
    }

    public let publication: Day?
    /// How the publication date was settled, in words.
    public let publicationNote: String

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                         "november", "december"]
    static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    /// French names, by the same index.
    static let frenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                               "novembre", "décembre"]
    static let frenchWeekdays = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]

    /// Spanish names, by the same index.
    static let spanishMonths = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                                "noviembre", "diciembre"]
    static let spanishWeekdays = ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"]

    /// A month's index (0-11) from its English, French or Spanish name.
    static func month(_ w: String) -> Int? { months.firstIndex(of: w) ?? frenchMonths.firstIndex(of: w) ?? spanishMonths.firstIndex(of: w) }
    /// A weekday's index (0 = Sunday) from its English, French or Spanish name.
    static func weekday(_ w: String) -> Int? { weekdays.firstIndex(of: w) ?? frenchWeekdays.firstIndex(of: w) ?? spanishWeekdays.firstIndex(of: w) }

    /// The publication date: `given` (YYYY-MM-DD), else one stated in the article's first lines (a
    /// year left out is the one, within five years after the latest year the text names, whose
    /// calendar has that weekday), else the latest full date the text mentions.
    public init(article: Article, given: String?) throws {
        if let given {
            let p = given.split(separator: "-").compactMap { Int($0) }
            guard p.count == 3, given.count == 10, Day(p[0], p[1], p[2]).isValid else {
                throw DraftError("--date '\(given)': expected YYYY-MM-DD, e.g. 2024-10-23")
            }
            publication = Day(p[0], p[1], p[2])
            publicationNote = "publication date \(given) (given)"
            return
        }
        let years = DraftDates.yearsMentioned(article.text)
        for s in article.sentences.prefix(3) {
            if let d = DraftDates.statedDate(s.text, years: years) {
                publication = d
                publicationNote = "publication date \(d), stated at the head of \(article.file)"
                return
            }
        }
        let all = article.sentences.compactMap { DraftDates.fullDate(in: $0.text.lowercased()) }
        if let latest = all.max() {
            publication = latest
            publicationNote = "publication date not stated in \(article.file): taken as \(latest), the latest date it mentions; give --date if it is another"
        } else {
            publication = nil
            publicationNote = "publication date not stated in \(article.file) and no date to infer it from: give --date; relative dates are left out"
        }
    }

    /// Years 1900...2100 written in the text.
    static func yearsMentioned(_ text: String) -> [Int] {
        var out: [Int] = []
        var digits = ""
        for c in text + " " {
            if c.isASCII && c.isNumber { digits.append(c); continue }
            if digits.count == 4, let y = Int(digits), (1900...2100).contains(y) { out.append(y) }
            digits = ""
        }
        return out
    }

    /// "Wednesday, October 23", "Wednesday 23 October 2024", "October 23, 2024", "2024-10-23".
    static func statedDate(_ line: String, years: [Int]) -> Day? {
        let l = line.lowercased()
        if let d = fullDate(in: l) { return d }
        let words = DraftDates.words(l)
        guard let wd = words.first.flatMap(DraftDates.weekday), words.count <= 6 else { return nil }
        var month: Int?, day: Int?
        for w in words.dropFirst() {
            if let m = DraftDates.month(w) { month = m + 1 } else if let n = Int(w), (1...31).contains(n) { day = n } else if let y = Int(w), w.count == 4, (1900...2100).contains(y) {
                if let month, let day, Day(y, month, day).isValid { return Day(y, month, day) }
            }
        }
        guard let month, let day else { return nil }
        let from = years.max() ?? 2000
        for y in from...(from + 5) where Day(y, month, day).isValid && Day(y, month, day).weekday == wd + 1 { return Day(y, month, day) }
        return nil
    }

    static func words(_ s: String) -> [String] {
        s.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// A date with its year: "october 17, 2024", "17 october 2024", "2024-10-17".
    static func fullDate(in l: String) -> Day? {
        let w = words(l)
        for i in w.indices {
            if let m = DraftDates.month(w[i]) {
                if i + 2 < w.count, let d = Int(w[i + 1]), let y = Int(w[i + 2]), w[i + 2].count == 4, Day(y, m + 1, d).isValid { return Day(y, m + 1, d) }
                if i >= 1, i + 1 < w.count, let d = Int(w[i - 1]), let y = Int(w[i + 1]), w[i + 1].count == 4, Day(y, m + 1, d).isValid { return Day(y, m + 1, d) }
            }
            if w[i].count == 4, let y = Int(w[i]), i + 2 < w.count, let m = Int(w[i + 1]), let d = Int(w[i + 2]),
               w[i + 1].count == 2, w[i + 2].count == 2, Day(y, m, d).isValid { return Day(y, m, d) }
        }
        return nil
    }

    /// The years a sentence puts events in ("in 2023", "during 2022", "throughout 2021"), with
    /// the character offset of each; none after the publication's year.
    func years(in sentence: String) -> [(year: Int, at: Int)] {
        let tokens = Words.tokens(sentence)
        return tokens.indices.dropFirst().compactMap { i in
            guard tokens[i].text.count == 4, let y = Int(tokens[i].text), (1900...2100).contains(y), y <= (publication?.year ?? 2100),
                  ["in", "during", "throughout", "en"].contains(tokens[i - 1].lower) else { return nil }
            return (y, tokens[i - 1].start)
        }
    }

    /// The first date `sentence` speaks of; `previous` is the day the sentence before ends on.
    public func find(in sentence: String, previous: Day?) -> Found? {
        let l = " " + sentence.lowercased().replacingOccurrences(of: "’", with: "'") + " "
        func phrase(_ p: String) -> Bool { l.contains(" \(p) ") || l.contains(" \(p),") || l.contains(" \(p).") }
        if let d = DraftDates.fullDate(in: l) { return Found(date: d.description, phrase: d.description, anchor: d) }
        let w = DraftDates.words(l)
        // "November 11", "11 November", "in mid-June", "in February 2022", "since August".
        for i in w.indices {
            guard let m = DraftDates.month(w[i]) else { continue }
            if i + 1 < w.count, w[i + 1].count == 4, let y = Int(w[i + 1]) {
                let from = String(format: "%04d-%02d", y, m + 1)
                // "since February 2022": from then to the publication.
                if i >= 1, w[i - 1] == "since" || w[i - 1] == "depuis", let pub = publication {
                    let to = String(format: "%04d-%02d", pub.year, pub.month)
                    return Found(date: from == to ? from : "\(from)/\(to)", phrase: "\(w[i - 1]) \(w[i]) \(y)", anchor: nil)
                }
                return Found(date: from, phrase: "\(w[i]) \(y)", anchor: nil)
            }
            let day = (i + 1 < w.count ? Int(w[i + 1]) : nil) ?? (i >= 1 ? Int(w[i - 1]) : nil)
            guard let pub = publication else { continue }
            let year = m + 1 > pub.month ? pub.year - 1 : pub.year
            // "since August": from then to the publication.
            if i >= 1, w[i - 1] == "since" || w[i - 1] == "depuis", day == nil {
                let from = String(format: "%04d-%02d", year, m + 1), to = String(format: "%04d-%02d", pub.year, pub.month)
                return Found(date: from == to ? from : "\(from)/\(to)", phrase: "\(w[i - 1]) \(w[i])", anchor: nil)
            }
            if let day, (1...31).contains(day), Day(year, m + 1, day).isValid {
                return Found(date: Day(year, m + 1, day).description, phrase: "\(w[i]) \(day)", anchor: Day(year, m + 1, day))
            }
            return Found(date: String(format: "%04d-%02d", year, m + 1), phrase: w[i], anchor: nil)
        }
        guard let pub = publication else { return nil }
        if phrase("today") || phrase("this morning") || phrase("aujourd'hui") || phrase("hoy") { return Found(date: pub.description, phrase: "today", anchor: pub) }
        if phrase("yesterday") || phrase("hier") || phrase("ayer"), let d = pub.adding(days: -1) { return Found(date: d.description, phrase: "yesterday", anchor: d) }
        for (i, (name, french)) in zip(DraftDates.weekdays, DraftDates.frenchWeekdays).enumerated() {
            for (p, strict) in [("last \(name)", true), ("\(french) dernier", true), ("this \(name)", false), ("on \(name)", false),
                                ("\(name)", false), ("\(french)", false)] where phrase(p) {
                guard let wd = pub.weekday else { continue }
                var back = (wd - (i + 1) + 7) % 7
                if strict && back == 0 { back = 7 }
                guard let d = pub.adding(days: -back) else { continue }
                return Found(date: d.description, phrase: p, anchor: d)
            }
        }
        for (p, delta) in [("a day earlier", -1), ("the day before", -1), ("the previous day", -1), ("the next day", 1),
                           ("the following day", 1), ("a day later", 1), ("la veille", -1), ("le lendemain", 1)] where phrase(p) {
            guard let base = previous, let d = base.adding(days: delta) else { continue }
            return Found(date: d.description, phrase: p, anchor: d)
        }
        if let wd = pub.weekday {
            let monday = pub.adding(days: -((wd + 5) % 7))
            if phrase("last week") || phrase("la semaine dernière"), let m = monday, let a = m.adding(days: -7), let b = m.adding(days: -1) {
                return Found(date: "\(a)/\(b)", phrase: "last week", anchor: nil)
            }
            if phrase("earlier this week") || phrase("this week"), let m = monday {
                return Found(date: m == pub ? pub.description : "\(m)/\(pub)", phrase: phrase("earlier this week") ? "earlier this week" : "this week", anchor: nil)
            }
        }
        if phrase("last month") {
            let (y, m) = pub.month == 1 ? (pub.year - 1, 12) : (pub.year, pub.month - 1)
            return Found(date: String(format: "%04d-%02d", y, m), phrase: "last month", anchor: nil)
        }
        return nil
    }
}
