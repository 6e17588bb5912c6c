import GDALBindings
import Bindings
import GeoCore
import TestSupport
import XCTest

final class GDALVectorTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws { dir = try temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func testWriteAndReadGeoPackage() throws {
        let path = dir.appendingPathComponent("places.gpkg").path
        let ds = try Dataset.createVector(path)
        let layer = try ds.createLayer("places", geometry: .point, srs: SpatialReference.wgs84(),
                                       fields: [FieldDefinition(name: "name", type: .string),
                                                FieldDefinition(name: "population", type: .integer),
                                                FieldDefinition(name: "score", type: .real)])
        try ds.transaction {
            try layer.add(Feature(attributes: ["name": .string("Kursk"), "population": .integer(440_052), "score": .real(1.5)],
                                  geometry: .point(Coordinate(lon: 36.18457, lat: 51.72689))))
            try layer.add(Feature(attributes: ["name": .string("Суджа"), "population": .integer(5_000), "score": .null],
                                  geometry: .point(Coordinate(lon: 35.27056, lat: 51.19139))))
        }
        try ds.close()

        let read = try Dataset.open(path, kind: .vector)
        XCTAssertEqual(read.driverName, "GPKG")
        XCTAssertEqual(read.layers.map(\.name), ["places"])
        let places = try read.layer(named: "places")
        XCTAssertEqual(places.featureCount, 2)
        XCTAssertEqual(places.geometryKind, .point)
        XCTAssertEqual(places.fields.map(\.name), ["name", "population", "score"])
        let all = Array(places.features())
        XCTAssertEqual(all.map { $0["name"].text }, ["Kursk", "Суджа"])
        XCTAssertEqual(all[0]["population"], .integer(440_052))
        XCTAssertEqual(all[1]["score"], .null)
        XCTAssertEqual(all[0].geometry, .point(Coordinate(lon: 36.18457, lat: 51.72689)))
        let e = try XCTUnwrap(places.extent)
        XCTAssertEqual(e.west, 35.27056, accuracy: 1e-9)
        XCTAssertEqual(e.north, 51.72689, accuracy: 1e-9)

        places.setSpatialFilter(BoundingBox(west: 35, south: 51, east: 35.5, north: 51.5))
        XCTAssertEqual(places.features().map { $0["name"].text }, ["Суджа"])
        places.setSpatialFilter(nil)
        try places.setAttributeFilter("population > 10000")
        XCTAssertEqual(places.features().map { $0["name"].text }, ["Kursk"])
        XCTAssertThrowsError(try places.setAttributeFilter("population = = 'unterminated")) { error in
            XCTAssertTrue("\(error)".contains("attribute filter"), "\(error)")
        }
        XCTAssertThrowsError(try read.layer(named: "roads")) { error in
            XCTAssertTrue("\(error)".contains("the dataset has: places"), "\(error)")
        }
    }

    func testFailedTransactionRollsBack() throws {
        let path = dir.appendingPathComponent("rollback.gpkg").path
        let ds = try Dataset.createVector(path)
        let layer = try ds.createLayer("l", geometry: .point, fields: [FieldDefinition(name: "n", type: .integer)])
        struct Boom: Error {}
        XCTAssertThrowsError(try ds.transaction {
            try layer.add(Feature(attributes: ["n": .integer(1)], geometry: .point(.init(lon: 0, lat: 0))))
            throw Boom()
        })
        XCTAssertEqual(Array(layer.features()).count, 0)
        XCTAssertThrowsError(try layer.add(Feature(attributes: ["nope": .integer(1)]))) { error in
            XCTAssertTrue("\(error)".contains("no field 'nope'"), "\(error)")
        }
    }

    func testMissingFileErrorNamesPathAndReason() {
        let path = dir.appendingPathComponent("absent.gpkg").path
        XCTAssertThrowsError(try Dataset.open(path)) { error in
            let e = error as? GDALError
            XCTAssertEqual(e?.operation, "open")
            XCTAssertEqual(e?.path, path)
            XCTAssertTrue(e?.message.contains("No such file") == true || e?.message.contains("no such file") == true, "\(error)")
        }
    }

    func testCorruptFileErrorCarriesGDALMessage() throws {
        let path = dir.appendingPathComponent("corrupt.gpkg").path
        // A file that claims to be SQLite but is not a database.
        try Data("SQLite format 3\0".utf8 + [UInt8](repeating: 0xAB, count: 2048)).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Dataset.open(path, kind: .vector)) { error in
            let e = error as? GDALError
            XCTAssertEqual(e?.path, path)
            XCTAssertFalse(e?.message.isEmpty ?? true)
            XCTAssertTrue("\(error)".contains(path), "\(error)")
        }
        let junk = dir.appendingPathComponent("junk.shp").path
        try Data([0, 1, 2, 3]).write(to: URL(fileURLWithPath: junk))
        XCTAssertThrowsError(try Dataset.open(junk, kind: .vector)) { error in
            XCTAssertTrue("\(error)".contains(junk), "\(error)")
        }
    }

    func testWrapCutsAtTheSeamAndShiftsPieces() throws {
        // A line from 170 E to 190 E (= 170 W) crosses the antimeridian.
        let line = Geometry.lineString([.init(lon: 170, lat: 60), .init(lon: 190, lat: 60)])
        let split = try XCTUnwrap(GeometryOperations.splitAtAntimeridian(line))
        let box = try XCTUnwrap(split.boundingBox)
        XCTAssertGreaterThanOrEqual(box.west, -180)
        XCTAssertLessThanOrEqual(box.east, 180)
        XCTAssertEqual(split.paths.count, 2)
        // A polygon around Kursk seen with a seam at -144 (central meridian 36) is untouched.
        let poly = Geometry.polygon([[.init(lon: 35, lat: 51), .init(lon: 37, lat: 51), .init(lon: 37, lat: 52), .init(lon: 35, lat: 51)]])
        XCTAssertEqual(try GeometryOperations.wrap(poly, west: -144), poly)
    }
}
