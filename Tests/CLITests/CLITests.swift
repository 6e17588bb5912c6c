import Foundation
import TestSupport
import XCTest

/// The built `geobrief` binary, run as a user would.
final class CLITests: XCTestCase {
    let cli = BinaryRunner()
    var dir: URL!
    override func setUpWithError() throws { dir = try temporaryDirectory("geobrief-cli") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func testVersionAndHelp() throws {
        let v = try cli.run(["--version"])
        XCTAssertEqual(v.status, 0)
        XCTAssertTrue(v.stdout.hasPrefix("0."), v.stdout)
        let h = try cli.run(["--help"])
        XCTAssertEqual(h.status, 0)
        for sub in ["data", "geocode", "map", "route"] { XCTAssertTrue(h.stdout.contains(sub), h.stdout) }
    }

    func testDataInfoListsDatasetsLayersSourcesAndLicences() throws {
        let r = try cli.run(["data", "info"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for text in ["basemap", "naturalearth.gpkg", "admin1: 4556 features", "rail", "edges: 328750 features",
                     "© OpenStreetMap contributors", "ODbL", "GeoNames (geonames.org), CC BY 4.0", "scgraph-data 2.0.0",
                     "shaded_relief", "raster 10800x5400", "ru_regions: 83 features", "extent ["] {
            XCTAssertTrue(r.stdout.contains(text), "data info lacks '\(text)'")
        }
        let j = try cli.run(["data", "info", "--json"])
        XCTAssertEqual(j.status, 0)
        let obj = try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((obj?["datasets"] as? [Any])?.count, 11)
    }

    func testDataInfoWithoutDataSaysWhatToDo() throws {
        let r = try cli.run(["data", "info"], directory: dir, environment: ["GEOBRIEF_DATA": dir.path + "/none"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("make geodata"), r.stderr)
    }

    func testMapWritesPNGPDFAndSVGWithAttribution() throws {
        let png = dir.appendingPathComponent("k.png").path, pdf = dir.appendingPathComponent("k.pdf").path
        let svg = dir.appendingPathComponent("k.svg").path
        let r = try cli.run(["map", "--bbox", "34.5,50.8,36.5,51.9", "--size", "400x300", "--dpi", "96",
                             "--title", "Kursk — Курск", "-o", png, "-o", pdf, "-o", svg])
        XCTAssertEqual(r.status, 0, r.stderr)
        for p in [png, pdf, svg] { XCTAssertGreaterThan(try Data(contentsOf: URL(fileURLWithPath: p)).count, 1000, p) }
        // (A small map wraps its attribution.)
        let text = try XCTUnwrap(runTool("pdftotext", [pdf, "-"])).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(text.contains("Курск"), text)
        XCTAssertTrue(text.contains("OpenStreetMap contributors"), text)
        XCTAssertTrue(text.contains("GSHHG"), text)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }, [],
                       "no temporary files are left")
    }

    func testMapNamesCountriesHasAScaleBarAndSaysWhenItChangesTheBoxShape() throws {
        let pdf = dir.appendingPathComponent("sudan.pdf").path
        // A portrait box on a landscape size: the map shows more to the east and west, and says so.
        let r = try cli.run(["map", "--bbox", "30,5,45,25", "--size", "800x600", "--dpi", "72", "-o", pdf])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("more to the east and west of the box"), r.stderr)
        XCTAssertTrue(r.stderr.contains("--fit"), r.stderr)
        let text = try XCTUnwrap(runTool("pdftotext", [pdf, "-"])).filter { !$0.isWhitespace }
        for name in ["SUDAN", "EGYPT", "ETHIOPIA", "SAUDIARABIA", "Khartoum", "km", "N", "GeoNames", "NaturalEarth"] {
            XCTAssertTrue(text.contains(name), "'\(name)' is not on the map")
        }
        // --fit keeps the box's shape: the height follows from the width.
        let fitted = dir.appendingPathComponent("fit.png").path
        let f = try cli.run(["map", "--bbox", "30,5,45,25", "--size", "800x600", "--fit", "--layers", "borders", "-o", fitted])
        XCTAssertEqual(f.status, 0, f.stderr)
        XCTAssertFalse(f.stderr.contains("note:"), f.stderr)
        XCTAssertTrue(f.stdout.contains("800x10"), "a portrait box gives a portrait map: \(f.stdout)")
        // No sea-lane network unless asked for (the straits it marks are named all the same).
        let svg = dir.appendingPathComponent("sudan.svg").path
        XCTAssertEqual(try cli.run(["map", "--bbox", "30,5,45,25", "--size", "800x600", "-o", svg]).status, 0)
        let groups = try String(contentsOfFile: svg, encoding: .utf8)
        XCTAssertTrue(groups.contains("<g id=\"basemap-borders\">"))
        XCTAssertFalse(groups.contains("<g id=\"basemap-sea-lanes\">"), "sea lanes are off by default")
        XCTAssertTrue(text.contains("Bab-el-Mandeb") && text.contains("searoute"), "the strait is named, and its source credited")
    }

    func testTitleInAScriptNoFontCoversIsAWarning() throws {
        let png = dir.appendingPathComponent("w.png").path
        let r = try cli.run(["map", "--bbox", "35,51,36,51.5", "--size", "200x150", "--layers", "", "--title", "Kursk \u{E000}\u{E001}", "-o", png])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("warning: 'Kursk \u{E000}\u{E001}' has 2 character(s) that no installed font covers"), r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: png))
    }

    func testBadArgumentsAreClearErrors() throws {
        let cases: [([String], String)] = [
            (["map", "--bbox", "1,2,3", "-o", "x.png"], "WEST,SOUTH,EAST,NORTH"),
            (["map", "--bbox", "30,60,40,50", "-o", "x.png"], "south < north"),
            (["map", "--bbox", "30,50,40,60", "-o", "x.gif"], ".png, .pdf or .svg"),
            (["map", "--bbox", "30,50,40,60", "--size", "40000x10", "-o", "x.png"], "16...16384"),
            (["map", "--bbox", "30,50,40,60", "--layers", "rail,lava", "-o", "x.png"], "unknown layer 'lava'"),
            (["map", "--bbox", "30,50,40,60", "--projection", "EPSG:999999", "-o", "x.png"], "EPSG:999999"),
        ]
        for (args, expected) in cases {
            let r = try cli.run(args, directory: dir)
            XCTAssertNotEqual(r.status, 0, "\(args)")
            XCTAssertTrue(r.stderr.contains(expected), "\(args): \(r.stderr)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], "a failed map writes nothing")
    }

    func testUnwritableOutputFolderIsAnErrorAndLeavesNothing() throws {
        let r = try cli.run(["map", "--bbox", "34.5,50.8,36.5,51.9", "--size", "100x100", "-o", dir.path + "/missing/x.pdf"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains(dir.path + "/missing/x.pdf"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path + "/missing"))
    }
}

/// The layering of `Sources/`: the pipeline's order, C only in the bindings, GDAL only where data is built.
final class ArchitectureTests: XCTestCase {
    /// Each module's place in the pipeline: a module imports only modules of a lower rank. Modules
    /// named `...Build` and `DataCommands` build the data folder; they are the only ones that may
    /// import GDALBindings, and no run-time module imports them.
    static let rank: [String: Int] = [
        "GeoCore": 0, "Graphics": 0, "Symbology": 0, "PosixBindings": 1, "Bindings": 2, "GDALBindings": 3,
        "DataCatalog": 3, "GeoPackage": 3, "Gazetteer": 4, "Routing": 4, "Scenario": 4, "Cartography": 5, "Draft": 5, "Scenes": 6, "Briefing": 7, "Batch": 7, "Animation": 7, "Export": 7,
        "Commands": 8, "geobrief": 9,
        "DataBuild": 5, "GazetteerBuild": 6, "RoutingBuild": 6, "DataCommands": 7, "geobrief-data": 8, "geobrief-fuzz": 9,
    ]
    static let cModules: Set<String> = ["CGDAL", "CCairo", "CPango", "CPROJ", "CISAL", "CSQLite", "CJPEG", "CVideo", "CFuzzer", "CMalloc", "Glibc", "Darwin"]
    static let bindings: Set<String> = ["Bindings", "GDALBindings", "PosixBindings"]
    static let buildTime: Set<String> = ["DataBuild", "GazetteerBuild", "RoutingBuild", "DataCommands", "geobrief-data"]

    /// Module -> the modules its files import (this package's and the C modules).
    func imports() throws -> [String: Set<String>] {
        let sources = BinaryRunner.packageRoot.appendingPathComponent("Sources")
        var out: [String: Set<String>] = [:]
        for module in try FileManager.default.contentsOfDirectory(atPath: sources.path) where !module.hasPrefix(".") {
            let folder = sources.appendingPathComponent(module)
            guard let files = FileManager.default.enumerator(atPath: folder.path) else { continue }
            for case let file as String in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let t = line.trimmingCharacters(in: .whitespaces)
                    guard t.hasPrefix("import ") else { continue }
                    let name = String(t.dropFirst(7))
                    if Self.rank[name] != nil || Self.cModules.contains(name) { out[module, default: []].insert(name) }
                }
            }
        }
        return out
    }

    func testModulesImportOnlyLowerLayers() throws {
        let all = try imports()
        let modules = try FileManager.default.contentsOfDirectory(atPath: BinaryRunner.packageRoot.appendingPathComponent("Sources").path)
            .filter { !$0.hasPrefix(".") && !$0.hasPrefix("C") || $0 == "Cartography" || $0 == "Commands" }
        for m in modules { XCTAssertNotNil(Self.rank[m], "Sources/\(m) has no place in the layering: add it to ArchitectureTests.rank") }
        var offenders: [String] = []
        for (module, used) in all {
            for u in used where !Self.cModules.contains(u) {
                if let r = Self.rank[module], let ru = Self.rank[u], ru >= r { offenders.append("\(module) imports \(u) (same or higher layer)") }
                if !Self.buildTime.contains(module) && module != "geobrief-fuzz" && (Self.buildTime.contains(u) || u == "GDALBindings") {
                    offenders.append("run-time \(module) imports build-time \(u)")
                }
            }
        }
        XCTAssertGreaterThan(all.count, 12)
        XCTAssertEqual(offenders.sorted(), [])
    }

    func testOnlyTheBindingsImportC() throws {
        var offenders: [String] = []
        for (module, used) in try imports() {
            for c in used where Self.cModules.contains(c) {
                let allowed = c == "CGDAL" ? module == "GDALBindings" : c == "CFuzzer" ? module == "geobrief-fuzz" : Self.bindings.contains(module)
                if !allowed { offenders.append("\(module) imports \(c)") }
            }
        }
        XCTAssertEqual(offenders.sorted(), [], "C modules are for Sources/Bindings, GDALBindings and PosixBindings (CGDAL for GDALBindings alone)")
    }

    /// `geobrief` draws every map without GDAL; `geobrief-data` links it.
    func testGeobriefLinksNoGDAL() throws {
        func libraries(_ binary: String) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
            p.arguments = [BinaryRunner.productsDirectory.appendingPathComponent(binary).path]
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return out
        }
        let geobrief = try libraries("geobrief"), data = try libraries("geobrief-data")
        XCTAssertFalse(geobrief.contains("libgdal"), geobrief)
        // PROJ (with curl, TLS and TIFF behind it, ~9 ms a start) is loaded on first use, so that a
        // lookup does not pay for it; the map tests show that maps find it.
        XCTAssertFalse(geobrief.contains("libproj"), geobrief)
        // FFmpeg's libraries (with some fifty codecs' behind them) likewise, when an animation is made.
        XCTAssertFalse(geobrief.contains("libavcodec"), geobrief)
        for lib in ["libcairo", "libpango", "libjpeg"] { XCTAssertTrue(geobrief.contains(lib), "geobrief does not link \(lib)") }
        XCTAssertTrue(data.contains("libgdal"), data)
    }
}

