/// Continents, large physical and historical regions and mountain ranges that news names but the
/// built data does not hold as one place (it has countries, first-level regions, settlements,
/// straits and canals). Asked for bare, such a name is never answered by a namesake village, a
/// former name or a typo: Siberia is not Siberia, Chiapas; Patagonia not Patagonia, Arizona;
/// Africa not Mahdia (once Africa); the Alps not Aleppo; Prussia not Russia; South America not
/// South Africa. A hint (a country, a region, a nearby place) still takes the namesake.
public enum LargeRegions {
    /// The names, folded as `NameKey.fold` folds them.
    public static let names: Set<String> = [
        "africa", "asia", "europe", "oceania", "north america", "south america", "latin america", "central america",
        "antarctica", "arctic", "antarctic", "middle east", "near east", "far east", "east asia", "southeast asia", "south asia",
        "central asia", "horn of africa", "sub-saharan africa", "west africa", "east africa", "north africa", "southern africa",
        "siberia", "patagonia", "sahara", "amazon", "amazonia", "himalaya", "himalayas", "andes", "alps", "urals",
        "ural mountains", "rockies", "rocky mountains", "balkans", "caucasus", "north caucasus", "south caucasus", "transcaucasia",
        "levant", "maghreb", "scandinavia", "anatolia", "mesopotamia", "manchuria", "indochina", "arabia", "arabian peninsula",
        "galilee", "negev", "golan heights", "donbas", "donbass", "kurdistan", "bessarabia", "bukovina", "transylvania",
        "pomerania", "prussia", "kordofan", "sahel",
    ]

    /// Whether a query names one of them.
    public static func contains(_ query: String) -> Bool { names.contains(NameKey.fold(query)) }
}
