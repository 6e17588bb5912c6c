import GeoCore
import Routing
import Scenario

/// A scenario with every place located, every route routed and every area built: what maps and
/// briefings are drawn from.
public struct ResolvedScenario: Sendable {
    public var scenario: Scenario
    /// Located places by id (unlocated ones are absent).
    public var places: [String: LocatedPlace] = [:]
    /// Legs of each route by id.
    public var routes: [String: [Leg]] = [:]
    /// Polygons of each area by id (outer ring first).
    public var areas: [String: [[[Coordinate]]]] = [:]
    /// Things that did not stop the scenario but a reader should know (context-settled names).
    public var notes: [String] = []

    /// Where an item is drawn: a place, a unit's place, the middle of a route, the centre of an area.
    public func anchor(of id: String) -> Coordinate? {
        if let p = places[id] { return p.coordinate }
        if let u = scenario.units.first(where: { $0.id == id }), let at = u.at { return places[at]?.coordinate }
        if let legs = routes[id] {
            let all = legs.flatMap(\.coordinates)
            return all.isEmpty ? nil : all[all.count / 2]
        }
        if let ring = areas[id]?.first?.first { return BoundingBox(enclosing: ring)?.center }
        return nil
    }

    /// The label a map gives `place`: its label in the scenario's language, its own label, its name
    /// in that language from the map data (`LocatedPlace.localName`), or its name.
    public func label(of place: Place) -> String {
        place.labels[scenario.language] ?? place.label ?? places[place.id]?.localName ?? place.name
    }

    /// Every coordinate of an item, for fitting a view.
    public func coordinates(of id: String) -> [Coordinate] {
        if let legs = routes[id] { return legs.flatMap(\.coordinates) }
        if let polys = areas[id] { return polys.flatMap { $0.first ?? [] } }
        return anchor(of: id).map { [$0] } ?? []
    }
}

/// A place with where it was found.
public struct LocatedPlace: Sendable {
    public var coordinate: Coordinate
    /// "GeoNames 486816, Kursk, RU", "given coordinates", ...
    public var origin: String
    /// Its GeoNames id, when the gazetteer found it there.
    public var geonameid: Int64? = nil
    /// Its name in the scenario's language from the map data, for a place the scenario gives no
    /// label in that language (서울 on a Korean map of a place named Seoul).
    public var localName: String? = nil
}
