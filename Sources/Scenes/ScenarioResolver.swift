import Foundation
import Bindings
import Cartography
import GeoCore
import Gazetteer
import Routing
import Scenario
import Symbology

/// Locates a scenario's places with the gazetteer, routes its legs and builds its areas, reporting
/// every unresolved or ambiguous name (with its candidates) at its line in the file.
public final class ScenarioResolver {
    let gazetteer: Gazetteer?
    let planner: RoutePlanner?
    let trace: RenderTrace

    /// `gazetteer` may be nil when every place has coordinates; `planner` when no route uses a network.
    public init(gazetteer: Gazetteer?, planner: RoutePlanner?, trace: RenderTrace = RenderTrace()) {
        self.gazetteer = gazetteer
        self.planner = planner
        self.trace = trace
    }

    public func resolve(_ s: Scenario) throws -> ResolvedScenario {
        var r = ResolvedScenario(scenario: s)
        var problems: [ScenarioProblem] = []
        if !MapPhrase.languages.contains(s.language) {
            r.notes.append("\(s.file): language: the map's own words (legend, date line, notes, scale bar) have no '\(s.language)' "
                + "version and are printed in English (they exist in " + MapPhrase.languages.joined(separator: ", ") + ").")
        }
        // Places with a `near` naming another place come after the rest.
        let ordered = s.places.enumerated().sorted { ($0.element.near == nil ? 0 : 1, $0.offset) < ($1.element.near == nil ? 0 : 1, $1.offset) }
        var weak: [(index: Int, place: Place, candidate: Candidate)] = [], geocoded = weak
        for (i, p) in ordered where !p.unlocated {
            do {
                if let c = p.coordinate {
                    r.places[p.id] = LocatedPlace(coordinate: c, origin: "given coordinates")
                } else if let (found, candidate) = try geocode(p, resolved: &r) {
                    r.places[p.id] = found
                    geocoded.append((i, p, candidate))
                    if ScenarioResolver.isWeak(candidate, of: p) { weak.append((i, p, candidate)) }
                }
            } catch let e as ScenarioProblem {
                problems.append(e)
            } catch {
                problems.append(ScenarioProblem(p.location, field: "places[\(i)].name", "\(error)"))
            }
        }
        for w in weak {
            if let problem = farFromTheStory(w.place, w.candidate, index: w.index, resolved: r) {
                problems.append(problem)
                r.places[w.place.id] = nil
            }
        }
        for g in geocoded where r.places[g.place.id] != nil {
            if let note = smallPlaceApart(g.place, g.candidate, index: g.index, resolved: r) { r.notes.append(note) }
        }
        trace.mark("load: geocode \(s.places.count) places")
        for (i, route) in s.routes.enumerated() {
            let known = planner?.notes.count ?? 0
            defer { for note in planner?.notes.dropFirst(known) ?? [] { r.notes.append("\(route.location): routes[\(i)].legs: \(note)") } }
            do { r.routes[route.id] = try legs(route, resolved: r, notes: &r.notes, field: "\(route.location): routes[\(i)].legs") } catch {
                // The field names the legs already: a leg's problem is its reason (the command
                // line's "--legs: " is not this file's word).
                var message = "\(error)"
                if case RoutingError.badLegs(_, let reason) = error { message = reason }
                problems.append(ScenarioProblem(route.location, field: "routes[\(i)].legs", message))
            }
        }
        trace.mark("load: route \(s.routes.count) routes")
        for (i, area) in s.areas.enumerated() {
            do { r.areas[area.id] = try polygons(area, resolved: r, file: s.file) } catch let p as ScenarioProblem {
                // Located already: its field under the area's ("areas[0].file"), its place said once.
                problems.append(ScenarioProblem(p.location, field: "areas[\(i)].\(p.field)", p.message))
            } catch {
                problems.append(ScenarioProblem(area.location, field: "areas[\(i)]", "\(error)"))
            }
        }
        for (i, f) in s.figures.enumerated() {
            if let id = f.attachedTo, s.places.first(where: { $0.id == id })?.unlocated == true {
                problems.append(ScenarioProblem(f.location, field: "figures[\(i)].attach",
                                                "'\(id)' is unlocated, so the figure has nowhere to go: attach it to a located place nearby and name '\(id)' in 'note'"))
            }
        }
        guard problems.isEmpty else { throw ScenarioError(problems) }
        return r
    }

