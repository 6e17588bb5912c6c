import Foundation
import GeoCore
import GeoPackage
import TestSupport
import XCTest

/// Users' polygon and line files read without GDAL: GeoJSON and GeoPackage, anything else refused
/// with the command that converts it.
final class VectorFileTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws { dir = try temporaryDirectory("geobrief-vector") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func file(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func testGeoJSONPolygonsAndLinesInEveryWrapping() throws {
        let square = "[[[35,51],[36,51],[36,52],[35,52],[35,51]]]"
        let collection = try file("a.geojson", """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":\(square)}},
              {"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[\(square),\(square)]}},
              {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[35,51],[36,52]]}},
              {"type":"Feature","properties":{},"geometry":null}]}
            """)
        let polygons = try VectorFile.polygons(path: collection)
        XCTAssertEqual(polygons.count, 2)
        XCTAssertTrue(polygons[0].contains(Coordinate(lon: 35.5, lat: 51.5)))
        XCTAssertEqual(try VectorFile.geometries(path: collection).count, 3)
        let bare = try file("bare.json", "{\"type\":\"Polygon\",\"coordinates\":\(square)}")
        XCTAssertEqual(try VectorFile.polygons(path: bare).count, 1)
    }

    func testBadFilesNameTheProblem() throws {
        let cases: [(String, String, String)] = [
            ("nan.geojson", "{\"type\":\"Polygon\",\"coordinates\":[[[35,51],[36,51],[36,100],[35,51]]]}", "not a longitude and latitude"),
            ("broken.geojson", "{\"type\":\"Polygon\",", "not valid JSON"),
            ("points.geojson", "{\"type\":\"Point\",\"coordinates\":[35,51]}", "no Polygon"),
            ("ring.geojson", "{\"type\":\"Polygon\",\"coordinates\":[[[35,51],[36,51]]]}", "fewer than 4 positions"),
            ("strings.geojson", "{\"type\":\"Polygon\",\"coordinates\":[[[\"a\",51],[36,51],[36,52],[35,51]]]}", "not [longitude, latitude]"),
            ("odd.geojson", "{\"type\":\"Blob\"}", "unknown GeoJSON type"),
            ("areas.kml", "<kml/>", "geobrief data import --areas"),
        ]
        for (name, text, expected) in cases {
            let path = try file(name, text)
            XCTAssertThrowsError(try VectorFile.polygons(path: path), name) { e in
                XCTAssertTrue("\(e)".contains(expected) && "\(e)".contains(name), "\(name): \(e)")
            }
        }
        var deep = "{\"type\":\"Polygon\",\"coordinates\":[[[35,51],[36,51],[36,52],[35,51]]]}"
        for _ in 0..<20 { deep = "{\"type\":\"GeometryCollection\",\"geometries\":[\(deep)]}" }
        XCTAssertThrowsError(try VectorFile.polygons(path: try file("deep.geojson", deep))) { XCTAssertTrue("\($0)".contains("nested"), "\($0)") }
    }

    /// A GeoPackage in EPSG:4326 is read; one in another system is refused with the conversion.
    func testGeoPackagesInLonLatOnly() throws {
        let source = try file("sq.geojson", "{\"type\":\"Polygon\",\"coordinates\":[[[35,51],[36,51],[36,52],[35,52],[35,51]]]}")
        let wgs = dir.appendingPathComponent("wgs.gpkg").path, merc = dir.appendingPathComponent("merc.gpkg").path
        XCTAssertNotNil(runTool("ogr2ogr", ["-f", "GPKG", wgs, source]))
        XCTAssertNotNil(runTool("ogr2ogr", ["-f", "GPKG", "-t_srs", "EPSG:3857", merc, source]))
        XCTAssertEqual(try VectorFile.polygons(path: wgs).count, 1)
        XCTAssertThrowsError(try VectorFile.polygons(path: merc)) { XCTAssertTrue("\($0)".contains("not EPSG:4326") && "\($0)".contains("data import --areas"), "\($0)") }
    }
}