/// `geobrief geocode` as a user runs it: statuses, exit codes, stdin, CSV and JSON.
final class GeocodeCLITests: XCTestCase {
    let cli = BinaryRunner()

    func testExitStatusTellsFoundAmbiguousAndNotFoundApart() throws {
        let found = try cli.run(["geocode", "Суджа"])
        XCTAssertEqual(found.status, 0, found.stderr)
        XCTAssertTrue(found.stdout.contains("geonameid 486816"), found.stdout)
        let ambiguous = try cli.run(["geocode", "Blagoveshchensk"])
        XCTAssertEqual(ambiguous.status, 2)
        XCTAssertTrue(ambiguous.stdout.contains("Amur") && ambiguous.stdout.contains("Bashkortostan"), ambiguous.stdout)
        let notFound = try cli.run(["geocode", "Vorozhba", "--admin1", "Kursk"])
        XCTAssertEqual(notFound.status, 3)
        XCTAssertTrue(notFound.stdout.contains("not-found") && notFound.stdout.contains("Sumy"), notFound.stdout)
        let settled = try cli.run(["geocode", "Vlagoveshensk", "--near", "Khabarovsk", "--limit", "1"])
        XCTAssertEqual(settled.status, 0)
        XCTAssertTrue(settled.stdout.contains("2026609"), settled.stdout)
    }