    /// Whether a place was taken on weak evidence, no hint of the file's behind it: a spelling
    /// variant, a typo, or another place's name it also bears (not its own).
    static func isWeak(_ c: Candidate, of p: Place) -> Bool {
        guard p.country == nil, p.admin1 == nil, p.near == nil else { return false }
        return c.match == .variant || c.match == .fuzzy || !Gazetteer.isOwnName(c)
    }

    /// "1 letter", "2 letters".
    static func letters(_ n: Int) -> String { "\(n) letter\(n == 1 ? "" : "s")" }

    /// Far outside the story: farther from every other located place than this, and than three
    /// times the widest distance between two of them.
    static let farFromStoryKm = 2_000.0

    /// A problem for a place taken on weak evidence far outside the area of the scenario's other
    /// places ("Galwan" as Galván, Dominican Republic, among Leh and Srinagar), or nil.
    private func farFromTheStory(_ p: Place, _ c: Candidate, index: Int, resolved: ResolvedScenario) -> ScenarioProblem? {
        guard let nearest = apart(c, from: p, resolved: resolved, beyond: Self.farFromStoryKm) else { return nil }
        let how = c.match == .fuzzy ? "a typo (\(Self.letters(c.distance)) off '\(c.matched)')"
            : c.match == .variant ? "a spelling variant ('\(c.matched)')" : "another of its names ('\(c.matched)')"
        return ScenarioProblem(p.location, field: "places[\(index)].name",
                               "'\(p.name)' was matched only as \(how) of \(Gazetteer.label(c)), \(FigureValue.format(nearest.1.rounded())) km from the nearest other place "
                                + "of this scenario ('\(nearest.0)'): give 'country: \(c.country)' if that is the place; else give lat and lon with a source, "
                                + "or mark it 'unlocated: true'")
    }

    /// The scenario's other place nearest candidate `c` for place `p`, with the distance, when `c`
    /// lies farther than `km` from all of them and than three times the widest distance between two
    /// of them (at least two other places located); nil otherwise.
    private func apart(_ c: Candidate, from p: Place, resolved: ResolvedScenario, beyond km: Double) -> (String, Double)? {
        let others = resolved.scenario.places.compactMap { o in
            o.id == p.id ? nil : resolved.places[o.id].map { (o.name, $0.coordinate) }
        }
        guard others.count >= 2 else { return nil }
        var widest = 0.0
        for (i, a) in others.enumerated() { for b in others[(i + 1)...] { widest = max(widest, a.1.greatCircleKm(to: b.1)) } }
        guard let nearest = others.map({ ($0.0, c.coordinate.greatCircleKm(to: $0.1)) }).min(by: { $0.1 < $1.1 }),
              nearest.1 > max(km, 3 * widest) else { return nil }
        return nearest
    }

    /// A village or small town lying apart from the rest of the story: farther than this from every
    /// other place, and than three times the widest distance between two of them.
    static let apartKm = 300.0

    /// A warning for a small place taken by its name alone (no region or nearby place given) that
    /// lies far apart from the scenario's other places ("Prypiat" as the village of Volyn, 430 km
    /// from Chornobyl and Kyiv: the abandoned town is not in the data), or nil.
    private func smallPlaceApart(_ p: Place, _ c: Candidate, index: Int, resolved: ResolvedScenario) -> String? {
        guard p.admin1 == nil, p.near == nil, c.kind == .populated, c.population < 10_000,
              let nearest = apart(c, from: p, resolved: resolved, beyond: Self.apartKm) else { return nil }
        return "\(p.location): places[\(index)].name: '\(p.name)' is taken as \(Gazetteer.label(c)), \(FigureValue.format(nearest.1.rounded())) km from "
            + "the nearest other place of this scenario ('\(nearest.0)'): if it is another place, give 'admin1' or 'near', or lat and lon with a source"
    }

