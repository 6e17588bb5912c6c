import Foundation
import TestSupport
import XCTest

/// Issue 16: what `validate` accepts, `render`, `brief` and `batch` draw without a trap; what they
/// cannot draw, `validate` refuses with a located message. Each case was seen to crash or mislead.
final class HardeningTests: XCTestCase {
    let cli = BinaryRunner()
    var dir: URL!

    override func setUpWithError() throws { dir = try temporaryDirectory("geobrief-hardening") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// A small valid scenario at Kursk with `extra` appended to its figures, events or views.
    func scenario(_ name: String, figures: String = "", events: String = "", view: String = "    fit: [kursk, sudzha]\n",
                  areas: String = "") throws -> String {
        let path = dir.appendingPathComponent("\(name).yaml").path
        try """
        title: Hardening \(name)
        as_of: 2024-12-01
        sources:
          - {id: s, publisher: Test source, date: 2024-12-01}
        places:
          - {id: kursk, name: Kursk, lat: 51.7373, lon: 36.1874, country: RU}
          - {id: sudzha, name: Sudzha, lat: 51.1917, lon: 35.2708, country: RU}
        \(areas)figures:
          - {id: F0, quantity: Troops, value: "100", unit: troops, date: 2024-11-01, sources: [s], attach: kursk}
        \(figures)events:
          - {date: 2024-11-02, place: kursk, text: "Something happens.", sources: [s]}
        \(events)views:
          - name: v
            size: 600x400
        \(view)
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Validates, renders (PNG, PDF, SVG) and briefs `path`: each either succeeds or fails with a
    /// message, never a signal, and leaves no temporary.
    func assertNoTrap(_ path: String, validates: Bool = true, file: StaticString = #filePath, line: UInt = #line) throws {
        let v = try cli.run(["validate", path])
        if validates { XCTAssertEqual(v.status, 0, "validate: \(v.stderr)", file: file, line: line) }
        let out = dir.appendingPathComponent("out-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let runs = [["render", path, "--format", "png,pdf,svg", "-o", out], ["brief", path, "-o", out + "/b.pdf"]]
        for args in runs {
            let r = try cli.run(args)
            XCTAssertTrue(r.status == 0 || r.status == 1 || r.status == 65, "\(args[0]) exited \(r.status): \(r.stderr)", file: file, line: line)
            XCTAssertFalse(r.stderr.contains("Fatal error") || r.stderr.isEmpty && r.status != 0, "\(args[0]): \(r.stderr)", file: file, line: line)
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".") }
        XCTAssertEqual(left, [], "no temporary is left", file: file, line: line)
    }

    func testAHugeFigureValueIsDrawnOrRefusedNeverATrap() throws {
        let p = try scenario("huge", figures: "  - {id: F1, quantity: Money, value: \"10000000000001.23 million\", unit: USD, date: 2024-11-01, sources: [s], attach: sudzha}\n")
        try assertNoTrap(p, validates: false)
        let v = try cli.run(["validate", p])
        XCTAssertTrue(v.stderr.contains("huge.yaml:10:") && v.stderr.contains("figures[1].value") && v.stderr.contains("at most 10^15"), v.stderr)
        // At the limit it validates and is drawn.
        let big = try scenario("big", figures: "  - {id: F1, quantity: Money, value: \"999000000 million\", unit: USD, date: 2024-11-01, sources: [s], attach: sudzha}\n")
        try assertNoTrap(big)
    }

    func testFarDatesOnTheTimelineAreDrawn() throws {
        let p = try scenario("dates", figures: "  - {id: F1, quantity: Troops, value: \"200\", unit: troops, date: 1000-12-23, sources: [s], attach: kursk}\n",
                             events: "  - {date: 9999-12-31, text: \"Far future.\", sources: [s]}\n  - {date: 9999-12, text: \"Month.\", sources: [s]}\n  - {date: 9999, text: \"Year.\", sources: [s]}\n")
        try assertNoTrap(p)
    }

    func testProjectionsAndWindowsAtTheirLimits() throws {
        for (name, view) in [
            ("cea", "    fit: [kursk, sudzha]\n    projection: \"+proj=cea +lat_ts=90\"\n"),
            ("tiny", "    window: [0, 0, 1e-300, 1e-300]\n    projection: \"EPSG:3857\"\n"),
            ("huge", "    window: [-1e9, -1e9, 1e9, 1e9]\n    projection: \"EPSG:3857\"\n"),
            ("rim", "    fit: [kursk, sudzha]\n    projection: \"+proj=aeqd +lat_0=-51 +lon_0=-144\"\n"),
        ] {
            let p = try scenario("view-\(name)", view: view)
            try assertNoTrap(p, validates: false)
        }
        // A window too small or too large to be a map, and a projection that cannot show the box, are refused.
        for name in ["cea", "tiny", "huge", "rim"] {
            let v = try cli.run(["validate", dir.appendingPathComponent("view-\(name).yaml").path])
            XCTAssertEqual(v.status, 1, "\(name): \(v.stdout)")
            XCTAssertTrue(v.stderr.contains("view-\(name).yaml:") && v.stderr.contains("views.v"), v.stderr)
        }
        let map = try cli.run(["map", "--bbox", "33.5,50.4,38.6,52.5", "--projection", "+proj=cea +lat_ts=90", "--size", "400x300",
                               "-o", dir.appendingPathComponent("cea.png").path])
        XCTAssertEqual(map.status, 1, map.stderr)
        XCTAssertTrue(map.stderr.contains("cannot show") && map.stderr.contains("more one way than another"), map.stderr)
    }

    func testAreaFilesWithNonFiniteOrFarVerticesAreRefused() throws {
        for (name, ring) in [("nan", "[[35,51],[NaN,51.5],[36,52],[35,51]]"), ("far", "[[35,51],[1e308,51.5],[-1e308,52],[35,51]]")] {
            let geojson = dir.appendingPathComponent("\(name).geojson").path
            // NaN is not JSON; GDAL's reader accepts it, as a user's file may have it.
            try """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[\(ring)]}}]}
            """.write(toFile: geojson, atomically: true, encoding: .utf8)
            let p = try scenario("area-\(name)", areas: "areas:\n  - {id: a, label: Zone, file: \(geojson)}\n")
            try assertNoTrap(p, validates: false)
            let v = try cli.run(["validate", p])
            XCTAssertEqual(v.status, 1, v.stdout)
            XCTAssertTrue(v.stderr.contains("\(name).geojson") && v.stderr.contains("areas[0]"), v.stderr)
        }
    }

    /// A polygon file only GDAL reads (a Shapefile) is refused by maps and routes, which read
    /// GeoJSON and GeoPackage without GDAL, with the command that converts it; converted once by
    /// `geobrief data import --areas`, it is drawn and avoided.
    func testShapefileAreasAreConvertedOnceByDataImport() throws {
        let geojson = dir.appendingPathComponent("zone.geojson").path
        try """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[35.0,51.0],[35.6,51.0],[35.6,51.4],[35.0,51.4],[35.0,51.0]]]}}]}
        """.write(toFile: geojson, atomically: true, encoding: .utf8)
        let shp = dir.appendingPathComponent("zone.shp").path
        XCTAssertNotNil(runTool("ogr2ogr", ["-f", "ESRI Shapefile", shp, geojson]))
        let p = try scenario("area-shp", areas: "areas:\n  - {id: a, label: Zone, file: \(shp)}\n")
        let refused = try cli.run(["validate", p])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("zone.shp") && refused.stderr.contains("geobrief data import --areas"), refused.stderr)
        // Its place and field said once ("area-shp.yaml:N:5: areas[0].file: ..."), not nested twice.
        XCTAssertTrue(refused.stderr.contains(": areas[0].file: "), refused.stderr)
        XCTAssertEqual(refused.stderr.components(separatedBy: "area-shp.yaml:").count, 2, refused.stderr)
        let avoid = try cli.run(["route", "Moscow", "Kursk", "--avoid", shp])
        XCTAssertTrue(avoid.stderr.contains("geobrief data import --areas"), avoid.stderr)

        let converted = try cli.run(["data", "import", "--areas", shp])
        XCTAssertEqual(converted.status, 0, converted.stderr)
        let gpkg = dir.appendingPathComponent("zone.areas.gpkg").path
        XCTAssertTrue(converted.stdout.contains(gpkg) && converted.stdout.contains("1 polygon"), converted.stdout)
        let ok = try scenario("area-gpkg", areas: "areas:\n  - {id: a, label: Zone, file: \(gpkg)}\n")
        let v = try cli.run(["validate", ok])
        XCTAssertEqual(v.status, 0, v.stderr)
        let r = try cli.run(["render", ok, "--format", "svg", "-o", dir.appendingPathComponent("out").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(try String(contentsOfFile: dir.appendingPathComponent("out/area-gpkg-v.svg").path, encoding: .utf8).contains("Zone"))
    }

    /// `data import` from any folder finds the project's supplement beside the data folder, and
    /// refuses what it cannot import before touching the index.
    func testDataImportFromAnotherFolderAndBadSupplements() throws {
        let empty = dir.appendingPathComponent("empty.csv").path, nul = dir.appendingPathComponent("nul.csv").path
        try "name,alternate_names,lat,lon,country,admin1,kind,source\n".write(toFile: empty, atomically: true, encoding: .utf8)
        try "name,alternate_names,lat,lon,country,admin1,kind,source\nA\u{0}B,,51,36,RU,,village,test\n".write(toFile: nul, atomically: true, encoding: .utf8)
        let elsewhere = FileManager.default.temporaryDirectory
        let e = try cli.run(["data", "import", "--supplement", empty], directory: elsewhere)
        XCTAssertEqual(e.status, 1)
        XCTAssertTrue(e.stderr.contains("empty.csv") && e.stderr.contains("holds no places"), "found the project's supplement from \(elsewhere.path), then refused: \(e.stderr)")
        let n = try cli.run(["data", "import", "--supplement", nul], directory: elsewhere)
        XCTAssertTrue(n.stderr.contains("nul.csv:2") && n.stderr.contains("control characters"), n.stderr)
        let alt = try cli.run(["data", "import", "--alternate-names", empty])
        XCTAssertEqual(alt.status, 64)
        XCTAssertTrue(alt.stderr.contains("give --geonames too"), alt.stderr)
        let missing = try cli.run(["data", "import", "--project-supplements", dir.appendingPathComponent("none").path])
        XCTAssertTrue(missing.stderr.contains("does not exist") && missing.stderr.contains("cited places"), missing.stderr)
    }

    /// Values that read as something else are refused, never answered with exit 0.
    func testInputsThatMeantSomethingElseAreRefused() throws {
        for (args, says) in [
            (["route", "nan,nan", "0,0", "--mode", "air"], "'nan,nan' is not a LAT,LON"),
            (["route", "inf,0", "0,0", "--mode", "air"], "'inf,0' is not a LAT,LON"),
            (["route", "0x10,5", "0,0", "--mode", "air"], "'0x10,5' is not a LAT,LON"),
            (["route", "Kursk", "Kursk"], "starts and ends at the same place"),
            (["route", "Moscow", "Kursk", "--avoid", "ZZ"], "'ZZ' is no ISO 3166 country code"),
            (["route", "Moscow", "Kursk", "--avoid", "/tmp/no-such-areas.geojson"], "no file /tmp/no-such-areas.geojson"),
            (["map", "--bbox", "33.5,50.4,38.6,52.5", "--size", "32767x32767", "-o", "/tmp/never.png"], "at most 100000000 pixels"),
            (["map", "--bbox", "33.5,50.4,38.6,52.5", "--size", "16000x6000", "--dpi", "36", "-o", "/tmp/never.pdf"], "over the 14400 pt PDF and SVG hold"),
            (["map", "--bbox", "33.5,50.4,38.6,52.5", "--title", String(repeating: "a", count: 100_000), "-o", "/tmp/never.png"], "over the 300 a title may have"),
        ] {
            let r = try cli.run(args)
            XCTAssertNotEqual(r.status, 0, "\(args.prefix(4)): \(r.stdout)")
            XCTAssertTrue(r.stderr.contains(says), "\(args.prefix(4)): \(r.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/never.png"))
        let h = try cli.run(["geocode", "H"])
        XCTAssertEqual(h.status, 3, "one letter is no place: \(h.stdout)")
        XCTAssertTrue(h.stdout.contains("too short"), h.stdout)
        // A network file with a vertex that is no coordinate.
        let net = dir.appendingPathComponent("net.geojson").path
        try """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[36,51],[36.5,-100],[37,52]]}}]}
        """.write(toFile: net, atomically: true, encoding: .utf8)
        let n = try cli.run(["route", "51,36", "52,37", "--network", net])
        XCTAssertNotEqual(n.status, 0, n.stdout)
        XCTAssertTrue(n.stderr.contains("feature 1") && n.stderr.contains("not a longitude and latitude"), n.stderr)
        // Dates with signs are no dates.
        let d = try scenario("signed", events: "  - {date: 2024-+1-+1, text: \"Signed.\", sources: [s]}\n")
        let v = try cli.run(["validate", d])
        XCTAssertEqual(v.status, 1)
        XCTAssertTrue(v.stderr.contains("signed.yaml:") && v.stderr.contains("date"), v.stderr)
    }

    /// A damaged lookup table or graph cache is a clear error, never a wrong answer.
    func testDamagedDataFilesAreRefused() throws {
        let data = BinaryRunner.packageRoot.appendingPathComponent("geodata/data")
        for (file, args) in [("gazetteer/gazetteer.keys", ["geocode", "Kursk"]),
                             ("transport/rail.graph", ["route", "51.73,36.19", "55.75,37.62", "--mode", "rail"])] {
            // A data folder of links to the real one, but for the one file damaged here.
            let copy = dir.appendingPathComponent("data-\(UUID().uuidString)")
            for sub in try FileManager.default.contentsOfDirectory(atPath: data.path) {
                let from = data.appendingPathComponent(sub), to = copy.appendingPathComponent(sub)
                var isDir: ObjCBool = false
                FileManager.default.fileExists(atPath: from.path, isDirectory: &isDir)
                if isDir.boolValue {
                    try FileManager.default.createDirectory(at: to, withIntermediateDirectories: true)
                    for f in try FileManager.default.contentsOfDirectory(atPath: from.path) {
                        try FileManager.default.createSymbolicLink(at: to.appendingPathComponent(f), withDestinationURL: from.appendingPathComponent(f))
                    }
                } else {
                    try FileManager.default.createSymbolicLink(at: to, withDestinationURL: from)
                }
            }
            let target = copy.appendingPathComponent(file)
            try FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: data.appendingPathComponent(file), to: target)
            let h = try FileHandle(forUpdating: target)
            let size = try h.seekToEnd()
            try h.seek(toOffset: size / 2)
            let b = try XCTUnwrap(h.readData(ofLength: 1).first)
            try h.seek(toOffset: size / 2)
            h.write(Data([b ^ 0x5A]))
            try h.close()
            let r = try cli.run(args, environment: ["GEOBRIEF_DATA": copy.path])
            XCTAssertNotEqual(r.status, 0, r.stdout)
            XCTAssertTrue(r.stderr.contains((file as NSString).lastPathComponent) && r.stderr.contains("damaged")
                          && r.stderr.contains("make geodata"), r.stderr)
        }
    }

    /// Random scenarios with values at their limits (figures, dates, windows, projections, sizes):
    /// every one that validates is drawn in PNG, PDF and SVG and briefed without a trap.
    func testRandomScenariosAtTheLimitsDrawWhenTheyValidate() throws {
        var seed: UInt64 = 0x5EED_0016
        func pick<T>(_ xs: [T]) -> T {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return xs[Int((seed >> 33) % UInt64(xs.count))]
        }
        var validated = 0
        for i in 0..<14 {
            let value = pick(["1", "0", "999000000 million", "1,000,000,000,000,000", "~0.001", "10-1", "up to 0", ">= 1e5", "5–5"])
            let date = pick(["1000-01-01", "9999-12-31", "2024-02-29", "2023-02-29", "9999", "1000-01/9999-12", "2024-12-31"])
            let view = pick([
                "    fit: [kursk, sudzha]\n",
                "    bbox: [-180, -90, 180, 90]\n",
                "    bbox: [179.9, 60, -179.9, 61]\n",
                "    bbox: [35, 51, 35.0001, 51.0001]\n",
                "    fit: [kursk]\n    projection: \"+proj=ortho +lat_0=51 +lon_0=36\"\n",
                "    fit: [kursk, sudzha]\n    projection: \"EPSG:4326\"\n",
                "    window: [-20037508, -20037508, 20037508, 20037508]\n    projection: \"EPSG:3857\"\n",
                "    fit: [kursk, sudzha]\n    projection: \"+proj=stere +lat_0=90\"\n",
            ]) + pick(["", "    size: 16x16\n", "    size: 4000x40\n", "    dpi: 36\n"])
            let p = try scenario("random-\(i)", figures: "  - {id: F1, quantity: Q, value: \"\(value)\", unit: u, date: \(date), sources: [s], attach: sudzha}\n",
                                 events: "  - {date: \(date), text: \"Edge.\", sources: [s]}\n", view: view)
            let v = try cli.run(["validate", p])
            XCTAssertTrue(v.status == 0 || v.status == 1, "validate trapped on \(p): \(v.stderr)")
            guard v.status == 0 else {
                XCTAssertTrue(v.stderr.contains("random-\(i).yaml:"), "a refusal is located: \(v.stderr)")
                continue
            }
            validated += 1
            try assertNoTrap(p)
        }
        XCTAssertGreaterThanOrEqual(validated, 3, "some of the random scenarios validate and are drawn")
    }
}