    func testNamesFromStdinAnsweredAsCSVAndJSONLines() throws {
        let input = "Sudzha\nSoudja\n\nWonsan\nBlagoveshchensk\n"
        let csv = try cli.run(["geocode"], stdin: input)
        XCTAssertEqual(csv.status, 2, csv.stderr)
        let lines = csv.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 5)
        XCTAssertTrue(lines[0].hasPrefix("query,status,name,geonameid"))
        XCTAssertTrue(lines[1].hasPrefix("Sudzha,found,Sudzha,486816,"), String(lines[1]))
        XCTAssertTrue(lines[3].contains("1866923"), String(lines[3]))
        XCTAssertTrue(lines[4].hasPrefix("Blagoveshchensk,ambiguous,"), String(lines[4]))
        let json = try cli.run(["geocode", "--json"], stdin: "원산\n")
        XCTAssertEqual(json.status, 0)
        let obj = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(obj?["status"] as? String, "found")
        XCTAssertEqual(((obj?["candidates"] as? [[String: Any]])?.first?["id"] as? Int), 1866923)
    }

    func testBadInputOnStdinIsReportedPerLine() throws {
        var bytes = Data("Sudzha\n".utf8)
        bytes.append(contentsOf: [0xFF, 0xFE, 0x0A])           // invalid UTF-8
        bytes.append(Data((String(repeating: "x", count: 10_000) + "\n").utf8))  // 10 kB name
        bytes.append(Data("\u{1}\u{2}\nKursk\n".utf8))          // control characters only
        let r = try cli.run(["geocode"], stdinData: bytes)
        XCTAssertEqual(r.status, 3)
        XCTAssertTrue(r.stdout.contains("Sudzha,found"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Kursk,found"), r.stdout)
        XCTAssertTrue(r.stderr.contains("line 3: name of 10000 bytes is longer"), r.stderr)
        XCTAssertTrue(r.stderr.contains("line 4: empty name"), r.stderr)
    }

    func testReverseAndArgumentErrors() throws {
        let r = try cli.run(["geocode", "--reverse", "51.19,35.27"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("nearest place: Sudzha") && r.stdout.contains("region: Kursk (RU)"), r.stdout)
        let bad = try cli.run(["geocode", "--reverse", "95,35"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("LAT,LON"), bad.stderr)
        let kind = try cli.run(["geocode", "Kursk", "--kind", "castle"])
        XCTAssertTrue(kind.stderr.contains("--kind 'castle'"), kind.stderr)
        let country = try cli.run(["geocode", "Kursk", "--country", "Atlantis"])
        XCTAssertEqual(country.status, 1)
        XCTAssertTrue(country.stderr.contains("unknown country 'Atlantis'"), country.stderr)
        let noIndex = try cli.run(["geocode", "Kursk"], environment: ["GEOBRIEF_DATA": "/nonexistent"])
        XCTAssertTrue(noIndex.stderr.contains("make geodata"), noIndex.stderr)
    }

    /// Seen trying places south of the equator and west of Greenwich: "--reverse -33.92,18.42" was
    /// "Missing value for '--reverse'", "--bbox -20,-40,40,-20" likewise, and a route between two
    /// LAT,LON ends in the south was "give FROM and TO": negative numbers were read as options.
    func testNegativeCoordinatesAreValuesNotOptions() throws {
        let reverse = try cli.run(["geocode", "--reverse", "-33.92,18.42"])
        XCTAssertEqual(reverse.status, 0, reverse.stderr)
        XCTAssertTrue(reverse.stdout.contains("nearest place: Cape Town"), reverse.stdout)
        let box = try cli.run(["geocode", "Cape Town", "--bbox", "-20,-40,40,-20"])
        XCTAssertEqual(box.status, 0, box.stderr)
        XCTAssertTrue(box.stdout.hasPrefix("Cape Town: found - Cape Town (ZA"), box.stdout)
        let route = try cli.run(["route", "-33.92,18.42", "-34.05,18.65", "--mode", "direct"])
        XCTAssertEqual(route.status, 0, route.stderr)
        XCTAssertTrue(route.stdout.contains("direct"), route.stdout)
        let unknown = try cli.run(["geocode", "-x", "Kursk"])
        XCTAssertNotEqual(unknown.status, 0, "an option that is no number is still an unknown option")
    }
}

/// `geobrief route` as a user runs it.
final class RouteCLITests: XCTestCase {
    /// Route lengths against published figures, across modes and continents. Each figure is the
    /// length its operator or a sea-distance table publishes for that line or passage; routed legs
    /// must come within 5 %. Two pairs whose published line is not the network's shortest path are
    /// kept with what they show and a wider bound, so that a change in either direction is seen.
    func testRouteLengthsAgainstPublishedDistances() throws {
        struct Pair { var from, to, mode: String; var extra: [String] = []; var km: Double; var source: String; var tolerance = 0.05 }
        let pairs = [
            Pair(from: "Moscow", to: "Saint Petersburg", mode: "rail", km: 650, source: "Oktyabrskaya Railway, Moscow-St Petersburg main line"),
            Pair(from: "Beijing", to: "Shanghai", mode: "rail", km: 1_318, source: "Beijing-Shanghai high-speed railway, line length"),
            Pair(from: "London", to: "Edinburgh", mode: "rail", km: 632, source: "East Coast Main Line, King's Cross-Waverley, 393 miles"),
            Pair(from: "Madrid", to: "Barcelona, ES", mode: "rail", km: 621, source: "Madrid-Barcelona high-speed line (AVE), line length"),
            Pair(from: "Tokyo", to: "Osaka", mode: "rail", km: 515.4, source: "Tokaido Shinkansen, Tokyo-Shin-Osaka track length"),
            Pair(from: "Shanghai", to: "Rotterdam", mode: "sea", km: 19_500, source: "sea-distance tables via Suez (issue 15)"),
            Pair(from: "Shanghai", to: "Rotterdam", mode: "sea", extra: ["--avoid-passage", "suez"], km: 25_900,
                 source: "sea-distance tables round the Cape of Good Hope (issue 15)"),
            // The Trans-Siberian's published 9,289 km runs by Yaroslavl and Perm; the shortest path in
            // Russia takes the shorter line by Kazan and Yekaterinburg.
            Pair(from: "Vladivostok", to: "Moscow", mode: "rail", extra: ["--within", "RU"], km: 9_289,
                 source: "Russian Railways, Trans-Siberian Railway", tolerance: 0.06),
            // The Beijing-Guangzhou high-speed line (2,298 km); the network's path takes older, straighter lines.
            Pair(from: "Beijing", to: "Guangzhou", mode: "rail", km: 2_298, source: "Beijing-Guangzhou high-speed railway, line length",
                 tolerance: 0.09),
        ]
        let cli = BinaryRunner()
        var report: [String] = []
        for p in pairs {
            let r = try cli.run(["route", p.from, p.to, "--mode", p.mode] + p.extra)
            XCTAssertEqual(r.status, 0, r.stderr)
            let km = try XCTUnwrap(r.stdout.firstMatch(of: /[a-z] +([0-9]+) km +\(routed/).flatMap { Double($0.1) }, r.stdout)
            let off = (km - p.km) / p.km
            report.append(String(format: "%@ > %@ %@: %.0f km, published %.0f km (%+.1f%%; %@)", p.from, p.to, p.mode, km, p.km, off * 100, p.source))
            XCTAssertLessThanOrEqual(abs(off), p.tolerance, report.last!)
        }
        print(report.joined(separator: "\n"))
    }

    func testRouteEndsAreSettledByCountryAndAtSeaIsNamed() throws {
        let cli = BinaryRunner()
        let dover = try cli.run(["route", "Dover", "Calais", "--mode", "sea"])
        XCTAssertEqual(dover.status, 1)
        XCTAssertTrue(dover.stderr.contains("--from-country") && dover.stderr.contains("'Dover, GB'"), dover.stderr)
        for args in [["Dover", "Calais", "--from-country", "GB"], ["Dover, GB", "Calais"]] {
            let r = try cli.run(["route"] + args + ["--mode", "sea"])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.contains("sea  50 km"), r.stdout)
        }
        let avoid = try cli.run(["route", "Singapore", "Rotterdam", "--mode", "sea", "--avoid", "EG"])
        XCTAssertEqual(avoid.status, 0, avoid.stderr)
        XCTAssertTrue(avoid.stderr.contains("does not apply to sea legs") && avoid.stderr.contains("--avoid-passage"), avoid.stderr)
        let sea = try cli.run(["geocode", "--reverse", "12.6,43.3"])
        XCTAssertEqual(sea.status, 0, sea.stderr)
        XCTAssertTrue(sea.stdout.contains("water: at sea") && sea.stdout.contains("Bab-el-Mandeb (strait)"), sea.stdout)
        let land = try cli.run(["geocode", "--reverse", "51.19,35.27"])
        XCTAssertTrue(land.stdout.contains("region: Kursk (RU)") && !land.stdout.contains("water"), land.stdout)
        // A 1 MB query on stdin: a limit and a message naming the line, the other lines answered.
        let big = try cli.run(["geocode"], stdin: String(repeating: "a", count: 1_000_000) + "\nSudzha\n")
        XCTAssertEqual(big.status, 3)
        XCTAssertTrue(big.stderr.contains("line 1: 1000000 bytes, longer than the 4096-byte limit of a line; skipped"), big.stderr)
        XCTAssertTrue(big.stdout.contains("Sudzha,found"), big.stdout)
        // Endless input without a newline: memory stays flat (peak RSS under 200 MB for 200 MB of NULs).
        let zero = try cli.runShell("head -c 200000000 /dev/zero | /usr/bin/time -f 'rss %M' \"$GEOBRIEF\" geocode > /dev/null")
        XCTAssertTrue(zero.stderr.contains("200000000 bytes, longer than the 4096-byte limit"), zero.stderr)
        let rss = try XCTUnwrap(zero.stderr.firstMatch(of: /rss ([0-9]+)/).flatMap { Int($0.1) }, zero.stderr)
        // (A sanitizer's shadow memory is no measure of ours.)
        if ProcessInfo.processInfo.environment["GEOBRIEF_SANITIZER"] == nil { XCTAssertLessThan(rss, 200_000, "peak memory \(rss) KB") }
        let kind = try cli.run(["geocode", "Red Sea", "--kind", "lagoon"])
        XCTAssertEqual(kind.status, 64)
        XCTAssertTrue(kind.stderr.contains("expected one of city, region, country, port, strait, canal, sea"), kind.stderr)
        let cut = try cli.run(["route", "Khartoum", "Port Sudan", "--mode", "rail"])
        XCTAssertEqual(cut.status, 1)
        XCTAssertTrue(cut.stderr.contains("291 km apart") && cut.stderr.contains("--bridge"), cut.stderr)
        let bridged = try cli.run(["route", "Khartoum", "Port Sudan", "--mode", "rail", "--bridge"])
        XCTAssertEqual(bridged.status, 0, "the option the message names routes it: \(bridged.stderr)")
        // Seen: 'Nome, US' (Alaska and Texas) was told to name its country, which it did.
        let nome = try cli.run(["route", "Nuuk", "Nome, US", "--mode", "sea"])
        XCTAssertEqual(nome.status, 1)
        XCTAssertTrue(nome.stderr.contains("name its region after a comma ('Nome, Alaska')"), nome.stderr)
        // Seen: the Northwest Passage opened alone, the route by Panama, and not a word.
        let northwest = try cli.run(["route", "Nuuk", "Nome, Alaska", "--mode", "sea", "--via-passage", "northwest"])
        XCTAssertEqual(northwest.status, 0, northwest.stderr)
        XCTAssertTrue(northwest.stderr.contains("warning: Nuuk > Nome, Alaska: the sea route does not pass through 'northwest'")
                      && northwest.stderr.contains("also needs bering"), northwest.stderr)
        let through = try cli.run(["route", "Nuuk", "Nome, Alaska", "--mode", "sea", "--via-passage", "northwest,bering"])
        XCTAssertEqual(through.status, 0, through.stderr)
        XCTAssertFalse(through.stderr.contains("warning"), through.stderr)
        let km = { (r: BinaryRunner.Result) in Double(r.stdout.firstMatch(of: /sea  ([0-9]+) km/).map { String($0.1) } ?? "") ?? 0 }
        XCTAssertLessThan(km(through), km(northwest) / 2, "\(through.stdout) vs \(northwest.stdout)")
    }

    func testRailRouteAndItsErrors() throws {
        let cli = BinaryRunner()
        let r = try cli.run(["route", "Vladivostok", "Kursk", "--mode", "rail"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Vladivostok > Kursk  rail  8490 km  (routed 8487 km"), r.stdout)
        let ru = try cli.run(["route", "Vladivostok", "Kursk", "--within", "RU"])
        XCTAssertEqual(ru.status, 0, ru.stderr)
        XCTAssertTrue(ru.stdout.contains("(routed 9388 km"), ru.stdout)
        let cut = try cli.run(["route", "50.27593,127.52637", "Moscow"])
        XCTAssertNotEqual(cut.status, 0)
        XCTAssertTrue(cut.stderr.contains("the network is cut"), cut.stderr)
        let ambiguous = try cli.run(["route", "Blagoveshchensk", "Moscow"])
        XCTAssertEqual(ambiguous.status, 1)
        XCTAssertTrue(ambiguous.stderr.contains("ambiguous") && ambiguous.stderr.contains("50.2759,127.5264")
                      && ambiguous.stderr.contains("LAT,LON") && !ambiguous.stderr.contains("Usage"), ambiguous.stderr)
        let typo = try cli.run(["route", "Khabarovks", "Vladivostok"])
        XCTAssertEqual(typo.status, 0, typo.stderr)
        XCTAssertTrue(typo.stderr.contains("'Khabarovks' taken as Khabarovsk"), "a typo's reading is said: \(typo.stderr)")
        let geojson = FileManager.default.temporaryDirectory.appendingPathComponent("legs-\(UUID().uuidString).geojson").path
        defer { try? FileManager.default.removeItem(atPath: geojson) }
        let legs = try cli.run(["route", "--legs", "Wonsan>Vladivostok:sea, Vladivostok>Kursk:rail within RU, Kursk>Sudzha:road",
                                "--geojson", geojson])
        XCTAssertEqual(legs.status, 0, legs.stderr)
        XCTAssertTrue(legs.stdout.contains("Vladivostok > Kursk  rail  9") && legs.stdout.contains("total"), legs.stdout)
        XCTAssertNotNil(runTool("ogrinfo", ["-so", "-al", geojson]).flatMap { $0.contains("Feature Count: 3") ? true : nil },
                        "GDAL reads the GeoJSON with one feature per leg")
        let via = try cli.run(["route", "Vladivostok", "Kursk", "--via", "Krasnoyarsk", "--avoid", "CN,MN,KZ"])
        XCTAssertEqual(via.status, 0, via.stderr)
        XCTAssertTrue(via.stdout.contains("Vladivostok > Krasnoyarsk") && via.stdout.contains("Krasnoyarsk > Kursk"), via.stdout)
        let bridged = try cli.run(["route", "50.27593,127.52637", "Moscow", "--bridge"])
        XCTAssertEqual(bridged.status, 0, bridged.stderr)
        let badLegs = try cli.run(["route", "--legs", "Wonsan>Vladivostok:boat"])
        XCTAssertTrue(badLegs.stderr.contains("mode 'boat'"), badLegs.stderr)
        let far = try cli.run(["route", "Honolulu", "Moscow"])
        XCTAssertTrue(far.stderr.contains("from the nearest rail node"), far.stderr)
    }
}
