import PosixBindings
import ArgumentParser
import Foundation
import Gazetteer
import GeoCore
import DataCatalog
import Routing


/// `geobrief route`: paths over sea lanes, rail and road, one leg or several chained across modes.
struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Route over sea lanes, rail and road, one leg or several across modes.",
        discussion: """
        Places are names (geocoded; they must be unambiguous) or LAT,LON. Examples:
          geobrief route Vladivostok Kursk --mode rail --within RU
          geobrief route --legs "Wonsan>Vladivostok:sea, Vladivostok>Kursk:rail within RU, Kursk>Sudzha:road" --geojson route.geojson
        Modes: sea, rail, road (over networks), air (geodesic), direct (a straight line on the map). \
        Connectors from a place to its network, and air and direct legs, are schematic.
        """
    )

    @Argument(help: "Start: a place name or LAT,LON.") var from: String?
    @Argument(help: "End: a place name or LAT,LON.") var to: String?
    @Option(help: "The country of the start (ISO code or name), to choose among places of its name.") var fromCountry: String?
    @Option(help: "The country of the end (ISO code or name), to choose among places of its name.") var toCountry: String?
    @Option(help: "Mode for FROM TO: sea, rail, road, air or direct.") var mode = "rail"
    @Option(help: "Stay within these countries (comma-separated ISO codes, e.g. RU).") var within: String?
    @Option(help: "Pass through these places, in order (repeatable).") var via: [String] = []
    @Option(help: "Keep out of these countries (ISO codes, comma-separated) or the polygons of a file (GeoJSON, GeoPackage...).")
    var avoid: String?
    @Flag(help: "Cross a cut in the network with a schematic segment instead of failing.") var bridge = false
    @Option(help: "Sea legs keep out of these passages (comma-separated: suez,babalmandab; see --passages).") var avoidPassage: String?
    @Option(help: "Sea legs go through these passages (comma-separated: suez or panama; the Arctic ones, bering and northwest, are closed unless named here).")
    var viaPassage: String?
    @Flag(help: "List the sea passages the sea-lane data marks, and which are closed by default.") var passages = false
    @Option(help: "Route FROM TO over the lines of this file instead (GeoPackage, GeoJSON, Shapefile, OSM PBF...).")
    var network: String?
    @Option(help: "Legs: \"A>B:mode[ within CC], B>C:mode, ...\".") var legs: String?
    @Option(help: "Write the route as GeoJSON (one feature per leg).") var geojson: String?
    @Option(help: "Average speed in km/h, to give each leg a duration.") var speed: Double?
    @Flag(help: "Answer as JSON.") var json = false

    func validate() throws {
        if passages { return }
        if legs == nil && (from == nil || to == nil) { throw ValidationError("give FROM and TO, or --legs") }
        if legs != nil && (from != nil || to != nil) { throw ValidationError("give either FROM and TO or --legs, not both") }
        if network != nil && legs != nil { throw ValidationError("--network routes FROM TO over one file; it does not take --legs") }
        if let speed, !(speed > 0 && speed < 2_000) { throw ValidationError("--speed \(speed): expected km/h in 0...2000") }
        guard LegRequest.modes.contains(mode) else {
            throw ValidationError("--mode '\(mode)': expected \(LegRequest.modes.joined(separator: ", "))\(suggestion(for: mode))")
        }
    }

    func run() throws {
        if passages {
            let data = try DataDirectory.locate()
            let planner = RoutePlanner(data: data)
            let known = try planner.passages(of: try planner.graph("sea"))
            for name in known.names {
                print("\(name)\(SeaPassages.closedByDefault.contains(name) ? "  (closed unless --via-passage \(name))" : "")")
            }
            return
        }
        var requests: [LegRequest]
        if let legs {
            requests = try LegRequest.parse(legs)
        } else {
            let countries = within.map { Set($0.uppercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
            let stops = ([from!] + via + [to!]).map(GeoBriefCommand.value)
            requests = zip(stops, stops.dropFirst()).map { LegRequest(from: $0, to: $1, mode: mode, within: countries) }
        }
        if let avoid {
            let isFile = FileManager.default.fileExists(atPath: avoid)
            let areas = isFile ? try RoutingGraph.areas(from: avoid) : []
            let countries = isFile ? [] : Set(avoid.uppercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            // Neither a file nor country codes: say so rather than route as if nothing were avoided.
            let known = Set(Locale.Region.isoRegions.map(\.identifier))
            if let unknown = countries.first(where: { !known.contains($0) }) {
                let why = avoid.contains("/") || avoid.contains(".") ? "no file \(avoid)" : "'\(unknown)' is no ISO 3166 country code"
                throw PlaceError(description: "--avoid \(avoid): \(why): give country codes (UA,BY) or an existing polygon file")
            }
            for i in requests.indices { requests[i].avoidAreas = areas; requests[i].avoidCountries = countries }
            if !countries.isEmpty, requests.contains(where: { $0.mode == "sea" }) {
                FileHandle.standardError.write(Data(("note: --avoid \(avoid) does not apply to sea legs: the sea lanes carry no "
                    + "territorial waters; steer a ship with --avoid-passage (see --passages)\n").utf8))
            }
        }
        func names(_ list: String?) -> Set<String> {
            Set((list ?? "").lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        for i in requests.indices {
            requests[i].bridge = bridge
            requests[i].avoidPassages.formUnion(names(avoidPassage))
            requests[i].viaPassages.formUnion(names(viaPassage))
        }
        let data = try DataDirectory.locate()
        let gazetteer = try Gazetteer(data: data)
        let planner = RoutePlanner(data: data)
        // --from-country and --to-country settle the route's two ends, whatever legs lie between.
        var countryOf: [String: String] = [:]
        if let first = requests.first?.from, let fromCountry { countryOf[first] = fromCountry }
        if let last = requests.last?.to, let toCountry { countryOf[last] = toCountry }
        let locate = { (text: String) in try self.locate(text, gazetteer, country: countryOf[text]) }
        var route: [Leg]
        if let network {
            let graph = try RoutingGraph.lines(path: network)
            route = try requests.map { req in
                try graph.leg(mode: "network", from: try locate(req.from), named: req.from, to: try locate(req.to),
                              named: req.to, maxSnapKm: 50, bridge: req.bridge)
            }
        } else {
            route = try planner.route(requests, locate: locate)
        }
        for line in planner.timings { FileHandle.standardError.write(Data("trace: \(line)\n".utf8)) }
        for note in planner.notes { FileHandle.standardError.write(Data("warning: \(note)\n".utf8)) }
        if let speed { for i in route.indices { route[i].speedKmh = speed } }
        if let geojson { try AtomicFile.write(Leg.geoJSON(route), to: geojson) }
        if json {
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys]
            print(String(decoding: try enc.encode(route), as: UTF8.self))
            return
        }
        for leg in route {
            let time = leg.durationHours.map { String(format: "  %.1f h", $0) } ?? ""
            print(String(format: "%@ > %@  %@  %.0f km%@  (routed %.0f km over %d edges, schematic %.1f km)",
                         leg.from, leg.to, leg.mode, leg.totalKm, time, leg.routedKm, leg.edges, leg.schematicKm))
        }
        if route.count > 1 {
            print(String(format: "total  %.0f km  (routed %.0f km, schematic %.1f km)", route.reduce(0) { $0 + $1.totalKm },
                         route.reduce(0) { $0 + $1.routedKm }, route.reduce(0) { $0 + $1.schematicKm }))
        }
        if let geojson { print("wrote \(geojson)") }
    }

    private func locate(_ text: String, _ gazetteer: Gazetteer, country: String?) throws -> Coordinate {
        if let c = Coordinate(latLon: text) { return c }
        if Coordinate.looksLikeLatLon(text) {
            throw PlaceError(description: "'\(text)' is not a LAT,LON: give decimal degrees, latitude -90...90 and longitude -180...180 (e.g. 51.19,35.27)")
        }
        let r = try gazetteer.geocode(text, hints: GeocodeHints(country: country))
        guard let p = r.place else {
            // The way to choose is a country or region after a comma ("Dover, GB") or a position.
            let list = (r.status == .ambiguous ? r.candidates : r.suggestions).prefix(5)
                .map { "\(Gazetteer.label($0)) at \(String(format: "%.4f,%.4f", $0.lat, $0.lon))" }
            let why = r.status == .ambiguous ? "is ambiguous" : "was not found"
            // Candidates of one country are told apart by their region.
            let first = (r.status == .ambiguous ? r.candidates : r.suggestions).first
            let oneCountry = Set(r.candidates.map(\.country)).count == 1 && r.candidates.count > 1
            let qualifier = oneCountry ? (kind: "region", example: first.map { $0.admin1Name.isEmpty ? $0.admin1 : $0.admin1Name } ?? "REGION") : (kind: "country or region", example: first?.country ?? "CC")
            throw PlaceError(description: "'\(text)' \(why)" + (list.isEmpty ? "" : ": " + list.joined(separator: "; "))
                + "; name its \(qualifier.kind) after a comma ('\(text.split(separator: ",").first ?? ""), \(qualifier.example)'), "
                + "give --from-country / --to-country, or give it as LAT,LON (check with `geobrief geocode`)")
        }
        if p.match == .fuzzy {
            // A typo's reading is a guess the user should see.
            FileHandle.standardError.write(Data("note: '\(text)' taken as \(Gazetteer.label(p)) (typo match on '\(p.matched)')\n".utf8))
        }
        return p.coordinate
    }
}

/// A route end that names no single place (the candidates and how to choose), or an option that names nothing.
struct PlaceError: Error, CustomStringConvertible {
    let description: String
}
