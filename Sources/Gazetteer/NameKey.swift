import Foundation

/// The normalized forms of a place name that matching compares, from strictest to loosest.
///
/// - `folded`: lower case, diacritics removed, punctuation and spaces collapsed ("Sudža" -> "sudza").
/// - `latin`: any script transliterated to ASCII by ICU, then folded ("Суджа" -> "sudza", "원산" -> "wonsan").
/// - `skeleton`: the Latin form with romanization differences between languages merged
///   (Sudzha, Sudja, Soudja, Sudscha -> "suJa"; Kharkiv, Kharkov -> "Harkov").
public struct NameKey: Sendable, Equatable {
    public let folded: String
    public let latin: String
    public let skeleton: String

    /// Longest name accepted, in UTF-8 bytes; longer queries are refused before any work.
    public static let maxLength = 200

    public init(_ name: String) {
        folded = NameKey.fold(name)
        // Latin letters (with or without marks) need no ICU: folding already made them ASCII.
        let latinOnly = name.utf8.allSatisfy { $0 < 0x80 }
            || name.unicodeScalars.allSatisfy { $0.value < 0x250 && NameKey.digraphs[Character($0)] == nil }
        latin = latinOnly ? folded : NameKey.fold(NameKey.transliterate(name))
        skeleton = NameKey.skeleton(of: latin)
    }

    /// Lower case, diacritics stripped, everything but letters and digits turned into single spaces.
    public static func fold(_ s: String) -> String {
        foldASCII(s) ?? foldUnicode(s)
    }

    /// `fold` through Foundation, for any script.
    public static func foldUnicode(_ s: String) -> String {
        let stripped = s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        out.reserveCapacity(stripped.utf8.count)
        var space = false
        for ch in stripped.unicodeScalars {
            if CharacterSet.alphanumerics.contains(ch) {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.unicodeScalars.append(ch)
            } else if ch != "'" && ch != "’" && ch != "ʼ" && ch != "ʹ" {
                space = true
            }
        }
        return out.unicodeScalars.contains(where: { $0.value >= 0x0600 && $0.value <= 0x06FF }) ? dropArabicArticle(out) : out
    }

    /// Arabic names are written with and without the article al- (الخرطوم, خرطوم): each word of
    /// four letters or more loses a leading ال.
    static func dropArabicArticle(_ folded: String) -> String {
        folded.split(separator: " ").map { word in
            word.count >= 4 && word.hasPrefix("ال") ? String(word.dropFirst(2)) : String(word)
        }.joined(separator: " ")
    }

