import Gazetteer

/// The words of a sentence with their offsets, and the small word lists the rules read: English
/// function words, the words that mark organisations, titles, places and speech, and demonyms.
struct Token: Sendable {
    let text: String
    /// Character offsets in the sentence, end excluded.
    let start: Int, end: Int
    var lower: String { text.lowercased() }
    var isCapitalized: Bool { text.first?.isUppercase == true }
}

enum Words {
    /// Letters, digits and the marks inside words (hyphen, apostrophe, the decimal and thousands
    /// separators between digits) make words; the rest separate them.
    static func tokens(_ s: String) -> [Token] {
        let chars = Array(s)
        var out: [Token] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isLetter || chars[i].isNumber else { i += 1; continue }
            var j = i
            while j < chars.count {
                let c = chars[j]
                if c.isLetter || c.isNumber { j += 1; continue }
                let inner = j + 1 < chars.count && j > i
                if inner, "-'’".contains(c), chars[j + 1].isLetter, chars[j - 1].isLetter { j += 1; continue }
                if inner, ",.".contains(c) || c == "\u{202F}" || c == "\u{A0}" || (c == " " && isDigitGroup(chars, j + 1)),
                   chars[j - 1].isNumber, chars[j + 1].isNumber { j += 1; continue }
                break
            }
            out.append(Token(text: String(chars[i..<j]), start: i, end: j))
            i = j
        }
        return out
    }

    /// The characters between two tokens of a sentence (given as its characters).
    static func between(_ chars: [Character], _ a: Token, _ b: Token) -> String { String(chars[a.end..<b.start]) }

    /// Three digits then no further digit: a thousands group ("10 000").
    private static func isDigitGroup(_ chars: [Character], _ k: Int) -> Bool {
        guard k + 2 < chars.count else { return false }
        let three = chars[k...(k + 2)].allSatisfy(\.isNumber)
        return three && (k + 3 == chars.count || !chars[k + 3].isNumber)
    }

    /// Capitalized words that are not names (sentence openings, days, months, function words).
    static let notNames: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their",
        "our", "last", "next", "on", "in", "at", "for", "but", "and", "or", "nor", "however", "meanwhile", "according", "additionally",
        "certainly", "earlier", "even", "if", "while", "as", "by", "from", "with", "since", "after", "before", "some", "neither",
        "both", "also", "there", "what", "why", "how", "when", "who", "which", "where", "here", "to", "of", "not", "no", "yes", "so",
        "then", "thus", "such", "more", "most", "many", "much", "one", "two", "three", "other", "another", "each", "every", "all",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
        "may", "june", "july", "august", "september", "october", "november", "december", "related", "subscribe", "download",
        "click", "your", "read", "photo", "video", "militarily", "received", "sending", "by", "for", "moreover", "furthermore",
        "especially", "unlike", "despite", "although", "though", "because", "until", "during", "against", "about", "around",
        "president", "secretary", "minister", "leader", "general", "gen", "army", "government", "intelligence", "officials",
        "sources", "source", "war", "front", "region", "oblast", "province", "state", "city", "town", "village", "people",
        "complementary", "integration", "interests", "news", "mr", "mrs", "dr", "prime", "foreign", "defense", "defence",
        "asian", "european", "western", "eastern", "northern", "southern", "african", "arab", "middle", "central", "far",
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "selon", "dans", "entre", "environ", "près", "au", "aux", "et",
        "en", "sur", "pour", "par", "mais", "nord", "sud", "est", "ouest", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
        "samedi", "dimanche", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre", "depuis", "ce", "cette", "il", "elle", "ils", "lors", "après", "avant",
        "el", "los", "las", "y", "o", "pero", "desde", "hacia", "con", "para", "por", "sin", "sobre", "tras", "según", "este",
        "esta", "su", "sus", "más", "también", "mientras", "al", "del", "una", "unos", "unas", "hasta", "durante", "después",
        "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "enero", "febrero", "marzo", "abril", "mayo",
        "junio", "julio", "agosto", "septiembre", "noviembre", "diciembre", "norte", "oeste", "presidente", "gobierno",
    ]

    /// Parts of the world the map does not draw as a place: the gazetteer's large regions, and
    /// words a text uses for the same.
    static let worldRegions: Set<String> = LargeRegions.names.union([
        "america", "indo-pacific", "pacific", "atlantic", "the west", "west", "east", "eurasia", "gulf",
    ])

    /// Words that make a capitalized run an organisation, a publication or an event, not a place.
    static let organisationWords: Set<String> = [
        "service", "services", "agency", "ministry", "council", "center", "centre", "group", "institute", "university", "magazine",
        "times", "news", "press", "images", "reuters", "corps", "army", "forces", "force", "intelligence", "diplomacy", "defense",
        "defence", "express", "committee", "commission", "party", "union", "bank", "company", "network", "channel", "post",
        "journal", "tribune", "herald", "bbc", "cnn", "afp", "ap", "kcna", "sipa", "sputnik", "getty", "war", "staff", "office",
        "department", "command", "guard", "navy", "air", "tank", "think", "club", "association", "organization", "organisation",
        "constitution", "treaty", "pact", "agreement", "mundo", "euro", "telegram", "youtube", "instagram", "tiktok", "facebook",
        "whatsapp", "x", "research", "studies", "servicio", "ministerio", "agencia", "ejército", "fuerzas", "naciones", "consejo",
        "oficina", "instituto", "universidad", "partido", "comisión", "comité", "ministère", "armée",
    ]

    /// Words before a name that make it a person's.
    static let personTitles: Set<String> = [
        "president", "leader", "secretary", "minister", "general", "gen", "researcher", "director", "editor", "analyst",
        "consultant", "specialist", "geopolitologist", "mr", "mrs", "ms", "dr", "commander", "spokesman", "spokeswoman",
        "chancellor", "king", "queen", "premier", "dictator", "colonel", "officer", "expert", "professor", "ambassador",
    ]

    /// Words after a place's name or before it that say it is a region ("Kursk region", "region of Kursk").
    static let regionWords: Set<String> = ["region", "région", "oblast", "province", "krai", "kray", "governorate", "state", "district",
                                           "prefecture", "préfecture", "región", "provincia", "departamento", "estado"]

    /// Words before a name that say it is a settlement ("the town of Soudja").
    /// The Arabic article as Latin spellings write it, sun letters assimilated ("ad-Damazin", "ash-Sham").
    static let arabicArticles: Set<String> = ["al", "el", "ad", "ed", "ar", "er", "as", "es", "ash", "esh", "at", "et", "az", "ez", "an", "en", "ath", "adh", "ud", "ul"]

    static let settlementCues: Set<String> = ["town", "village", "city", "port", "settlement", "hamlet", "base", "bases", "station",
                                              "pueblo", "ciudad", "localidad", "aldea", "municipio", "puerto", "estación", "ville"]

    /// Prepositions that put a name on the ground ("in Pyongyang", "near Ussuriysk").
    static let locatives: Set<String> = ["in", "at", "near", "around", "outside", "from", "towards", "toward", "into", "inside",
                                         "via", "through", "across", "à", "près", "autour", "vers", "dans", "en", "desde", "hacia",
                                         "hasta", "cerca"]

    /// The locatives before a name of several words that make it a place rather than a person's
    /// name, even one the gazetteer lacks ("at Paso Canoas"; not "from", as in "a letter from").
    static let groundingLocatives: Set<String> = ["in", "at", "near", "outside", "into", "inside", "through", "via", "towards",
                                                  "toward", "around", "dans", "vers", "en", "desde", "hacia", "hasta"]

    /// Words after a city's name that make it its government ("Moscow said", "Pyongyang's motivations").
    static let governmentVerbs: Set<String> = [
        "said", "says", "say", "has", "have", "had", "needs", "need", "is", "was", "would", "will", "could", "assured", "acknowledged",
        "denied", "claimed", "claims", "wants", "seeks", "sent", "sends", "supplied", "supplies", "followed", "confirmed", "reported",
        "announced", "accused", "insists", "warned", "refused", "rejected", "agreed", "signed", "intelligence", "regime", "government",
        "officials", "authorities", "administration", "authorities'", "nor", "and",
        "n'a", "n’a", "affirme", "accuse", "dément", "nie", "exige", "refuse", "dénonce", "menace", "répond", "annonce",
        "niega", "acusa", "anunció", "rechaza",
    ]

    /// Demonyms and adjectives of the countries stories name: a country of the story.
    static let demonyms: [String: String] = [
        "north korean": "KP", "north koreans": "KP", "south korean": "KR", "south koreans": "KR", "korean": "KR",
        "russian": "RU", "russians": "RU", "ukrainian": "UA", "ukrainians": "UA", "american": "US", "americans": "US",
        "chinese": "CN", "iranian": "IR", "iranians": "IR", "french": "FR", "british": "GB", "german": "DE", "polish": "PL",
        "belarusian": "BY", "georgian": "GE", "syrian": "SY", "syrians": "SY", "israeli": "IL", "palestinian": "PS",
        "lebanese": "LB", "turkish": "TR", "egyptian": "EG", "yemeni": "YE", "sudanese": "SD", "japanese": "JP",
        "indian": "IN", "pakistani": "PK", "afghan": "AF", "iraqi": "IQ", "saudi": "SA", "libyan": "LY", "malian": "ML",
        "nigerian": "NG", "ethiopian": "ET", "somali": "SO", "venezuelan": "VE", "colombian": "CO", "mexican": "MX",
        "brazilian": "BR", "dominican": "DO", "soviet": "RU", "houthi": "YE", "houthis": "YE", "taiwanese": "TW", "filipino": "PH", "vietnamese": "VN",
        "nord-coréen": "KP", "nord-coréens": "KP", "russe": "RU", "russes": "RU", "ukrainien": "UA", "ukrainiens": "UA",
        "américain": "US", "américains": "US", "sud-coréen": "KR", "sud-coréens": "KR",
    ]

    /// Endings that make a demonym of a country's name, shortest first ("Colombia-n", "Omani",
    /// "Chile-an", "Hungar-ian", "Panama-nian", "Sudan-ese", "Brit-ish"); what they leave is
    /// the name, or the name less one of `countryNameTails` ("Mexic-o", "Ital-y", "Belg-ium").
    static let demonymEndings = ["n", "i", "an", "ian", "nian", "ese", "ish"]
    static let countryNameTails = ["", "a", "o", "y", "e", "i", "ia", "ium", "on"]

    /// English words run into the next one in machine-translated text ("Vlagoveshenskin",
    /// "Yoon Suk-yeolindicated", "allyafter"): tried as a suffix to cut off a name.
    static let gluedSuffixes = ["indicated", "which", "whom", "after", "where", "while", "and", "the", "but", "who", "for", "with",
                                "in", "on", "at", "of", "to", "is", "was"]
}
