/// Words that mark a name as a body of water, a river or a cape ("Red Sea", "Gulf of Aden", "Mer
/// Rouge", "Чёрное море", "البحر الأحمر", "Wadi Derna"). The built data names straits and canals
/// but no seas, gulfs, rivers, lakes or capes, so such a query is never answered by a town or
/// region that happens to be spelt like it.
public enum WaterWords {
    static let words: Set<String> = [
        "sea", "ocean", "gulf", "mer", "golfe", "meer", "mare", "море", "океан", "залив", "моря",
        // Arabic words are folded without their article (البحر -> بحر).
        "بحر", "خليج", "محيط", "θάλασσα", "ים",
    ]
    static let phrases = ["cape of ", "cap de bonne", "cabo de buena"]

    /// Words that, beside those, name water or a cape but also towns named for them (Montego Bay,
    /// Cape Town, Wadi Halfa, Lake Charles): they mark a name the index lacks, not one it has.
    static let namesakeWords: Set<String> = ["bay", "strait", "straits", "channel", "cape", "sound", "baie", "bahia", "canal",
                                             "river", "lake", "lac", "lago", "wadi", "وادي", "река", "озеро"]

    /// Whether a name the index does not have names a body of water or a cape: a water word, or
    /// one of the words that towns are also named for.
    public static func mentions(_ name: String) -> Bool {
        marks(name) || NameKey.fold(name).split(separator: " ").contains { namesakeWords.contains(String($0)) }
    }

    /// Whether a name carries a water word (as a whole word, folded).
    public static func marks(_ name: String) -> Bool {
        let folded = NameKey.fold(name)
        if phrases.contains(where: { folded.hasPrefix($0) }) { return true }
        return folded.split(separator: " ").contains { words.contains(String($0)) }
    }
}
