import GeoCore
import XCTest

/// `PolygonIndex` answers as `Geometry.contains` does, for every point, on shapes with holes,
/// unclosed and degenerate rings, spikes, level and vertical edges, and points on vertices and edges.
final class PolygonIndexTests: XCTestCase {
    /// Agreement with `Geometry.polygon(rings).contains` at `points`; the number inside.
    @discardableResult
    func assertAgrees(_ rings: [[Coordinate]], at points: [Coordinate], file: StaticString = #filePath, line: UInt = #line) -> Int {
        let index = PolygonIndex(rings), plain = Geometry.polygon(rings)
        var inside = 0
        for p in points {
            let expected = plain.contains(p)
            XCTAssertEqual(index.contains(p), expected, "at \(p.lon),\(p.lat)", file: file, line: line)
            if expected { inside += 1 }
        }
        return inside
    }

    /// A random star-shaped ring of `n` vertices around (cx, cy): many short edges of every slope.
    func star(_ n: Int, cx: Double, cy: Double, radius: Double, closed: Bool, rng: inout SplitMix) -> [Coordinate] {
        var ring = (0..<n).map { k -> Coordinate in
            let a = Double(k) / Double(n) * 2 * .pi, r = radius * Double.random(in: 0.3...1, using: &rng)
            return Coordinate(lon: cx + r * cos(a), lat: cy + r * sin(a))
        }
        if closed { ring.append(ring[0]) }
        return ring
    }

    func testAgreesWithGeometryContainsOnRandomShapesAndPoints() {
        var rng = SplitMix(seed: 17)
        for shape in 0..<12 {
            let outer = star(50 + shape * 400, cx: 30, cy: 50, radius: 20, closed: shape % 2 == 0, rng: &rng)
            let hole = star(40, cx: 30, cy: 50, radius: 4, closed: true, rng: &rng)
            let points = (0..<3_000).map { _ in Coordinate(lon: Double.random(in: 5...55, using: &rng), lat: Double.random(in: 25...75, using: &rng)) }
            // The vertices themselves and midpoints of edges: the cases a half-open rule decides.
            let onOutline = outer.map { $0 } + zip(outer, outer.dropFirst()).map { Coordinate(lon: ($0.lon + $1.lon) / 2, lat: ($0.lat + $1.lat) / 2) }
            assertAgrees([outer, hole], at: onOutline)
            let inside = assertAgrees([outer, hole], at: points)
            // Not a vacuous agreement: the points fall on both sides.
            XCTAssertGreaterThan(inside, 300)
            XCTAssertLessThan(inside, 3_000)
        }
    }

    func testAgreesOnAxisAlignedShapesWithLevelAndVerticalEdgesAndHoles() {
        let square: [Coordinate] = [.init(lon: 0, lat: 0), .init(lon: 10, lat: 0), .init(lon: 10, lat: 10), .init(lon: 0, lat: 10), .init(lon: 0, lat: 0)]
        let hole: [Coordinate] = [.init(lon: 4, lat: 4), .init(lon: 6, lat: 4), .init(lon: 6, lat: 6), .init(lon: 4, lat: 6)]
        let grid = stride(from: -1.0, through: 11, by: 0.5).flatMap { x in stride(from: -1.0, through: 11, by: 0.5).map { Coordinate(lon: x, lat: $0) } }
        let inside = assertAgrees([square, hole], at: grid)
        XCTAssertTrue(PolygonIndex([square, hole]).contains(.init(lon: 2, lat: 2)))
        XCTAssertFalse(PolygonIndex([square, hole]).contains(.init(lon: 5, lat: 5)), "in the hole")
        XCTAssertFalse(PolygonIndex([square, hole]).contains(.init(lon: 12, lat: 5)))
        XCTAssertGreaterThan(inside, 100)
    }

    func testDegenerateRingsAndOddNumbersAnswerAsBefore() {
        let points = [Coordinate(lon: 1, lat: 1), Coordinate(lon: .nan, lat: 1), Coordinate(lon: 1, lat: .nan),
                      Coordinate(lon: 1, lat: .infinity), Coordinate(lon: -.infinity, lat: 1), Coordinate(lon: 1, lat: 1e308), Coordinate(lon: 1, lat: -1e308)]
        let cases: [[[Coordinate]]] = [
            [],
            [[]],
            [[.init(lon: 0, lat: 0), .init(lon: 5, lat: 5)]],                               // two points: no ring
            [[.init(lon: 0, lat: 0), .init(lon: 5, lat: 0), .init(lon: 9, lat: 0)]],        // all level
            [[.init(lon: 0, lat: 0), .init(lon: 5, lat: .nan), .init(lon: 5, lat: 5), .init(lon: 0, lat: 5)]],
            [[.init(lon: 0, lat: 0), .init(lon: .nan, lat: 3), .init(lon: 5, lat: 5), .init(lon: 0, lat: 5)]],
            [[.init(lon: 0, lat: -1e308), .init(lon: 5, lat: 1e308), .init(lon: 0, lat: 1e308)]],   // a span past any number
            [[.init(lon: 0, lat: 0), .init(lon: 2, lat: 0), .init(lon: 2, lat: 2), .init(lon: 0, lat: 2)], [.init(lon: 0, lat: 0)]],
        ]
        for rings in cases { assertAgrees(rings, at: points) }
    }
}
