import GeoCore

/// Finds the names matching a query at each match strength in the key table and turns them into candidates.
struct Matcher {
    let table: KeyTable

    /// Names taken per key and strength: a common name ("Ivanovka") has hundreds of places.
    static let maxRows = 2_000
    /// Names taken per skeleton found by typo matching.
    static let maxRowsPerTypo = 200

    /// Every (place, match strength, name, distance) found; `load` keeps each place's strongest.
    private typealias Hits = [(place: Int, kind: MatchKind, name: Int, distance: Int)]

    /// Every place whose names match `query` (or `core`, the query without region words),
    /// each once with its strongest match. Falls back to typo matching when nothing else matches.
    /// Whether some place bears `query` as written, folded, transliterated or as a romanization
    /// variant: the lookups of `candidates` without the typo search.
    func knows(_ query: String) -> Bool {
        let q = NameKey(query)
        return [(KeyMap.variant, query), (.folded, q.folded), (.latin, q.latin), (.skeleton, q.skeleton)].contains { map, key in
            !key.isEmpty && !table.lookup(map, Array(key.utf8)).isEmpty
        }
    }

    func candidates(for query: String, core: String) -> [Candidate] {
        let q = NameKey(core), full = query == core ? q : NameKey(query)
        var hits: Hits = []
        func note(_ map: KeyMap, _ keys: [String], _ kind: MatchKind) {
            for (i, key) in keys.enumerated() where !keys[..<i].contains(key) {
                for i in table.lookup(map, Array(key.utf8)).prefix(Matcher.maxRows) {
                    let n = table.posting(map, i)
                    hits.append((table.namePlace(n), kind, n, 0))
                }
            }
        }
        note(.variant, [query, core], .exact)
        note(.folded, [q.folded, full.folded], .folded)
        note(.latin, [q.latin, full.latin], .transliterated)
        note(.skeleton, [q.skeleton, full.skeleton], .variant)
        if hits.isEmpty {
            for (n, d) in fuzzy(q.skeleton, limit: Matcher.typoLimit(q.skeleton)) where wordsAlike(q.folded, n) {
                hits.append((table.namePlace(n), .fuzzy, n, d))
            }
        } else if Matcher.typoLimit(q.skeleton) > 0,
                  hits.allSatisfy({ $0.kind == .variant && table.placeKind($0.place) == .populated
                                    && table.placePopulation($0.place) < Gazetteer.largeCity }) {
            // Only romanization variants of small places match: a large city whose name the query
            // cuts short by a letter is a reading to weigh (Donetz: Donets, a village, or Donetsk);
            // not any one edit (Sud zha is not Suzhou).
            let key = Array(q.skeleton.utf8)
            for (n, d) in fuzzy(q.skeleton, limit: 1) where table.placePopulation(table.namePlace(n)) >= Gazetteer.largeCity {
                let other = Array(NameKey.skeleton(of: NameKey.fold(table.nameVariant(n))).utf8)
                guard other.starts(with: key) || key.starts(with: other) else { continue }
                hits.append((table.namePlace(n), .fuzzy, n, d))
            }
        }
        return load(hits)
    }

    /// Whether name `n` is a typo of the (folded) query word by word: a name of as many words, each within
    /// its own typo limit ("Bajo Chiquito" is no typo of "Río Chiquito": a whole word differs).
    /// Names of other word counts ("Sankt-Peterburg") are judged whole.
    private func wordsAlike(_ folded: String, _ n: Int) -> Bool {
        let words = folded.split(separator: " ").map { NameKey.skeleton(of: String($0)) }
        guard words.count > 1 else { return true }
        let other = NameKey.fold(table.nameVariant(n)).split(separator: " ").map { NameKey.skeleton(of: String($0)) }
        guard words.count == other.count else { return true }
        return zip(words, other).allSatisfy { a, b in
            let limit = Matcher.typoLimit(a)
            return BitParallelDistance(pattern: Array(a.utf8)).distance(to: Array(b.utf8), limit: limit) <= limit
        }
    }

