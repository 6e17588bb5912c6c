import DataCatalog
import GDALBindings
import Foundation
import Bindings
import GeoCore
import DataBuild
import Routing
import RoutingBuild
import XCTest

/// Shortest paths on a small hand-made graph.
final class ShortestPathTests: XCTestCase {
    //  0 --1-- 1 --1-- 2
    //  |               |
    //  5               1
    //  |               |
    //  3 ------1------ 4      5 (alone with 6)
    let graph = RoutingGraph(
        // Positions a few hundred metres apart: edge lengths (km) are never shorter than the great
        // circle, as A*'s lower bound requires (true of the real networks' track lengths).
        nodes: [Coordinate(lon: 0, lat: 0), Coordinate(lon: 0.002, lat: 0), Coordinate(lon: 0.004, lat: 0),
                Coordinate(lon: 0, lat: -0.002), Coordinate(lon: 0.004, lat: -0.002), Coordinate(lon: 1, lat: 1), Coordinate(lon: 1.001, lat: 1)],
        edges: [(0, 1, 1), (1, 2, 1), (2, 4, 1), (0, 3, 5), (3, 4, 1), (5, 6, 1)])

    func testShortestPathFollowsEdgeLengths() throws {
        let p = try XCTUnwrap(graph.shortestPath(from: 0, to: 3))
        XCTAssertEqual(p.nodes, [0, 1, 2, 4, 3])
        XCTAssertEqual(p.lengthKm, 4)
        XCTAssertEqual(graph.shortestPath(from: 2, to: 2)?.lengthKm, 0)
    }

    func testAllowedNodesRestrictThePath() throws {
        let p = try XCTUnwrap(graph.shortestPath(from: 0, to: 3, allowed: { $0 != 2 }))
        XCTAssertEqual(p.nodes, [0, 3])
        XCTAssertEqual(p.lengthKm, 5)
        XCTAssertNil(graph.shortestPath(from: 0, to: 5))
    }

    func testComponentsAreRankedBySize() {
        let c = graph.components()
        XCTAssertEqual(Set(c[0...4]), [0])
        XCTAssertEqual(c[5], 1)
        XCTAssertEqual(c[5], c[6])
    }

    func testSnappingAndErrors() throws {
        XCTAssertEqual(graph.nearestNode(to: Coordinate(lon: 0.0039, lat: 0.0001))?.node, 2)
        XCTAssertThrowsError(try graph.leg(mode: "rail", from: Coordinate(lon: 50, lat: 50), named: "Far", to: Coordinate(lon: 0, lat: 0),
                                           named: "Zero", maxSnapKm: 10)) { error in
            XCTAssertTrue("\(error)".contains("Far is"), "\(error)")
        }
        XCTAssertThrowsError(try graph.leg(mode: "rail", from: Coordinate(lon: 0, lat: 0), named: "A", to: Coordinate(lon: 1, lat: 1),
                                           named: "B", maxSnapKm: 10)) { error in
            XCTAssertTrue("\(error)".contains("no rail path from A to B"), "\(error)")
        }
    }
}

/// Routes on the real rail network, against the figures in ../shared/docs/geodata-sources.md.
final class RailNetworkTests: XCTestCase {
    static let rail: RoutingGraph? = try? RoutingGraph.cached("rail", data: DataDirectory.locate())
    let places: [String: Coordinate] = [
        "Vladivostok": Coordinate(lon: 131.87353, lat: 43.10562), "Khabarovsk": Coordinate(lon: 135.0971, lat: 48.46204),
        "Krasnoyarsk": Coordinate(lon: 92.93136, lat: 56.03742), "Moscow": Coordinate(lon: 37.61781, lat: 55.75204),
        "Kursk": Coordinate(lon: 36.18457, lat: 51.72689), "Blagoveshchensk": Coordinate(lon: 127.52637, lat: 50.27593),
        "Kharkiv": Coordinate(lon: 36.25272, lat: 49.98081), "Kyiv": Coordinate(lon: 30.5238, lat: 50.45466),
    ]

