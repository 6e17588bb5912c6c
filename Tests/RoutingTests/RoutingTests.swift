import GeoCore
import GeoData
import Routing
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
            XCTAssertTrue(l.coordinates.contains { RoutingGraph.greatCircleKm($0, places[city]!) < 15 }, "passes \(city)")
        }
        let harbin = Coordinate(lon: 126.65, lat: 45.75)
        XCTAssertFalse(l.coordinates.contains { RoutingGraph.greatCircleKm($0, harbin) < 200 }, "keeps out of China")
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
        XCTAssertTrue(l.coordinates.contains { RoutingGraph.greatCircleKm($0, harbin) < 30 }, "passes Harbin")
        XCTAssertEqual(l.coordinates.first, places["Vladivostok"])
        XCTAssertEqual(l.coordinates.last, places["Kursk"])
        XCTAssertLessThan(l.schematicKm, 5, "both connectors are short")
    }

    func testBlagoveshchenskPieceIsCutOffAndSaidSo() throws {
        XCTAssertThrowsError(try leg("Blagoveshchensk", "Moscow")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("no rail path from Blagoveshchensk to Moscow"), text)
            XCTAssertTrue(text.contains("Moscow on piece #0"), text)
        }
    }
}

/// Legs chained across modes on the real networks.
final class LegTests: XCTestCase {
    func testLegSyntax() throws {
        let legs = try LegRequest.parse("Wonsan>Vladivostok:sea, Vladivostok > Kursk : rail within RU, Kursk>Sudzha:road, A>B:air")
        XCTAssertEqual(legs.map(\.mode), ["sea", "rail", "road", "air"])
        XCTAssertEqual(legs[1], LegRequest(from: "Vladivostok", to: "Kursk", mode: "rail", within: ["RU"]))
        for (bad, expected) in [("Wonsan:sea", "expected FROM>TO:MODE"), ("A>B:boat", "mode 'boat'"), ("A>B:rail inside RU", "only 'within CC'"), ("", "1 to 50 legs")] {
            XCTAssertThrowsError(try LegRequest.parse(bad)) { XCTAssertTrue("\($0)".contains(expected), "\(bad): \($0)") }
        }
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

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("route-\(UUID().uuidString).geojson")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Leg.geoJSON(route).write(to: dir)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: dir)) as? [String: Any])
        let features = try XCTUnwrap(json["features"] as? [[String: Any]])
        XCTAssertEqual(features.count, 4)
        let props = try XCTUnwrap(features[1]["properties"] as? [String: Any])
        XCTAssertEqual(props["mode"] as? String, "rail")
        XCTAssertEqual(props["parts_routed"] as? [Bool], [false, true, false])
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