    /// Regions whose names of several words include the query, a single word, as one of them
    /// ("Darfur": North Darfur, South Darfur, ...), each once, by its own name.
    func regionsNamedInPart(_ core: String) -> [Candidate] {
        let q = NameKey(core)
        guard !q.folded.contains(" "), !q.skeleton.isEmpty else { return [] }
        var hits: Hits = []
        for i in table.lookup(.regionWord, Array(q.skeleton.utf8)).prefix(Matcher.maxRows) {
            let n = table.posting(.regionWord, i)
            hits.append((table.namePlace(n), .variant, n, 0))
        }
        return load(hits)
    }

    /// The closest names, with a looser typo limit, for a "not found" answer.
    func suggestions(for core: String) -> [Candidate] {
        let q = NameKey(core)
        let hits: Hits = fuzzy(q.skeleton, limit: max(2, q.skeleton.utf8.count / 2)).map { (table.namePlace($0.name), .fuzzy, $0.name, $0.distance) }
        return load(hits)
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

    /// Names whose skeletons lie closest to `skeleton`, no more than `limit` edits away: one edit is
    /// tried first, and more only when nothing lies that close (a nearer spelling is the stronger
    /// evidence, and the search for one edit is much cheaper).
    private func fuzzy(_ skeleton: String, limit: Int) -> [(name: Int, distance: Int)] {
        guard limit > 0 else { return [] }
        for k in 1...limit {
            let found = fuzzy(skeleton, within: k)
            if !found.isEmpty { return found }
        }
        return []
    }

    /// Names whose skeletons lie within `limit` edits of `skeleton`, with the distance. An edit
    /// touches at most 3 byte trigrams, so a skeleton within `limit` edits shares at least one of
    /// any `3 * limit + 1` distinct trigrams of the query: the rarest ones are taken, their posting
    /// lists merged, and each candidate checked by length and then by edit distance.
    private func fuzzy(_ skeleton: String, within limit: Int) -> [(name: Int, distance: Int)] {
        let target = Array(skeleton.utf8)
        guard limit > 0, target.count >= 3 else { return [] }
        var grams = KeyTableLayout.trigrams(target).map { (postings: table.lookup(.trigram, $0), key: $0) }
        grams.sort { $0.postings.count != $1.postings.count ? $0.postings.count < $1.postings.count : $0.key.lexicographicallyPrecedes($1.key) }
        let measure = BitParallelDistance(pattern: target)
        var checked = [UInt64](repeating: 0, count: table.entryCount(.skeleton) / 64 + 1)
        var found: [(skeleton: Int, distance: Int)] = []
        for gram in grams.prefix(3 * limit + 1) {
            for i in gram.postings {
                let e = table.posting(.trigram, i)
                guard e / 64 < checked.count, checked[e / 64] & (1 << UInt64(e % 64)) == 0 else { continue }
                checked[e / 64] |= 1 << UInt64(e % 64)
                let d = table.withEntryKey(.skeleton, e) { length, byte in measure.distance(length: length, limit: limit, byte: byte) }
                if d <= limit { found.append((e, d)) }
            }
        }
        var out: [(name: Int, distance: Int)] = []
        for (e, d) in found.sorted(by: { ($0.distance, $0.skeleton) < ($1.distance, $1.skeleton) }) {
            for i in table.entryPostings(.skeleton, e).prefix(Matcher.maxRowsPerTypo) { out.append((table.posting(.skeleton, i), d)) }
        }
        return out
    }

    /// The places behind the matches, in place order, each with its strongest match (then the
    /// smallest distance, then the first name).
    private func load(_ hits: Hits) -> [Candidate] {
        let sorted = hits.sorted { a, b in
            if a.place != b.place { return a.place < b.place }
            if a.kind != b.kind { return a.kind < b.kind }
            return (a.distance, a.name) < (b.distance, b.name)
        }
        var out: [Candidate] = []
        for (i, m) in sorted.enumerated() where i == 0 || sorted[i - 1].place != m.place {
            out.append(table.candidate(m.place, match: m.kind, matched: table.nameVariant(m.name), primary: table.nameIsPrimary(m.name),
                                       distance: m.distance))
        }
        return out
    }
}
