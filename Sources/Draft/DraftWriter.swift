import Foundation

/// Writes a draft as a scenario (docs/scenario.md) that `validate`, `render` and `brief` take as
/// it is: each item under a comment quoting the sentence it was read from, with the file, the
/// offsets and a confidence; unlocated names with their candidates; a view fitted to the places.
public enum DraftWriter {
    public static func yaml(_ d: DraftResult, articles: [String]) -> String {
        var out: [String] = []
        out.append("# Drafted by `geobrief draft` from \(articles.joined(separator: ", ")).")
        out.append("# A first pass: every item quotes the sentence it was read from. Check each before publishing.")
        for n in d.notes { out.append("# \(n)") }
        out.append("title: \(q(d.title))")
        if let p = d.publication { out.append("as_of: \(p)") }
        out.append("markings: DRAFT — EXTRACTED AUTOMATICALLY, NOT VERIFIED")
        let drawn = d.places.filter { $0.located && $0.role == .place }
        let countries = Set(drawn.compactMap(\.country)).sorted()
        if !countries.isEmpty { out.append("# Countries of the story's places: \(countries.joined(separator: ", ")) (set their sides under `sides:`).") }

        let figureSources = Set(d.figures.flatMap(\.sources))
        let sources = d.sources.filter { figureSources.contains($0.id) }
        if !sources.isEmpty {
            out.append("")
            out.append("sources:")
            for s in sources {
                var fields = ["id: \(s.id)", "publisher: \(q(s.publisher))", "title: \(q("as reported in \(s.article)"))"]
                if let date = s.date { fields.append("date: \(date)") }
                out.append("  - {\(fields.joined(separator: ", "))}")
            }
        }

        let listed = d.places.filter { $0.role == .place }
        out.append("")
        out.append("places:")
        for p in listed {
            out.append(comment(p.mentions[0], confidence: p.confidence))
            if p.located, let lat = p.lat, let lon = p.lon {
                var fields = ["id: \(p.id)", "name: \(q(p.name))"]
                if let c = p.country, !c.isEmpty { fields.append("country: \(c)") }
                if let a = p.admin1 { fields.append("admin1: \(q(a))") }
                fields += ["kind: \(p.kind)", "lat: \(round4(lat))", "lon: \(round4(lon))"]
                let spellings = p.written.filter { $0 != p.name }
                let notes = [p.note].compactMap { $0 } + (spellings.isEmpty ? [] : ["written \(spellings.joined(separator: ", ")); geonameid \(p.geonameid.map(String.init) ?? "")"])
                if !notes.isEmpty { fields.append("note: \(q(notes.joined(separator: "; ")))") }
                out.append("  - {\(fields.joined(separator: ", "))}")
            } else {
                let note = ([p.note].compactMap { $0 } + (p.candidates.isEmpty ? [] : ["candidates: " + p.candidates.joined(separator: "; ")]))
                    .joined(separator: ". ")
                out.append("  - {id: \(p.id), name: \(q(p.name)), unlocated: true, note: \(q(note.isEmpty ? "not found in the gazetteer" : note))}")
            }
        }
        let governments = d.places.filter { $0.role == .government }
        if !governments.isEmpty {
            out.append("  # Named for their governments, not drawn: " + governments.map { "\($0.name) (\"\(clip($0.mentions[0].sentence, 60))\")" }.joined(separator: "; "))
        }
        if listed.isEmpty { out.append("  []") }

        // Regions and waters are names on the map, not points.
        let named = d.places.filter { ($0.role == .region || $0.role == .water) && $0.located }
        let unnamedWaters = d.places.filter { $0.role == .water && !$0.located }
        if !named.isEmpty || !unnamedWaters.isEmpty { out.append("") }
        for w in unnamedWaters {
            out.append(comment(w.mentions[0], confidence: w.confidence))
            out.append("# \(w.name): \(w.note ?? "not in the data"):")
            out.append("#  - {text: \(q(w.name)), lat: ..., lon: ..., style: water}")
        }
        if !named.isEmpty {
            out.append("annotations:")
            for r in named {
                out.append(comment(r.mentions[0], confidence: r.confidence))
                let text = r.role == .water || Words.regionWords.contains(where: { r.name.lowercased().contains($0) }) ? r.name : "\(r.name) region"
                out.append("  - {text: \(q(text)), lat: \(round4(r.lat ?? 0)), lon: \(round4(r.lon ?? 0)), style: \(r.role == .water ? "water" : "region")}")
            }
        }

        let locatedIDs = Set(drawn.map(\.id))
        if !d.figures.isEmpty {
            out.append("")
            out.append("figures:")
            for f in d.figures {
                out.append(comment(f.provenance, confidence: f.confidence, extra: "qualifier \(f.qualifier); date from \(f.dateFrom)"))
                var fields = ["id: \(f.id)", "quantity: \(q(f.quantity))", "value: \(q(f.value))", "unit: \(q(f.unit))"]
                if let date = f.date { fields.append("date: \(date)") }
                fields.append("sources: [\(f.sources.joined(separator: ", "))]")
                if let a = f.attach, locatedIDs.contains(a) { fields.append("attach: \(a)") }
                out.append("  - {\(fields.joined(separator: ", "))}")
            }
        }
        let routes = d.routes.filter { locatedIDs.contains($0.from) && locatedIDs.contains($0.to) && $0.from != $0.to }
        if !routes.isEmpty {
            out.append("")
            out.append("routes:")
            for r in routes {
                out.append(comment(r.provenance, confidence: 0.6))
                out.append("  - {id: \(r.id.lowercased()), legs: [\"\(r.from)>\(r.to):\(r.mode)\"]\(r.date.map { ", date: \($0)" } ?? "")}")
            }
        }
        if !d.events.isEmpty {
            out.append("")
            out.append("events:")
            for e in d.events {
                out.append(comment(e.provenance, confidence: 0.6))
                var fields = ["date: \(e.date)", "text: \(q(clip(e.text, 200)))"]
                if let p = e.place, locatedIDs.contains(p) { fields.append("place: \(p)") }
                let known = e.sources.filter { id in sources.contains { $0.id == id } }
                if !known.isEmpty { fields.append("sources: [\(known.joined(separator: ", "))]") }
                out.append("  - {\(fields.joined(separator: ", "))}")
            }
        }
        out.append("")
        out.append("views:")
        out.append("  - name: overview")
        out.append("    title: \(q(d.title))")
        if drawn.isEmpty {
            out.append("    # No place of the story was located: a world view until places are added.")
            out.append("    bbox: [-180, -60, 180, 80]")
        } else {
            out.append("    fit: [\(drawn.map(\.id).joined(separator: ", "))]")
            out.append("    margin_km: \(drawn.count == 1 ? 300 : 150)")
        }
        out.append("    size: 1600x1200")
        return out.joined(separator: "\n") + "\n"
    }

    /// The whole extraction as JSON, keys sorted.
    public static func json(_ d: DraftResult) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try e.encode(d)
    }

    static func comment(_ p: Provenance, confidence: Double, extra: String? = nil) -> String {
        let where_ = "\((p.file as NSString).lastPathComponent):\(p.start)-\(p.end)"
        return "  # \(where_) (confidence \(String(format: "%.1f", confidence))\(extra.map { "; \($0)" } ?? "")): “\(clip(p.sentence, 180))”"
    }

    static func clip(_ s: String, _ n: Int) -> String {
        let one = s.replacingOccurrences(of: "\n", with: " ")
        return one.count > n ? String(one.prefix(n - 1)) + "…" : one
    }

    /// A YAML double-quoted string.
    static func q(_ s: String) -> String {
        var out = "\""
        for c in s {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += " "
            default: if c.unicodeScalars.allSatisfy({ $0.value >= 0x20 }) { out.append(c) }
            }
        }
        return out + "\""
    }

    static func round4(_ v: Double) -> String { String(format: "%.4f", v) }
}
