import DataCatalog
import Export
import Foundation
import GeoCore
import GeoPackage
import Scenes
import XCTest

/// The story's layers: what each carries, geometry blobs read back, KML text escaped and dated.
final class StoryLayersTests: XCTestCase {
    func testBlobsReadBackAsTheGeometryWritten() throws {
        let ring = [Coordinate(lon: 30, lat: 50), Coordinate(lon: 31, lat: 50), Coordinate(lon: 31, lat: 51), Coordinate(lon: 30, lat: 50)]
        for g in [Geometry.point(Coordinate(lon: 36.19, lat: 51.73)), .multiLineString([ring, Array(ring.prefix(2))]), .multiPolygon([[ring]])] {
            XCTAssertEqual(try GeoPackageFile.decodeBlob(Data(GeoPackageWriter.blob(g))), g)
        }
    }

    func testLayersOfAStoryWithGivenCoordinates() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geobrief-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.yaml").path
        try """
        title: "Two towns & a <line>"
        sources:
          - {id: s1, publisher: "Agency \\"A\\"", date: 2024-05-02}
        places:
          - {id: a, name: Alpha, lat: 50.0, lon: 30.0, kind: town}
          - {id: b, name: Beta, lat: 50.5, lon: 31.0, kind: town}
        routes:
          - {id: r, label: Move, legs: ["a>b:direct"], date: 2024-05-01/2024-05-03}
        figures:
          - {id: f, quantity: troops, value: "1000-2000", unit: soldiers, date: 2024-05, sources: [s1], attach: a}
        events:
          - {date: 2024-05-02, place: b, text: "Arrived <b>", sources: [s1]}
        views:
          - {name: v, fit: [a, b]}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try LoadedScenario.load(path, data: try DataDirectory.locate())
        let layers = StoryLayers(loaded.resolved, manifest: try? loaded.data.manifest())
        XCTAssertEqual(layers.layers.map(\.name), ["places", "route_legs", "areas", "units", "figures", "events"])
        XCTAssertEqual(layers.layers.map(\.features.count), [2, 1, 0, 0, 1, 1])
        let legs = layers.layers[1]
        func value(_ layer: GeoPackageLayer, _ column: String) -> String {
            let i = layer.columns.firstIndex { $0.name == column }!
            return "\(layer.features[0].values[i])"
        }
        XCTAssertEqual(value(legs, "mode"), "text(\"direct\")")
        XCTAssertEqual(value(legs, "date_begin"), "text(\"2024-05-01\")")
        XCTAssertEqual(value(layers.layers[4], "value_max"), "real(2000.0)")
        XCTAssertTrue(value(layers.layers[4], "sources").contains("Agency \\\"A\\\", 2024-05-02"))
        let kml = layers.kml()
        XCTAssertTrue(kml.contains("<name>Two towns &amp; a &lt;line&gt;</name>"), kml)
        XCTAssertTrue(kml.contains("<TimeSpan><begin>2024-05-01</begin><end>2024-05-03</end></TimeSpan>"))
        XCTAssertTrue(kml.contains("<TimeSpan><begin>2024-05-01</begin><end>2024-05-31</end></TimeSpan>"), "a month covers its days")
        XCTAssertTrue(kml.contains("<name>Arrived &lt;b&gt;</name>"))
        XCTAssertTrue(kml.contains("<name>troops: 1,000–2,000</name>"), kml)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: try layers.geoJSON()) as? [String: Any])
        XCTAssertEqual((json["features"] as? [Any])?.count, 5)
    }
}
