import Foundation
import GeoCore
import DataCatalog

/// One leg asked for: "Vladivostok>Kursk:rail within RU".
public struct LegRequest: Sendable, Equatable {
    public var from: String
    public var to: String
    public var mode: String
    public var within: Set<String>?
    /// Countries and polygons the path must keep out of.
    public var avoidCountries: Set<String> = []
    public var avoidAreas: [Geometry] = []
    /// Cross a cut in the network with a schematic segment instead of failing.
    public var bridge = false
    /// Sea passages to keep out of (`SeaPassages`), and closed ones a leg may use after all.
    public var avoidPassages: Set<String> = []
    public var viaPassages: Set<String> = []

    public static let modes = ["sea", "rail", "road", "air", "direct"]

    public init(from: String, to: String, mode: String, within: Set<String>? = nil) {
        self.from = from
        self.to = to
        self.mode = mode
        self.within = within
    }

    /// Parses "A>B:mode[ within CC[+CC]], C>D:mode, ..." (at most 50 legs).
    public static func parse(_ text: String) throws -> [LegRequest] {
        let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !items.isEmpty, items.count <= 50 else {
            throw RoutingError.badLegs(text, reason: "give 1 to 50 legs like 'Wonsan>Vladivostok:sea, Vladivostok>Kursk:rail within RU'")
        }
        return try items.enumerated().map { i, item in
            let colon = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let ends = colon[0].split(separator: ">", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard ends.count == 2, !ends[0].isEmpty, !ends[1].isEmpty else {
                // "avoid panama, suez": the comma starts a leg; several values are joined with '+'.
                let before = i > 0 ? items[i - 1].split(separator: " ").suffix(2).map(String.init) : []
                let joined = !item.contains(" ") && before.count == 2 && ["within", "avoid", "through"].contains(before[0].lowercased())
                    ? " (a comma starts a new leg: join several values with '+', '\(before[0]) \(before[1])+\(item)')" : ""
                throw RoutingError.badLegs(text, reason: "leg \(i + 1) '\(item)': expected FROM>TO:MODE" + joined)
            }
            let words = colon.count > 1 ? colon[1].split(separator: " ").map(String.init) : []
            let mode = words.first?.lowercased() ?? "direct"
            guard modes.contains(mode) else {
                throw RoutingError.badLegs(text, reason: "leg \(i + 1) '\(item)': mode '\(mode)' is not one of \(modes.joined(separator: ", "))\(suggestion(for: mode))")
            }
            guard ends[0].lowercased() != ends[1].lowercased() else {
                throw RoutingError.badLegs(text, reason: "leg \(i + 1) '\(item)' starts and ends at the same place")
            }
            // After the mode: 'within CC[+CC]', and for sea legs 'avoid P[+P]' or 'through P[+P]' (passages).
            var request = LegRequest(from: ends[0], to: ends[1], mode: mode)
            var rest = words.dropFirst()
            while !rest.isEmpty {
                guard rest.count >= 2 else {
                    throw RoutingError.badLegs(text, reason: "leg \(i + 1) '\(item)': '\(rest.first!)' needs a value: 'within CC', 'avoid suez', 'through bering'")
                }
                let (word, values) = (rest.removeFirst().lowercased(), rest.removeFirst().split(separator: "+").map(String.init))
                switch word {
                case "within": request.within = Set(values.map { $0.uppercased() })
                case "avoid" where mode == "sea": request.avoidPassages.formUnion(values.map { $0.lowercased() })
                case "through" where mode == "sea": request.viaPassages.formUnion(values.map { $0.lowercased() })
                default:
                    throw RoutingError.badLegs(text, reason: "leg \(i + 1) '\(item)': after the mode come 'within CC'"
                        + (mode == "sea" ? ", 'avoid PASSAGE' or 'through PASSAGE'" : "") + ", not '\(word)'")
                }
            }
            return request
        }
    }
}

/// "; did you mean rail?" for a misspelled mode, when one is close.
public func suggestion(for mode: String) -> String {
    let word = Array(mode.lowercased().utf8)
    func distance(_ m: String) -> Int { editDistance(Array(m.utf8), word, limit: 3) }
    let best = LegRequest.modes.min { distance($0) < distance($1) }
    guard let best, distance(best) <= 2 else { return "" }
    return "; did you mean \(best)?"
}

/// Routes legs over the networks of one data folder, loading each network once.
public final class RoutePlanner {
    public let data: DataDirectory
    private var graphs: [String: RoutingGraph] = [:]