    func leg(_ a: String, _ b: String, within: Set<String>? = nil) throws -> Leg {
        let graph = try XCTUnwrap(RailNetworkTests.rail, "the rail graph did not load: run `make geodata`")
        return try graph.leg(mode: "rail", from: places[a]!, named: a, to: places[b]!, named: b, maxSnapKm: 60,
                             allowed: within.map(graph.within))
    }

    func testWithinRussiaFollowsTheTransSiberian() throws {
        let l = try leg("Vladivostok", "Kursk", within: ["RU"])
        XCTAssertEqual(l.routedKm, 9_388, accuracy: 1)
        for city in ["Khabarovsk", "Krasnoyarsk"] {
            XCTAssertTrue(l.coordinates.contains { $0.greatCircleKm(to: places[city]!) < 15 }, "passes \(city)")
        }
        let harbin = Coordinate(lon: 126.65, lat: 45.75)
        XCTAssertFalse(l.coordinates.contains { $0.greatCircleKm(to: harbin) < 200 }, "keeps out of China")
        // Every node of the path is in Russia (or on a coast the 1:10m polygons miss).
        let graph = try XCTUnwrap(RailNetworkTests.rail)
        let s = try XCTUnwrap(graph.nearestNode(to: places["Vladivostok"]!)), e = try XCTUnwrap(graph.nearestNode(to: places["Kursk"]!))
        let path = try XCTUnwrap(graph.shortestPath(from: s.node, to: e.node, allowed: graph.within(["RU"])))
        let foreign = path.nodes.map(graph.country(of:)).filter { $0 != "RU" && $0 != "" }
        XCTAssertEqual(foreign, [], "never leaves Russia")
        XCTAssertGreaterThan(path.nodes.map(graph.country(of:)).filter { $0 == "RU" }.count, path.nodes.count * 9 / 10)
    }

    func testGraphCacheMatchesTheEdgesLayer() throws {
        let cached = try XCTUnwrap(RailNetworkTests.rail)
        let rebuilt = try RoutingGraph.load("rail", data: DataDirectory.locate())
        XCTAssertEqual(cached.nodes.count, rebuilt.nodes.count)
        XCTAssertEqual(cached.edgeCount, rebuilt.edgeCount)
        XCTAssertEqual(cached.edgeCount, 328_750)
        let kursk = try XCTUnwrap(cached.nearestNode(to: places["Kursk"]!))
        XCTAssertEqual(cached.country(of: kursk.node), "RU")
        let harbin = try XCTUnwrap(cached.nearestNode(to: Coordinate(lon: 126.65, lat: 45.75)))
        XCTAssertEqual(cached.country(of: harbin.node), "CN")
    }

    func testPublishedLegLengths() throws {
        for (a, b, km) in [("Vladivostok", "Khabarovsk", 756.0), ("Khabarovsk", "Krasnoyarsk", 4_116), ("Krasnoyarsk", "Moscow", 3_909),
                           ("Moscow", "Kursk", 669)] {
            XCTAssertEqual(try leg(a, b).routedKm, km, accuracy: 1, "\(a) > \(b)")
        }
    }

    func testPlainShortestPathVladivostokKurskRunsThroughChina() throws {
        let l = try leg("Vladivostok", "Kursk")
        XCTAssertEqual(l.routedKm, 8_487, accuracy: 1)
        let harbin = Coordinate(lon: 126.65, lat: 45.75)
        XCTAssertTrue(l.coordinates.contains { $0.greatCircleKm(to: harbin) < 30 }, "passes Harbin")
        XCTAssertEqual(l.coordinates.first, places["Vladivostok"])
        XCTAssertEqual(l.coordinates.last, places["Kursk"])
        XCTAssertLessThan(l.schematicKm, 5, "both connectors are short")
    }

