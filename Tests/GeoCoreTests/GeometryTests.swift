import GeoCore
import XCTest

final class GeometryTests: XCTestCase {
    let square: [Coordinate] = [.init(lon: 0, lat: 0), .init(lon: 10, lat: 0), .init(lon: 10, lat: 10), .init(lon: 0, lat: 10), .init(lon: 0, lat: 0)]
    let hole: [Coordinate] = [.init(lon: 4, lat: 4), .init(lon: 6, lat: 4), .init(lon: 6, lat: 6), .init(lon: 4, lat: 6), .init(lon: 4, lat: 4)]

    func testWKBRoundTripOfEveryKind() throws {
        let cases: [Geometry] = [
            .point(.init(lon: 36.185, lat: 51.727)),
            .lineString(square),
            .polygon([square, hole]),
            .multiPoint([.init(lon: 1, lat: 2), .init(lon: 3, lat: 4)]),
            .multiLineString([square, hole]),
            .multiPolygon([[square], [hole]]),
            .collection([.point(.init(lon: 1, lat: 1)), .lineString(hole)]),
        ]
        for g in cases { XCTAssertEqual(try Geometry(wkb: g.wkb), g) }
    }

    func testWKBBigEndianAndZ() throws {
        // POINT Z (1 2 3) big-endian ISO: byte order 0, type 1001.
        var bytes: [UInt8] = [0, 0, 0, 0x03, 0xE9]
        for v in [1.0, 2.0, 3.0] { withUnsafeBytes(of: v.bitPattern.bigEndian) { bytes += $0 } }
        XCTAssertEqual(try Geometry(wkb: bytes), .point(.init(lon: 1, lat: 2)))
    }

    /// Multi-geometries whose parts are read straight into their arrays: parts of either byte
    /// order and with Z, a multi nested in a multi (flattened, as before), a point list cut short,
    /// and a blob read from an offset (after a GeoPackage header).
    func testWKBMultiPartsOfMixedByteOrderNestingAndTruncation() throws {
        func be(_ v: UInt32) -> [UInt8] { withUnsafeBytes(of: v.bigEndian) { Array($0) } }
        func le(_ v: UInt32) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }
        // MULTIPOLYGON: one little-endian 2D part, one big-endian POLYGON Z part.
        var zPart: [UInt8] = [0] + be(1003) + be(1) + be(UInt32(hole.count))
        for c in hole { for v in [c.lon, c.lat, 9.0] { withUnsafeBytes(of: v.bitPattern.bigEndian) { zPart += $0 } } }
        let square2D = Geometry.polygon([square]).wkb
        let multi: [UInt8] = [1] + le(6) + le(2) + square2D + zPart
        XCTAssertEqual(try Geometry(wkb: multi), .multiPolygon([[square], [hole]]))
        // A MULTILINESTRING whose second part is itself a MULTILINESTRING.
        let nested: [UInt8] = [1] + le(5) + le(2) + Geometry.lineString(square).wkb + Geometry.multiLineString([hole, square]).wkb
        XCTAssertEqual(try Geometry(wkb: nested), .multiLineString([square, hole, square]))
        // The same bytes behind an 8-byte header.
        XCTAssertEqual(try Geometry(wkb: [UInt8](repeating: 0xAB, count: 8) + multi, offset: 8), .multiPolygon([[square], [hole]]))
        // A ring that declares five points and holds four and a half.
        let cut = Array(square2D.dropLast(12))
        XCTAssertThrowsError(try Geometry(wkb: cut)) { XCTAssertEqual($0 as? WKBError, .truncated(offset: 13)) }
    }

    func testCorruptWKBThrows() {
        XCTAssertThrowsError(try Geometry(wkb: [1, 2, 0, 0, 0, 0xFF])) { XCTAssertEqual($0 as? WKBError, .truncated(offset: 5)) }
        XCTAssertThrowsError(try Geometry(wkb: [1, 99, 0, 0, 0])) { XCTAssertEqual($0 as? WKBError, .unsupportedType(99)) }
        // A huge declared count with no data behind it must not allocate or loop.
        XCTAssertThrowsError(try Geometry(wkb: [1, 2, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F]))
    }

    func testDeeplyNestedCollectionIsRefused() {
        var bytes: [UInt8] = []
        for _ in 0..<100 { bytes += [1, 7, 0, 0, 0, 1, 0, 0, 0] }
        XCTAssertThrowsError(try Geometry(wkb: bytes)) { XCTAssertEqual($0 as? WKBError, .tooDeep) }
    }

    func testContainsHonoursHoles() {
        let g = Geometry.polygon([square, hole])
        XCTAssertTrue(g.contains(.init(lon: 2, lat: 2)))
        XCTAssertFalse(g.contains(.init(lon: 5, lat: 5)))
        XCTAssertFalse(g.contains(.init(lon: 11, lat: 5)))
    }

    func testDensifyAddsPointsOnLongEdges() {
        let line = Geometry.lineString([.init(lon: 0, lat: 50), .init(lon: 10, lat: 50)]).densified(maxStep: 0.5)
        XCTAssertEqual(line.coordinates.count, 21)
        XCTAssertEqual(line.coordinates.last, .init(lon: 10, lat: 50))
    }

    func testThinnedKeepsEndsAndDropsClosePoints() {
        let pts = (0...100).map { Coordinate(lon: Double($0) * 0.1, lat: 0) }
        let t = thinned(pts, tolerance: 1)
        XCTAssertEqual(t.first, pts.first)
        XCTAssertEqual(t.last, pts.last)
        XCTAssertEqual(t.count, 11)
    }
}

