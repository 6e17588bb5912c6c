import Foundation

/// Who a sentence says made its claim: "according to X", "citing X", "X said|claimed|estimates",
/// "..., declared X", "X told the BBC" — before or after the claim. A pronoun ("he said") is the
/// claimant of the sentence before. None when the text gives none.
enum Attribution {
    static let verbs: Set<String> = [
        "said", "says", "say", "claimed", "claims", "claim", "stated", "states", "told", "declared", "declares", "assured",
        "reported", "reports", "estimated", "estimates", "estimate", "specified", "explained", "explains", "warned", "warns",
        "added", "mention", "mentions", "mentioned", "believes", "believe", "noted", "notes", "announced", "confirmed",
        "confirms", "indicated", "indicates", "assessed", "recalls", "recalled", "underlines", "underlined", "points", "presents",
        "comments", "commented", "alerts", "replies", "replied", "insisted", "insists", "revealed", "published", "had",
        "considered", "put", "puts", "counted", "counts", "affirmed", "assure", "déclaré", "affirme", "selon", "reminds", "slips",
        "según", "dijo", "afirmó", "declaró", "informó", "aseguró", "señaló", "indicó", "estimó", "explicó",
        "sweeps", "nuance", "specifies", "according", "citing", "insisted", "affirmé", "estime", "indiqué", "annoncé", "assuré",
        "affirment", "déclare", "déclarent", "indique", "indiquent", "estiment", "annonce", "annoncent", "assurent", "précise",
        "précisent", "revendique", "revendiquent", "rapporte", "rapportent", "affirmaient", "affirmait",
    ]
    static let pronouns: Set<String> = ["he", "she", "they", "it", "il", "elle"]
    /// Lowercase nouns that claim as a name does ("officials said", "les rebelles affirment").
    static let claimantNouns: Set<String> = [
        "officials", "intelligence", "sources", "services", "analysts", "experts", "rebels", "militants", "authorities", "police",
        "witnesses", "residents", "activists", "medics", "rebelles", "autorités", "responsables", "témoins", "habitants",
        "autoridades", "fuentes", "rebeldes", "testigos",
    ]
    /// Articles before a claimant's name ("the NIS", "le renseignement", "el Ministerio").
    static let articles: Set<String> = ["the", "a", "an", "le", "la", "les", "l", "el", "los", "las"]

    /// The claimant named in `sentence`, or "" for a pronoun (the previous sentence's), or nil.
    static func claimant(in sentence: String) -> String? { claimants(in: sentence).first?.name }

