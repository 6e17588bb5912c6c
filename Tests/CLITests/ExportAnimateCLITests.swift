import Bindings
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestSupport
import XCTest

/// `geobrief export` and `geobrief animate` on the built binary: the layers read back by GDAL,
/// KML's structure and times, the video's frames read back by FFmpeg; bad input.
final class ExportAnimateCLITests: XCTestCase {
    let cli = BinaryRunner()
    var dir: URL!
    override func setUpWithError() throws { dir = try temporaryDirectory("geobrief-outputs-cli") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }
    func example(_ name: String) -> String { BinaryRunner.packageRoot.appendingPathComponent("examples/\(name).yaml").path }
    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func testGeoPackageHasOneLayerPerKindReadByOGR() throws {
        let r = try cli.run(["export", example("nk-deployment"), "-o", path("nk.gpkg")])
        XCTAssertEqual(r.status, 0, r.stderr)
        guard let info = runTool("ogrinfo", ["-ro", "-so", "-al", path("nk.gpkg")]) else { throw XCTSkip("ogrinfo (gdal-bin) is not installed") }
        for (layer, count) in [("places", 19), ("route_legs", 5), ("areas", 1), ("units", 3), ("figures", 12), ("events", 8)] {
            XCTAssertTrue(info.contains("Layer name: \(layer)\n") , info)
            XCTAssertTrue(r.stdout.contains("\(count) \(layer.replacingOccurrences(of: "_", with: " "))"), r.stdout)
        }
        XCTAssertTrue(info.contains("World Geodetic System 1984"), "layers in WGS 84")
        XCTAssertTrue(info.contains("GeoNames (geonames.org), CC BY 4.0") && info.contains("searoute / MARNET"), "the data's attribution travels with the layers")
        // A figure keeps its value, range, qualifier, unit, date and source.
        let figures = try XCTUnwrap(runTool("ogrinfo", ["-ro", "-al", "-q", "-where", "id = 'F1'", path("nk.gpkg"), "figures"]))
        for s in ["value_min (Real) = 1500", "qualifier (String) = exact", "unit (String) = soldiers", "date_begin (String) = 2024-10-18",
                  "sources (String) = South Korean National Intelligence Service"] {
            XCTAssertTrue(figures.contains(s), "\(s) in \(figures)")
        }
        // A leg's routed and schematic lengths add up to its length.
        let legs = try XCTUnwrap(runTool("ogrinfo", ["-ro", "-q", "-dialect", "sqlite", "-sql",
                                                    "SELECT count(*) AS n FROM route_legs WHERE abs(routed_km + schematic_km - length_km) > 0.11", path("nk.gpkg")]))
        XCTAssertTrue(legs.contains("n (Integer) = 0"), legs)
        // The same story gives the same bytes.
        XCTAssertEqual(try cli.run(["export", example("nk-deployment"), "-o", path("again.gpkg")]).status, 0)
        XCTAssertEqual(FileManager.default.contents(atPath: path("nk.gpkg")), FileManager.default.contents(atPath: path("again.gpkg")))
    }

