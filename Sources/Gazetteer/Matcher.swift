import GeoCore
import GRDB

/// Finds index rows for a query at each match strength and turns them into candidates.
struct Matcher {
    let db: Database

    /// Candidates at up to this many rows per lookup: a common name ("Ivanovka") has hundreds.
    static let maxRows = 2_000

    /// Every place whose names match `query` (or `core`, the query without region words),
    /// each once with its strongest match. Falls back to typo matching when nothing else matches.
    func candidates(for query: String, core: String) throws -> [Candidate] {
        let q = NameKey(core), full = NameKey(query)
        var best: [Int64: (MatchKind, String, Int)] = [:]
        func note(_ id: Int64, _ kind: MatchKind, _ variant: String, _ distance: Int = 0) {
            if let old = best[id], old.0 < kind || (old.0 == kind && old.2 <= distance) { return }
            best[id] = (kind, variant, distance)
        }
        let rows = try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT place, variant, folded, latin FROM name WHERE variant IN (?, ?)
            UNION ALL SELECT place, variant, folded, latin FROM name WHERE folded IN (?, ?)
            UNION ALL SELECT place, variant, folded, latin FROM name WHERE latin IN (?, ?)
            UNION ALL SELECT place, variant, folded, latin FROM name WHERE skeleton IN (SELECT id FROM skeleton WHERE text IN (?, ?))
            LIMIT \(Matcher.maxRows * 4)
            """), arguments: [query, core, q.folded, full.folded, q.latin, full.latin, q.skeleton, full.skeleton])
        for r in rows {
            let variant: String = r["variant"], folded: String = r["folded"], latin: String = r["latin"]
            let id: Int64 = r["place"]
            if variant == query || variant == core { note(id, .exact, variant) }
            else if folded == q.folded || folded == full.folded { note(id, .folded, variant) }
            else if latin == q.latin || latin == full.latin { note(id, .transliterated, variant) }
            else { note(id, .variant, variant) }
        }
        if best.isEmpty {
            for (id, variant, d) in try fuzzy(q.skeleton, limit: Matcher.typoLimit(q.skeleton)) { note(id, .fuzzy, variant, d) }
        }
        return try load(best)
    }

    /// The closest names, with a looser typo limit, for a "not found" answer.
    func suggestions(for core: String) throws -> [Candidate] {
        let q = NameKey(core)
        var best: [Int64: (MatchKind, String, Int)] = [:]
        for (id, variant, d) in try fuzzy(q.skeleton, limit: max(2, q.skeleton.count / 2)) where best[id] == nil {
            best[id] = (.fuzzy, variant, d)
        }
        return try load(best)
    }

    /// Typos allowed for a skeleton of this length: none for short names, up to 3 for long ones.
    static func typoLimit(_ s: String) -> Int {
        switch s.count {
        case ..<4: return 0
        case ..<7: return 1
        case ..<12: return 2
        default: return 3
        }
    }

    /// Skeletons within `limit` edits of `skeleton`, with one name each. Candidates come from the
    /// SQLite FTS5 trigram index: an edit touches at most 4 trigrams, so any skeleton within `limit`
    /// edits shares at least one of any `4 * limit + 1` trigrams of the query. Taking the rarest
    /// ones keeps the candidate lists short; each candidate is then checked by edit distance.
    private func fuzzy(_ skeleton: String, limit: Int) throws -> [(Int64, String, Int)] {
        guard limit > 0, skeleton.count >= 3 else { return [] }
        let chars = Array(skeleton)
        let grams = Array(Set((0...(chars.count - 3)).map { String(chars[$0..<$0 + 3]) }))
        let needed = 4 * limit + 1
        var chosen = grams
        if grams.count > needed {
            try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.skeleton_vocab USING fts5vocab(main, skeleton_grams, row)")
            let marks = grams.map { _ in "?" }.joined(separator: ",")
            var docs: [String: Int] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT term, doc FROM temp.skeleton_vocab WHERE term IN (\(marks))",
                                      arguments: StatementArguments(grams)) {
                docs[r["term"]] = r["doc"]
            }
            chosen = Array(grams.sorted { (docs[$0] ?? 0, $0) < (docs[$1] ?? 0, $1) }.prefix(needed))
        }
        // Quote each trigram for FTS5 (a quote inside is doubled).
        let match = chosen.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " OR ")
        let target = Array(skeleton.utf8)
        let rows = try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT s.id, s.text FROM skeleton s WHERE s.id IN (SELECT rowid FROM skeleton_grams WHERE skeleton_grams MATCH ?)
              AND length(s.text) BETWEEN ? AND ?
            """), arguments: [match, target.count - limit, target.count + limit])
        var out: [(Int64, String, Int)] = []
        for r in rows {
            let text: String = r["text"]
            let d = editDistance(Array(text.utf8), target, limit: limit)
            guard d <= limit else { continue }
            let sid: Int64 = r["id"]
            for n in try Row.fetchAll(try db.cachedStatement(sql: "SELECT place, variant FROM name WHERE skeleton = ? LIMIT 200"), arguments: [sid]) {
                out.append((n["place"], n["variant"], d))
            }
        }
        return out
    }

    /// The place rows behind matched ids, with their admin-1 names.
    private func load(_ best: [Int64: (MatchKind, String, Int)]) throws -> [Candidate] {
        guard !best.isEmpty else { return [] }
        let statement = try db.cachedStatement(sql: """
            SELECT p.*, (SELECT a.name FROM admin1 a WHERE a.country = p.country AND a.code = p.admin1 ORDER BY a.rowid LIMIT 1) AS admin1_name
            FROM place p WHERE p.id = ?
            """)
        var out: [Candidate] = []
        for id in best.keys.sorted() {
            guard let r = try Row.fetchOne(statement, arguments: [id]), let m = best[id], let kind = PlaceKind(rawValue: r["kind"]) else { continue }
            var box: BoundingBox?
            if let w: Double = r["west"], let s: Double = r["south"], let e: Double = r["east"], let n: Double = r["north"] {
                box = BoundingBox(west: w, south: s, east: e, north: n)
            }
            let name: String = r["name"]
            out.append(Candidate(id: id, name: name, kind: kind, country: r["country"], admin1: r["admin1"],
                                 admin1Name: r["admin1_name"] ?? "", population: r["population"], lat: r["lat"], lon: r["lon"],
                                 box: box, source: r["source"], score: 0, match: m.0, matched: m.1, distance: m.2,
                                 nearKm: nil, priority: r["priority"], primary: name == m.1 || NameKey.fold(name) == NameKey.fold(m.1)))
        }
        return out
    }
}