    /// Every attribution of `sentence` with where its verb (or "according to") stands: "" for a pronoun.
    static func claimants(in sentence: String) -> [Claim] {
        var out: [Claim] = []
        let tokens = Words.tokens(sentence)
        let lower = tokens.map(\.lower)
        let chars = Array(sentence)
        func phrase(from a: Int, to b: Int) -> String? {
            guard a < b else { return nil }
            var s = a, e = b
            while s < e, articles.contains(lower[s]) || ["that", "which", "although", "but", "while", "whereas", "and", "or", "as"].contains(lower[s]) { s += 1 }
            while e > s, ["the", "a", "an", "and", "had", "has", "have", "is", "was", "also", "already", "again"].contains(lower[e - 1]) { e -= 1 }
            // Date and linking words before a name ("Last Friday the South Korean ...") are not its.
            if tokens[s..<e].contains(where: { $0.isCapitalized && !Words.notNames.contains($0.lower) }) {
                while s < e, !tokens[s].isCapitalized || Words.notNames.contains(lower[s]) && lower[s] != "president" { s += 1 }
            }
            guard s < e else { return nil }
            var stop = tokens[e - 1].end
            if stop < chars.count, chars[stop] == ")" { stop += 1 }
            let text = String(chars[tokens[s].start..<stop]).trimmingCharacters(in: .whitespacesAndNewlines)
            return text.count >= 2 && text.count <= 90 ? text : nil
        }
        // The words of a name or body after a word: up to the next punctuation, at most eight words.
        // After a possessive, the lowercase words it owns too ("Panama's migration service").
        func after(_ k: Int) -> String? {
            var e = k, owned = false
            while e < tokens.count, e - k < 8 {
                if e > k, !Words.between(chars, tokens[e - 1], tokens[e]).allSatisfy({ $0 == " " }) { break }
                if e > k, !tokens[e].isCapitalized, !["of", "and", "the", "us", "sources", "officials", "intelligence", "services", "de", "del"].contains(lower[e]) {
                    guard owned, !verbs.contains(lower[e]), !Words.notNames.contains(lower[e]) else { break }
                }
                if lower[e].hasSuffix("'s") || lower[e].hasSuffix("’s") { owned = true }
                e += 1
            }
            return phrase(from: k, to: e)
        }
        // "according to the South Korean intelligence service", "selon le renseignement militaire ukrainien":
        // after an article, the words up to the next punctuation.
        func body(_ k: Int) -> String? {
            guard k < tokens.count, articles.contains(lower[k]) else { return after(k) }
            var e = k + 1
            while e < tokens.count, e - k < 9, Words.between(chars, tokens[e - 1], tokens[e]).allSatisfy({ $0 == " " }) || e == k + 1 {
                if ["that", "que", "qui", "which", "quoted", "cited", "who"].contains(lower[e]) { break }
                e += 1
            }
            return phrase(from: k, to: e)
        }
        for i in tokens.indices {
            if lower[i] == "according", i + 1 < tokens.count, lower[i + 1] == "to" { if let p = body(i + 2) { out.append(Claim(name: p, at: tokens[i].start, covers: .both)) } }
            if ["citing", "selon", "según"].contains(lower[i]) { if let p = body(i + 1) { out.append(Claim(name: p, at: tokens[i].start, covers: .both)) } }
        }
        for i in tokens.indices where verbs.contains(lower[i]) && !["according", "citing"].contains(lower[i]) {
            // "had" claims only as "had intelligence (information)".
            if lower[i] == "had", !(i + 1 < tokens.count && ["intelligence", "information"].contains(lower[i + 1])) { continue }
            // "X said" with X just before: the words back to the sentence's start or a comma.
            var s = i
            while s > 0, i - s < 10 {
                let gap = Words.between(chars, tokens[s - 1], tokens[s])
                if gap.contains(",") || gap.contains("“") || gap.contains("”") || gap.contains("\"") { break }
                s -= 1
            }
            if s < i, pronouns.contains(lower[i - 1]) { out.append(Claim(name: "", at: tokens[i].start, covers: .both)); continue }
            // "the President of Ukraine, Volodymyr Zelensky, had ...": the name set off by commas before the verb.
            if s == i, i >= 2 {
                var a = i - 1
                while a > 0, Words.between(chars, tokens[a - 1], tokens[a]) == " ", tokens[a - 1].isCapitalized { a -= 1 }
                let setOff = a > 0 && Words.between(chars, tokens[a - 1], tokens[a]).contains(",")
                if setOff, tokens[a..<i].allSatisfy(\.isCapitalized), i - a >= 2, let p = phrase(from: a, to: i) { out.append(Claim(name: p, at: tokens[i].start, covers: .after)); continue }
            }
            if s < i, tokens[s..<i].contains(where: { $0.isCapitalized && !Words.notNames.contains($0.lower) })
                || tokens[s..<i].contains(where: { claimantNouns.contains($0.lower) }) {
                if let p = phrase(from: s, to: i) { out.append(Claim(name: p, at: tokens[i].start, covers: .after)); continue }
            }
            // "..., declared Volodymyr Zelensky on November 11": the name after the verb.
            // (one lowercase word may stand between: "reminds franceinfo Jérôme Pellistrandi").
            let k = i + 1 < tokens.count && !tokens[i + 1].isCapitalized && i + 2 < tokens.count && tokens[i + 2].isCapitalized
                && !["that", "the", "a", "to"].contains(lower[i + 1]) ? i + 2 : i + 1
            if k < tokens.count, tokens[k].isCapitalized, !Words.notNames.contains(lower[k]) || lower[k] == "president" {
                if let p = after(k) { out.append(Claim(name: p, at: tokens[i].start, covers: .before)) }
            }
        }
        return out
    }

    /// One attribution: the claimant ("" for a pronoun), where its verb stands, and which way it
    /// reaches: "X said that ..." covers what follows, "..., declared X" what precedes.
    struct Claim {
        enum Covers { case after, before, both }
        let name: String
        let at: Int
        let covers: Covers
    }

    /// The claimant of the figure at `offset` of `sentence`: the nearest attribution that reaches
    /// it, "" for a pronoun, nil when the sentence names none.
    static func claimant(in sentence: String, at offset: Int) -> String? {
        let reaching = claimants(in: sentence).filter { c in
            switch c.covers {
            case .after: return c.at < offset
            case .before: return c.at > offset
            case .both: return true
            }
        }
        return reaching.min { abs($0.at - offset) < abs($1.at - offset) }?.name
    }

    /// A source id from a claimant's words: its initials when it ends with an acronym in
    /// brackets ("... Service (NIS)"), else its last two significant words.
    static func id(for claimant: String) -> String {
        if let open = claimant.lastIndex(of: "("), let close = claimant.lastIndex(of: ")"), open < close {
            let inner = claimant[claimant.index(after: open)..<close]
            if inner.count <= 8, inner.allSatisfy({ $0.isLetter }) { return inner.lowercased() }
        }
        let all = Words.tokens(claimant).map(\.lower)
        let words = all.filter { !["the", "of", "and", "a", "president", "le", "la", "les", "de", "du"].contains($0) }
        return Slug.make((words.isEmpty ? all : words).suffix(2).joined(separator: "-"))
    }
}

/// Ids made of a name: lowercase ASCII letters, digits and hyphens.
enum Slug {
    static func make(_ s: String) -> String {
        let folded = s.applyingTransform(.toLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false) ?? s
        var out = ""
        for c in folded.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) { out.append(c) } else if !out.hasSuffix("-") { out.append("-") }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "item" : String(trimmed.prefix(40))
    }
}