    /// Seen routing an evacuation story: Kharkiv, a hub of the network, snapped to a piece of three
    /// nodes a kilometre from the main network, and the leg to Kyiv failed as cut off.
    func testAPlaceNextToAFragmentIsTakenToTheNetworkTheOtherEndIsOn() throws {
        let l = try leg("Kharkiv", "Kyiv")
        XCTAssertEqual(l.routedKm, 480, accuracy: 80)
        XCTAssertLessThan(l.schematicKm, 10, "the connectors stay short")
        XCTAssertEqual(try leg("Kyiv", "Kharkiv").routedKm, l.routedKm, accuracy: 1, "the same either way")
    }

    func testBlagoveshchenskPieceIsCutOffAndSaidSo() throws {
        XCTAssertThrowsError(try leg("Blagoveshchensk", "Moscow")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("no rail path from Blagoveshchensk to Moscow"), text)
            XCTAssertTrue(text.contains("#0, 163140 nodes"), text)
            // What would connect it: the gap, where, and the options.
            XCTAssertTrue(text.contains("74 km apart") && text.contains("50.4940,127.6560"), text)
            XCTAssertTrue(text.contains("--bridge") && text.contains("another mode") && text.contains("has no rail line there"), text)
            guard case RoutingError.disconnected(let cut) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(cut.gapKm ?? 0, 74, accuracy: 1)
        }
    }
}

/// Legs chained across modes on the real networks.
final class LegTests: XCTestCase {
    func testLegSyntax() throws {
        let legs = try LegRequest.parse("Wonsan>Vladivostok:sea, Vladivostok > Kursk : rail within RU, Kursk>Sudzha:road, A>B:air")
        XCTAssertEqual(legs.map(\.mode), ["sea", "rail", "road", "air"])
        XCTAssertEqual(legs[1], LegRequest(from: "Vladivostok", to: "Kursk", mode: "rail", within: ["RU"]))
        for (bad, expected) in [("Wonsan:sea", "expected FROM>TO:MODE"), ("A>B:boat", "mode 'boat'"), ("A>B:rail inside RU", "after the mode come 'within CC', not 'inside'"), ("A>B:rail avoid suez", "not 'avoid'"), ("A>B:sea avoid", "needs a value"), ("", "1 to 50 legs"),
                                ("Shanghai>New York:sea avoid panama, suez", "join several values with '+', 'avoid panama+suez'")] {
            XCTAssertThrowsError(try LegRequest.parse(bad)) { XCTAssertTrue("\($0)".contains(expected), "\(bad): \($0)") }
        }
    }

    func testSeaPassagesArcticClosedByDefaultSuezAvoidedGoesRoundTheCape() throws {
        let data = try DataDirectory.locate()
        // Shanghai and Rotterdam (GeoNames).
        let places = ["Shanghai": Coordinate(lon: 121.45806, lat: 31.22222), "Rotterdam": Coordinate(lon: 4.47917, lat: 51.9225)]
        let planner = RoutePlanner(data: data)
        func km(_ legs: String) throws -> (km: Double, north: Double) {
            let leg = try planner.route(try LegRequest.parse(legs)) { try XCTUnwrap(places[$0]) }[0]
            return (leg.totalKm, leg.parts.flatMap(\.coordinates).map(\.lat).max() ?? 0)
        }
        // Seen: 15,530 km through the Bering Strait and the Arctic, with no warning.
        let suez = try km("Shanghai>Rotterdam:sea")
        XCTAssertEqual(suez.km, 19_500, accuracy: 900, "via Suez")
        XCTAssertLessThan(suez.north, 60, "not through the Arctic")
        let cape = try km("Shanghai>Rotterdam:sea avoid suez")
        XCTAssertEqual(cape.km, 25_900, accuracy: 1_300, "round the Cape")
        XCTAssertEqual(try km("Shanghai>Rotterdam:sea avoid babalmandab").km, cape.km, accuracy: 1, "Bab-el-Mandeb closed: the Cape too")
        let arctic = try km("Shanghai>Rotterdam:sea through bering+northwest")
        XCTAssertGreaterThan(arctic.north, 64, "the Arctic when asked for")
        XCTAssertLessThan(arctic.km, suez.km)
        XCTAssertThrowsError(try km("Shanghai>Rotterdam:sea avoid suze")) { error in
            XCTAssertTrue("\(error)".contains("no sea passage 'suze'") && "\(error)".contains("babalmandab"), "\(error)")
        }
        let passages = try planner.passages(of: try planner.graph("sea"))
        XCTAssertTrue(Set(["suez", "babalmandab", "malacca", "gibraltar", "ormuz", "panama", "bering"]).isSubset(of: Set(passages.names)))
    }

