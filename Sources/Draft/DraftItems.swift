import Foundation

/// Where an extracted item was read: the article, the character offsets of the words, and the
/// sentence quoted.
public struct Provenance: Sendable, Codable, Equatable {
    public var file: String
    public var start: Int
    public var end: Int
    public var sentence: String
}

/// A place of the story (or a name the gazetteer could not settle), with every mention.
public struct DraftPlace: Sendable, Codable {
    public enum Role: String, Sendable, Codable {
        /// A settlement of the story, drawn as a point.
        case place
        /// A first-level region ("Kursk region"), drawn as a name.
        case region
        /// A city's name used for its government ("Moscow said"): noted, not drawn.
        case government
        /// A strait or canal ("the Suez Canal"), drawn as a water name.
        case water
    }
    public var id: String
    public var name: String
    /// The spellings the articles used.
    public var written: [String]
    public var role: Role
    public var kind: String
    public var country: String?
    public var admin1: String?
    public var lat: Double?
    public var lon: Double?
    public var geonameid: Int64?
    public var located: Bool
    /// For an unlocated name: the places it could be, and why none was taken.
    public var candidates: [String]
    public var note: String?
    public var confidence: Double
    public var mentions: [Provenance]
}

/// A count, range or bound the story reports, with who said it and when.
public struct DraftFigure: Sendable, Codable {
    public var id: String
    /// What is counted ("North Korean soldiers").
    public var quantity: String
    /// The value as the scenario writes it ("up to 10,000", "10,000-12,000").
    public var value: String
    public var min: Double
    public var max: Double
    /// exact, about, at-least, more-than, up-to, range.
    public var qualifier: String
    public var unit: String
    /// The date it refers to, and how it was read ("last friday", "publication date").
    public var date: String?
    public var dateFrom: String
    /// Source ids; ["unattributed"] when the text names none.
    public var sources: [String]
    public var attach: String?
    public var confidence: Double
    public var provenance: Provenance
}

/// A claimant: the institution or person a figure is attributed to, and the article it was read in.
public struct DraftSource: Sendable, Codable {
    public var id: String
    public var publisher: String
    public var article: String
    public var date: String?
}

/// A movement with its legs' mode, when the text names both ends.
public struct DraftRoute: Sendable, Codable {
    public var id: String
    public var from: String
    public var to: String
    public var mode: String
    public var date: String?
    public var provenance: Provenance
}

/// A dated thing that happened at a place of the story.
public struct DraftEvent: Sendable, Codable {
    public var date: String
    public var place: String?
    public var text: String
    public var sources: [String]
    public var provenance: Provenance
}

/// Something read and left out, and why (for `--json`).
public struct DraftSkip: Sendable, Codable {
    public var text: String
    public var reason: String
    public var provenance: Provenance
}

/// Everything `geobrief draft` read from its articles.
public struct DraftResult: Sendable, Codable {
    public var title: String
    public var publication: String?
    public var notes: [String]
    public var places: [DraftPlace]
    public var sources: [DraftSource]
    public var figures: [DraftFigure]
    public var routes: [DraftRoute]
    public var events: [DraftEvent]
    public var skipped: [DraftSkip]
}
