/// The names of the sea passages that the sea-lane data marks (its `passage` field), in the map
/// languages: straits and canals are labelled where their lanes run and found by the gazetteer
/// under any of these names. The data's other passage codes (`chili`, `south_africa`,
/// `northwest`) mark routes, not one named feature, and get no name.
public enum PassageNames {
    /// Passage code -> language -> name.
    public static let table: [String: [String: String]] = [
        "suez": ["en": "Suez Canal", "fr": "Canal de Suez", "de": "Suezkanal", "es": "Canal de Suez", "ru": "Суэцкий канал",
                 "uk": "Суецький канал", "ar": "قناة السويس", "ko": "수에즈 운하"],
        "babalmandab": ["en": "Bab-el-Mandeb", "fr": "Bab-el-Mandeb", "de": "Bab al-Mandab", "es": "Bab el-Mandeb",
                        "ru": "Баб-эль-Мандебский пролив", "uk": "Баб-ель-Мандебська протока", "ar": "باب المندب", "ko": "바브엘만데브 해협"],
        "ormuz": ["en": "Strait of Hormuz", "fr": "Détroit d’Ormuz", "de": "Straße von Hormus", "es": "Estrecho de Ormuz",
                  "ru": "Ормузский пролив", "uk": "Ормузька протока", "ar": "مضيق هرمز", "ko": "호르무즈 해협"],
        "malacca": ["en": "Strait of Malacca", "fr": "Détroit de Malacca", "de": "Straße von Malakka", "es": "Estrecho de Malaca",
                    "ru": "Малаккский пролив", "uk": "Малаккська протока", "ar": "مضيق ملقا", "ko": "말라카 해협"],
        "gibraltar": ["en": "Strait of Gibraltar", "fr": "Détroit de Gibraltar", "de": "Straße von Gibraltar", "es": "Estrecho de Gibraltar",
                      "ru": "Гибралтарский пролив", "uk": "Гібралтарська протока", "ar": "مضيق جبل طارق", "ko": "지브롤터 해협"],
        "bosporus": ["en": "Bosporus", "fr": "Bosphore", "de": "Bosporus", "es": "Bósforo", "ru": "Босфор", "uk": "Босфор",
                     "ar": "مضيق البوسفور", "ko": "보스포루스 해협"],
        "dardanelles": ["en": "Dardanelles", "fr": "Dardanelles", "de": "Dardanellen", "es": "Dardanelos", "ru": "Дарданеллы",
                        "uk": "Дарданелли", "ar": "مضيق الدردنيل", "ko": "다르다넬스 해협"],
        "panama": ["en": "Panama Canal", "fr": "Canal de Panama", "de": "Panamakanal", "es": "Canal de Panamá", "ru": "Панамский канал",
                   "uk": "Панамський канал", "ar": "قناة بنما", "ko": "파나마 운하"],
        "sunda": ["en": "Sunda Strait", "fr": "Détroit de la Sonde", "de": "Sundastraße", "es": "Estrecho de la Sonda", "ru": "Зондский пролив",
                  "uk": "Зондська протока", "ar": "مضيق سوندا", "ko": "순다 해협"],
        "bering": ["en": "Bering Strait", "fr": "Détroit de Béring", "de": "Beringstraße", "es": "Estrecho de Bering", "ru": "Берингов пролив",
                   "uk": "Берингова протока", "ar": "مضيق بيرينغ", "ko": "베링 해협"],
    ]

    /// The passage `code`'s name in `language` (English when the table has no such language); nil
    /// for a code that names no single feature.
    public static func name(_ code: String, _ language: String) -> String? {
        guard let row = table[code] else { return nil }
        return row[language] ?? row["en"]
    }

    /// Whether the passage `code` is a canal (else a strait).
    public static func isCanal(_ code: String) -> Bool { code == "suez" || code == "panama" }
}