    /// How far a place may lie from each network before the leg is refused, km. MARNET is coarse:
    /// its nearest lane passes ~98 km off Wonsan.
    public var maxSnapKm: [String: Double] = ["rail": 60, "road": 40, "sea": 150]

    /// With `GEOBRIEF_TRACE=1`: how long each graph took to load and each leg to route.
    public private(set) var timings: [String] = []
    /// What the user should know of the legs routed so far, each naming its leg: a passage a
    /// leg opened ('through bering', `--via-passage`) that its route does not take.
    public private(set) var notes: [String] = []
    private let tracing = ProcessInfo.processInfo.environment["GEOBRIEF_TRACE"] == "1"

    public init(data: DataDirectory) { self.data = data }

    /// The network graph of a mode, loaded on first use.
    public func graph(_ mode: String) throws -> RoutingGraph {
        if let g = graphs[mode] { return g }
        let start = Date()
        let g = try RoutingGraph.cached(mode, data: data)
        if tracing { timings.append(String(format: "load %@ graph %.1f ms (%d nodes)", mode, Date().timeIntervalSince(start) * 1000, g.nodes.count)) }
        graphs[mode] = g
        return g
    }

    private var seaPassages: SeaPassages?

    /// The sea passages of the sea graph, read on first use.
    public func passages(of sea: RoutingGraph) throws -> SeaPassages {
        if let p = seaPassages { return p }
        let p = try SeaPassages(graph: sea, data: data)
        seaPassages = p
        return p
    }

