/// Words that mark a name as a region ("Kursk oblast", "Primorsky Krai", "Kangwon-do").
public enum RegionWords {
    static let words: Set<String> = [
        "oblast", "oblasti", "region", "regione", "krai", "kray", "province", "provinz", "provincia", "state",
        "respublika", "republic", "republik", "okrug", "do", "autonomous", "avtonomnyy", "avtonomnyi",
        "oblastʹ", "obl", "raion", "rayon", "district", "область", "край", "республика", "округ", "도",
        "oblasc", "voblasts", "gubernia", "gouvernement", "territory", "prefecture", "governorate",
    ]

    /// Whether a folded name carries a region word.
    public static func marks(_ name: String) -> Bool {
        let folded = NameKey.fold(name)
        guard folded.utf8.contains(UInt8(ascii: " ")) else { return words.contains(folded) }
        return folded.split(separator: " ").contains { words.contains(String($0)) }
    }

    /// The name without its region words ("Kursk oblast" -> "Kursk"); the name itself if nothing is left.
    public static func strip(_ name: String) -> String {
        let parts = NameKey.fold(name).split(separator: " ").filter { !words.contains(String($0)) }
        return parts.isEmpty ? name : parts.joined(separator: " ")
    }
}