    /// Seen: `--via-passage bering` from Murmansk to Vladivostok gave the route by Suez, exit 0, not
    /// a word: the sea lanes have no Northern Sea Route, and Bering alone leads nowhere shorter.
    func testAPassageOpenedButNotTakenIsSaidWithWhatARouteThroughItNeeds() throws {
        let data = try DataDirectory.locate()
        // Murmansk, Vladivostok, Shanghai and Rotterdam (GeoNames).
        let places = ["Murmansk": Coordinate(lon: 33.09251, lat: 68.97917), "Vladivostok": Coordinate(lon: 131.87353, lat: 43.10562),
                      "Shanghai": Coordinate(lon: 121.45806, lat: 31.22222), "Rotterdam": Coordinate(lon: 4.47917, lat: 51.9225)]
        let planner = RoutePlanner(data: data)
        func route(_ legs: String) throws -> (km: Double, notes: [String]) {
            let before = planner.notes.count
            let leg = try planner.route(try LegRequest.parse(legs)) { try XCTUnwrap(places[$0]) }[0]
            return (leg.totalKm, Array(planner.notes.dropFirst(before)))
        }
        let bering = try route("Murmansk>Vladivostok:sea through bering")
        XCTAssertEqual(bering.km, try route("Murmansk>Vladivostok:sea").km, accuracy: 1, "Bering alone changes nothing")
        XCTAssertEqual(bering.notes.count, 1)
        XCTAssertTrue(bering.notes[0].contains("Murmansk > Vladivostok: the sea route does not pass through 'bering'"), bering.notes[0])
        XCTAssertTrue(bering.notes[0].contains("also needs northwest") && bering.notes[0].contains("--via-passage bering,northwest"), bering.notes[0])
        let both = try route("Murmansk>Vladivostok:sea through bering+northwest")
        XCTAssertEqual(both.notes, [], "both taken: nothing to say")
        XCTAssertLessThan(both.km, bering.km * 0.6)
        XCTAssertEqual(try route("Shanghai>Rotterdam:sea").notes, [], "no passage asked for: no note")
    }

