import Scenes
import DataCatalog
import Bindings
import Briefing
import Cartography
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import DataBuild
import Scenario
import TestSupport
import XCTest

/// Scenario maps drawn from the built data: golden images at two scales, labels that never
/// overlap, text in the PDF, XML in the SVG, identical bytes from two runs.
final class DeploymentMapTests: TemporaryFolderTestCase {
    override class func setUp() {
        super.setUp()
    }

    let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    /// A small scenario with given coordinates (no gazetteer), a rail and a direct leg, a unit, an
    /// approximate area and two conflicting figures.
    static let scenario = """
    title: Test front
    subtitle: Golden-image scenario
    as_of: 2024-12-23
    markings: TEST
    sides: {KP: hostile, UA: friendly}
    sources:
      - {id: a, publisher: Agency A, date: 2024-12-16}
      - {id: b, publisher: Agency B, date: 2024-12-23}
    places:
      - {id: kursk, name: Kursk, lat: 51.7373, lon: 36.1874, kind: city}
      - {id: sudzha, name: Sudzha, lat: 51.19139, lon: 35.27056, kind: town, labels: {ru: Суджа}}
      - {id: belaya, name: Belaya, lat: 51.05556, lon: 35.70833, kind: village}
      - {id: v, name: Vorozhba, unlocated: true}
    units:
      - {id: u1, name: Corps, affiliation: KP, echelon: corps, type: infantry, strength: "~11,000", at: belaya}
    routes:
      - {id: r1, legs: "kursk>sudzha:rail", label: Move}
      - {id: r2, legs: "belaya>sudzha:direct", style: arrow}
    areas:
      - {id: s, label: Salient, center: sudzha, radius_km: 12.6, approximate: true}
    figures:
      - {id: F1, quantity: Casualties, value: ">= 30", date: 2024-12-16, sources: [a], attach: sudzha}
      - {id: F2, quantity: Casualties, value: "> 3,000", date: 2024-12-23, sources: [b], attach: sudzha}
    views:
      - {name: small, fit: [kursk, sudzha, belaya], margin_km: 10, size: 480x360, dpi: 72}
      - {name: large, fit: [kursk, sudzha, belaya], margin_km: 10, size: 960x720, dpi: 144}
    """

    func load() throws -> LoadedScenario {
        let path = try write(DeploymentMapTests.scenario, "test.yaml")
        return try LoadedScenario.load(path, data: try DataDirectory.locate())
    }

    func testGoldenImagesAtTwoScalesWithoutOverlaps() throws {
        let loaded = try load()
        let renderer = ViewRenderer(resolved: loaded.resolved, data: loaded.data, style: loaded.style)
        for name in ["small", "large"] {
            let path = dir.appendingPathComponent("\(name).png").path
            let report = try renderer.render(try loaded.view(name), to: path)
            let boxes = report.labels.map(\.box)
            for (i, a) in boxes.enumerated() {
                for b in boxes[(i + 1)...] { XCTAssertFalse(a.intersects(b), "\(name): \(a) overlaps \(b)") }
            }
            XCTAssertTrue(report.labels.contains { $0.text == "Kursk" }, "\(name): \(report.labels.map(\.text))")
            XCTAssertTrue(report.labels.contains { $0.text == "Casualties" }, "\(name): the callout is placed")
            XCTAssertTrue(report.legend.contains("Area (approximate)"))
            XCTAssertTrue(report.legend.contains("By rail (railway network)"))
            XCTAssertTrue(report.attribution.contains("Natural Earth"))
            let outcome = try GoldenImage(maxDifferingShare: 0.01, channelTolerance: 24)
                .compare(actual: path, reference: snapshots.appendingPathComponent("test-front-\(name).png").path)
            XCTAssertTrue(outcome.passed, outcome.description)
        }
    }

