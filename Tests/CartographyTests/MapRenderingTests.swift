import Bindings
import Cartography
import GeoCore
import GeoData
import TestSupport
import XCTest

/// Maps drawn from the built data: golden images, antimeridian handling, determinism, atomic files.
final class MapRenderingTests: XCTestCase {
    var data: DataDirectory!
    var dir: URL!
    let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    override func setUpWithError() throws {
        data = try DataDirectory.locate()
        dir = try temporaryDirectory("geobrief-map")
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// The colour of the pixel where `c` lands on a map drawn with `request`.
    func pixel(_ request: MapRequest, at c: Coordinate, in path: String) throws -> (r: Int, g: Int, b: Int) {
        let projection = try request.projection.map { try MapProjection(definition: $0) } ?? MapProjection.automatic(for: request.extent)
        let frame = try MapFrame(extent: request.extent, projection: projection, width: Double(request.width), height: Double(request.height))
        let p = try XCTUnwrap(frame.frame([c]).first)
        let image = try ImageBuffer(png: path)
        let v = image.pixels[Int(p.lat) * image.width + Int(p.lon)]
        return (Int((v >> 16) & 0xFF), Int((v >> 8) & 0xFF), Int(v & 0xFF))
    }

    func isOcean(_ px: (r: Int, g: Int, b: Int)) -> Bool { px.b > px.r + 15 }

    func testKurskRegionMatchesGoldenImage() throws {
        let path = dir.appendingPathComponent("kursk-400x300.png").path
        let request = MapRequest(extent: BoundingBox(west: 33.6, south: 50.55, east: 38.6, north: 52.45), width: 400, height: 300, dpi: 72,
                                 title: "Kursk region")
        try MapRenderer(data: data).render(request, to: path)
        // Tolerance: 0.5% of pixels may differ by more than 16 per channel (antialiasing, font hinting).
        let outcome = try GoldenImage(maxDifferingShare: 0.005, channelTolerance: 16)
            .compare(actual: path, reference: snapshots.appendingPathComponent("kursk-400x300-72.png").path)
        XCTAssertTrue(outcome.passed, outcome.message)
    }

    func testLandAcrossTheAntimeridianDrawsOnBothSides() throws {
        // Chukotka and Kamchatka: the box runs from 155 E past 180 to 165 W.
        let request = MapRequest(extent: BoundingBox(west: 155, south: 50, east: -165, north: 70), width: 600, height: 400, dpi: 72, layers: [])
        XCTAssertTrue(request.extent.crossesAntimeridian)
        let path = dir.appendingPathComponent("bering.png").path
        try MapRenderer(data: data).render(request, to: path)
        XCTAssertFalse(isOcean(try pixel(request, at: Coordinate(lon: 177.5, lat: 64.9), in: path)), "Anadyr region is land")
        XCTAssertFalse(isOcean(try pixel(request, at: Coordinate(lon: -172.5, lat: 65.6), in: path)), "Chukotka east of 180 is land")
        XCTAssertFalse(isOcean(try pixel(request, at: Coordinate(lon: 159, lat: 55), in: path)), "Kamchatka is land")
        XCTAssertTrue(isOcean(try pixel(request, at: Coordinate(lon: 175, lat: 55), in: path)), "the Bering Sea is water")
        XCTAssertTrue(isOcean(try pixel(request, at: Coordinate(lon: -170, lat: 55), in: path)), "the Bering Sea east of 180 is water")
    }

    func testWorldMapWithSeamInTheAtlanticHasNoStreaks() throws {
        let request = MapRequest(extent: BoundingBox(west: -180, south: -60, east: 180, north: 80),
                                 projection: "+proj=eqearth +lon_0=150 +datum=WGS84", width: 800, height: 400, dpi: 72, layers: [])
        let path = dir.appendingPathComponent("world.png").path
        try MapRenderer(data: data).render(request, to: path)
        for c in [Coordinate(lon: -40, lat: 30), Coordinate(lon: -20, lat: -20), Coordinate(lon: -140, lat: 10), Coordinate(lon: -35, lat: 45)] {
            XCTAssertTrue(isOcean(try pixel(request, at: c, in: path)), "\(c) is ocean")
        }
        for c in [Coordinate(lon: 100, lat: 60), Coordinate(lon: -100, lat: 40), Coordinate(lon: 20, lat: 0), Coordinate(lon: -175, lat: 66)] {
            XCTAssertFalse(isOcean(try pixel(request, at: c, in: path)), "\(c) is land")
        }
    }

    func testSameRequestGivesSameBytesInEveryFormat() throws {
        let request = MapRequest(extent: BoundingBox(west: 35, south: 51, east: 36, north: 51.5), width: 300, height: 200, dpi: 72, title: "Sudzha")
        for ext in ["png", "pdf", "svg"] {
            let a = dir.appendingPathComponent("a.\(ext)").path, b = dir.appendingPathComponent("b.\(ext)").path
            try MapRenderer(data: data).render(request, to: a)
            try MapRenderer(data: data).render(request, to: b)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: a)), try Data(contentsOf: URL(fileURLWithPath: b)), ext)
        }
    }

    func testAttributionNamesOnlyWhatWasDrawn() throws {
        let path = dir.appendingPathComponent("attr.pdf").path
        let request = MapRequest(extent: BoundingBox(west: 35, south: 51, east: 36, north: 51.5), width: 400, height: 300, dpi: 72,
                                 layers: [.rail])
        try MapRenderer(data: data).render(request, to: path)
        let text = try XCTUnwrap(runTool("pdftotext", [path, "-"]))
        XCTAssertTrue(text.contains("OpenStreetMap contributors"), text)
        XCTAssertTrue(text.contains("Natural Earth"), text)
        XCTAssertFalse(text.contains("MARNET"), "no sea lane is drawn inland: \(text)")
    }

    func testAutomaticProjectionAndFrame() throws {
        let box = BoundingBox(west: 25, south: 35, east: 145, north: 62)
        let p = try MapProjection.automatic(for: box)
        XCTAssertTrue(p.definition.contains("+proj=lcc"))
        XCTAssertEqual(p.centralMeridian, 85, accuracy: 1e-9)
        let frame = try MapFrame(extent: box, projection: p, width: 2000, height: 1000)
        let corners = frame.frame([Coordinate(lon: 25, lat: 35), Coordinate(lon: 145, lat: 35), Coordinate(lon: 85, lat: 62)])
        for c in corners {
            XCTAssertTrue((-1...2001).contains(c.lon) && (-1...1001).contains(c.lat), "\(c) inside the frame")
        }
        let cover = frame.coveringBox
        XCTAssertTrue(cover.contains(Coordinate(lon: 30, lat: 40)) && cover.contains(Coordinate(lon: 140, lat: 60)))
        XCTAssertThrowsError(try MapFormat(path: "map.gif")) { XCTAssertTrue("\($0)".contains(".png, .pdf or .svg")) }
    }
}