    /// The gazetteer's answer for a place (with the candidate taken), or a located problem naming the candidates.
    private func geocode(_ p: Place, resolved: inout ResolvedScenario) throws -> (LocatedPlace, Candidate)? {
        let field = "places[\(resolved.scenario.places.firstIndex { $0.id == p.id } ?? 0)].name"
        guard let gazetteer else {
            throw ScenarioProblem(p.location, field: field, "'\(p.name)' has no coordinates and no gazetteer is built: run 'make geodata' or give lat and lon")
        }
        var hints = GeocodeHints(country: p.country, admin1: p.admin1)
        // A place of any kind but a region is a settlement: never the country of the same name.
        hints.preferSettlement = true
        if let near = p.near {
            if let other = resolved.places[near]?.coordinate {
                hints.near = "\(other.lat),\(other.lon)"
            } else { hints.near = near }
        }
        let result = try gazetteer.geocode(p.name, hints: hints)
        switch result.status {
        case .found:
            let c = result.candidates[0]
            if c.match == .fuzzy {
                resolved.notes.append("\(p.location): '\(p.name)' is not in the gazetteer as written; taken as \(Gazetteer.label(c)), "
                    + "\(Self.letters(c.distance)) off ('\(c.matched)'). If that is another place, give lat and lon with a source.")
            }
            // A settlement named like its country is worth a word (Djibouti, Kuwait); one named like
            // its region is the rule (Kursk, Khabarovsk), and `kind` says which is meant.
            if let other = result.candidates.dropFirst().first(where: { $0.kind == .country && $0.name == c.name }) {
                resolved.notes.append("\(p.location): '\(p.name)' is also the country \(Gazetteer.label(other)); the \(p.kind.rawValue) \(Gazetteer.label(c)) is drawn, as a place of kind \(p.kind.rawValue) (a country is drawn as an area).")
            }
            return (LocatedPlace(coordinate: c.coordinate, origin: describe(c), geonameid: c.kind == .populated ? c.id : nil), c)
        case .notFound:
            throw ScenarioProblem(p.location, field: field, "'\(p.name)' was not found: \(result.message). Give lat and lon with a source, or mark it 'unlocated: true'")
        case .ambiguous:
            // Context may settle it: the candidate far nearer the scenario's other places.
            if let chosen = settledByContext(result.candidates, resolved: resolved) {
                resolved.notes.append("\(p.location): '\(p.name)' fits \(result.candidates.prefix(3).map(Gazetteer.label).joined(separator: " and ")); taken as \(Gazetteer.label(chosen)), by far the nearest to the scenario's other places. Add 'admin1' or 'near' to say so explicitly.")
                return (LocatedPlace(coordinate: chosen.coordinate, origin: describe(chosen), geonameid: chosen.kind == .populated ? chosen.id : nil), chosen)
            }
            let list = result.candidates.prefix(5).map(Gazetteer.label).joined(separator: "; ")
            // A region or country among the readings: a place of the file is a point, which a
            // region is not.
            let area = result.candidates.first { $0.kind == .region || $0.kind == .country }.map {
                " If \(Gazetteer.label($0)) is meant, it is no point: draw it under 'areas' (a polygon file) or name it with an annotation of style region."
            } ?? ""
            throw ScenarioProblem(p.location, field: field, "'\(p.name)' is ambiguous: \(list). Add 'country', 'admin1' or 'near' to choose.\(area)")
        }
    }

    private func describe(_ c: Candidate) -> String {
        "\(c.source) \(c.id): \(c.name), \(c.admin1Name.isEmpty ? "" : c.admin1Name + ", ")\(c.country)"
    }