/// Douglas-Peucker simplification and path chaining.
final class SimplificationTests: XCTestCase {
    /// A geometry simplified as a whole: wiggles under the tolerance go, rings that shrink below
    /// four points and lines below two are dropped with their polygon or line, nil when all go.
    func testGeometrySimplifiedDropsWhatCollapses() throws {
        // A square ring whose sides wiggle by 0.01 degrees, and a tiny island.
        var wiggly: [Coordinate] = []
        for i in 0..<40 { wiggly.append(.init(lon: Double(i) * 0.25, lat: i % 2 == 0 ? 0 : 0.01)) }
        wiggly += [.init(lon: 10, lat: 0), .init(lon: 10, lat: 10), .init(lon: 0, lat: 10), .init(lon: 0, lat: 0)]
        let island: [Coordinate] = [.init(lon: 20, lat: 20), .init(lon: 20.01, lat: 20), .init(lon: 20.01, lat: 20.01), .init(lon: 20, lat: 20)]
        let simple = try XCTUnwrap(Geometry.multiPolygon([[wiggly], [island]]).simplified(tolerance: 0.05))
        XCTAssertEqual(simple, .multiPolygon([[[.init(lon: 0, lat: 0), .init(lon: 10, lat: 0), .init(lon: 10, lat: 10), .init(lon: 0, lat: 10), .init(lon: 0, lat: 0)]]]))
        XCTAssertNil(Geometry.polygon([island]).simplified(tolerance: 0.05))
        XCTAssertEqual(Geometry.lineString(wiggly).simplified(tolerance: 0)?.coordinates.count, wiggly.count, "tolerance 0 keeps all")
        XCTAssertEqual(Geometry.multiLineString([[.init(lon: 0, lat: 0), .init(lon: 0, lat: 0)]]).simplified(tolerance: 1), .multiLineString([[.init(lon: 0, lat: 0), .init(lon: 0, lat: 0)]]))
    }

    func testStraightRunsCollapseAndBendsStay() {
        let straight = (0...100).map { Coordinate(lon: Double($0), lat: 0) }
        XCTAssertEqual(simplified(straight, tolerance: 0.5), [straight[0], straight[100]])
        var bent = straight
        bent[50] = Coordinate(lon: 50, lat: 3)
        let s = simplified(bent, tolerance: 0.5)
        XCTAssertTrue(s.contains(Coordinate(lon: 50, lat: 3)), "a 3-unit bend is kept at tolerance 0.5")
        XCTAssertLessThan(s.count, 8)
        // A loop back over itself keeps its far end (distance to the segment, not the line).
        let loop = [Coordinate(lon: 0, lat: 0), Coordinate(lon: 10, lat: 0), Coordinate(lon: 5, lat: 0.1)]
        XCTAssertEqual(simplified(loop, tolerance: 0.5).count, 3)
    }

    func testChainingJoinsEdgesEndToEnd() {
        let a = [Coordinate(lon: 0, lat: 0), Coordinate(lon: 1, lat: 0)]
        let b = [Coordinate(lon: 2, lat: 0), Coordinate(lon: 1, lat: 0)]
        let c = [Coordinate(lon: 5, lat: 5), Coordinate(lon: 6, lat: 5)]
        let chained = PathChaining.chained([a, b, c], snap: 1e-6)
        XCTAssertEqual(chained.count, 2)
        XCTAssertEqual(chained.map(\.count).sorted(), [2, 3])
    }
}
