import Foundation
import Gazetteer
import Symbology

/// `geobrief draft`: the first pass from articles to a scenario. Places, figures, claimants,
/// movements and dated events, each traced to its sentence; several articles merged (the same place
/// once, the same claim by the same source once, different claims side by side).
public struct Drafter {
    /// The languages articles may be in: their dates, numbers and the words the rules read.
    public static let languages = ["en", "fr", "es"]

    public struct Options: Sendable {
        /// The publication date, YYYY-MM-DD, when the article does not state it.
        public var date: String?
        /// The publisher of the articles, for the sources' titles.
        public var sourceName: String?
        /// One of `Drafter.languages`: how numbers are written ("10.000" is ten thousand in French
        /// and Spanish).
        public var language: String

        public init(date: String? = nil, sourceName: String? = nil, language: String = "en") {
            self.date = date
            self.sourceName = sourceName
            self.language = language
        }
    }

    let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// Movement words and the mode they give a leg.
    static let modes: [(String, String)] = [
        ("by sea", "sea"), ("boat", "sea"), ("ship", "sea"), ("ferry", "sea"), ("vessel", "sea"), ("by rail", "rail"), ("train", "rail"),
        ("railway", "rail"), ("by road", "road"), ("truck", "road"), ("convoy", "road"), ("bus", "road"), ("by air", "air"),
        ("plane", "air"), ("flight", "air"), ("flown", "air"), ("airlifted", "air"),
    ]
    static let movementWords = ["transported", "moved", "sent", "shipped", "deployed", "travelled", "traveled", "marched", "flown",
                                "transferred", "brought", "taken", "carried", "headed", "diverted", "sailed", "rerouted"]

    public func draft(_ articles: [Article], options: Options) throws -> DraftResult {
        guard !articles.isEmpty else { throw DraftError("give at least one article") }
        var result = DraftResult(title: "", publication: nil, notes: [], places: [], sources: [], figures: [], routes: [], events: [], skipped: [])
        var placeIndex: [String: Int] = [:]
        var sourceIndex: [String: Int] = [:]
        var figureKeys = Set<String>()
        let finder = FigureFinder(decimalComma: options.language != "en")
        for article in articles {
            let dates = try DraftDates(article: article, given: options.date)
            result.notes.append(dates.publicationNote)
            if result.publication == nil || (dates.publication.map { $0.description > (result.publication ?? "") } ?? false) {
                result.publication = dates.publication?.description
            }
            if result.title.isEmpty { result.title = Self.title(of: article) }
            let found = PlaceFinder(gazetteer: gazetteer).find(in: article)
            result.skipped += found.skipped
            var keyToIndex: [String: Int] = [:]
            for p in found.places {
                let key = PlaceFinder.key(p)
                if let i = placeIndex[key] {
                    result.places[i].mentions += p.mentions
                    for w in p.written where !result.places[i].written.contains(w) { result.places[i].written.append(w) }
                    if p.role == .place && result.places[i].role == .government { result.places[i].role = .place }
                } else {
                    placeIndex[key] = result.places.count
                    result.places.append(p)
                }
                keyToIndex[key] = placeIndex[key]
            }
            var lastClaimant: String?
            var previousDay: DraftDates.Day?
            for s in article.sentences {
                let when = dates.find(in: s.text, previous: previousDay)
                if let a = when?.anchor { previousDay = a }
                var claimant = Attribution.claimant(in: s.text)
                if claimant == "" { claimant = lastClaimant }
                if let c = claimant { lastClaimant = c }
                let here = (found.inSentence[s.index] ?? []).compactMap { keyToIndex[$0] }
                func provenance(_ a: Int, _ b: Int) -> Provenance {
                    Provenance(file: article.file, start: s.start + a, end: s.start + b, sentence: s.text)
                }
                func addSource(_ claimant: String) -> String {
                    let id = Attribution.id(for: claimant)
                    if sourceIndex[id] == nil {
                        sourceIndex[id] = result.sources.count
                        result.sources.append(DraftSource(id: id, publisher: claimant, article: options.sourceName ?? article.file,
                                                          date: dates.publication?.description))
                    }
                    return id
                }
                func sources(of claimant: String) -> [String] { Self.claimants(claimant).map(addSource) }
                let sourceIDs = claimant.map(sources) ?? []
                let (figures, skipped) = finder.figures(in: s.text)
                let years = figures.isEmpty ? [] : dates.years(in: s.text)
                for (text, reason) in skipped { result.skipped.append(DraftSkip(text: text, reason: reason, provenance: provenance(0, s.text.count))) }
                for f in figures {
                    let value = Self.value(f)
                    var sourceIDs = sourceIDs
                    if let own = Attribution.claimant(in: s.text, at: f.start), !own.isEmpty, own != claimant {
                        sourceIDs = sources(of: own)
                    }
                    // A span "since August" dates only what follows it.
                    let usable = when.map { !($0.phrase.hasPrefix("since ") || $0.phrase.hasPrefix("depuis ")) || (s.text.lowercased().range(of: $0.phrase).map { s.text.lowercased().distance(from: s.text.lowercased().startIndex, to: $0.lowerBound) < f.start } ?? false) } ?? false
                    // Else the year the sentence puts it in: the nearest "in 2023" after it, or before it.
                    let year = years.min { a, b in
                        func gap(_ y: (year: Int, at: Int)) -> Int { y.at >= f.end ? y.at - f.end : 2 * (f.start - y.at) }
                        return gap(a) < gap(b)
                    }
                    let date = (usable ? when?.date : nil) ?? year.map { String($0.year) } ?? dates.publication?.description
                    let sources = sourceIDs.isEmpty ? ["unattributed"] : sourceIDs
                    let key = "\(sources)|\(f.min)|\(f.max)|\(f.qualifier)|\(f.unit)|\(date ?? "")"
                    guard figureKeys.insert(key).inserted else { continue }
                    var confidence = 0.8
                    if sourceIDs.isEmpty { confidence -= 0.2 }
                    if when == nil { confidence -= 0.1 }
                    result.figures.append(DraftFigure(
                        id: "F\(result.figures.count + 1)", quantity: f.counted.isEmpty ? f.unit : f.counted, value: value, min: f.min, max: f.max,
                        qualifier: f.qualifier, unit: f.unit, date: date, dateFrom: usable ? when?.phrase ?? "" : year.map { "in \($0.year)" } ?? "publication date", sources: sources,
                        attach: here.first.map { "#\($0)" }, confidence: confidence, provenance: provenance(f.start, f.end)))
                }
                // Movements "from X to Y" between two places of the sentence.
                let lower = s.text.lowercased()
                if here.count >= 2, Self.movementWords.contains(where: lower.contains) {
                    let named = here.map { (i: $0, w: result.places[$0].written.map { $0.lowercased() }) }
                    if let a = named.first(where: { n in n.w.contains { lower.contains("from \($0)") || lower.contains("from the \($0)") } }),
                       let b = named.first(where: { n in n.i != a.i && n.w.contains { lower.contains("to \($0)") } }) {
                        let mode = Self.modes.first { lower.contains($0.0) }?.1 ?? "direct"
                        result.routes.append(DraftRoute(id: "R\(result.routes.count + 1)", from: "#\(a.i)", to: "#\(b.i)", mode: mode,
                                                        date: when?.date, provenance: provenance(0, s.text.count)))
                    }
                }
                // A dated event at a place of the story.
                if let when, let place = here.first, when.phrase != "publication date" {
                    result.events.append(DraftEvent(date: when.date, place: "#\(place)", text: String(s.text.prefix(220)),
                                                     sources: sourceIDs, provenance: provenance(0, s.text.count)))
                }
            }
        }
        if result.figures.contains(where: { $0.sources == ["unattributed"] }) {
            result.sources.append(DraftSource(id: "unattributed", publisher: "Unattributed (the article names no source)",
                                              article: options.sourceName ?? articles.map(\.file).joined(separator: ", "), date: nil))
        }
        assignIDs(&result)
        return result
    }