    /// Routes every leg; `locate` turns a place name into a position (or throws).
    public func route(_ legs: [LegRequest], locate: (String) throws -> Coordinate) throws -> [Leg] {
        try legs.map { req in
            let a = try locate(req.from), b = try locate(req.to)
            // A leg from a place to itself is a mistake in the legs, as a scenario says too.
            guard a.greatCircleKm(to: b) > 0.001 || req.mode == "direct" && req.from != req.to else {
                throw RoutingError.sameEnds(from: req.from, to: req.to)
            }
            switch req.mode {
            case "air": return Leg.air(from: a, named: req.from, to: b, named: req.to)
            case "direct": return Leg.direct(from: a, named: req.from, to: b, named: req.to)
            default:
                let g = try graph(req.mode)
                let plain = req.avoidCountries.isEmpty && req.avoidAreas.isEmpty
                let allowed = plain ? req.within.map(g.within)
                    : g.avoiding(countries: req.avoidCountries, areas: req.avoidAreas, within: req.within)
                /// The leg (or, given, a stretch of it) with `closed` passages kept out of (sea legs).
                func leg(closing closed: Set<String>, from a: Coordinate = a, named aName: String = req.from,
                         to b: Coordinate = b, named bName: String = req.to) throws -> Leg {
                    var filter = allowed
                    if req.mode == "sea" {
                        let open = try passages(of: g).avoiding(closed)
                        filter = allowed.map { other in { open($0) && other($0) } } ?? open
                    }
                    return try g.leg(mode: req.mode, from: a, named: aName, to: b, named: bName,
                                     maxSnapKm: maxSnapKm[req.mode] ?? 50, allowed: filter, bridge: req.bridge,
                                     trace: tracing ? { snap, path in
                                         self.timings.append(String(format: "route %@ > %@: snap %.1f ms, path %.1f ms",
                                                                    req.from, req.to, snap, path))
                                     } : nil)
                }
                /// The leg, with a note when the network carries none of it (both ends reach it at
                /// one point: a river port for the sea lanes, a town off the network's pieces).
                func noted(_ leg: Leg) -> Leg {
                    if req.mode != "sea", req.within == nil, let note = RoutePlanner.detourNote(leg, from: a, to: b) { notes.append(note) }
                    if leg.edges == 0, leg.totalKm >= 1 {
                        notes.append(String(format: "%@ > %@: the %@ network carries none of this leg (both ends reach it at one point), "
                            + "so all its %.0f km are drawn schematic, straight: add a place where the route meets the network "
                            + "(a river mouth, a junction) and route to it, or make the leg 'direct' to say so", req.from, req.to, req.mode, leg.totalKm))
                    }
                    return leg
                }
                guard req.mode == "sea" else { return noted(try leg(closing: [])) }
                let marked = try passages(of: g)
                if let unknown = req.viaPassages.first(where: { marked.nodes[$0] == nil }) { _ = try marked.avoiding([unknown]) }
                // The Arctic passages are closed unless the leg asks for them.
                let closed = req.avoidPassages.union(SeaPassages.closedByDefault.subtracting(req.viaPassages))
                let route = try leg(closing: closed)
                let unused = req.viaPassages.subtracting(marked.taken(by: route, on: g))
                guard !unused.isEmpty else { return noted(route) }
                // The leg names passages its shortest way misses: through their middles in turn (the
                // nearest to the start first), unless that doubles back on itself (Bering reached
                // from the south and left southward again is no way through it).
                let middles = unused.compactMap { name in marked.middle(of: name, on: g).map { (name: name, at: $0) } }
                    .sorted { a.greatCircleKm(to: $0.at) < a.greatCircleKm(to: $1.at) }
                let stops = [(name: req.from, at: a)] + middles + [(name: req.to, at: b)]
                if middles.count == unused.count,
                   let stretches = try? zip(stops, stops.dropFirst()).map({ try leg(closing: closed, from: $0.at, named: $0.name, to: $1.at, named: $1.name) }),
                   !SeaPassages.doublesBack(stretches) {
                    let through = Leg(from: req.from, to: req.to, mode: req.mode, parts: stretches.flatMap(\.parts), edges: stretches.reduce(0) { $0 + $1.edges },
                                      countries: stretches.flatMap(\.countries))
                    notes.append(String(format: "%@ > %@: routed through %@ as the leg asks: %.0f km, %.0f km longer than the shortest way (%.0f km, through %@)",
                                        req.from, req.to, middles.map(\.name).joined(separator: " and "), through.totalKm, through.totalKm - route.totalKm,
                                        route.totalKm, marked.taken(by: route, on: g).sorted().joined(separator: ", ")))
                    return noted(through)
                }
                // A passage asked for and not taken: say so, and which other closed passage a
                // route through it would need (the Northwest Passage reaches the Pacific by Bering).
                let everyOpen = try? leg(closing: req.avoidPassages)
                let wider = everyOpen.map { (km: $0.totalKm, taken: marked.taken(by: $0, on: g)) }
                notes += unused.sorted().map { RoutePlanner.unusedPassageNote($0, req, km: route.totalKm, everyOpen: wider) }
                return noted(route)
            }
        }
    }
}

extension RoutePlanner {
    /// A land leg far longer than the way as the crow flies is a detour: at least this many times longer ...
    static let detourFactor = 2.5
    /// ... and this many km.
    static let detourKm = 30.0

