import GeoCore
import XCTest

/// Cutting geometry at a projection's seam (Geometry.wrapped), without GEOS.
final class WrapTests: XCTestCase {
    /// Shoelace area of every ring (outer rings positive or negative alike; holes subtract).
    static func area(_ g: Geometry) -> Double {
        g.polygons.map { rings in
            rings.enumerated().map { i, r in
                let a = abs(zip(r, r.dropFirst()).map { $0.lon * $1.lat - $1.lon * $0.lat }.reduce(0, +)) / 2
                return i == 0 ? a : -a
            }.reduce(0, +)
        }.reduce(0, +)
    }

    func testInsideTheBandIsUnchanged() throws {
        let square = Geometry.polygon([[.init(lon: 10, lat: 0), .init(lon: 20, lat: 0), .init(lon: 20, lat: 10), .init(lon: 10, lat: 10), .init(lon: 10, lat: 0)]])
        XCTAssertEqual(try square.wrapped(west: -180), square)
    }

    /// A sea lane from Auckland north to Tonga steps from 174° to -180°: 6° east across the
    /// antimeridian, which a map centred there must draw as 6°, not 354° west round the globe.
    func testALineSteppingAcrossTheAntimeridianGoesTheShortWay() throws {
        let lane = Geometry.lineString([.init(lon: 174, lat: -34), .init(lon: -180, lat: -30), .init(lon: -175.5, lat: -21)])
        let unrolled = lane.unrolled
        XCTAssertEqual(unrolled.coordinates.map(\.lon), [174, 180, 184.5])
        // Centred on 180 (seam at 0): one piece, 10.5° wide.
        let centred = try XCTUnwrap(try unrolled.wrapped(west: 0))
        XCTAssertEqual(centred.paths.count, 1)
        let lons = centred.coordinates.map(\.lon)
        XCTAssertEqual(try XCTUnwrap(lons.max()) - (try XCTUnwrap(lons.min())), 10.5, accuracy: 1e-9)
        // Centred on 0 (seam at 180): cut in two at the seam, each piece short.
        let split = try XCTUnwrap(try unrolled.wrapped(west: -180))
        XCTAssertEqual(split.paths.count, 2)
        for p in split.paths { XCTAssertLessThan(p.map(\.lon).max()! - p.map(\.lon).min()!, 7) }
        // A line that never jumps is the same line.
        let plain = Geometry.lineString([.init(lon: 10, lat: 0), .init(lon: 20, lat: 5)])
        XCTAssertEqual(plain.unrolled, plain)
    }

    func testPolygonAcrossTheSeamIsCutAndShifted() throws {
        // 170E..190E (10 degrees past the antimeridian), seam at 180.
        let p = Geometry.polygon([[.init(lon: 170, lat: 0), .init(lon: 190, lat: 0), .init(lon: 190, lat: 10), .init(lon: 170, lat: 10), .init(lon: 170, lat: 0)]])
        let cut = try XCTUnwrap(try p.wrapped(west: -180))
        XCTAssertEqual(cut.polygons.count, 2)
        XCTAssertEqual(WrapTests.area(cut), 200, accuracy: 1e-9)
        for c in cut.coordinates { XCTAssertTrue((-180...180).contains(c.lon), "\(c)") }
        XCTAssertEqual(Set(cut.polygons.map { $0[0].map(\.lon).max()! }), [180, -170])
    }

    func testConcaveRingAndHoleKeepTheirArea() throws {
        // A U shape open to the north straddling the seam at 100W (central meridian 80E), with a hole.
        let u: [Coordinate] = [.init(lon: -110, lat: 0), .init(lon: -90, lat: 0), .init(lon: -90, lat: 20), .init(lon: -95, lat: 20),
                               .init(lon: -95, lat: 5), .init(lon: -105, lat: 5), .init(lon: -105, lat: 20), .init(lon: -110, lat: 20),
                               .init(lon: -110, lat: 0)]
        let hole: [Coordinate] = [.init(lon: -108, lat: 1), .init(lon: -92, lat: 1), .init(lon: -92, lat: 3), .init(lon: -108, lat: 3), .init(lon: -108, lat: 1)]
        let g = Geometry.polygon([u, hole])
        let cut = try XCTUnwrap(try g.wrapped(west: -100, margin: 1e-7))
        XCTAssertEqual(WrapTests.area(cut), WrapTests.area(g), accuracy: 1e-5)
        for c in cut.coordinates { XCTAssertTrue(c.lon >= -100 && c.lon <= 260, "\(c)") }
    }

    func testLinesAreCutWhereTheyCross() throws {
        let line = Geometry.lineString([.init(lon: 170, lat: 0), .init(lon: 190, lat: 10), .init(lon: 200, lat: 10)])
        let cut = try XCTUnwrap(try line.wrapped(west: -180))
        XCTAssertEqual(cut.paths.count, 2)
        XCTAssertEqual(cut.paths[0].last, Coordinate(lon: 180, lat: 5))
        XCTAssertEqual(cut.paths[1].first, Coordinate(lon: -180, lat: 5))
        XCTAssertEqual(cut.paths[1].last, Coordinate(lon: -160, lat: 10))
        // A line wholly past the seam is only shifted.
        let far = try XCTUnwrap(try Geometry.lineString([.init(lon: 185, lat: 0), .init(lon: 195, lat: 1)]).wrapped(west: -180))
        XCTAssertEqual(far.paths, [[.init(lon: -175, lat: 0), .init(lon: -165, lat: 1)]])
    }

    func testMoreThanFourTurnsIsAnError() {
        let line = Geometry.lineString([.init(lon: -1000, lat: 0), .init(lon: 1000, lat: 0)])
        XCTAssertThrowsError(try line.wrapped(west: -180))
    }
}