    /// Ids from names, unique; references written "#index" while drafting are replaced by them.
    private func assignIDs(_ r: inout DraftResult) {
        var used = Set<String>()
        // Places drawn take the plain ids first; regions and governments after.
        let order = r.places.indices.sorted { (r.places[$0].role == .place ? 0 : 1, $0) < (r.places[$1].role == .place ? 0 : 1, $1) }
        for i in order {
            var id = Slug.make(r.places[i].name)
            var n = 2
            while used.contains(id) { id = "\(Slug.make(r.places[i].name))-\(n)"; n += 1 }
            used.insert(id)
            r.places[i].id = id
        }
        func resolve(_ ref: String?) -> String? {
            guard let ref, ref.hasPrefix("#"), let i = Int(ref.dropFirst()), r.places.indices.contains(i) else { return ref }
            return r.places[i].id
        }
        for i in r.figures.indices { r.figures[i].attach = resolve(r.figures[i].attach) }
        for i in r.routes.indices {
            r.routes[i].from = resolve(r.routes[i].from) ?? ""
            r.routes[i].to = resolve(r.routes[i].to) ?? ""
        }
        for i in r.events.indices { r.events[i].place = resolve(r.events[i].place) }
    }

    /// "the NIS and Ukrainian officials": two claimants; "American and South Korean intelligence
    /// services" (adjectives before one noun): one.
    static func claimants(_ phrase: String) -> [String] {
        for joint in [" and ", " et "] {
            guard let r = phrase.range(of: joint) else { continue }
            let left = phrase[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
            let right = phrase[r.upperBound...].trimmingCharacters(in: .whitespaces)
            let leftWords = Words.tokens(left).map(\.lower).filter { $0 != "the" && $0 != "both" }
            let adjective = leftWords.count <= 2 && Words.demonyms[leftWords.joined(separator: " ")] != nil
            if !adjective, !leftWords.isEmpty, !right.isEmpty, right.first?.isUppercase == true || right.hasPrefix("the ") {
                return [left.hasPrefix("Both ") ? String(left.dropFirst(5)) : left, right]
            }
        }
        return [phrase]
    }

    /// The value as a scenario writes it.
    static func value(_ f: FigureFinder.Reading) -> String {
        let lo = FigureValue.format(f.min), hi = FigureValue.format(f.max)
        switch f.qualifier {
        case "about": return f.min == f.max ? "~\(lo)" : "\(lo)-\(hi)"
        case "at-least": return "at least \(lo)"
        case "more-than": return "more than \(lo)"
        case "up-to": return "up to \(hi)"
        default: return f.min == f.max ? lo : "\(lo)-\(hi)"
        }
    }

    /// The headline: the first of the first three sentences that reads as one.
    static func title(of a: Article) -> String {
        for s in a.sentences.prefix(4) {
            let words = s.text.split(separator: " ").count
            if words >= 5, !DraftDates.weekdays.contains(where: { s.text.lowercased().hasPrefix($0) }) {
                var t = s.text.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
                if let first = t.first, first.isLowercase { t = first.uppercased() + t.dropFirst() }
                return t.count > 150 ? String(t.prefix(147)) + "…" : t
            }
        }
        return "Draft of \((a.file as NSString).lastPathComponent)"
    }
}