    /// What to say of a rail or road leg that the network takes through countries neither end
    /// lies in, or on a detour `detourFactor` times the straight way: the network may lack the
    /// lines between them (Gaza City to Khan Younis by road went 67 km through Israel and Egypt,
    /// for 22 km as the crow flies). Nil for a leg that does neither.
    static func detourNote(_ leg: Leg, from a: Coordinate, to b: Coordinate) -> String? {
        let straight = a.greatCircleKm(to: b)
        let ends = Set([leg.countries.first, leg.countries.last].compactMap { $0 })
        var through: [String] = []
        for c in leg.countries where !ends.contains(c) && !through.contains(c) { through.append(c) }
        let detour = leg.totalKm >= straight * detourFactor && leg.totalKm - straight >= detourKm
        guard !through.isEmpty || detour else { return nil }
        let head = String(format: "%@ > %@: the %@ network takes this leg ", leg.from, leg.to, leg.mode)
        let lengths = String(format: "%.0f km for %.0f km as the crow flies", leg.totalKm, straight)
        if !through.isEmpty {
            return head + "through \(through.joined(separator: ", ")), \(through.count == 1 ? "a country" : "countries") neither end lies in (\(lengths)): "
                + "check the route; 'within \(ends.sorted().joined(separator: ","))' keeps it to the ends' \(ends.count == 1 ? "country" : "countries")"
        }
        return head + lengths + ": the network may lack the \(leg.mode == "rail" ? "lines" : "roads") between them; check the route, or draw the leg 'direct'"
    }

    /// What to say of passage `name`, which leg `req` opens but its route (`km` long) does not take;
    /// `everyOpen` is the leg with every passage open that it does not avoid: when that route takes
    /// `name`, the note names the other closed passages it needs.
    static func unusedPassageNote(_ name: String, _ req: LegRequest, km: Double, everyOpen: (km: Double, taken: Set<String>)?) -> String {
        let head = String(format: "%@ > %@: the sea route does not pass through '%@', which the leg opens: the shortest route (%.0f km) "
            + "goes another way", req.from, req.to, name, km)
        guard let wider = everyOpen, wider.taken.contains(name) else { return head + ", and the sea lanes have none shorter through it" }
        let needs = wider.taken.intersection(SeaPassages.closedByDefault).subtracting(req.viaPassages).sorted()
        guard !needs.isEmpty else { return head + ", and the sea lanes have none shorter through it" }
        let all = req.viaPassages.union(needs).sorted()
        return head + String(format: "; one through it also needs %@ (%.0f km): --via-passage %@, or 'through %@' in a leg",
                             needs.joined(separator: " and "), wider.km, all.joined(separator: ","), all.joined(separator: "+"))
    }
}

extension Leg {
    /// A GeoJSON FeatureCollection: one feature per leg (a MultiLineString of its parts) with
    /// from, to, mode, lengths and which parts are routed, so that the route opens in QGIS.
    public static func geoJSON(_ legs: [Leg]) throws -> Data {
        func tenth(_ v: Double) -> Double { (v * 10).rounded() / 10 }
        var features: [[String: Any]] = []
        for leg in legs {
            // Each part cut at the antimeridian (RFC 7946), its pieces keeping its routed flag.
            let pieces = leg.parts.flatMap { part in Geometry.cutAtAntimeridian([part.coordinates]).map { (routed: part.routed, line: $0) } }
            let lines: [[[Double]]] = pieces.map { piece in
                piece.line.map { [($0.lon * 1e6).rounded() / 1e6, ($0.lat * 1e6).rounded() / 1e6] }
            }
            var properties: [String: Any] = ["from": leg.from, "to": leg.to, "mode": leg.mode, "edges": leg.edges]
            properties["length_km"] = tenth(leg.totalKm)
            properties["routed_km"] = tenth(leg.routedKm)
            properties["schematic_km"] = tenth(leg.schematicKm)
            properties["parts_routed"] = pieces.map(\.routed)
            if let h = leg.durationHours { properties["duration_h"] = tenth(h) }
            let geometry: [String: Any] = ["type": "MultiLineString", "coordinates": lines]
            features.append(["type": "Feature", "geometry": geometry, "properties": properties])
        }
        return try JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "features": features],
                                          options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    }
}
