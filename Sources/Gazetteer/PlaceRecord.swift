import GeoCore

/// What kind of place a record is; `populated` covers cities, towns and villages.
public enum PlaceKind: String, Sendable, Codable, CaseIterable {
    case populated, region, country, port, strait, canal
    /// Kinds a user may ask for that the built data has no record of (it has no named seas, capes
    /// or rivers): a query of such a kind says so instead of answering with something else.
    case sea, cape, river

    /// Whether the built index has records of this kind.
    public var inData: Bool { ![.sea, .cape, .river].contains(self) }

    /// Water features: a query naming one is never answered by a town or region of that name.
    public var isWater: Bool { [.strait, .canal, .sea].contains(self) }

    /// The word a user gives for this kind as a hint (`--kind city`).
    public var hintWord: String { self == .populated ? "city" : rawValue }

    /// Reads a user's word for a kind ("city", "town", "village", "oblast", ...).
    public init?(word: String) {
        switch NameKey.fold(word) {
        case "city", "town", "village", "populated", "place", "settlement": self = .populated
        case "region", "admin1", "oblast", "province", "state", "krai": self = .region
        case "country", "nation": self = .country
        case "port", "harbour", "harbor": self = .port
        case "strait", "channel", "passage", "sound": self = .strait
        case "canal": self = .canal
        case "sea", "ocean", "gulf", "bay": self = .sea
        case "cape", "headland", "point": self = .cape
        case "river": self = .river
        default: return nil
        }
    }
}

/// One place to be written into the index, with every name it is known by.
public struct PlaceRecord: Sendable {
    /// GeoNames id where there is one; other sources take ids from their own ranges (see `IDRange`).
    public var id: Int64
    public var name: String
    public var names: [String]
    public var kind: PlaceKind
    /// ISO 3166-1 alpha-2 code.
    public var country: String
    /// GeoNames admin-1 code within the country ("41" for Kursk oblast), empty when unknown.
    public var admin1: String
    public var population: Int64
    public var coordinate: Coordinate
    /// For areas (regions, countries): their extent.
    public var box: BoundingBox?
    /// Where the record came from ("GeoNames cities500", "supplement: <source>", ...).
    public var source: String
    /// Higher ranks first at equal match: user supplement 2, project supplement 1, packaged sources 0.
    public var priority: Int

    public init(id: Int64, name: String, names: [String], kind: PlaceKind, country: String, admin1: String,
                population: Int64, coordinate: Coordinate, box: BoundingBox? = nil, source: String, priority: Int = 0) {
        self.id = id
        self.name = name
        self.names = names
        self.kind = kind
        self.country = country
        self.admin1 = admin1
        self.population = population
        self.coordinate = coordinate
        self.box = box
        self.source = source
        self.priority = priority
    }
}

/// Id ranges for places that have no GeoNames id.
public enum IDRange {
    public static let region: Int64 = 10_000_000_000
    public static let country: Int64 = 20_000_000_000
    public static let port: Int64 = 30_000_000_000
    public static let supplement: Int64 = 40_000_000_000
    public static let passage: Int64 = 50_000_000_000
    /// Within `region`: the parents Natural Earth names only as its regions' WOE name (Cataluña).
    public static let parentRegions: Int64 = 500_000
}