    func testKMLHasTheRequiredStructureAndTimeSpans() throws {
        let r = try cli.run(["export", example("sudan-war"), "--format", "kml", "-o", path("sudan.kml")])
        XCTAssertEqual(r.status, 0, r.stderr)
        let text = try String(contentsOfFile: path("sudan.kml"), encoding: .utf8)
        let doc = try XMLChecker(Data(text.utf8))
        XCTAssertEqual(doc.root, "kml")
        XCTAssertEqual(doc.namespace, "http://www.opengis.net/kml/2.2")
        XCTAssertEqual(doc.paths.filter { $0 == "kml/Document" }.count, 1)
        XCTAssertEqual(doc.paths.filter { $0 == "kml/Document/Folder" }.count, 6)
        // Every placemark has a name and one geometry; a time is a TimeSpan with begin and end.
        let placemarks = doc.paths.filter { $0 == "kml/Document/Folder/Placemark" }.count
        XCTAssertGreaterThan(placemarks, 5)
        XCTAssertEqual(doc.paths.filter { $0 == "kml/Document/Folder/Placemark/name" }.count, placemarks)
        let geometries = doc.paths.filter { ["Point", "MultiGeometry", "LineString", "Polygon"].contains($0.split(separator: "/").last.map(String.init) ?? "")
            && $0.split(separator: "/").count == 5 }.count
        XCTAssertEqual(geometries, placemarks)
        let spans = doc.paths.filter { $0.hasSuffix("Placemark/TimeSpan") }.count
        XCTAssertGreaterThan(spans, 0)
        XCTAssertEqual(doc.paths.filter { $0.hasSuffix("TimeSpan/begin") }.count, spans)
        XCTAssertEqual(doc.paths.filter { $0.hasSuffix("TimeSpan/end") }.count, spans)
        XCTAssertFalse(doc.paths.contains { $0.hasSuffix("TimeStamp") })
        // Inside a placemark the schema's order: name, TimeSpan, ExtendedData, then the geometry.
        XCTAssertTrue(doc.orderInPlacemarks.allSatisfy { order in
            let rank = ["name": 0, "TimeSpan": 1, "ExtendedData": 2]
            let ranks = order.map { rank[$0] ?? 3 }
            return ranks == ranks.sorted() && order.first == "name"
        }, "\(doc.orderInPlacemarks.prefix(3))")
        if let info = runTool("ogrinfo", ["-ro", "-so", path("sudan.kml")]) {
            XCTAssertTrue(info.contains("places") && info.contains("events"), info)
        }
        let g = try cli.run(["export", example("sudan-war"), "-o", path("sudan.geojson")])
        XCTAssertEqual(g.status, 0, g.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("sudan.geojson")))) as? [String: Any])
        XCTAssertEqual(json["type"] as? String, "FeatureCollection")
        XCTAssertEqual((json["features"] as? [[String: Any]])?.count, placemarks)
        XCTAssertTrue((json["attribution"] as? String)?.contains("GeoNames") ?? false)
    }

    func testExportRefusesUnknownFormatsAndKeepsAnExistingFile() throws {
        let a = try cli.run(["export", example("red-sea-diversion"), "--format", "shp"])
        XCTAssertNotEqual(a.status, 0)
        XCTAssertTrue(a.stderr.contains("'geojson', 'gpkg' or 'kml'"), a.stderr)
        let b = try cli.run(["export", example("red-sea-diversion"), "-o", path("x.shp")])
        XCTAssertNotEqual(b.status, 0)
        XCTAssertTrue(b.stderr.contains(".shp is not a format export writes"), b.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("x.shp")))
        let c = try cli.run(["export", example("red-sea-diversion"), "--format", "kml", "-o", path("x.gpkg")])
        XCTAssertTrue(c.stderr.contains("make them agree"), c.stderr)
        // A scenario that fails leaves the file already there as it was.
        try Data("before".utf8).write(to: URL(fileURLWithPath: path("keep.gpkg")))
        try Data("title: [unclosed".utf8).write(to: URL(fileURLWithPath: path("bad.yaml")))
        XCTAssertNotEqual(try cli.run(["export", path("bad.yaml"), "-o", path("keep.gpkg")]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: path("keep.gpkg"), encoding: .utf8), "before")
    }

    /// The reddish pixels of a frame (the hostile side's route and symbols).
    func redPixels(_ png: String) throws -> Int {
        try ImageBuffer(png: png).pixels.filter { p in
            let r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff
            return r > 150 && g < 100 && b < 100
        }.count
    }

    func testMP4GrowsTheRouteAlongItsDatesAndIsTheSameEachTime() throws {
        let out = path("nk.mp4")
        let r = try cli.run(["animate", example("nk-deployment"), "--view", "overview", "--size", "1280x720", "--duration", "2", "--fps", "10",
                             "--from", "2024-10-01", "-o", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("20 frames, 1280x720"), r.stdout)
        guard let probe = runTool("ffprobe", ["-v", "error", "-count_frames", "-show_entries", "stream=codec_name,width,height,nb_read_frames,r_frame_rate",
                                              "-of", "compact", out]) else { throw XCTSkip("ffprobe (ffmpeg) is not installed") }
        XCTAssertTrue(probe.contains("codec_name=h264|width=1280|height=720|r_frame_rate=10/1|nb_read_frames=20"), probe)
        // The first frame shows no deployment yet; the last shows it all.
        for (n, name) in [(0, "first"), (19, "last")] {
            XCTAssertNotNil(runTool("ffmpeg", ["-loglevel", "error", "-y", "-i", out, "-vf", "select=eq(n\\,\(n))", "-vsync", "0", "-frames:v", "1", path("\(name).png")]))
        }
        let first = try redPixels(path("first.png")), last = try redPixels(path("last.png"))
        XCTAssertGreaterThan(last, first + 500, "first \(first), last \(last) reddish pixels")
        let again = try cli.run(["animate", example("nk-deployment"), "--view", "overview", "--size", "1280x720", "--duration", "2", "--fps", "10",
                                 "--from", "2024-10-01", "-o", path("again.mp4")])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(FileManager.default.contents(atPath: out), FileManager.default.contents(atPath: path("again.mp4")))
    }

    func testGIFHasARealPaletteAndAPNGAndWebMAreWritten() throws {
        for format in ["gif", "apng", "webm"] {
            let out = path("rs.\(format)")
            let r = try cli.run(["animate", example("red-sea-diversion"), "--size", "320x240", "--duration", "1", "--fps", "5", "-o", out])
            XCTAssertEqual(r.status, 0, r.stderr)
            guard let probe = runTool("ffprobe", ["-v", "error", "-count_frames", "-show_entries", "stream=codec_name,width,height,nb_read_frames", "-of", "compact", out]) else {
                throw XCTSkip("ffprobe (ffmpeg) is not installed")
            }
            let codec = ["gif": "gif", "apng": "apng", "webm": "vp9"][format]!
            XCTAssertTrue(probe.contains("codec_name=\(codec)|width=320|height=240|nb_read_frames=5"), "\(format): \(probe)")
        }
        // A GIF's global colour table: 256 entries (GIF89a, flag bit 7 set, size bits 7).
        let gif = try Data(contentsOf: URL(fileURLWithPath: path("rs.gif")))
        XCTAssertEqual(String(decoding: gif.prefix(6), as: UTF8.self), "GIF89a")
        XCTAssertTrue(gif[10] & 0x80 != 0 && gif[10] & 0x07 == 7, String(gif[10], radix: 2))
    }

    func testAnimationBadInputWritesNothing() throws {
        try Data("before".utf8).write(to: URL(fileURLWithPath: path("keep.mp4")))
        let cases: [([String], String)] = [
            (["--from", "2020-01-01", "--to", "2020-02-01"], "no dated item falls between 2020-01-01 and 2020-02-01"),
            (["--fps", "500"], "--fps 500: expected 1...60"),
            (["--duration", "0"], "--duration 0.0: expected 1...120"),
            (["--fps", "60", "--duration", "120"], "at most 3600"),
            (["--from", "October"], "--from 'October': expected a date"),
            (["--format", "gif"], "ends in .mp4 but --format is gif"),
            (["--view", "nowhere"], "no view is named 'nowhere'"),
        ]
        for (args, message) in cases {
            let r = try cli.run(["animate", example("red-sea-diversion")] + args + ["-o", path("keep.mp4")])
            XCTAssertNotEqual(r.status, 0, "\(args)")
            XCTAssertTrue(r.stderr.contains(message), "\(args): \(r.stderr)")
            XCTAssertEqual(try String(contentsOfFile: path("keep.mp4"), encoding: .utf8), "before", "\(args) changed the file")
        }
        let avi = try cli.run(["animate", example("red-sea-diversion"), "-o", path("x.avi")])
        XCTAssertTrue(avi.stderr.contains(".avi is not an animation format"), avi.stderr)
        // A scenario without dates says so.
        try Data("title: Undated\nplaces:\n  - {id: a, name: Kursk, country: RU}\nviews:\n  - {name: v, fit: [a]}\n".utf8)
            .write(to: URL(fileURLWithPath: path("undated.yaml")))
        let u = try cli.run(["animate", path("undated.yaml"), "-o", path("u.mp4")])
        XCTAssertEqual(u.status, 1)
        XCTAssertTrue(u.stderr.contains("has no dated item"), u.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("u.mp4")))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp") || $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [])
    }
}

/// Element paths of an XML document, and the order of each placemark's children.
struct XMLChecker {
    var root = "", namespace = ""
    var paths: [String] = []
    var orderInPlacemarks: [[String]] = []

    init(_ data: Data) throws {
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = delegate
        guard parser.parse() else { throw parser.parserError ?? NSError(domain: "xml", code: 1) }
        (root, namespace, paths, orderInPlacemarks) = (delegate.root, delegate.namespace, delegate.paths, delegate.placemarks)
    }

    final class Delegate: NSObject, XMLParserDelegate {
        var stack: [String] = [], paths: [String] = [], placemarks: [[String]] = []
        var root = "", namespace = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if stack.isEmpty { root = name; namespace = namespaceURI ?? "" }
            if stack.last == "Placemark" { placemarks[placemarks.count - 1].append(name) }
            stack.append(name)
            paths.append(stack.joined(separator: "/"))
            if name == "Placemark" { placemarks.append([]) }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { stack.removeLast() }
    }
}
