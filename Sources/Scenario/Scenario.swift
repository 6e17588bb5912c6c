import GeoCore
import Symbology

/// One story: metadata, sources, places, units, routes, figures, areas, events and the map views
/// to draw of it. Read from YAML by `ScenarioParser`; documented in docs/scenario.md.
public struct Scenario: Sendable {
    public var file: String
    public var title: String
    public var subtitle: String?
    public var asOf: StoryDate?
    public var author: String?
    public var markings: String?
    /// Label language ("en", "ru", "ko", ...): places with `labels[language]` show that label.
    public var language: String = "en"
    public var summary: String?
    public var sources: [Source] = []
    public var places: [Place] = []
    public var units: [Unit] = []
    public var routes: [Route] = []
    public var figures: [Figure] = []
    public var areas: [Area] = []
    public var events: [Event] = []
    public var annotations: [Annotation] = []
    public var views: [View] = []
    /// A theme file, relative to the scenario file.
    public var theme: String?
    /// The side of each country ("KP: hostile"), for units whose affiliation is a country code.
    public var sides: [String: Affiliation] = [:]

    public init(file: String, title: String) {
        self.file = file
        self.title = title
    }

    /// The reference number of a source (1-based, in the order of `sources`), as printed on maps
    /// and in tables.
    public func referenceNumber(of sourceID: String) -> Int? {
        sources.firstIndex { $0.id == sourceID }.map { $0 + 1 }
    }

    /// `figures` grouped by quantity, groups in order of first appearance, figures in file order.
    public static func byQuantity(_ figures: [Figure]) -> [(quantity: String, figures: [Figure])] {
        var groups: [(quantity: String, figures: [Figure])] = []
        for f in figures {
            if let i = groups.firstIndex(where: { $0.quantity == f.quantity }) { groups[i].figures.append(f) } else { groups.append((f.quantity, [f])) }
        }
        return groups
    }

    /// The item named `id` among places, units, routes and areas.
    public func item(_ id: String) -> ItemKind? {
        if places.contains(where: { $0.id == id }) { return .place }
        if units.contains(where: { $0.id == id }) { return .unit }
        if routes.contains(where: { $0.id == id }) { return .route }
        if areas.contains(where: { $0.id == id }) { return .area }
        return nil
    }

    /// What an id names.
    public enum ItemKind: String, Sendable { case place, unit, route, area }
}

/// Where something was written in the scenario file, for messages.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) { self.file = file; self.line = line; self.column = column }
    public var description: String { "\(file):\(line):\(column)" }
}

/// Who said something: a publisher or person, a title, a date and a link.
public struct Source: Sendable {
    public var id: String
    public var publisher: String
    public var title: String?
    public var date: StoryDate?
    public var url: String?
    public var location: SourceLocation
}

/// A named place: geocoded from its name and hints, or given coordinates, or declared unlocated
/// (named in the story, never drawn, never guessed).
public struct Place: Sendable {
    public var id: String
    public var name: String
    public var coordinate: Coordinate?
    public var country: String?
    public var admin1: String?
    public var near: String?
    public var kind: PlaceSymbol = .city
    public var label: String?
    public var labels: [String: String] = [:]
    public var unlocated = false
    public var note: String?
    /// Higher draws its label first; defaults by kind.
    public var priority: Int?
    /// Never left off a map: placed before the others, or the map is not drawn.
    public var keep = false
    public var location: SourceLocation

    /// The label in `language`, else `label`, else the name.
    public func label(in language: String) -> String { labels[language] ?? label ?? name }
}

/// A military unit: frame by affiliation, echelon marks and a type icon, in the APP-6 manner.
public struct Unit: Sendable {
    public var id: String
    public var name: String
    public var affiliation: Affiliation
    /// ISO country code when the affiliation was given as a country.
    public var country: String?
    public var echelon: Echelon?
    public var type: UnitType
    /// A figure id or free text ("~11,000").
    public var strength: String?
    /// A place id.
    public var at: String?
    public var date: StoryDate?
    public var location: SourceLocation
}

/// A deployment path: legs as in `geobrief route --legs`, drawn in a style, with a date.
public struct Route: Sendable {
    public var id: String
    public var label: String?
    /// Legs "Wonsan>Vladivostok:sea", "Vladivostok>Kursk:rail within RU": place ids or names.
    public var legs: [String]
    public var style: RouteStyle = .line
    public var date: StoryDate?
    public var affiliation: Affiliation = .hostile
    /// "#rrggbb" (or with alpha): the route's own colour, else one derived from its side.
    public var color: String?
    public var location: SourceLocation
}

/// A number somebody reported: a value or range, its unit and date, who said it and how sure.
public struct Figure: Sendable {
    public var id: String
    public var quantity: String
    public var value: FigureValue
    public var unit: String?
    public var date: StoryDate?
    public var sources: [String]
    public var confidence: Confidence?
    /// A place, unit, route or area id; nil for a figure shown only in tables.
    public var attachedTo: String?
    public var note: String?
    /// Its callout is never left off a map that shows its anchor: placed first, or the map is not drawn.
    public var keep = false
    public var location: SourceLocation
}

/// How sure the reporting is.
public enum Confidence: String, Sendable, CaseIterable { case low, medium, high }

/// A polygon from a file, or a circle around a place.
public struct Area: Sendable {
    public var id: String
    public var label: String?
    public var file: String?
    public var center: String?
    public var radiusKm: Double?
    /// Drawn from a figure rather than surveyed: drawn dashed and labelled "approx.".
    public var approximate = false
    public var affiliation: Affiliation = .friendly
    public var date: StoryDate?
    public var location: SourceLocation
}

/// Something that happened, on a date, perhaps at a place.
public struct Event: Sendable {
    public var date: StoryDate
    public var place: String?
    public var text: String
    public var sources: [String] = []
    public var location: SourceLocation
}

/// A named map of the scenario.
/// A free text put on the map: a note beside a place or a point (on a leader if asked), or a name
/// with no symbol (a region, a sea, a front).
public struct Annotation: Sendable {
    public var text: String
    /// A place id, or nil with `coordinate`.
    public var at: String?
    public var coordinate: Coordinate?
    public var leader = false
    public var style: AnnotationStyle = .note
    /// The views it is on; every view that shows its point when empty (a view named here that
    /// does not show it is an error).
    public var views: [String] = []
    public var location: SourceLocation
}

public struct View: Sendable {
    public var name: String
    public var title: String?
    /// A subtitle for this view instead of the scenario's.
    public var subtitle: String?
    /// A lon/lat box; or nil to fit `fit`.
    public var bbox: BoundingBox?
    /// A window in projected units [minX, minY, maxX, maxY] (with `projection`): the map shows
    /// exactly this, as other tools' definitions give it.
    public var window: [Double]?
    /// Ids of items to fit, with a margin in km.
    public var fit: [String] = []
    public var marginKm: Double = 100
    public var projection: String?
    public var width: Int = 2000
    public var height: Int = 1400
    public var dpi: Double = 144
    /// Basemap layers; nil for the default set.
    public var layers: [String]?
    public var inset = true
    /// The basemap's own names (countries, regions, cities); `reference: false` leaves them off.
    public var reference = true
    /// Ids of places, units, routes and areas left off this view (and the figures attached to them).
    public var hide: [String] = []
    public var location: SourceLocation
}
