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
        XCTAssertLessThan(l.connectorKm.max()!, 5)
    }

    func testBlagoveshchenskPieceIsCutOffAndSaidSo() throws {
        XCTAssertThrowsError(try leg("Blagoveshchensk", "Moscow")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("no rail path from Blagoveshchensk to Moscow"), text)
            XCTAssertTrue(text.contains("Moscow on piece #0"), text)
        }
    }
}
