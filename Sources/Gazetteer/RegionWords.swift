/// Words that mark a name as a region ("Kursk oblast", "Primorsky Krai", "Kangwon-do").
public enum RegionWords {
    static let words: Set<String> = [
        "oblast", "oblasti", "region", "regione", "krai", "kray", "province", "provinz", "provincia", "state",
        "respublika", "republic", "republik", "okrug", "do", "autonomous", "avtonomnyy", "avtonomnyi",
        "oblastʹ", "obl", "raion", "rayon", "district", "область", "край", "республика", "округ", "도",
        "oblasc", "voblasts", "gubernia", "gouvernement", "territory", "prefecture", "governorate",
    ]

    /// Words that place a region in a larger whole ("North Darfur", "West Flanders"), or join
    /// words: not what the region is named for.
    static let qualifiers: Set<String> = [
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre", "center",
        "upper", "lower", "middle", "greater", "inner", "outer", "nord", "norte", "sud", "ouest", "oeste", "este",
        "saint", "santa", "city", "capital", "special", "administrative", "federal", "islands", "island",
    ]

    /// The distinctive words of a region's name of several words ("North Darfur" -> ["darfur"]),
    /// folded: none for a name of one word, which the name maps hold already.
    public static func distinctive(_ name: String) -> [String] {
        let parts = NameKey.fold(name).split(separator: " ").map(String.init)
        guard parts.count > 1 else { return [] }
        return parts.filter { $0.count >= 4 && !words.contains($0) && !qualifiers.contains($0) }
    }

    /// Whether a folded name carries a region word.
    public static func marks(_ name: String) -> Bool {
        let folded = NameKey.fold(name)
        guard folded.utf8.contains(UInt8(ascii: " ")) else { return words.contains(folded) }
        return folded.split(separator: " ").contains { words.contains(String($0)) }
    }

    /// Words joining a region word put first to the name ("Province of Idlib", "région de Koursk").
    static let joiners: Set<String> = ["of", "de", "du", "d", "del", "della", "di", "do", "da"]

    /// The name without its region words ("Kursk oblast" -> "Kursk", "Province of Idlib" ->
    /// "Idlib"); the name itself if nothing is left.
    public static func strip(_ name: String) -> String {
        var parts = NameKey.fold(name).split(separator: " ").map(String.init)
        if parts.count >= 3, words.contains(parts[0]), joiners.contains(parts[1]) { parts.removeFirst(2) }
        parts = parts.filter { !words.contains($0) }
        return parts.isEmpty ? name : parts.joined(separator: " ")
    }
}
