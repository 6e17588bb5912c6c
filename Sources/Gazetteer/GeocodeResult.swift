import GeoCore

/// How a candidate's name matched the query, strongest first.
public enum MatchKind: String, Sendable, Codable, Comparable {
    case exact, folded, transliterated, variant, fuzzy

    var strength: Int {
        switch self {
        case .exact: return 5
        case .folded: return 4
        case .transliterated: return 3
        case .variant: return 2
        case .fuzzy: return 1
        }
    }

    public static func < (a: MatchKind, b: MatchKind) -> Bool { a.strength > b.strength }

    /// Matches of one tier are equally good evidence: a name the place really has (exact, folded,
    /// transliterated), a romanization variant, or a typo.
    var tier: Int { strength >= 3 ? 2 : strength - 1 }
}

/// One place that may be what the query meant.
public struct Candidate: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    public var kind: PlaceKind
    public var country: String
    public var admin1: String
    public var admin1Name: String
    public var population: Int64
    public var lat: Double
    public var lon: Double
    public var box: BoundingBox?
    public var source: String
    public var score: Double
    public var match: MatchKind
    /// The spelling in the index that matched.
    public var matched: String
    /// Edit distance of a fuzzy match (0 otherwise).
    public var distance: Int
    /// Distance from the `near` hint, in km.
    public var nearKm: Double?

    var priority: Int = 0
    /// Whether the match was on the place's own name rather than one of its alternate names.
    public internal(set) var primary = false

    enum CodingKeys: String, CodingKey {
        case id, name, kind, country, admin1, admin1Name, population, lat, lon, box, source, score, match, matched, distance, nearKm
    }

    public var coordinate: Coordinate { Coordinate(lon: lon, lat: lat) }

    /// A place as found by other means than a name (reverse geocoding): an exact match on its own name.
    public init(id: Int64, name: String, kind: PlaceKind, country: String, admin1: String, admin1Name: String,
                population: Int64, coordinate: Coordinate, source: String) {
        self.init(id: id, name: name, kind: kind, country: country, admin1: admin1, admin1Name: admin1Name, population: population,
                  lat: coordinate.lat, lon: coordinate.lon, box: nil, source: source, score: 0, match: .exact, matched: name,
                  distance: 0, nearKm: nil, priority: 0, primary: true)
    }

    init(id: Int64, name: String, kind: PlaceKind, country: String, admin1: String, admin1Name: String, population: Int64,
         lat: Double, lon: Double, box: BoundingBox?, source: String, score: Double, match: MatchKind, matched: String,
         distance: Int, nearKm: Double?, priority: Int, primary: Bool) {
        self.id = id
        self.name = name
        self.kind = kind
        self.country = country
        self.admin1 = admin1
        self.admin1Name = admin1Name
        self.population = population
        self.lat = lat
        self.lon = lon
        self.box = box
        self.source = source
        self.score = score
        self.match = match
        self.matched = matched
        self.distance = distance
        self.nearKm = nearKm
        self.priority = priority
        self.primary = primary
    }
}

/// The answer to one query: found (one place), ambiguous (several fit), or not found (with suggestions).
public struct GeocodeResult: Sendable, Codable {
    public enum Status: String, Sendable, Codable { case found, ambiguous, notFound = "not-found" }

    public var query: String
    public var status: Status
    /// The best candidates; for `found` the first is the answer.
    public var candidates: [Candidate]
    /// For `not-found`: the closest names in the index, ignoring hints.
    public var suggestions: [Candidate]
    /// Why the status is what it is, in a sentence.
    public var message: String

    /// The place found, when there is exactly one.
    public var place: Candidate? { status == .found ? candidates.first : nil }
}

/// What narrows a query: country, admin-1, kind, a box, a place or point to be near.
public struct GeocodeHints: Sendable {
    /// ISO alpha-2/alpha-3 code or a country name.
    public var country: String?
    /// Admin-1 code ("41") or name ("Kursk", "Kurskaya oblast").
    public var admin1: String?
    public var kind: PlaceKind?
    /// Prefer a populated place (or port) to a country or region of the same name (a scenario's
    /// place of kind city, port, capital, town...): a softer hint than `kind`, which filters.
    public var preferSettlement = false
    public var box: BoundingBox?
    /// A place name or "LAT,LON" to prefer candidates near.
    public var near: String?
    public var limit: Int = 5

    public init(country: String? = nil, admin1: String? = nil, kind: PlaceKind? = nil, box: BoundingBox? = nil,
                near: String? = nil, limit: Int = 5) {
        self.country = country
        self.admin1 = admin1
        self.kind = kind
        self.box = box
        self.near = near
        self.limit = limit
    }
}
