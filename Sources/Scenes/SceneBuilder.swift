import Symbology
import Graphics
import Bindings
import Cartography
import Foundation
import GeoCore
import Routing
import Scenario

/// Turns one view of a resolved scenario into a map request (extent, projection, size) and the
/// scene drawn over the basemap: places, units, routes, areas, figure callouts, source notes.
public struct SceneBuilder {
    public let resolved: ResolvedScenario
    var scenario: Scenario { resolved.scenario }
    /// Only items dated up to this day (days since 1970) are drawn; nil draws everything.
    public var asOfDay: Int?
    /// For the frames of an animation: the moment shown (days since 1970, with the time of day
    /// as a fraction) and the fewest days a route takes to draw. A dated route then grows along
    /// its dates (or over those days from its first, when its dates are shorter).
    public var moment: (day: Double, minimumDrawDays: Double)?

    public init(resolved: ResolvedScenario, asOfDay: Int? = nil) {
        self.resolved = resolved
        self.asOfDay = asOfDay
    }

    /// Maps wider than this (km, at their scale) show no first-level borders by default.
    public static let regionBordersBelowKm = 4_000.0

    /// The view's map request at its own size (or `size` when given).
    public func request(for view: View, size: (Int, Int)? = nil, dpi: Double? = nil) throws -> MapRequest {
        let extent = try self.extent(of: view)
        var layers = BasemapLayer.defaults
        if let names = view.layers {
            layers = []
            for n in names where n != "none" {
                guard let l = BasemapLayer(rawValue: n) else {
                    throw ScenarioError([ScenarioProblem(view.location, field: "views.\(view.name).layers",
                        "unknown layer '\(n)'; use \(BasemapLayer.allCases.map(\.rawValue).joined(separator: ", ")) or none")])
                }
                layers.insert(l)
            }
        }
        let (w, h) = size ?? (view.width, view.height)
        // A size without a resolution (a batch's 640x360) takes the view's, lowered as the size needs.
        let resolution = dpi ?? (size == nil ? view.dpi : SceneBuilder.fittingDPI(view.dpi, width: w, height: h))
        var request = MapRequest(extent: extent, projection: view.projection, width: w, height: h, dpi: resolution,
                                 title: view.title ?? scenario.title, layers: layers)
        request.window = view.window
        // Unless a view names its layers, first-level borders are for regional maps: on a
        // continent they are a mesh that hides the story. The map's width as drawn decides.
        if view.layers == nil, try request.frame(width: Double(w), height: Double(h)).kmAcross > SceneBuilder.regionBordersBelowKm {
            request.layers.remove(.regions)
        }
        return request
    }

    /// The smallest layout, in points, whose title block, legend, scale bar and footer leave the
    /// map room.
    public static let minimumLayout = (width: 520.0, height: 340.0)

    /// The resolution of a `width` x `height` image of a view drawn at `dpi`: that, or less for a
    /// small image, so that its layout is at least `minimumLayout` (a 640x360 thumbnail at 76 dpi,
    /// not a 144-dpi corner buried under its own legend and footer), and never under 36.
    public static func fittingDPI(_ dpi: Double, width: Int, height: Int) -> Double {
        max(36, min(dpi, Double(width) * 72 / minimumLayout.width, Double(height) * 72 / minimumLayout.height))
    }

