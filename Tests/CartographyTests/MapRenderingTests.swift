import DataCatalog
import Bindings
import Cartography
import GeoCore
import DataBuild
import TestSupport
import XCTest

/// Maps drawn from the built data: golden images, antimeridian handling, determinism, atomic files.
final class MapRenderingTests: XCTestCase {
    override class func setUp() {
        super.setUp()
    }

    var data: DataDirectory!
    var dir: URL!
    let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    override func setUpWithError() throws {
        data = try DataDirectory.locate()
        dir = try temporaryDirectory("geobrief-map")
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// The colour of the pixel where `c` lands on a map drawn with `request`.
    func pixel(_ request: MapRequest, at c: Coordinate, in path: String) throws -> Pixel {
        let frame = try request.frame(width: Double(request.width), height: Double(request.height))
        let p = try XCTUnwrap(frame.frame([c]).first)
        let image = try ImageBuffer(png: path)
        guard (0..<Double(image.width)).contains(p.lon), (0..<Double(image.height)).contains(p.lat) else {
            throw OutsideFrame(description: "test point \(c) falls outside the frame at \(p)")
        }
        let v = image.pixels[Int(p.lat) * image.width + Int(p.lon)]
        return Pixel(x: Int(p.lon), y: Int(p.lat), r: Int((v >> 16) & 0xFF), g: Int((v >> 8) & 0xFF), b: Int(v & 0xFF))
    }

    struct OutsideFrame: Error, CustomStringConvertible { var description: String }

    /// A pixel's place and colour, printed in failure messages.
    struct Pixel: CustomStringConvertible {
        var x: Int, y: Int, r: Int, g: Int, b: Int
        var description: String { "pixel (\(x), \(y)) = rgb(\(r), \(g), \(b))" }
    }

    func isOcean(_ px: Pixel) -> Bool { px.b > px.r + 15 }

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
        for (c, what) in [(Coordinate(lon: 177.5, lat: 64.9), "Anadyr region"), (Coordinate(lon: -176, lat: 66.5), "Chukotka east of 180"),
                          (Coordinate(lon: -173, lat: 66), "the Chukotka peninsula"),
                          (Coordinate(lon: 159, lat: 55), "Kamchatka")] {
            let px = try pixel(request, at: c, in: path)
            XCTAssertFalse(isOcean(px), "\(what) is land: \(px)")
        }
        for (c, what) in [(Coordinate(lon: 175, lat: 55), "the Bering Sea"), (Coordinate(lon: -170, lat: 55), "the Bering Sea east of 180")] {
            let px = try pixel(request, at: c, in: path)
            XCTAssertTrue(isOcean(px), "\(what) is water: \(px)")
        }
    }

    func testWorldMapWithSeamInTheAtlanticHasNoStreaks() throws {
        let request = MapRequest(extent: BoundingBox(west: -180, south: -60, east: 180, north: 80),
                                 projection: "+proj=eqearth +lon_0=150 +datum=WGS84", width: 800, height: 400, dpi: 72, layers: [])
        let path = dir.appendingPathComponent("world.png").path
        try MapRenderer(data: data).render(request, to: path)
        // Either side of the seam (30 W): the South Atlantic appears at the left edge, the North Atlantic at the right.
        for c in [Coordinate(lon: -10, lat: -30), Coordinate(lon: -50, lat: 30), Coordinate(lon: -140, lat: 10), Coordinate(lon: -45, lat: 45)] {
            let px = try pixel(request, at: c, in: path)
            XCTAssertTrue(isOcean(px), "\(c) is ocean: \(px)")
        }
        for c in [Coordinate(lon: 100, lat: 60), Coordinate(lon: -100, lat: 40), Coordinate(lon: 20, lat: 0), Coordinate(lon: -175, lat: 66)] {
            let px = try pixel(request, at: c, in: path)
            XCTAssertFalse(isOcean(px), "\(c) is land: \(px)")
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