    /// The candidate at most a third as far from the median of the places located so far as
    /// any other, when there are at least two such places.
    private func settledByContext(_ candidates: [Candidate], resolved: ResolvedScenario) -> Candidate? {
        let others = resolved.places.values.map(\.coordinate)
        guard others.count >= 2, candidates.count >= 2 else { return nil }
        let lats = others.map(\.lat).sorted(), lons = others.map(\.lon).sorted()
        let median = Coordinate(lon: lons[lons.count / 2], lat: lats[lats.count / 2])
        let g = Geodesic()
        let ranked = candidates.map { ($0, g.distance($0.coordinate, median)) }.sorted { $0.1 < $1.1 }
        return ranked[0].1 * 3 <= ranked[1].1 ? ranked[0].0 : nil
    }

    /// Routes a scenario route's legs; ends name place ids (or, failing that, are geocoded, which
    /// `notes` says under `field`; a near miss of an id is an error: 'vladivostk' was geocoded).
    private func legs(_ route: Route, resolved: ResolvedScenario, notes: inout [String], field: String) throws -> [Leg] {
        let requests = try LegRequest.parse(route.legs.joined(separator: ", "))
        let s = resolved.scenario
        var geocoded: [String] = []
        func locate(_ name: String) throws -> Coordinate {
            if let p = resolved.places[name] { return p.coordinate }
            if let i = s.places.firstIndex(where: { $0.id == name || $0.name.lowercased() == name.lowercased() }) {
                let p = s.places[i]
                if p.unlocated { throw RoutingError.badLegs(name, reason: "'\(name)' is unlocated and cannot end a leg") }
                if let c = resolved.places[p.id]?.coordinate { return c }
                throw RoutingError.badLegs(name, reason: "'\(name)' is the place '\(p.name)', which is not located (see places[\(i)]): the leg is routed once it is")
            }
            // Up to two letters off for a long id, one for a middling one, none for a short one.
            let typed = BitParallelDistance(pattern: Array(name.lowercased().utf8)), limit = name.count >= 8 ? 2 : name.count >= 5 ? 1 : 0
            if limit > 0, let near = s.places.map(\.id).first(where: { typed.distance(to: Array($0.lowercased().utf8), limit: limit) <= limit }) {
                throw RoutingError.badLegs(name, reason: "'\(name)' is not a place id of this scenario; did you mean '\(near)'?")
            }
            guard let gazetteer else { throw RoutingError.badLegs(name, reason: "'\(name)' is not a place id of this scenario") }
            let result = try gazetteer.geocode(name)
            guard let c = result.place else {
                throw RoutingError.badLegs(name, reason: "'\(name)' is not a place id of this scenario, and geocoding it gave: \(result.message)")
            }
            geocoded.append("'\(name)' is not a place id of this scenario: geocoded as \(result.message); add it to places to name it on the map")
            return c.coordinate
        }
        defer { notes += geocoded.map { "\(field): \($0)" } }
        guard let planner else { throw RoutingError.badLegs(route.id, reason: "no routing data: run 'make geodata'") }
        return try planner.route(requests, locate: locate)
    }

    /// An area's polygons: a circle of `radius_km` (72 geodesic points), or a file's polygons.
    private func polygons(_ area: Area, resolved: ResolvedScenario, file: String) throws -> [[[Coordinate]]] {
        if let center = area.center, let km = area.radiusKm {
            guard let c = resolved.places[center]?.coordinate else {
                throw ScenarioProblem(area.location, field: "center", "'\(center)' has no coordinates")
            }
            let g = Geodesic()
            let ring = (0...72).map { g.direct(from: c, azimuth: Double($0 % 72) * 5, distance: km * 1000) }
            return [[ring]]
        }
        guard let path = area.file else { return [] }
        let full = path.hasPrefix("/") ? path : URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(path).path
        let polys: [[[Coordinate]]]
        do { polys = try RoutingGraph.areas(from: full).flatMap(\.polygons) } catch let e as RoutingError {
            throw ScenarioProblem(area.location, field: "file", "\(e)")
        }
        guard !polys.isEmpty else { throw ScenarioProblem(area.location, field: "file", "'\(path)' holds no polygons") }
        return polys
    }
}

extension ScenarioProblem: Error {}
