import DataCatalog
import Foundation
import GeoCore

/// First-level regions' names in languages written in a script of their own (Russian,
/// Ukrainian, Greek, Hebrew, Japanese, Korean, Chinese), from Debian's iso-codes: its ISO 3166-2
/// table and the translations of it. Maps in those languages label regions with them, and the
/// gazetteer finds regions by them. A translation still in Latin letters (most of Russia's regions
/// in Japanese) is no name in that language: the map keeps the region's own.
public struct RegionNames {
    /// The languages, each with its catalog's locale and its script.
    static let languages: [(language: String, locale: String, script: LocalCityNames.Script)] = [
        ("el", "el", .greek), ("he", "he", .hebrew), ("ja", "ja", .japanese), ("ko", "ko", .hangul),
        ("ru", "ru", .cyrillic), ("uk", "uk", .cyrillic), ("zh", "zh_CN", .han),
    ]

    /// Words of Russian and Ukrainian region names that maps abbreviate (Курская обл.).
    static let abbreviations = [("автономный округ", "АО"), ("автономний округ", "АО"), ("область", "обл.")]

    private var english: [String: String] = [:]
    /// Each language's names, by ISO 3166-2 code.
    private var local: [(language: String, names: [String: String])] = []

    /// Reads iso-codes unpacked at `root` (the folder holding `usr/share`).
    public init(isoCodes root: String) throws {
        let json = "\(root)/usr/share/iso-codes/json/iso_3166-2.json"
        guard let data = FileManager.default.contents(atPath: json) else { throw GeoDataError.missingSource(json, expected: "iso-codes' ISO 3166-2 table") }
        guard let top = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let rows = top["3166-2"] as? [[String: Any]] else {
            throw GeoDataError.badSource(json, line: 1, reason: "not iso-codes' table: no '3166-2' list of codes and names")
        }
        for row in rows {
            if let code = row["code"] as? String, let name = row["name"] as? String { english[code] = name }
        }
        for l in Self.languages {
            let catalog = try MessageCatalog(path: "\(root)/usr/share/locale/\(l.locale)/LC_MESSAGES/iso_3166-2.mo")
            var names: [String: String] = [:]
            for (code, own) in english {
                guard let name = catalog[own], name != own, l.script.admits(name), !name.contains("|"), !name.contains("="),
                      !name.contains("\t") else { continue }
                names[code] = l.language == "ja" && code.hasPrefix("JP-") ? Self.prefecture(name, code: code) : name
            }
            local.append((l.language, Self.withoutSharedNames(names, english: english)))
        }
    }

    /// A Japanese prefecture's name as maps print it, with its word: 東京都, 京都府, 富山県 (iso-codes
    /// gives the bare name, which is also its capital's: 富山); Hokkaido's name holds its own (北海道).
    static func prefecture(_ name: String, code: String) -> String {
        switch code {
        case "JP-01": name
        case "JP-13": name + "都"
        case "JP-26", "JP-27": name + "府"
        default: name + "県"
        }
    }

    /// `names` less those that a language gives to two regions of one country: a slip of the
    /// translation (Ukrainian calls Krasnoyarsk Краснодарський край, Krasnodar's name, and Sakha
    /// Республіка Алтай). The region whose own name reads nearest keeps it; a tie keeps neither.
    static func withoutSharedNames(_ names: [String: String], english: [String: String]) -> [String: String] {
        var holders: [String: [String]] = [:]
        for (code, name) in names { holders["\(code.prefix(2))|\(name)", default: []].append(code) }
        var out = names
        for (_, codes) in holders where codes.count > 1 {
            let ranked = codes.map { code in (code, editDistance(sortedWords(names[code]!), sortedWords(english[code] ?? ""), limit: 64)) }
                .sorted { $0.1 < $1.1 }
            for (i, (code, distance)) in ranked.enumerated() where i > 0 || distance == ranked[1].1 { out[code] = nil }
        }
        return out
    }

    /// A name's Latin reading with its words in alphabetical order ("Altaj, Respublika" and
    /// "Республика Алтай" alike).
    static func sortedWords(_ name: String) -> [UInt8] {
        let words = name.split { !$0.isLetter }.map { LocalCityNames.latin(String($0)) }.sorted { $0.lexicographicallyPrecedes($1) }
        return Array(words.joined(separator: [UInt8(ascii: " ")]))
    }

    /// The names of the region `iso` (ISO 3166-2) in every language that has one, as a map
    /// labels it: "ja=富山|ru=Тояма|uk=Тояма" (as `LocalCityNames` writes a city's), Russian and
    /// Ukrainian shortened (Курская обл.); empty when none.
    public func names(iso: String) -> String {
        local.compactMap { l in
            guard var name = l.names[iso] else { return nil }
            if l.language == "ru" || l.language == "uk" {
                for (word, short) in Self.abbreviations { name = name.replacingOccurrences(of: word, with: short) }
            }
            return "\(l.language)=\(name)"
        }.joined(separator: "|")
    }

    /// Every region's names in full, a line each ("RU-KRS<TAB>ru=Курская область|uk=Курська
    /// область"), by code: the gazetteer's table (`gazetteer/region_names.tsv`).
    public var table: String {
        let codes = Set(local.flatMap { $0.names.keys }).sorted()
        return codes.map { code in
            code + "\t" + local.compactMap { l in l.names[code].map { "\(l.language)=\($0)" } }.joined(separator: "|") + "\n"
        }.joined()
    }

    /// The names of each region in `table`, language tags dropped, by ISO 3166-2 code.
    public static func read(table path: String) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        try TextLines.forEach(in: path) { line, n in
            guard !line.isEmpty else { return }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 2 else {
                throw GeoDataError.badSource(path, line: n, reason: "not a region code and its names separated by a tab: rebuild the data (`make geodata`)")
            }
            out[String(f[0])] = f[1].split(separator: "|").map { String($0.drop { $0 != "=" }.dropFirst()) }
        }
        return out
    }
}
