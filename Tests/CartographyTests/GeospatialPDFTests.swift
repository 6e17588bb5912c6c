import Bindings
import Cartography
import DataCatalog
import Foundation
import GeoCore
import TestSupport
import XCTest

/// Map PDFs carry ISO 32000 geospatial encoding: GDAL reads their coordinate system and
/// geotransform, the frame's corners come back within 0.5 % of its extent, and a distance
/// measured on the PDF (page positions to places through GDAL) is within 1 % of the geodesic one.
final class GeospatialPDFTests: XCTestCase {
    var data: DataDirectory!
    var dir: URL!
    override func setUpWithError() throws {
        data = try DataDirectory.locate()
        dir = try temporaryDirectory("geobrief-geopdf")
        guard runTool("gdalinfo", ["--version"]) != nil else { throw XCTSkip("gdalinfo (gdal-bin) is not installed") }
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// Renders `request` to PDF and checks it against GDAL's reading; `a` and `b` are two places on the map.
    func check(_ name: String, _ request: MapRequest, _ a: Coordinate, _ b: Coordinate, expectsName: String) throws {
        let path = dir.appendingPathComponent("\(name).pdf").path
        try MapRenderer(data: data).render(request, to: path)
        let points = 72 / request.dpi
        let (pw, ph) = (Double(request.width) * points, Double(request.height) * points)
        let frame = try request.frame(width: pw, height: ph)
        let json = try XCTUnwrap(runTool("gdalinfo", ["-json", path]))
        let info = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let wkt = ((info["coordinateSystem"] as? [String: Any])?["wkt"] as? String) ?? ""
        XCTAssertTrue(wkt.contains(expectsName), "\(name): GDAL reads no \(expectsName) system: \(wkt.prefix(300))")
        let gt = try XCTUnwrap(info["geoTransform"] as? [Double], "\(name): no geotransform")
        let size = try XCTUnwrap(info["size"] as? [Int])
        let (w, h) = (Double(size[0]), Double(size[1]))
        // The page is the map frame: its corners as GDAL reads them, against the frame's own.
        let (spanX, spanY) = (frame.maxX - frame.minX, frame.maxY - frame.minY)
        XCTAssertEqual(gt[0], frame.minX, accuracy: spanX * 0.005, "\(name): west edge")
        XCTAssertEqual(gt[3], frame.maxY, accuracy: spanY * 0.005, "\(name): north edge")
        XCTAssertEqual(gt[0] + w * gt[1], frame.maxX, accuracy: spanX * 0.005, "\(name): east edge")
        XCTAssertEqual(gt[3] + h * gt[5], frame.minY, accuracy: spanY * 0.005, "\(name): south edge")
        XCTAssertEqual(gt[2], 0, accuracy: 1e-9)
        XCTAssertEqual(gt[4], 0, accuracy: 1e-9)
        // A distance measured on the PDF: the two places' positions on the page, to places through GDAL.
        let onPage = frame.frame([a, b])
        XCTAssertEqual(onPage.count, 2)
        let input = onPage.map { "\($0.lon / pw * w) \($0.lat / ph * h)" }.joined(separator: "\n") + "\n"
        let out = try XCTUnwrap(runTool("gdaltransform", ["-t_srs", "+proj=longlat +datum=WGS84 +no_defs", path], stdin: input))
        let read = out.split(separator: "\n").map { $0.split(separator: " ").compactMap { Double($0) } }
        XCTAssertEqual(read.count, 2, out)
        let measured = Geodesic().distance(Coordinate(lon: read[0][0], lat: read[0][1]), Coordinate(lon: read[1][0], lat: read[1][1]))
        let truth = Geodesic().distance(a, b)
        XCTAssertEqual(measured / truth, 1, accuracy: 0.01, "\(name): measured \(measured) m on the PDF, geodesic \(truth) m")
    }

    func testLambertConicMapOfKursk() throws {
        let request = MapRequest(extent: BoundingBox(west: 33.6, south: 50.55, east: 38.6, north: 52.45), width: 800, height: 600, dpi: 96, layers: [])
        try check("kursk", request, Coordinate(lon: 34.0, lat: 51.0), Coordinate(lon: 38.0, lat: 52.2), expectsName: "Lambert Conic Conformal")
    }

    func testEqualEarthWorldMapWithCornersOffTheGlobe() throws {
        let request = MapRequest(extent: BoundingBox(west: -180, south: -60, east: 180, north: 80), width: 1000, height: 520, dpi: 72, layers: [])
        try check("world", request, Coordinate(lon: -74, lat: 40.7), Coordinate(lon: 2.35, lat: 48.85), expectsName: "Equal Earth")
    }

    func testWebMercatorMapOfTheRedSea() throws {
        let request = MapRequest(extent: BoundingBox(west: 32, south: 11, east: 44, north: 30), projection: "EPSG:3857", width: 600, height: 900, dpi: 72, layers: [])
        try check("red-sea", request, Coordinate(lon: 32.5, lat: 29.9), Coordinate(lon: 43.3, lat: 12.6), expectsName: "Mercator")
    }

    /// Every map page of a multi-page PDF is georeferenced on its own page.
    func testEachPageOfAMultiPagePDFHasItsOwnFrame() throws {
        let path = dir.appendingPathComponent("pages.pdf").path
        let surface = try Surface.pdf(path: path, width: 600, height: 800)
        let canvas = try Canvas(surface)
        let renderer = MapRenderer(data: data)
        let requests = [MapRequest(extent: BoundingBox(west: 33.6, south: 50.55, east: 38.6, north: 52.45), width: 500, height: 400, dpi: 72, layers: []),
                        MapRequest(extent: BoundingBox(west: 125, south: 38, east: 136, north: 46), width: 500, height: 400, dpi: 72, layers: [])]
        for (i, r) in requests.enumerated() {
            if i > 0 { canvas.showPage() }
            try canvas.withState {
                canvas.translate(50, 300)
                try renderer.draw(r, on: canvas, width: 500, height: 400)
            }
        }
        try surface.finish()
        for (i, r) in requests.enumerated() {
            let json = try XCTUnwrap(runTool("gdalinfo", ["-json", "PDF:\(i + 1):\(path)"]))
            let info = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let corners = try XCTUnwrap(info["cornerCoordinates"] as? [String: [Double]])
            let gt = try XCTUnwrap(info["geoTransform"] as? [Double])
            let frame = try r.frame(width: 500, height: 400)
            // The frame starts 50 pt from the page's left edge: the page's west edge is 50 pt of map further west.
            let perPoint = (frame.maxX - frame.minX) / 500
            XCTAssertEqual(gt[0], frame.minX - 50 * perPoint, accuracy: (frame.maxX - frame.minX) * 0.005, "page \(i + 1)")
            XCTAssertEqual(gt[3], frame.maxY + 300 * perPoint, accuracy: (frame.maxY - frame.minY) * 0.005, "page \(i + 1)")
            XCTAssertNotNil(corners["upperLeft"])
        }
        // Readers still open it, and the text of the pages is intact.
        XCTAssertNotNil(runTool("pdfinfo", [path]))
    }
}
