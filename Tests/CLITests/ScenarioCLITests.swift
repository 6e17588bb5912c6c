import Foundation
import TestSupport
import XCTest

/// `geobrief validate` and `geobrief render` on the built binary.
final class ScenarioCLITests: XCTestCase {
    let cli = BinaryRunner()
    var dir: URL!
    override func setUpWithError() throws { dir = try temporaryDirectory("geobrief-scenario-cli") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    var example: String { BinaryRunner.packageRoot.appendingPathComponent("examples/nk-deployment.yaml").path }

    /// `geobrief data ...` runs `geobrief-data` beside the binary, decided by the first word alone;
    /// without it, a message says how to build it. Every other command runs in `geobrief` itself.
    func testDataCommandsRunInGeobriefDataBeside() throws {
        let info = try cli.run(["data", "info"])
        XCTAssertEqual(info.status, 0, info.stderr)
        XCTAssertTrue(info.stdout.contains("relief"), info.stdout)
        let help = try cli.run(["--help"])
        XCTAssertTrue(help.stdout.contains("data") && help.stdout.contains("geobrief-data"), help.stdout)
        let lonely = dir.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: lonely, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BinaryRunner.productsDirectory.appendingPathComponent("geobrief"), to: lonely.appendingPathComponent("geobrief"))
        let alone = BinaryRunner(executable: lonely.appendingPathComponent("geobrief").path)
        let missing = try alone.run(["data", "info"])
        XCTAssertEqual(missing.status, 127)
        XCTAssertTrue(missing.stderr.contains("\(lonely.path)/geobrief-data") && missing.stderr.contains("make build"), missing.stderr)
        let version = try alone.run(["--version"])
        XCTAssertEqual(version.status, 0, "a map command needs no sibling: \(version.stderr)")
    }