    /// Seen: 'Shanghai>New York:sea through suez' gave the route by Panama (19,810 km) and a note
    /// that the leg "opens" Suez: a story comparing the two ways could not draw the second. A leg
    /// that names a passage goes through it, when it can without doubling back on itself.
    func testALegThroughAPassageTakesIt() throws {
        let data = try DataDirectory.locate()
        // Shanghai and New York City (GeoNames).
        let places = ["Shanghai": Coordinate(lon: 121.45806, lat: 31.22222), "New York": Coordinate(lon: -74.00597, lat: 40.71427)]
        let planner = RoutePlanner(data: data)
        let sea = try planner.graph("sea")
        let marked = try planner.passages(of: sea)
        func route(_ legs: String) throws -> (leg: Leg, notes: [String]) {
            let before = planner.notes.count
            let leg = try planner.route(try LegRequest.parse(legs)) { try XCTUnwrap(places[$0]) }[0]
            return (leg, Array(planner.notes.dropFirst(before)))
        }
        let shortest = try route("Shanghai>New York:sea")
        XCTAssertEqual(marked.taken(by: shortest.leg, on: sea), ["panama"], "the shortest way is by Panama")
        let suez = try route("Shanghai>New York:sea through suez")
        XCTAssertTrue(marked.taken(by: suez.leg, on: sea).isSuperset(of: ["suez", "malacca", "gibraltar"]), "\(marked.taken(by: suez.leg, on: sea))")
        XCTAssertFalse(marked.taken(by: suez.leg, on: sea).contains("panama"))
        XCTAssertEqual(suez.leg.totalKm, try route("Shanghai>New York:sea avoid panama").leg.totalKm, accuracy: 50,
                       "through Suez is the shortest way without Panama")
        XCTAssertEqual(suez.leg.from, "Shanghai")
        XCTAssertEqual(suez.leg.to, "New York")
        XCTAssertEqual(suez.notes.count, 1)
        XCTAssertTrue(suez.notes[0].contains("through suez") && suez.notes[0].contains("longer than the shortest"), suez.notes[0])
    }

    /// Seen drawing an evacuation inside the Gaza Strip: the road leg from Gaza City to Khan
    /// Younis went 67 km through Israel and Egypt (the network has no road inside the Strip),
    /// without a word. A land leg through countries neither end lies in, or on a detour, is said.
    func testALandLegThroughOtherCountriesOrOnADetourIsSaid() throws {
        let data = try DataDirectory.locate()
        let places: [String: Coordinate] = [
            "Gaza City": Coordinate(lon: 34.46672, lat: 31.50161), "Khan Younis": Coordinate(lon: 34.30627, lat: 31.34018),
            "Vladivostok": Coordinate(lon: 131.87353, lat: 43.10562), "Kursk": Coordinate(lon: 36.18457, lat: 51.72689),
        ]
        let planner = RoutePlanner(data: data)
        let gaza = try planner.route(try LegRequest.parse("Gaza City>Khan Younis:road")) { try XCTUnwrap(places[$0]) }
        XCTAssertGreaterThan(gaza[0].totalKm, 50)
        XCTAssertEqual(planner.notes.count, 1)
        XCTAssertTrue(planner.notes.first?.contains("km as the crow flies: the network may lack the roads between them") == true, "\(planner.notes)")
        let plain = RoutePlanner(data: data)
        _ = try plain.route(try LegRequest.parse("Vladivostok>Kursk:rail")) { try XCTUnwrap(places[$0]) }
        XCTAssertTrue(plain.notes.first?.contains("through CN, KZ, countries neither end lies in") == true
                      && plain.notes.first?.contains("'within RU' keeps it to the ends' country") == true, "\(plain.notes)")
        let within = RoutePlanner(data: data)
        _ = try within.route(try LegRequest.parse("Vladivostok>Kursk:rail within RU")) { try XCTUnwrap(places[$0]) }
        XCTAssertEqual(within.notes, [], "a leg kept within countries is as asked")
    }