    /// `fold` for plain ASCII, without Foundation: lower case, letters and digits kept, apostrophes
    /// dropped, every other run of characters one space. Nil when `s` is not plain ASCII.
    public static func foldASCII(_ s: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var space = false
        for b in s.utf8 {
            guard b < 0x80 else { return nil }
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if space && !out.isEmpty { out.append(UInt8(ascii: " ")) }
                space = false
                out.append(b)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if space && !out.isEmpty { out.append(UInt8(ascii: " ")) }
                space = false
                out.append(b + 32)
            case UInt8(ascii: "'"):
                break
            default:
                space = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Scholarly letters mapped to the English digraphs they stand for, before ICU drops their marks.
    private static let digraphs: [Character: String] = [
        "š": "sh", "Š": "sh", "ž": "zh", "Ž": "zh", "č": "ch", "Č": "ch", "ŝ": "sh", "ĉ": "ch",
    ]

    /// Any script to ASCII Latin (ICU's Any-Latin; Latin-ASCII), keeping š ž č as sh zh ch, whether
    /// written so (Sudža) or made so by ICU from another script (Суджа -> Sudža -> Sudzha).
    public static func transliterate(_ s: String) -> String {
        let latin = s.applyingTransform(StringTransform("Any-Latin"), reverse: false) ?? s
        var pre = ""
        for ch in latin { if let d = digraphs[ch] { pre += d } else { pre.append(ch) } }
        return pre.applyingTransform(StringTransform("Latin-ASCII"), reverse: false) ?? pre
    }

    /// Ordered rewrites that merge the ways English, French, German and Spanish write Slavic and
    /// Korean sounds. Upper-case letters are the merged classes, so they never collide with input.
    private static let rewrites: [(String, String)] = [
        ("ou", "u"), ("oo", "u"), ("ee", "i"),
        ("schtsch", "S"), ("shtsch", "S"), ("shch", "S"), ("dsch", "J"), ("tsch", "C"), ("sch", "S"), ("sh", "S"),
        ("dzh", "J"), ("dj", "J"), ("zh", "J"),
        ("tch", "C"), ("ch", "C"),
        ("kh", "H"), ("tz", "Z"), ("ts", "Z"),
        ("w", "v"), ("ph", "f"), ("y", "i"), ("j", "i"), ("ck", "k"), ("q", "k"),
    ]

    /// The rewrites as bytes, for the hot path.
    private static let byteRewrites: [([UInt8], [UInt8])] = rewrites.map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// The romanization-independent skeleton of an already folded Latin name: each rewrite applied
    /// in turn over the whole name (as `replacingOccurrences` would), on bytes.
    public static func skeleton(of latin: String) -> String {
        var s = Array(latin.utf8).filter { $0 != UInt8(ascii: " ") }
        // Which bytes occur, so that a rewrite whose first byte is absent costs no scan.
        var present = ByteSet()
        for b in s { present.insert(b) }
        for (from, to) in byteRewrites {
            guard s.count >= from.count, present.contains(from[0]) else { continue }
            // Nothing to copy until the first occurrence.
            guard let first = (0...(s.count - from.count)).first(where: { s[$0] == from[0] && s[$0..<$0 + from.count].elementsEqual(from) })
            else { continue }
            var out = Array(s[..<first])
            out.reserveCapacity(s.count)
            var i = first
            var changed = false
            while i < s.count {
                if s[i] == from[0], i + from.count <= s.count, s[i..<i + from.count].elementsEqual(from) {
                    out += to
                    i += from.count
                    changed = true
                } else {
                    out.append(s[i])
                    i += 1
                }
            }
            if changed {
                s = out
                for b in to { present.insert(b) }
            }
        }
        // A glide between vowels is written or left out at will (Nikolayev, Nikolaev, Nikolaïev;
        // Mykolayiv, Mykolaiv): an i (y, j) between two vowels counts for nothing.
        let vowels = [UInt8]("aeiou".utf8), i = UInt8(ascii: "i")
        if s.count > 2, s.contains(i) {
            let glides = (1..<(s.count - 1)).filter { s[$0] == i && vowels.contains(s[$0 - 1]) && vowels.contains(s[$0 + 1]) }
            for k in glides.reversed() { s.remove(at: k) }
        }
        // Ukrainian -iv and Russian -ov, -ev endings (Kharkiv/Kharkov, Lviv/Lvov, Kyiv/Kiev).
        let v = UInt8(ascii: "v")
        if s.count > 3, s[s.count - 1] == v, [UInt8]("aeiou".utf8).contains(s[s.count - 2]) {
            s.removeLast(2)
            s += [UInt8(ascii: "o"), v]
        }
        // Doubled letters (Zaporizhzhia's zhzh) count once: by byte for ASCII, by character otherwise.
        if s.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = []
            out.reserveCapacity(s.count)
            for b in s where b != out.last { out.append(b) }
            return String(decoding: out, as: UTF8.self)
        }
        var out = ""
        var last: Character?
        for ch in String(decoding: s, as: UTF8.self) where ch != last { out.append(ch); last = ch }
        return out
    }
}

/// A set of bytes in four machine words, kept on the stack.
struct ByteSet {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    mutating func insert(_ b: UInt8) {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    func contains(_ b: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }
}