    func testAThemeRowChangesALayerOfTheTableAndBadRowsAreLocated() throws {
        let scenarioPath = try write(DeploymentMapTests.scenario, "test.yaml")
        let theme = try write("layers:\n  borders: {color: '#ff00ff', width: 3}\n  rail: {visible: false}\n", "theme.yaml")
        let loaded = try LoadedScenario.load(scenarioPath, theme: theme, data: try DataDirectory.locate())
        XCTAssertEqual(loaded.style.ruleChanges["borders"]?.width, 3)
        let path = dir.appendingPathComponent("themed.png").path
        try ViewRenderer(resolved: loaded.resolved, data: loaded.data, style: loaded.style).render(try loaded.view("small"), to: path)
        let outcome = try GoldenImage(maxDifferingShare: 0.01, channelTolerance: 24)
            .compare(actual: path, reference: snapshots.appendingPathComponent("test-front-small-theme-borders.png").path)
        XCTAssertTrue(outcome.passed, outcome.description)
        // Not the default map: the borders are magenta now.
        let plain = dir.appendingPathComponent("plain.png").path
        let base = try load()
        try ViewRenderer(resolved: base.resolved, data: base.data, style: base.style).render(try base.view("small"), to: plain)
        let differ = try GoldenImage(maxDifferingShare: 0.002, channelTolerance: 24).compare(actual: path, reference: plain)
        XCTAssertFalse(differ.passed, "the theme row changed nothing")

        for (text, needle) in [("layers:\n  bordrs: {color: '#ff00ff'}\n", "theme.yaml:2:3: theme.layers.bordrs: unknown key 'bordrs'; did you mean 'borders'?"),
                               ("layers:\n  rail: {colour: '#ff00ff'}\n", "unknown key 'colour'"),
                               ("layers:\n  rail: {color: pink}\n", "'pink' is not a colour"),
                               ("font_family: Comic Nonexistent Sans\n", "theme.yaml:1:14: theme.font_family: no installed font is named 'Comic Nonexistent Sans'")] {
            let bad = try write(text, "theme.yaml")
            XCTAssertThrowsError(try LoadedScenario.load(scenarioPath, theme: bad, data: try DataDirectory.locate())) { error in
                XCTAssertTrue("\(error)".contains(needle), "\(error)")
            }
        }
    }

    func testPDFHoldsLabelsFiguresAndSourcesAsText() throws {
        let loaded = try load()
        let path = dir.appendingPathComponent("large.pdf").path
        try ViewRenderer(resolved: loaded.resolved, data: loaded.data, style: loaded.style).render(try loaded.view("large"), to: path)
        let text = try XCTUnwrap(runTool("pdftotext", ["-layout", path, "-"]))
        for expected in ["Test front", "Kursk", "Sudzha", "Casualties", "≥30", ">3,000", "[1]", "Agency A", "Agency B", "Vorozhba", "TEST", "As of 23 Dec 2024"] {
            XCTAssertTrue(text.contains(expected), "'\(expected)' missing from the PDF text:\n\(text)")
        }
    }

    func testSVGIsXMLAndOutputsRepeatByteForByte() throws {
        let loaded = try load()
        let renderer = ViewRenderer(resolved: loaded.resolved, data: loaded.data, style: loaded.style)
        for ext in ["svg", "png", "pdf"] {
            let a = dir.appendingPathComponent("a.\(ext)").path, b = dir.appendingPathComponent("b.\(ext)").path
            try renderer.render(try loaded.view("small"), to: a)
            try renderer.render(try loaded.view("small"), to: b)
            XCTAssertEqual(FileManager.default.contents(atPath: a), FileManager.default.contents(atPath: b), ext)
        }
        let parser = XMLParser(data: try XCTUnwrap(FileManager.default.contents(atPath: dir.appendingPathComponent("a.svg").path)))
        XCTAssertTrue(parser.parse(), "\(String(describing: parser.parserError))")
    }

    func testRussianLabelsFromTheScenarioLanguage() throws {
        let text = DeploymentMapTests.scenario.replacingOccurrences(of: "title: Test front", with: "title: Test front\nlanguage: ru")
        let path = try write(text, "ru.yaml")
        let loaded = try LoadedScenario.load(path, data: try DataDirectory.locate())
        let report = try ViewRenderer(resolved: loaded.resolved, data: loaded.data, style: loaded.style)
            .render(try loaded.view("small"), to: dir.appendingPathComponent("ru.png").path)
        XCTAssertTrue(report.labels.contains { $0.text == "Суджа" }, "\(report.labels.map(\.text))")
        XCTAssertTrue(report.warnings.isEmpty, "\(report.warnings)")
    }

    func testUnresolvedAndAmbiguousPlacesAreLocatedProblems() throws {
        let path = try write("""
        title: T
        places:
          - {id: a, name: Qwxzzyville}
          - {id: b, name: Blagoveshchensk}
        views: [{name: v, fit: [a]}]
        """, "bad.yaml")
        XCTAssertThrowsError(try LoadedScenario.load(path, data: try DataDirectory.locate())) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("bad.yaml:3:5: places[0].name: 'Qwxzzyville' was not found"), text)
            XCTAssertTrue(text.contains("bad.yaml:4:5: places[1].name: 'Blagoveshchensk' is ambiguous"), text)
            XCTAssertTrue(text.contains("Bashkortostan") || text.contains("Amur"), text)
        }
    }

    func testAViewThatCannotBeFramedIsAProblem() throws {
        let path = try write("""
        title: T
        places: [{id: a, name: A, lat: 10, lon: 10}]
        views: [{name: v, bbox: [-170, -80, 170, 80], projection: "+proj=ortho +lat_0=50 +lon_0=10"}]
        """, "proj.yaml")
        XCTAssertThrowsError(try LoadedScenario.load(path, data: try DataDirectory.locate())) { error in
            XCTAssertTrue("\(error)".contains("views.v"), "\(error)")
        }
    }
}
