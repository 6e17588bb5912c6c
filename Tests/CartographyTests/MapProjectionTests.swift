import GDALBindings
import Bindings
import Cartography
import GeoCore
import XCTest

/// Map projections (PROJ alone, direct pipelines where they apply) agree with the operation GDAL has PROJ find.
final class MapProjectionTests: XCTestCase {
    func testDirectPipelineEqualsPROJsOwnOperation() throws {
        let definitions = [
            "+proj=lcc +lat_0=52 +lon_0=85 +lat_1=45 +lat_2=60 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs",
            "+proj=lcc +lat_0=51.45 +lon_0=35.75 +lat_1=50.5 +lat_2=52.5 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs",
            "+proj=eqearth +lon_0=60 +datum=WGS84 +units=m +no_defs",
            "+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +datum=WGS84 +units=m",
            "EPSG:32637",
        ]
        let points = [Coordinate(lon: 35.27, lat: 51.19), Coordinate(lon: 131.9, lat: 43.1), Coordinate(lon: 92.87, lat: 56.01),
                      Coordinate(lon: 127.44, lat: 39.15), Coordinate(lon: 30.52, lat: 50.45)]
        for d in definitions {
            let map = try MapProjection(definition: d)
            let searched = try CoordinateTransformation(from: SpatialReference.wgs84(), to: SpatialReference(definition: d))
            let fast = map.project(points), slow = searched.transform(points)
            for (a, b) in zip(fast, slow) {
                let a = try XCTUnwrap(a, d), b = try XCTUnwrap(b, d)
                XCTAssertEqual(a.lon, b.lon, accuracy: 1e-6, d)
                XCTAssertEqual(a.lat, b.lat, accuracy: 1e-6, d)
            }
            // Back again (to 1e-7 degrees, about a centimetre: PROJ inverts some projections by iteration).
            for (p, back) in zip(points, map.unproject(fast.compactMap { $0 })) {
                XCTAssertEqual(back?.lon ?? .nan, p.lon, accuracy: 1e-7, d)
                XCTAssertEqual(back?.lat ?? .nan, p.lat, accuracy: 1e-7, d)
            }
        }
    }
}

/// What PROJ refuses is a clear error, not a crash.
final class ProjTransformErrorTests: XCTestCase {
    func testBadDefinitionsAreErrors() {
        for bad in ["", "EPSG:999999", "+proj=nonsense +ellps=WGS84", "not a projection"] {
            XCTAssertThrowsError(try MapProjection(definition: bad), bad) { e in
                XCTAssertTrue("\(e)".contains("projection"), "\(e)")
            }
        }
    }

    func testEPSGAndPointsOutsideTheDomain() throws {
        let merc = try MapProjection(definition: "EPSG:3857")
        let p = try XCTUnwrap(merc.project([Coordinate(lon: 37.6, lat: 55.75)])[0])
        // Spherical Mercator: x = R * lon, y = R * ln(tan(pi/4 + lat/2)), R = 6378137 m.
        XCTAssertEqual(p.lon, 4_185_612.854, accuracy: 0.01)
        XCTAssertEqual(p.lat, 7_508_807.0, accuracy: 1)
        let ortho = try MapProjection(definition: "+proj=ortho +lat_0=50 +lon_0=30 +datum=WGS84 +units=m")
        XCTAssertNil(ortho.project([Coordinate(lon: -150, lat: -50)])[0], "the far side of the globe is outside an orthographic view")
        XCTAssertNotNil(ortho.project([Coordinate(lon: 31, lat: 51)])[0])
    }

    /// Paths projected at once (what the basemap's layers take) are the points projected one
    /// list at a time, to the bit, less the points off the projection's domain; in a direct
    /// pipeline (radians) and in one PROJ searched for (EPSG:3857) alike.
    func testPathsProjectedAtOnceAreThePointsLessThoseOffTheDomain() throws {
        let paths = [[Coordinate(lon: 31, lat: 51), Coordinate(lon: -150, lat: -50), Coordinate(lon: 40, lat: 60)], [],
                     [Coordinate(lon: 20.5, lat: 45.25)], [Coordinate(lon: 170, lat: -80), Coordinate(lon: 29, lat: 49)]]
        for d in ["+proj=ortho +lat_0=50 +lon_0=30 +datum=WGS84 +units=m", "+proj=lcc +lat_0=50 +lon_0=30 +lat_1=45 +lat_2=55 +datum=WGS84", "EPSG:3857"] {
            let projection = try MapProjection(definition: d)
            let one = paths.map { projection.project($0).compactMap { $0 } }
            let all = projection.project(paths: paths)
            XCTAssertEqual(all, one, d)
            XCTAssertEqual(all.map(\.count), d.contains("ortho") ? [2, 0, 1, 1] : paths.map(\.count), d)
        }
    }
}

/// Frame points and their places, at the edge of a projection's domain.
final class FrameDomainTests: XCTestCase {
    /// Seen: on a world map the north arrow, in the bottom-right corner off the world's outline,
    /// pointed left: the inverse projection answers there with a place the forward one does not
    /// bring back. A frame point off the projection's domain has no place and no north.
    func testAFramePointOffTheWorldHasNoPlaceAndNoNorth() throws {
        let world = BoundingBox(west: -180, south: -60, east: 180, north: 84)
        let frame = try MapFrame(extent: world, projection: try MapProjection.automatic(for: world), width: 2000, height: 1100)
        XCTAssertNil(frame.unproject(x: 1990, y: 1090), "the corner is off the world's outline")
        XCTAssertNil(frame.northAngle(x: 1990, y: 1090))
        let centre = try XCTUnwrap(frame.unproject(x: 1000, y: 550))
        XCTAssertEqual(centre.lon, 0, accuracy: 20)
        XCTAssertEqual(try XCTUnwrap(frame.northAngle(x: 1000, y: 550)), 0, accuracy: 0.01, "north is up on the central meridian")
        // Near the right edge, meridians lean in towards the pole: north is up and to the left.
        let east = try XCTUnwrap(frame.northAngle(x: 1800, y: 300))
        XCTAssertLessThan(east, -0.1)
        XCTAssertGreaterThan(east, -1.2)
    }

    /// A frame of another shape than its extent shows more: its outline (what an inset marks) is
    /// the frame's, not the extent's. Rotterdam above Cape Town on a landscape map spans half
    /// the world; the inset marked a narrow strip.
    func testTheOutlineIsTheFramesNotTheExtents() throws {
        let tall = BoundingBox(west: 3, south: -35, east: 20, north: 53)
        let frame = try MapFrame(extent: tall, projection: try MapProjection.automatic(for: tall), width: 1600, height: 1200)
        let outline = try XCTUnwrap(frame.outline())
        XCTAssertEqual(outline.count, 4 * 24)
        let box = try XCTUnwrap(BoundingBox(enclosing: outline))
        XCTAssertGreaterThan(box.width, 5 * tall.width, "\(box)")
        XCTAssertEqual(box.south, tall.south, accuracy: 6)
        XCTAssertEqual(box.north, tall.north, accuracy: 6)
        XCTAssertLessThan(frame.kmAcross, 20_000)
        XCTAssertGreaterThan(frame.kmAcross, 10_000, "the map spans half the world")
        let world = BoundingBox(west: -180, south: -60, east: 180, north: 84)
        XCTAssertNil(try MapFrame(extent: world, projection: try MapProjection.automatic(for: world), width: 2000, height: 1100).outline(),
                     "a world map's corners are off the projection")
    }
}