    /// The lon/lat box of a view: its bbox, or its items' coordinates grown by the margin.
    public func extent(of view: View) throws -> BoundingBox {
        if let b = view.bbox { return b }
        if let w = view.window, let p = view.projection {
            return try MapFrame(window: w, projection: try MapProjection(definition: p), width: 1000, height: 1000).extent
        }
        let points = view.fit.flatMap(resolved.coordinates(of:))
        guard let box = BoundingBox(enclosingShortest: points) else {
            throw ScenarioError([ScenarioProblem(view.location, field: "views.\(view.name).fit",
                                                 "none of \(view.fit.joined(separator: ", ")) has coordinates: fit located items or give a bbox")])
        }
        // A little room around the items for their labels and callouts (the renderer keeps the
        // title block and footer clear on its own).
        let padX = box.width * 0.05, padY = box.height * 0.08
        let dLat = view.marginKm / 111.2
        let dLon = view.marginKm / (111.2 * max(0.1, cos(box.center.lat * .pi / 180)))
        let dX = dLon + padX, lon = Coordinate.normalizeLongitude
        let south = max(-89, box.south - dLat - padY), north = min(89, box.north + dLat + padY)
        var grown = box.width + 2 * dX >= 360
            ? BoundingBox(west: -180, south: south, east: 180, north: north)
            : BoundingBox(west: lon(box.west - dX), south: south, east: lon(box.east + dX), north: north)
        // Keep a sensible minimum: 20 km across.
        if grown.width < 0.3 { grown = BoundingBox(west: lon(grown.center.lon - 0.15), south: grown.south, east: lon(grown.center.lon + 0.15), north: grown.north) }
        if grown.height < 0.2 { grown = BoundingBox(west: grown.west, south: grown.center.lat - 0.1, east: grown.east, north: grown.center.lat + 0.1) }
        return grown
    }

    /// Whether an item dated `date` is shown as of `asOfDay`.
    func shown(_ date: StoryDate?) -> Bool {
        guard let asOfDay, let date else { return true }
        return date.began(byDay: asOfDay)
    }

    /// The scene of `view`.
    public func scene(for view: View) -> MapScene {
        var scene = MapScene()
        scene.title = view.title ?? scenario.title
        scene.subtitle = view.subtitle ?? scenario.subtitle
        for a in scenario.annotations where a.views.isEmpty || a.views.contains(view.name) {
            guard let at = a.coordinate ?? a.at.flatMap({ resolved.places[$0]?.coordinate }) else { continue }
            scene.annotations.append(SceneAnnotation(coordinate: at, text: a.text, leader: a.leader, style: a.style,
                                                     required: a.views.isEmpty ? nil : "\(a.location)"))
        }
        if let day = asOfDay {
            scene.dateLine = MapPhrase.asOf(day: day, scenario.language)
        } else if let d = scenario.asOf {
            // A day in the story's language; a month or a year as written.
            scene.dateLine = d.first == d.last ? MapPhrase.asOf(day: d.first, scenario.language) : "As of \(d.display)"
        }
        scene.markings = scenario.markings
        scene.inset = view.inset
        scene.reference = view.reference
        scene.highlight = Set(scenario.sides.keys)
        scene.language = scenario.language
        let hidden = Set(view.hide)
        for p in scenario.places where !hidden.contains(p.id) {
            guard let at = resolved.places[p.id]?.coordinate else { continue }
            scene.points.append(ScenePoint(coordinate: at, label: resolved.label(of: p), symbol: p.kind,
                                           priority: p.priority ?? SceneBuilder.priority(p.kind), keep: p.keep ? "\(p.location)" : nil))
        }
        for u in scenario.units where shown(u.date) && !hidden.contains(u.id) && !hidden.contains(u.at ?? "") {
            guard let id = u.at, let at = resolved.places[id]?.coordinate else { continue }
            scene.units.append(SceneUnit(coordinate: at, name: u.name, affiliation: u.affiliation, echelon: u.echelon, type: u.type,
                                         strength: strength(u.strength)))
        }
        for route in scenario.routes where shown(route.date) && !hidden.contains(route.id) {
            guard let legs = resolved.routes[route.id] else { continue }
            let language = scenario.language
            /// "rail 9,288 km": a mode (when all are one, and its network carries some of them) and a length.
            func summary(_ legs: [Leg]) -> String {
                let modes = Set(legs.map(\.mode)), km = legs.reduce(0) { $0 + $1.totalKm }
                let length = "\(FigureValue.format(km.rounded())) \(MapPhrase.km.text(language))"
                return modes.count == 1 && legs.contains(where: { $0.routedKm > 0 }) ? "\(MapPhrase.mode(legs[0].mode, language)) \(length)" : length
            }
            let scenes = legs.enumerated().map { i, leg in
                // A broad arrow is the whole route, and carries the first leg's label alone: the route's.
                var label = summary(route.style == .arrow && i == 0 ? legs : [leg])
                if i == 0, let d = route.date { label = "\(route.label ?? "") \(MapPhrase.date(d, language)): \(label)".trimmingCharacters(in: .whitespaces) }
                return SceneLeg(mode: leg.mode, parts: leg.parts.map { (routed: $0.routed, coordinates: $0.coordinates) }, label: label)
            }
            var drawn = SceneRoute(label: route.label, style: route.style, affiliation: route.affiliation, legs: scenes,
                                   color: route.color.flatMap(Color.init(hex:)), totalKm: legs.reduce(0) { $0 + $1.totalKm })
            drawn.id = route.id
            if let a = legs.first?.parts.first?.coordinates.first, let b = legs.last?.parts.last?.coordinates.last { drawn.ends = (a, b) }
            if let moment, let d = route.date {
                let span = max(Double(d.last - d.first + 1), moment.minimumDrawDays)
                let fraction = (moment.day - Double(d.first)) / span
                guard fraction > 0 else { continue }
                drawn = drawn.drawn(upTo: fraction)
            }
            scene.routes.append(drawn)
        }
        for a in scenario.areas where shown(a.date) && !hidden.contains(a.id) {
            guard let polys = resolved.areas[a.id] else { continue }
            let label = a.label.map { a.approximate ? "\($0) (approx.)" : $0 }
            scene.areas.append(SceneArea(polygons: polys, label: label, approximate: a.approximate, affiliation: a.affiliation))
        }
        var cited: Set<String> = []
        // Callouts whose anchor is off the map are left out, and so are their sources' notes.
        let extent = try? self.extent(of: view)
        for (anchorID, heading, figures) in calloutGroups() where !hidden.contains(anchorID) {
            if let u = scenario.units.first(where: { $0.id == anchorID }), hidden.contains(u.at ?? "") { continue }
            guard let at = resolved.anchor(of: anchorID), extent?.contains(at) ?? true else { continue }
            let lines = figures.map { f -> String in
                let refs = f.sources.compactMap(scenario.referenceNumber(of:)).map(String.init).joined(separator: ",")
                let value = [f.value.description, f.unit].compactMap { $0 }.joined(separator: " ")
                let date = f.date.map { " · \(MapPhrase.date($0, scenario.language))" } ?? ""
                return "\(value)\(date) [\(refs)]"
            }
            figures.forEach { cited.formUnion($0.sources) }
            scene.callouts.append(SceneCallout(anchor: at, heading: heading, lines: lines, priority: 50 + figures.count,
                                               keep: figures.first(where: \.keep).map { "\($0.location)" }))
        }
        scene.sourceNotes = scenario.sources.enumerated().filter { cited.contains($0.element.id) }.map { i, s in
            "[\(i + 1)] \(s.publisher)\(s.date.map { ", \(MapPhrase.date($0, scenario.language))" } ?? "")"
        }
        scene.unlocated = scenario.places.filter { $0.unlocated && !hidden.contains($0.id) }.map(\.name)
        return scene
    }

