import GeoCore
import XCTest

final class BoundingBoxTests: XCTestCase {
    /// Russia's box runs from 19.6 E eastward past 180 to 169 W.
    let russia = BoundingBox(west: 19.6, south: 41.2, east: -169.0, north: 81.9)

    func testAntimeridianBoxContainsPointsOnBothSides() {
        XCTAssertTrue(russia.crossesAntimeridian)
        XCTAssertEqual(russia.width, 171.4, accuracy: 1e-9)
        XCTAssertTrue(russia.contains(Coordinate(lon: 177.5, lat: 64.7)))   // Anadyr
        XCTAssertTrue(russia.contains(Coordinate(lon: -172.0, lat: 65.0)))  // Chukotka east of 180
        XCTAssertTrue(russia.contains(Coordinate(lon: 36.18, lat: 51.73)))  // Kursk
        XCTAssertFalse(russia.contains(Coordinate(lon: -100, lat: 60)))     // Canada
        XCTAssertFalse(russia.contains(Coordinate(lon: 10, lat: 50)))       // Germany
    }

    func testTheShortestBoxAroundPointsCrossesTheAntimeridianWhenThatIsShorter() throws {
        let pacific = [Coordinate(lon: -175.2, lat: -21.1), Coordinate(lon: 178.4, lat: -18.1), Coordinate(lon: -171.8, lat: -13.8), Coordinate(lon: 174.8, lat: -36.8)]
        let b = try XCTUnwrap(BoundingBox(enclosingShortest: pacific))
        XCTAssertEqual([b.west, b.east, b.south, b.north], [174.8, -171.8, -36.8, -13.8])
        XCTAssertEqual(b.width, 13.4, accuracy: 1e-9)
        // Points that do not straddle it keep the plain box.
        let europe = [Coordinate(lon: -9, lat: 38), Coordinate(lon: 37, lat: 55), Coordinate(lon: 13, lat: 52)]
        XCTAssertEqual(BoundingBox(enclosingShortest: europe), BoundingBox(enclosing: europe))
        XCTAssertNil(BoundingBox(enclosingShortest: [Coordinate]()))
    }

    func testCenterOfCrossingBoxIsNormalized() {
        let c = BoundingBox(west: 170, south: 0, east: -170, north: 10).center
        XCTAssertEqual(abs(c.lon), 180, accuracy: 1e-9)
        XCTAssertEqual(c.lat, 5)
    }

    func testIntersectsAcrossAntimeridian() {
        let pacific = BoundingBox(west: 175, south: 60, east: -175, north: 70)
        XCTAssertTrue(russia.intersects(pacific))
        XCTAssertFalse(BoundingBox(west: 0, south: 0, east: 10, north: 10).intersects(pacific))
    }

    func testEnclosingAndExpanded() {
        let b = BoundingBox(enclosing: [Coordinate(lon: 1, lat: 2), Coordinate(lon: -3, lat: 5)])!
        XCTAssertEqual(b, BoundingBox(west: -3, south: 2, east: 1, north: 5))
        XCTAssertNil(BoundingBox(enclosing: [Coordinate]()))
        XCTAssertEqual(b.expanded(by: 1), BoundingBox(west: -4, south: 1, east: 2, north: 6))
        XCTAssertEqual(BoundingBox(west: -170, south: 80, east: 170, north: 89).expanded(by: 20).width, 360)
    }

    func testNormalizeLongitude() {
        XCTAssertEqual(Coordinate.normalizeLongitude(190), -170)
        XCTAssertEqual(Coordinate.normalizeLongitude(-190), 170)
        XCTAssertEqual(Coordinate.normalizeLongitude(540), -180)
        XCTAssertEqual(Coordinate.normalizeLongitude(180), 180)
        XCTAssertEqual(Coordinate(lon: 36.18457, lat: 51.72689).description, "51.72689N 36.18457E")
    }
}

final class CoordinateTextTests: XCTestCase {
    func testLatLonText() {
        XCTAssertEqual(Coordinate(latLon: "51.19, 35.27"), Coordinate(lon: 35.27, lat: 51.19))
        XCTAssertNil(Coordinate(latLon: "95,35"))
        XCTAssertNil(Coordinate(latLon: "51.19"))
        XCTAssertNil(Coordinate(latLon: "Sudzha"))
    }
}