    func testDeploymentRouteAcrossModes() throws {
        let data = try DataDirectory.locate()
        let places: [String: Coordinate] = [
            "Wonsan": Coordinate(lon: 127.44361, lat: 39.15278), "Vladivostok": Coordinate(lon: 131.87353, lat: 43.10562),
            "Kursk": Coordinate(lon: 36.18457, lat: 51.72689), "Sudzha": Coordinate(lon: 35.271, lat: 51.191),
        ]
        let legs = try LegRequest.parse("Wonsan>Vladivostok:sea, Vladivostok>Kursk:rail within RU, Kursk>Sudzha:road, Wonsan>Vladivostok:air")
        let route = try RoutePlanner(data: data).route(legs) { try XCTUnwrap(places[$0]) }
        XCTAssertEqual(route[0].mode, "sea")
        XCTAssertGreaterThan(route[0].routedKm, 300)
        XCTAssertEqual(route[0].parts.first?.routed, false, "the connector from Wonsan to the lanes is schematic")
        XCTAssertEqual(route[1].routedKm, 9_388, accuracy: 1)
        XCTAssertGreaterThan(route[2].routedKm, 60)
        XCTAssertEqual(route[3].routedKm, 0)
        XCTAssertEqual(route[3].schematicKm, 575.2, accuracy: 0.5, "air legs are geodesics")
        XCTAssertEqual(route[3].coordinates.count, 13, "densified every 50 km")
        var timed = route[1]
        timed.speedKmh = 40
        XCTAssertEqual(try XCTUnwrap(timed.durationHours), timed.totalKm / 40, accuracy: 1e-9)

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("route-\(UUID().uuidString).geojson")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Leg.geoJSON(route).write(to: dir)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: dir)) as? [String: Any])
        let features = try XCTUnwrap(json["features"] as? [[String: Any]])
        XCTAssertEqual(features.count, 4)
        let props = try XCTUnwrap(features[1]["properties"] as? [String: Any])
        XCTAssertEqual(props["mode"] as? String, "rail")
        XCTAssertEqual(props["parts_routed"] as? [Bool], [false, true, false])

        // A leg across the antimeridian (Auckland to Tonga) is written
        // cut there, each piece keeping its part's flag (RFC 7946): not one line round the world.
        let pacific = Leg.air(from: Coordinate(lon: 174, lat: -34), named: "Auckland", to: Coordinate(lon: -175.5, lat: -21), named: "Tonga")
        let lons = pacific.coordinates.map(\.lon)
        XCTAssertTrue(lons.contains { abs($0) > 180 } || zip(lons, lons.dropFirst()).contains { abs($0 - $1) > 180 }, "the leg crosses 180°: \(lons)")
        let cut = try XCTUnwrap(JSONSerialization.jsonObject(with: Leg.geoJSON([pacific])) as? [String: Any])
        let feature = try XCTUnwrap((cut["features"] as? [[String: Any]])?.first)
        let lines = try XCTUnwrap((feature["geometry"] as? [String: Any])?["coordinates"] as? [[[Double]]])
        XCTAssertEqual(lines.count, 2)
        for line in lines {
            XCTAssertLessThan(line.map { $0[0] }.max()! - line.map { $0[0] }.min()!, 7, "\(line)")
            XCTAssertTrue(line.allSatisfy { abs($0[0]) <= 180 }, "longitudes within ±180: \(line)")
        }
        XCTAssertEqual((feature["properties"] as? [String: Any])?["parts_routed"] as? [Bool], [false, false])
    }
}

/// Via points, areas and countries to avoid, and bridging a cut network.
final class RouteOptionTests: XCTestCase {
    let vladivostok = Coordinate(lon: 131.87353, lat: 43.10562), kursk = Coordinate(lon: 36.18457, lat: 51.72689)

    func testAvoidingCountriesOrAnAreaAndBridging() throws {
        let rail = try RoutingGraph.cached("rail", data: DataDirectory.locate())
        let avoidChina = try rail.leg(mode: "rail", from: vladivostok, named: "Vladivostok", to: kursk, named: "Kursk", maxSnapKm: 60,
                                      allowed: rail.avoiding(countries: ["CN", "MN", "KZ"]))
        XCTAssertEqual(avoidChina.routedKm, 9_388, accuracy: 1, "keeping out of China, Mongolia and Kazakhstan gives the Trans-Siberian")
        let baikal = Geometry.polygon([[Coordinate(lon: 100, lat: 40), Coordinate(lon: 115, lat: 40), Coordinate(lon: 115, lat: 56),
                                        Coordinate(lon: 100, lat: 56), Coordinate(lon: 100, lat: 40)]])
        XCTAssertThrowsError(try rail.leg(mode: "rail", from: vladivostok, named: "Vladivostok", to: kursk, named: "Kursk", maxSnapKm: 60,
                                          allowed: rail.avoiding(areas: [baikal], within: ["RU"]))) { error in
            XCTAssertTrue("\(error)".contains("every path crosses them"), "\(error)")
        }
        let blagoveshchensk = Coordinate(lon: 127.52637, lat: 50.27593)
        let bridged = try rail.leg(mode: "rail", from: blagoveshchensk, named: "Blagoveshchensk", to: kursk, named: "Kursk",
                                   maxSnapKm: 60, bridge: true)
        XCTAssertEqual(bridged.parts.map(\.routed).filter { $0 }.count, 2, "routed on both pieces")
        XCTAssertTrue(bridged.parts.contains { !$0.routed && $0.km > 10 }, "the bridge is a schematic part")
    }
}

