import Foundation
import GeoCore

/// A city's name in a map's language, chosen from GeoNames' alternate names, which carry no
/// language: a name written wholly in a script that only that language uses, the one whose Latin
/// reading lies nearest the city's own name (never a former name far from it). Korean (Hangul),
/// Greek, and Japanese for places abroad (katakana) qualify; a place of Japan takes its kanji
/// name (`japaneseName`). Cyrillic, Arabic, Hebrew and
/// Devanagari do not: several languages share each, and the nearest name is often another's
/// (measured on Russia's and Ukraine's largest cities: Москох for Moscow, Bulgarian Харков for
/// Kharkiv, Belarusian Запарожжа, Yiddish מאָסקװע), so maps in those languages print the city's
/// own name, as do maps in languages of the Latin script.
public enum LocalCityNames {
    /// The letters a language's names are written in.
    struct Script {
        let ranges: [ClosedRange<UInt32>]
        static let cyrillic = Script(ranges: [0x0400...0x04FF]), greek = Script(ranges: [0x0370...0x03FF, 0x1F00...0x1FFF])
        static let hangul = Script(ranges: [0xAC00...0xD7A3], loose: true), hebrew = Script(ranges: [0x05D0...0x05EA])
        static let katakana = Script(ranges: [0x30A0...0x30FF]), han = Script(ranges: [0x4E00...0x9FFF, 0x3005...0x3005])
        static let japanese = Script(ranges: katakana.ranges + han.ranges + [0x3040...0x309F])
        /// Whether ICU's Latin reading of the script lies too far from English spellings to bound
        /// (Hangul: 하르키우 reads "haleukiu"): the nearest name is taken however far.
        var loose = false

        func admits(_ name: String) -> Bool {
            var letters = 0
            for ch in name {
                if ch.isWhitespace || ch.isPunctuation || ch == "ー" { continue }
                guard let u = ch.unicodeScalars.first, ch.unicodeScalars.count == 1, ranges.contains(where: { $0.contains(u.value) }) else { return false }
                letters += 1
            }
            return letters >= 2
        }
    }

    /// The languages given a name of their own, with their scripts.
    static let scripts: [String: Script] = [
        "ko": .hangul, "el": .greek,
        // Japanese names of places abroad are written in katakana, which no other language uses.
        "ja": .katakana,
    ]

    /// Countries whose places Japanese writes in kanji, not katakana.
    static let kanjiCountries: Set<String> = ["JP", "CN", "TW", "HK", "MO"]

    /// The names of a city in every language that has one (`ReferenceLabelReader` reads them), as
    /// "el=Σεούλ|ja=ソウル|ko=서울": languages in order, names without the separators.
    public static func names(_ name: String, alternates: [String], country: String) -> String {
        let usable = alternates.filter { !$0.contains("|") && !$0.contains("=") }
        return scripts.keys.sorted().compactMap { language in
            let local = language == "ja" && country == "JP" ? japaneseName(usable)
                : language == "ja" && kanjiCountries.contains(country) ? nil
                : self.name(name, alternates: usable, language: language)
            guard let local, local != name else { return nil }
            return "\(language)=\(local)"
        }.joined(separator: "|")
    }

    /// Words for a Japanese municipality after its name: city, ward, town, village, Tokyo's metropolis.
    static let municipalWords: [Character] = ["市", "区", "町", "村", "都"]

    /// A Japanese place's own name in kanji: of its names in Chinese characters, the one also
    /// listed with the word for its municipality (横浜 beside 横浜市, not 横滨市, the Chinese
    /// form), or that word's name without it (大田区: 大田), or the only one (相模原); nil when the
    /// names leave it open (Saitama is written in kana).
    public static func japaneseName(_ alternates: [String]) -> String? {
        let han = alternates.filter { name in !name.isEmpty && name.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) || $0.value == 0x3005 || $0.value == 0x30F6 } }
        func stem(_ s: String) -> String { s.count >= 2 && municipalWords.contains(s.last!) ? String(s.dropLast()) : s }
        let suffixed = han.filter { $0.count >= 2 && municipalWords.contains($0.last!) }
        if let paired = han.first(where: { bare in suffixed.contains { stem($0) == bare } }) { return paired }
        let stems = Set(han.map(stem))
        if stems.count == 1 { return stems.first }
        return nil
    }

    /// The name of a city called `name` in `language`, from its `alternates`; nil when none fits.
    public static func name(_ name: String, alternates: [String], language: String) -> String? {
        guard let script = scripts[language] else { return nil }
        let own = latin(name)
        // Korean names of Chinese cities often carry the word for city ("청두 시"): maps leave it out.
        let fitting = alternates.filter(script.admits).map { language == "ko" && $0.hasSuffix(" 시") ? String($0.dropLast(2)) : $0 }
        let ranked = fitting.map { ($0, editDistance(latin($0), own, limit: 64)) }
        guard let best = ranked.min(by: { $0.1 < $1.1 }) else { return nil }
        // A name of another reading altogether (a former name) is no translation of this one.
        return script.loose || best.1 <= max(3, own.count / 2) ? best.0 : nil
    }

    /// A name's Latin reading as bytes: transliterated, without marks, lower case, letters only.
    static func latin(_ s: String) -> [UInt8] {
        let t = s.applyingTransform(.toLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false) ?? s
        return Array(t.lowercased().unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic }.map { UInt8($0.value) })
    }
}