    func testExampleValidatesAndRendersEveryViewInThreeFormats() throws {
        let v = try cli.run(["validate", example])
        XCTAssertEqual(v.status, 0, v.stderr)
        XCTAssertTrue(v.stdout.contains("valid: 19 of 20 places located (1 unlocated)"), v.stdout)
        let out = dir.appendingPathComponent("out").path
        let r = try cli.run(["render", example, "--all-views", "--format", "png,pdf,svg", "-o", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        for view in ["overview", "kursk"] {
            for ext in ["png", "pdf", "svg"] {
                let p = "\(out)/nk-deployment-\(view).\(ext)"
                XCTAssertGreaterThan((try? FileManager.default.attributesOfItem(atPath: p)[.size] as? Int) ?? 0, 10_000, p)
            }
        }
        let text = try XCTUnwrap(runTool("pdftotext", ["-layout", "\(out)/nk-deployment-kursk.pdf", "-"]))
        for s in ["Sudzha", "Martynovka", "Plekhovo", "Kursk", "North Korean casualties in Kursk oblast", ">3,000", "~1,100", "≥200",
                  "≥30", "Vorozhba", "military intelligence (GUR)", "Natural Earth"] {
            XCTAssertTrue(text.contains(s), "'\(s)' missing from the Kursk view's PDF text")
        }
        XCTAssertFalse(text.contains("US National Security Council"), "a source cited only off this map is not in its notes")
        let overview = try XCTUnwrap(runTool("pdftotext", ["-layout", "\(out)/nk-deployment-overview.pdf", "-"]))
        for s in ["Wonsan", "Vladivostok", "Khabarovsk", "Krasnoyarsk", "1,500", "3,000", "10,000–12,000", "searoute / MARNET"] {
            XCTAssertTrue(overview.contains(s), "'\(s)' missing from the overview's PDF text")
        }
        XCTAssertNil(try? FileManager.default.contentsOfDirectory(atPath: out).first { $0.contains(".tmp") })
    }

    func testValidateReportsEveryProblemAsFileLineColumnAndRenderWritesNothing() throws {
        let bad = dir.appendingPathComponent("bad.yaml").path
        try """
        title: Bad
        sources: [{id: a, publisher: A}]
        places:
          - {id: x, name: Sudzha, country: RU, kindd: town}
          - {id: y, name: Qwxzzyville}
        figures:
          - {id: F1, quantity: Q, value: "12-10", sources: [nope], date: 2024-13-01}
        views:
          - {name: v, fit: [x], size: 99999x99999}
        """.write(toFile: bad, atomically: true, encoding: .utf8)
        let v = try cli.run(["validate", bad])
        XCTAssertEqual(v.status, 1)
        for s in ["bad.yaml:4:40: places[0].kindd: unknown key 'kindd'; did you mean 'kind'?",
                  "bad.yaml:7:34: figures[0].value: the range", "no source has the id 'nope'",
                  "figures[0].date: '2024-13-01' is not a date", "views[0].size: '99999x99999' is not a size"] {
            XCTAssertTrue(v.stderr.contains(s), "missing '\(s)' in:\n\(v.stderr)")
        }
        let out = dir.appendingPathComponent("out").path
        let r = try cli.run(["render", bad, "-o", out])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("nothing was written"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        // Once the syntax is right, the unknown place is reported with the gazetteer's words.
        try "title: T\nplaces: [{id: y, name: Qwxzzyville}]\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let g = try cli.run(["validate", bad])
        XCTAssertEqual(g.status, 1)
        XCTAssertTrue(g.stderr.contains("bad.yaml:2:10: places[0].name: 'Qwxzzyville' was not found"), g.stderr)
    }

    /// A sea leg 'through' a passage its route does not take: `validate` says so at the leg's line.
    func testAPassageALegOpensButDoesNotTakeIsAWarningAtTheLeg() throws {
        let file = dir.appendingPathComponent("arctic.yaml").path
        try """
        title: Arctic shipping
        places:
          - {id: murmansk, name: Murmansk, country: RU}
          - {id: vladivostok, name: Vladivostok, country: RU}
        routes:
          - id: nsr
            legs: [murmansk>vladivostok:sea through bering]
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let v = try cli.run(["validate", file])
        XCTAssertEqual(v.status, 0, v.stderr)
        XCTAssertTrue(v.stderr.contains("arctic.yaml:6:5: routes[0].legs: murmansk > vladivostok: the sea route does not pass through 'bering'"), v.stderr)
        XCTAssertTrue(v.stderr.contains("'through bering+northwest' in a leg"), v.stderr)
    }

    /// Seen on maps in other languages: the reference cities in Latin letters among country names
    /// in the map's language. A Japanese map of Ukraine names Kyiv in katakana (from GeoNames'
    /// names, where the script tells the language); a Russian one keeps the city's own name, as the
    /// Cyrillic names do not tell Russian from its neighbours.
    func testReferenceCitiesAreNamedInTheMapsLanguageWhereTheScriptTellsIt() throws {
        let file = dir.appendingPathComponent("ua.yaml").path
        func render(_ language: String) throws -> String {
            try """
            title: t
            language: \(language)
            places:
              - {id: lviv, name: Lviv, country: UA}
              - {id: kharkiv, name: Kharkiv, country: UA}
            views:
              - {name: ua, fit: [lviv, kharkiv], size: 1600x1000}
            """.write(toFile: file, atomically: true, encoding: .utf8)
            let out = dir.appendingPathComponent(language).path
            let r = try cli.run(["render", file, "--format", "pdf", "-o", out])
            XCTAssertEqual(r.status, 0, r.stderr)
            return try XCTUnwrap(runTool("pdftotext", [out + "/ua-ua.pdf", "-"]))
        }
        let ja = try render("ja")
        XCTAssertTrue(ja.contains("キーウ") && !ja.contains("Kyiv"), ja)
        XCTAssertTrue(try render("ru").contains("Kyiv"))
    }

    /// Seen drawing the Chornobyl zone: Prypiat, the abandoned town, is not in the data, and was
    /// taken without a word as the village of Prypiat in Volyn (591 people), 424 km away.
    func testASmallPlaceFarApartFromTheStoryIsAWarning() throws {
        let file = dir.appendingPathComponent("zone.yaml").path
        try """
        title: Zone
        places:
          - {id: c, name: Chornobyl, country: UA}
          - {id: p, name: Prypiat, country: UA}
          - {id: k, name: Kyiv, country: UA, kind: capital}
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let v = try cli.run(["validate", file])
        XCTAssertEqual(v.status, 0, v.stderr)
        XCTAssertTrue(v.stderr.contains("places[1].name: 'Prypiat' is taken as Prypiat (UA, Volyn, pop. 591), 424 km from the nearest other place of this scenario ('Chornobyl')"), v.stderr)
        let demo = try cli.run(["validate", BinaryRunner.packageRoot.appendingPathComponent("examples/nk-deployment.yaml").path])
        XCTAssertFalse(demo.stderr.contains("is taken as"), "the demo's villages lie among its places: \(demo.stderr)")
    }

    /// Seen in a Japanese story: its map's legend and date line came out in English without a word.
    func testALanguageWithoutTheMapsOwnWordsIsAWarning() throws {
        let file = dir.appendingPathComponent("noto.yaml").path
        try """
        title: நோட்டோ நிலநடுக்கம்
        language: ta
        places:
          - {id: wajima, name: 輪島}
          - {id: suzu, name: 珠洲}
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let v = try cli.run(["validate", file])
        XCTAssertEqual(v.status, 0, v.stderr)
        XCTAssertTrue(v.stderr.contains("noto.yaml: language: the map's own words (legend, date line, notes, scale bar) have no 'ta' version"), v.stderr)
        XCTAssertTrue(v.stderr.contains("(they exist in en, fr,"), v.stderr)
        // 珠洲 is Suzu in Japan, not Zhuzhou in China (株洲, alike in Mandarin).
        let g = try cli.run(["geocode", "珠洲"])
        XCTAssertEqual(g.status, 0, g.stderr)
        XCTAssertTrue(g.stdout.hasPrefix("珠洲: found - Suzu (JP, Ishikawa"), g.stdout)
        try "title: t\nlanguage: ru\nplaces:\n  - {id: a, name: Kursk, country: RU}\n".write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertFalse(try cli.run(["validate", file]).stderr.contains("language:"))
    }

    /// Seen on a Black Sea map: the Danube route's legend entry said "(−518 km)", its difference
    /// from the Odesa-Istanbul route it has nothing to do with (only alternatives between the same
    /// two places are compared), and its leg from Izmail, which no sea lane reaches, was drawn
    /// straight across the delta without a word.
    func testOnlyRoutesBetweenTheSamePlacesAreComparedInTheLegend() throws {
        let file = dir.appendingPathComponent("grain.yaml").path
        try """
        title: Black Sea grain corridor
        places:
          - {id: odesa, name: Odesa, country: UA, kind: port}
          - {id: izmail, name: Izmail, country: UA, kind: port}
          - {id: istanbul, name: Istanbul, country: TR}
          - {id: constanta, name: Constanța, country: RO, kind: port}
        routes:
          - {id: corridor, label: Sea corridor, legs: "odesa>istanbul:sea"}
          - {id: danube, label: Danube ports, legs: "izmail>constanta:sea"}
          - {id: coastal, label: Along the coast, legs: "odesa>constanta:sea, constanta>istanbul:sea"}
        views:
          - {name: sea, fit: [odesa, istanbul, izmail, constanta], size: 800x600}
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out").path
        let r = try cli.run(["render", file, "--format", "pdf", "-o", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        // Izmail is a Danube port: the sea lanes carry none of its leg, which is said, at the leg.
        XCTAssertTrue(r.stderr.contains("grain.yaml:9:5: routes[1].legs: izmail > constanta: the sea network carries none of this leg"), r.stderr)
        XCTAssertEqual(r.stderr.components(separatedBy: "carries none").count, 2, "only that leg: \(r.stderr)")
        let text = try XCTUnwrap(runTool("pdftotext", [out + "/grain-sea.pdf", "-"]))
        let entries = text.split(separator: "\n").filter { $0.contains(" · ") && $0.contains(" km") }
        XCTAssertEqual(entries.count, 3, text)
        let danube = try XCTUnwrap(entries.first { $0.hasPrefix("Danube ports") })
        XCTAssertFalse(danube.contains("("), "not an alternative to the corridor: \(danube)")
        let coastal = try XCTUnwrap(entries.first { $0.hasPrefix("Along the coast") })
        XCTAssertTrue(coastal.contains("(+"), "an alternative to the corridor, from Odesa to Istanbul: \(coastal)")
    }

    /// A leg's end that is not a place id was geocoded without a word: a typo of an id
    /// ("vladivostk") passed as the city a fuzzy match found. A near miss of an id is an error
    /// naming the id; any other name is geocoded and said so.
    func testALegEndThatIsNoPlaceIdIsATypoOrAGeocodedNameAndSaidSo() throws {
        let file = dir.appendingPathComponent("legs.yaml").path
        func write(_ legs: String) throws {
            try """
            title: Legs
            places:
              - {id: wonsan, name: Wonsan, country: KP}
              - {id: vladivostok, name: Vladivostok, country: RU}
            routes:
              - {id: r, legs: "\(legs)"}
            """.write(toFile: file, atomically: true, encoding: .utf8)
        }
        try write("wonsan>vladivostk:sea")
        let typo = try cli.run(["validate", file])
        XCTAssertEqual(typo.status, 1, typo.stderr)
        XCTAssertTrue(typo.stderr.contains("legs.yaml:6:5: routes[0].legs: 'vladivostk' is not a place id of this scenario; did you mean 'vladivostok'?"), typo.stderr)
        try write("wonsan>Nakhodka:sea")
        let named = try cli.run(["validate", file])
        XCTAssertEqual(named.status, 0, named.stderr)
        XCTAssertTrue(named.stderr.contains("routes[0].legs: 'Nakhodka' is not a place id of this scenario: geocoded as Nakhodka (RU"), named.stderr)
        // Seen: a leg to a place whose name was ambiguous ('e', Rafah) said 'e' was no place id and
        // that geocoding 'e' failed ("too short to name a place").
        try """
        title: Legs
        places:
          - {id: d, name: Gaza City, country: PS}
          - {id: e, name: Rafah}
        routes:
          - {id: r, legs: "d>e:road"}
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let unsettled = try cli.run(["validate", file])
        XCTAssertEqual(unsettled.status, 1, unsettled.stderr)
        XCTAssertTrue(unsettled.stderr.contains("places[1].name: 'Rafah' is ambiguous"), unsettled.stderr)
        XCTAssertTrue(unsettled.stderr.contains("routes[0].legs: 'e' is the place 'Rafah', which is not located (see places[1]): the leg is routed once it is"), unsettled.stderr)
        XCTAssertFalse(unsettled.stderr.contains("too short"), unsettled.stderr)
    }

    func testBenchAnchorScenarioShowsTheAnchorsWindowExactly() throws {
        let anchors = BinaryRunner.packageRoot.appendingPathComponent("Tests/Bench/anchors.yaml").path
        let v = try cli.run(["validate", anchors])
        XCTAssertEqual(v.status, 0, v.stderr)
        let r = try cli.run(["render", anchors, "--view", "kursk", "--format", "pdf", "-o", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let info = try XCTUnwrap(runTool("pdfinfo", [dir.appendingPathComponent("anchors-kursk.pdf").path]))
        XCTAssertTrue(info.contains("1152 x 864 pts"), "1600x1200 px at 100 dpi: \(info)")
        let bad = dir.appendingPathComponent("w.yaml").path
        try "title: T\nviews: [{name: v, window: [5, 0, 1, 1]}]\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let b = try cli.run(["validate", bad])
        XCTAssertTrue(b.stderr.contains("views[0].window: expected [minX, minY, maxX, maxY]"), b.stderr)
        try "title: T\nviews: [{name: v, window: [0, 0, 1, 1]}]\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let c = try cli.run(["validate", bad])
        XCTAssertTrue(c.stderr.contains("give its 'projection' too"), c.stderr)
    }

    func testUnknownViewAndMalformedYAML() throws {
        let r = try cli.run(["render", example, "--view", "overveiw", "-o", dir.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("no view is named 'overveiw'; did you mean 'overview'?"), r.stderr)
        let bad = dir.appendingPathComponent("m.yaml").path
        try "title: [unclosed\nplaces: x\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let m = try cli.run(["validate", bad])
        XCTAssertEqual(m.status, 1)
        XCTAssertTrue(m.stderr.contains("m.yaml:") && m.stderr.contains("malformed YAML"), m.stderr)
    }

    func testThemeFileChangesTheMapAndBadThemesAreLocated() throws {
        let theme = dir.appendingPathComponent("t.yaml").path
        try "ocean: '#000080'\nhostile: '#00aa00'\ntitle_size: 20\n".write(toFile: theme, atomically: true, encoding: .utf8)
        let r = try cli.run(["render", example, "--view", "kursk", "--size", "400x300", "--theme", theme, "-o", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        try "ocaen: '#000080'\nland: red\n".write(toFile: theme, atomically: true, encoding: .utf8)
        let b = try cli.run(["validate", example, "--theme", theme])
        XCTAssertEqual(b.status, 1)
        XCTAssertTrue(b.stderr.contains("t.yaml:1:1: theme.ocaen: unknown key 'ocaen'; did you mean 'ocean'?"), b.stderr)
        XCTAssertTrue(b.stderr.contains("'red' is not a colour"), b.stderr)
    }
}