    /// Figures attached to something and shown as of the date, grouped by what they are attached
    /// to and their quantity, each group ordered by date: conflicting estimates side by side.
    func calloutGroups() -> [(String, String, [Figure])] {
        var groups: [(String, String, [Figure])] = []
        for f in scenario.figures where shown(f.date) {
            guard let a = f.attachedTo else { continue }
            if let i = groups.firstIndex(where: { $0.0 == a && $0.1 == f.quantity }) { groups[i].2.append(f) } else { groups.append((a, f.quantity, [f])) }
        }
        return groups.map { ($0.0, $0.1, $0.2.sorted { ($0.date?.first ?? .max) < ($1.date?.first ?? .max) }) }
    }

    /// A unit's strength: a figure id's value, or the text as given.
    func strength(_ s: String?) -> String? {
        guard let s else { return nil }
        if let f = scenario.figures.first(where: { $0.id == s }) { return [f.value.description, f.unit].compactMap { $0 }.joined(separator: " ") }
        return s
    }

    static func priority(_ k: PlaceSymbol) -> Int {
        switch k {
        case .capital: return 100
        case .city: return 80
        case .training: return 78
        case .port: return 75
        case .base: return 72
        case .town: return 60
        case .border: return 55
        case .village: return 50
        }
    }
}
