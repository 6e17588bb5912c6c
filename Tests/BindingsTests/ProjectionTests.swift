import GDALBindings
import Bindings
import GeoCore
import TestSupport
import XCTest

final class ProjectionTests: XCTestCase {
    func testLambertConicRoundTripWithinMicroDegree() throws {
        let lcc = try SpatialReference(definition: "+proj=lcc +lat_1=45 +lat_2=60 +lat_0=50 +lon_0=90 +datum=WGS84 +units=m")
        let fwd = try CoordinateTransformation(from: SpatialReference.wgs84(), to: lcc)
        let inv = try CoordinateTransformation(from: lcc, to: SpatialReference.wgs84())
        let places = [Coordinate(lon: 131.87353, lat: 43.10562), Coordinate(lon: 36.18457, lat: 51.72689),
                      Coordinate(lon: 92.93136, lat: 56.03742), Coordinate(lon: 127.44361, lat: 39.15278)]
        let projected = fwd.transform(places)
        // Kursk lies west of the central meridian: negative easting, in metres.
        XCTAssertLessThan(try XCTUnwrap(projected[1]).lon, -2_000_000)
        let back = inv.transform(projected.map { $0! })
        for (a, b) in zip(places, back) {
            XCTAssertEqual(a.lon, try XCTUnwrap(b).lon, accuracy: 1e-6)
            XCTAssertEqual(a.lat, try XCTUnwrap(b).lat, accuracy: 1e-6)
        }
    }

    func testEPSG4326IsLonLatOrder() throws {
        let merc = try SpatialReference(epsg: 3857)
        let p = try CoordinateTransformation(from: SpatialReference.wgs84(), to: merc).transform(Coordinate(lon: 10, lat: 0))
        XCTAssertEqual(p.lon, 1_113_194.9, accuracy: 0.1) // x from longitude, not latitude
        XCTAssertEqual(p.lat, 0, accuracy: 1e-6)
        XCTAssertTrue(SpatialReference.wgs84().isGeographic)
        XCTAssertTrue(SpatialReference.wgs84().wkt.contains("WGS 84"))
    }

    func testUnknownEPSGAndMalformedPROJAreTypedErrors() {
        XCTAssertThrowsError(try SpatialReference(epsg: 999_999)) { error in
            XCTAssertTrue(error is GDALError)
            XCTAssertTrue("\(error)".contains("EPSG:999999"), "\(error)")
        }
        XCTAssertThrowsError(try SpatialReference(definition: "+proj=notaprojection +ellps=WGS84")) { error in
            XCTAssertTrue(error is GDALError)
            XCTAssertTrue("\(error)".contains("notaprojection"), "\(error)")
        }
        XCTAssertThrowsError(try SpatialReference(definition: "  ")) { XCTAssertTrue($0 is GDALError) }
    }

    func testGeodesicMatchesPROJGeodToOneMetre() throws {
        let vladivostok = Coordinate(lon: 131.87353, lat: 43.10562), kursk = Coordinate(lon: 36.18457, lat: 51.72689)
        let ours = Geodesic().inverse(vladivostok, kursk)
        let out = try XCTUnwrap(runTool("geod", ["-I", "+ellps=WGS84", "-f", "%.4f"], stdin: "43.10562 131.87353 51.72689 36.18457\n"),
                                "PROJ's geod is missing: `make setup` installs proj-bin")
        let fields = out.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).compactMap { Double($0) }
        XCTAssertEqual(fields.count, 3, out)
        XCTAssertEqual(ours.distance, fields[2], accuracy: 1)
        XCTAssertEqual(ours.initialAzimuth, fields[0], accuracy: 1e-4)
        XCTAssertEqual(ours.distance / 1000, 6_752, accuracy: 5) // about 6,752 km
    }

    func testDensifiedGeodesicStaysContinuousAcrossAntimeridian() {
        let g = Geodesic()
        let pts = g.densify(Coordinate(lon: 170, lat: 60), Coordinate(lon: -170, lat: 60), maxSpacing: 50_000)
        XCTAssertGreaterThan(pts.count, 10)
        for (a, b) in zip(pts, pts.dropFirst()) { XCTAssertLessThan(abs(b.lon - a.lon), 5) }
        XCTAssertEqual(pts.last!.lon, 190, accuracy: 1e-9)
        XCTAssertEqual(g.length(of: pts), g.distance(pts.first!, pts.last!), accuracy: 1)
        let p = g.direct(from: Coordinate(lon: 0, lat: 0), azimuth: 90, distance: 111_319.49)
        XCTAssertEqual(p.lon, 1, accuracy: 1e-4)
    }
}