/// A* against a plain Dijkstra on random graphs, and networks from user files.
final class RandomGraphTests: XCTestCase {
    /// Deterministic pseudo-random numbers in 0..<1 (GeoCore's SplitMix).
    struct Rng {
        var generator: SplitMix
        init(s: UInt64) { generator = SplitMix(seed: s) }
        mutating func next() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }
    }

    func dijkstra(_ n: Int, _ edges: [(from: Int32, to: Int32, km: Double)], _ s: Int, _ t: Int) -> Double {
        var adj = [[(Int, Double)]](repeating: [], count: n)
        for e in edges { adj[Int(e.from)].append((Int(e.to), e.km)); adj[Int(e.to)].append((Int(e.from), e.km)) }
        var dist = [Double](repeating: .infinity, count: n), done = [Bool](repeating: false, count: n)
        dist[s] = 0
        for _ in 0..<n {
            guard let u = (0..<n).filter({ !done[$0] }).min(by: { dist[$0] < dist[$1] }), dist[u].isFinite else { break }
            done[u] = true
            for (v, w) in adj[u] where dist[u] + w < dist[v] { dist[v] = dist[u] + w }
        }
        return dist[t]
    }

    func testAStarEqualsDijkstraOnRandomGraphs() {
        var rng = Rng(s: 42)
        for round in 0..<40 {
            let n = 30 + Int(rng.next() * 60)
            let nodes = (0..<n).map { _ in Coordinate(lon: rng.next() * 2, lat: 50 + rng.next() * 2) }
            var edges: [(from: Int32, to: Int32, km: Double)] = []
            for _ in 0..<(n * 2) {
                let a = Int32(rng.next() * Double(n)), b = Int32(rng.next() * Double(n))
                guard a != b else { continue }
                // Never shorter than the great circle, as track lengths are.
                edges.append((a, b, nodes[Int(a)].greatCircleKm(to: nodes[Int(b)]) * (1 + rng.next())))
            }
            let g = RoutingGraph(nodes: nodes, edges: edges)
            // The same graph with landmark (ALT) bounds, as cached graphs have them.
            let alt = g.withLandmarks(3)
            XCTAssertEqual(alt.landmarks?.count, 3)
            for _ in 0..<5 {
                let s = Int(rng.next() * Double(n)), t = Int(rng.next() * Double(n))
                let expected = dijkstra(n, edges, s, t)
                for graph in [g, alt] {
                    let got = graph.shortestPath(from: Int32(s), to: Int32(t))?.lengthKm ?? .infinity
                    if expected.isFinite { XCTAssertEqual(got, expected, accuracy: 1e-3, "round \(round): \(s) > \(t)") } else { XCTAssertEqual(got, .infinity) }
                }
            }
        }
    }

    func testNetworkFromALineFileAndBadFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("net-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = dir.appendingPathComponent("lines.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[35,51],[35.5,51],[36,51.5]]}},{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[36,51.5],[36.2,51.7]]}}]}"#
            .write(to: lines, atomically: true, encoding: .utf8)
        let g = try RoutingGraph.lines(path: lines.path)
        XCTAssertEqual(g.nodes.count, 4, "the shared end is one node")
        let p = try XCTUnwrap(g.shortestPath(from: 0, to: 3))
        XCTAssertEqual(p.nodes, [0, 1, 2, 3])
        let points = dir.appendingPathComponent("points.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[35,51]}}]}"#
            .write(to: points, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try RoutingGraph.lines(path: points.path)) { XCTAssertTrue("\($0)".contains("no line"), "\($0)") }
        XCTAssertThrowsError(try RoutingGraph.lines(path: dir.appendingPathComponent("none.gpkg").path))
    }

    func testSeaRouteStaysAtSeaApartFromConnectors() throws {
        let data = try DataDirectory.locate()
        let sea = try RoutingGraph.sea(data: data)
        let wonsan = Coordinate(lon: 127.44361, lat: 39.15278), vladivostok = Coordinate(lon: 131.87353, lat: 43.10562)
        let leg = try sea.leg(mode: "sea", from: wonsan, named: "Wonsan", to: vladivostok, named: "Vladivostok", maxSnapKm: 150)
        let routed = leg.parts.filter(\.routed).flatMap(\.coordinates)
        XCTAssertGreaterThan(routed.count, 2)
        let land = try Dataset.open(try data.path(of: "basemap"), kind: .vector).layer(named: "land")
        land.setSpatialFilter(BoundingBox(west: 126, south: 38, east: 134, north: 44.5))
        let polygons = land.features().compactMap(\.geometry)
        // Every routed vertex, and points every ~5 km between them, lie off the land.
        for (a, b) in zip(routed, routed.dropFirst()) {
            for t in stride(from: 0.0, through: 1.0, by: 0.02) {
                let p = Coordinate(lon: a.lon + (b.lon - a.lon) * t, lat: a.lat + (b.lat - a.lat) * t)
                XCTAssertFalse(polygons.contains { $0.contains(p) }, "\(p) is on land")
            }
        }
        XCTAssertEqual(leg.parts.first?.routed, false)
        XCTAssertEqual(leg.parts.last?.routed, false)
    }

    func testCorruptGraphCacheIsAClearErrorNeverACrash() throws {
        let real = try Data(contentsOf: URL(fileURLWithPath: try DataDirectory.locate().file("transport/sea.graph")))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("graph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("transport"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = DataDirectory(path: dir.path)
        func load(_ bytes: Data) -> String {
            do {
                try bytes.write(to: dir.appendingPathComponent("transport/sea.graph"))
                _ = try RoutingGraph.cached("sea", data: data)
                return "loaded"
            } catch { return "\(error)" }
        }
        XCTAssertEqual(load(real), "loaded")
        XCTAssertTrue(load(real.prefix(real.count / 2)).contains("damaged"), "a cut file fails its checksum")
        XCTAssertTrue(load(Data(repeating: 7, count: 4096)).contains("not a GeoBrief graph file"))
        // Header: magic, node count, edge slots, country count; then codes, lat, lon, country per node, offsets.
        let n = Int(real[8]) | Int(real[9]) << 8 | Int(real[10]) << 16 | Int(real[11]) << 24
        let nc = Int(real[16]) | Int(real[17]) << 8
        var bent = real
        let offset = 20 + nc * 2 + n * 18 + (n / 2) * 4    // an offset in the middle of the CSR
        for k in 0..<4 { bent[offset + k] = 0xFF }
        XCTAssertTrue(load(bent).contains("damaged") && load(bent).contains("make geodata"), load(bent))
    }

    func testMisspelledModeAndCircularLeg() {
        XCTAssertThrowsError(try LegRequest.parse("Wonsan>Vladivostok:sae")) { XCTAssertTrue("\($0)".contains("did you mean sea?"), "\($0)") }
        XCTAssertThrowsError(try LegRequest.parse("Kursk>Kursk:rail")) { XCTAssertTrue("\($0)".contains("same place"), "\($0)") }
    }
}
