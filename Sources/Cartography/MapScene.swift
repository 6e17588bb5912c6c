import Graphics
import Bindings
import GeoCore
import Symbology

/// What a deployment map shows over its basemap, already resolved to coordinates: places, units,
/// routes, areas, callouts with their sources, and the furniture's texts. Built from a scenario
/// view by the Briefing module; drawn by `SceneRenderer`.
public struct MapScene: Sendable {
    public var title: String?
    public var subtitle: String?
    /// "As of 23 Dec 2024".
    public var dateLine: String?
    public var markings: String?
    public var points: [ScenePoint] = []
    public var units: [SceneUnit] = []
    public var routes: [SceneRoute] = []
    public var areas: [SceneArea] = []
    public var callouts: [SceneCallout] = []
    /// "[1] South Korean NIS, 18 Oct 2024", in reference-number order.
    public var sourceNotes: [String] = []
    /// Places named in the story but drawn nowhere (no coordinates), for a note on the map.
    public var unlocated: [String] = []
    /// Draw an inset locator map.
    public var inset = true
    /// The story's language: reference names (countries) are given in it when the data has them.
    public var language = "en"
    /// The countries the story is about (its sides): the others are veiled.
    public var highlight: Set<String> = []
    /// Draw the basemap's own names (countries, regions, cities).
    public var reference = true
    /// Free texts of the scenario shown on this view.
    public var annotations: [SceneAnnotation] = []
    /// Where the labels of the same view's complete map went (dated frames keep them there).
    public var plan: LabelPlan?

    public init() {}

    /// Where the story's places and units are: the countries they lie in are named first.
    var storyPoints: [Coordinate] { points.map(\.coordinate) + units.map(\.coordinate) }
}

/// A place: symbol and label.
public struct ScenePoint: Sendable {
    public var coordinate: Coordinate
    public var label: String
    public var symbol: PlaceSymbol
    /// Higher is labelled first and dropped last.
    public var priority: Int
    /// Where the scenario says `keep: true` (file:line:column): the label is placed before any
    /// other, and a map that has no room for it is not drawn.
    public var keep: String?
    public init(coordinate: Coordinate, label: String, symbol: PlaceSymbol, priority: Int, keep: String? = nil) {
        self.coordinate = coordinate
        self.label = label
        self.symbol = symbol
        self.priority = priority
        self.keep = keep
    }
}

/// A free text on the map: a note beside its point, or a name with no symbol.
public struct SceneAnnotation: Sendable {
    public var coordinate: Coordinate
    public var text: String
    public var leader: Bool
    public var style: AnnotationStyle
    /// Where the scenario names this view for it (file:line:column): then it must be on the map.
    public var required: String?
    public init(coordinate: Coordinate, text: String, leader: Bool, style: AnnotationStyle, required: String? = nil) {
        self.coordinate = coordinate
        self.text = text
        self.leader = leader
        self.style = style
        self.required = required
    }
}

/// A unit symbol at a place.
public struct SceneUnit: Sendable {
    public var coordinate: Coordinate
    public var name: String
    public var affiliation: Affiliation
    public var echelon: Echelon?
    public var type: UnitType
    /// "~11,000" under the name, when known.
    public var strength: String?
    public init(coordinate: Coordinate, name: String, affiliation: Affiliation, echelon: Echelon?, type: UnitType, strength: String?) {
        self.coordinate = coordinate
        self.name = name
        self.affiliation = affiliation
        self.echelon = echelon
        self.type = type
        self.strength = strength
    }
}

/// A route: legs drawn by mode, or one broad arrow.
public struct SceneRoute: Sendable {
    /// The scenario's id of the route, when it has one (frames of an animation keep its colour by it).
    public var id: String?
    public var label: String?
    public var style: RouteStyle
    public var affiliation: Affiliation
    public var legs: [SceneLeg]
    /// Its own colour; nil takes its side's (or, for a second route of one side, the next of the
    /// route palette, so that routes compared on one map differ).
    public var color: Color?
    /// The length of every leg together, in km.
    public var totalKm: Double
    /// Where the whole route starts and ends (however much of it a dated frame draws): a route
    /// between the same two places as another is an alternative to it, and the legend says by
    /// how much longer.
    public var ends: (from: Coordinate, to: Coordinate)?
    public init(label: String?, style: RouteStyle, affiliation: Affiliation, legs: [SceneLeg], color: Color? = nil, totalKm: Double = 0) {
        self.label = label
        self.style = style
        self.affiliation = affiliation
        self.legs = legs
        self.color = color
        self.totalKm = totalKm
    }
}

/// One leg: mode, the routed and schematic stretches, and a label ("756 km by sea").
public struct SceneLeg: Sendable {
    public var mode: String
    public var parts: [(routed: Bool, coordinates: [Coordinate])]
    public var label: String?
    public init(mode: String, parts: [(routed: Bool, coordinates: [Coordinate])], label: String?) {
        self.mode = mode
        self.parts = parts
        self.label = label
    }
}

/// A polygon (outer ring first, then holes), approximate ones drawn dashed.
public struct SceneArea: Sendable {
    public var polygons: [[[Coordinate]]]
    public var label: String?
    public var approximate: Bool
    public var affiliation: Affiliation
    public init(polygons: [[[Coordinate]]], label: String?, approximate: Bool, affiliation: Affiliation) {
        self.polygons = polygons
        self.label = label
        self.approximate = approximate
        self.affiliation = affiliation
    }
}

/// A box of figures anchored to a point by a leader line: a heading (the quantity) and one line
/// per figure ("3,000 · 23 Oct 2024 [2]"), so estimates from different sources sit side by side.
public struct SceneCallout: Sendable {
    public var anchor: Coordinate
    public var heading: String
    public var lines: [String]
    public var priority: Int
    /// Where one of its figures says `keep: true` (file:line:column), as for `ScenePoint.keep`.
    public var keep: String?
    public init(anchor: Coordinate, heading: String, lines: [String], priority: Int = 50, keep: String? = nil) {
        self.anchor = anchor
        self.heading = heading
        self.lines = lines
        self.priority = priority
        self.keep = keep
    }
}

/// Where a map's labels went, in points from its top-left corner, by text: the layout that the
/// dated frames of one view follow, so that a label keeps its place while its feature is shown.
public struct LabelPlan: Sendable {
    public var boxes: [String: [Rect]]
    /// The title block's and the footer's bands, in points: frames keep the complete map's extent.
    public var band: (top: Double, bottom: Double)

    /// The plan of a map drawn `unitsPerPoint` units to the point.
    public init(_ report: MapReport, unitsPerPoint: Double) {
        var boxes: [String: [Rect]] = [:]
        for l in report.labels {
            let b = l.box
            boxes[l.text, default: []].append(Rect(x: b.x / unitsPerPoint, y: b.y / unitsPerPoint, width: b.width / unitsPerPoint, height: b.height / unitsPerPoint))
        }
        self.boxes = boxes
        band = (report.band.top / unitsPerPoint, report.band.bottom / unitsPerPoint)
    }

    /// The boxes in a map's units.
    func scaled(by unitsPerPoint: Double) -> [String: [Rect]] {
        boxes.mapValues { $0.map { Rect(x: $0.x * unitsPerPoint, y: $0.y * unitsPerPoint, width: $0.width * unitsPerPoint, height: $0.height * unitsPerPoint) } }
    }
}
