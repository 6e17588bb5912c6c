import Scenes
import Graphics
import DataCatalog
import Bindings
import Briefing
import Cartography
import Foundation
import GeoCore
import DataBuild
import Scenario
import TestSupport
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Every example scenario's maps: country names where a reader needs them, labels that never
/// overlap and keep off the routes, the same labels in the same places in PNG and PDF, and two
/// routes of one story told apart.
final class ExampleMapsTests: TemporaryFolderTestCase {
    override class func setUp() {
        super.setUp()
    }

    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

    /// The country names (and reference cities in the map's language) each view must show (as the PDF's text, spaces and direction marks removed).
    static let expectedNames: [String: [String]] = [
        "nk-deployment-overview": ["RUSSIA", "KAZAKHSTAN", "MONGOLIA", "UKRAINE", "NORTHKOREA"],
        "nk-deployment-kursk": ["UKRAINE"],
        "red-sea-diversion-routes": ["EGYPT", "INDIA", "SOUTHAFRICA", "SAUDIARABIA", "AUSTRALIA"],
        "red-sea-diversion-red-sea": ["EGYPT", "SAUDIARABIA", "YEMEN", "SUDAN", "ERITREA", "Bab-el-Mandeb", "SuezCanal"],
        "sudan-war-sudan": ["السودان", "مصر", "تشاد", "ليبيا"],
        "wagner-march-march": ["РОССИЯ", "УКРАИНА", "МОСКОВСКАЯОБЛ."],
        "noto-earthquake-noto": ["日本", "高岡", "富山"],
        "darien-gap-gap": ["PANAMÁ", "COLOMBIA", "CanaldePanamá"],
        "baltic-cables-gulf": ["FINLAND", "ESTONIA", "RUSSIA", "SaintPetersburg"],
    ]

    func loaded(_ name: String) throws -> LoadedScenario {
        try LoadedScenario.load(ExampleMapsTests.examples.appendingPathComponent("\(name).yaml").path, data: try DataDirectory.locate())
    }

    /// Each example's views, rendered as PNG, PDF and SVG.
    func renderAll() throws -> [(name: String, png: MapReport, pdf: MapReport, pdfPath: String, dpi: Double, svgPath: String)] {
        var out: [(String, MapReport, MapReport, String, Double, String)] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: ExampleMapsTests.examples.path)
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 4, "the demo story and at least three others")
        for example in names {
            let l = try loaded(example)
            let renderer = ViewRenderer(resolved: l.resolved, data: l.data, style: l.style)
            for view in l.scenario.views {
                let base = dir.appendingPathComponent("\(example)-\(view.name)").path
                let png = try renderer.render(view, to: base + ".png")
                let pdf = try renderer.render(view, to: base + ".pdf")
                let svg = try renderer.render(view, to: base + ".svg")
                XCTAssertEqual(svg.labels.map(\.text), pdf.labels.map(\.text), "\(example)-\(view.name): SVG and PDF place different labels")
                out.append(("\(example)-\(view.name)", png, pdf, base + ".pdf", view.dpi, base + ".svg"))
            }
        }
        return out
    }

    func testEveryExampleMapNamesItsCountriesAndLaysOutAlikeInPNGAndPDF() throws {
        let maps = try renderAll()
        XCTAssertEqual(Set(maps.map(\.name)), Set(ExampleMapsTests.expectedNames.keys), "every example view has its expected names here")
        for m in maps {
            // Names in the PDF's text.
            let text = try XCTUnwrap(runTool("pdftotext", [m.pdfPath, "-"]), "pdftotext")
            let flat = String(text.unicodeScalars.filter { !$0.properties.isWhitespace && !(0x200E...0x202E).contains($0.value) })
            for name in ExampleMapsTests.expectedNames[m.name] ?? [] {
                XCTAssertTrue(flat.contains(name), "\(m.name): '\(name)' is not in the PDF's text")
            }
            XCTAssertTrue(m.pdf.attribution.contains("GeoNames"), "\(m.name): the reference labels' source is credited")

            // The same labels, in the same places (in points), in both formats.
            let scale = 72 / m.dpi
            XCTAssertEqual(m.png.labels.map(\.text), m.pdf.labels.map(\.text), "\(m.name): PNG and PDF place different labels")
            XCTAssertEqual(m.png.dropped, m.pdf.dropped, "\(m.name): PNG and PDF leave out different labels")
            for (a, b) in zip(m.png.labels, m.pdf.labels) {
                XCTAssertEqual(a.box.x * scale, b.box.x, accuracy: 0.5, "\(m.name): '\(a.text)'")
                XCTAssertEqual(a.box.y * scale, b.box.y, accuracy: 0.5, "\(m.name): '\(a.text)'")
                XCTAssertEqual(a.box.width * scale, b.box.width, accuracy: 0.5, "\(m.name): '\(a.text)'")
            }

            // No two labels overlap; none crosses a route unless it is a story label with no other room.
            for (report, unitsPerPoint) in [(m.png, m.dpi / 72), (m.pdf, 1.0)] {
                let boxes = report.labels.map(\.box)
                for (i, a) in boxes.enumerated() {
                    for b in boxes[(i + 1)...] { XCTAssertFalse(a.intersects(b), "\(m.name): \(a) overlaps \(b)") }
                }
                for label in report.labels where !label.overRoute {
                    for route in report.routes {
                        // Where a route meets its place (a symbol's size), the place's label may touch it.
                        let path = ExampleMapsTests.trimmed(route.path, by: 4 * unitsPerPoint)
                        XCTAssertFalse(ExampleMapsTests.crosses(path, label.box.insetBy(0.5)),
                                       "\(m.name): the label '\(label.text)' crosses a route")
                    }
                }
            }
        }
    }

    func testSVGsHaveRealTextWhereThePlacerPutItAndNamedLayers() throws {
        for m in try renderAll() {
            let doc = try XMLDocument(contentsOf: URL(fileURLWithPath: m.svgPath), options: [])
            let groups = Set(try doc.nodes(forXPath: "//*[local-name()='g']/@id").compactMap(\.stringValue))
            for id in ["basemap", "basemap-land", "basemap-borders", "basemap-coastline", "story", "labels"] {
                XCTAssertTrue(groups.contains(id), "\(m.name): no <g id=\"\(id)\"> (has \(groups.sorted().filter { !$0.contains("surface") }))")
            }
            let texts = try doc.nodes(forXPath: "//*[local-name()='text']")
            XCTAssertGreaterThan(texts.count, 10, m.name)
            XCTAssertTrue(try doc.nodes(forXPath: "//*[local-name()='symbol']").isEmpty, "\(m.name): text drawn as glyph outlines")
            let flat = texts.compactMap(\.stringValue).joined().filter { !$0.isWhitespace }
            for name in ExampleMapsTests.expectedNames[m.name] ?? [] {
                XCTAssertTrue(flat.contains(name), "\(m.name): '\(name)' is not an SVG <text>")
            }
            // Every label box the placer gave holds the start of a line of text (SVG units are points).
            let svg = try String(contentsOfFile: m.svgPath, encoding: .utf8)
            let spans = try NSRegularExpression(pattern: "<tspan x=\"([-0-9.]+)\" y=\"([-0-9.]+)\">")
            let starts = spans.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).compactMap { m -> (Double, Double)? in
                guard let x = Range(m.range(at: 1), in: svg).flatMap({ Double(svg[$0]) }),
                      let y = Range(m.range(at: 2), in: svg).flatMap({ Double(svg[$0]) }) else { return nil }
                return (x, y)
            }
            XCTAssertGreaterThanOrEqual(starts.count, texts.count, m.name)
            // (A unit's symbol box holds no text: its name and strength are a label of their own.)
            let labels = m.pdf.labels
            for label in labels where !labels.contains(where: { $0.text.hasPrefix(label.text + "\n") || ($0.text == label.text && $0.box != label.box) }) {
                let b = label.box
                XCTAssertTrue(starts.contains { $0.0 >= b.x - 1 && $0.0 <= b.maxX && $0.1 >= b.y && $0.1 <= b.maxY + 1 },
                              "\(m.name): no SVG text starts in the box of '\(label.text)' \(b)")
            }
        }
    }

    func testLegendAndFurnitureSpeakTheStorysLanguage() throws {
        let l = try loaded("wagner-march")
        let renderer = ViewRenderer(resolved: l.resolved, data: l.data, style: l.style)
        let pdf = dir.appendingPathComponent("ru.pdf").path
        let report = try renderer.render(try l.view("march"), to: pdf)
        XCTAssertTrue(report.legend.contains("Дорогой (дорожная сеть)") || report.legend.contains("По дороге (дорожная сеть)"), report.legend.description)
        XCTAssertTrue(report.legend.contains("Подразделение, неизвестное (рамка APP-6)"), report.legend.description)
        let text = try XCTUnwrap(runTool("pdftotext", [pdf, "-"])).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for phrase in ["На 24 июня 2023 г.", "Источники:", "масштаб верен в центре карты", "км"] {
            XCTAssertTrue(text.contains(phrase), "'\(phrase)' is not on the Russian map")
        }
        XCTAssertFalse(text.contains("As of"), "no English date line on a Russian map")
    }

    func testTheStorysCountriesStandOutWhenItNamesItsSides() throws {
        let source = ExampleMapsTests.examples.appendingPathComponent("sudan-war.yaml").path
        let text = try String(contentsOfFile: source, encoding: .utf8)
        XCTAssertTrue(text.contains("sides:\n  SD: unknown\n"))
        let without = try write(text.replacingOccurrences(of: "sides:\n  SD: unknown\n", with: ""), "no-sides.yaml")
        var paths: [String] = []
        for (name, path) in [("with", source), ("without", without)] {
            let l = try LoadedScenario.load(path, data: try DataDirectory.locate())
            let out = dir.appendingPathComponent("\(name).png").path
            try ViewRenderer(resolved: l.resolved, data: l.data, style: l.style).render(try l.view("sudan"), to: out, size: (600, 466), dpi: 72)
            paths.append(out)
        }
        // Chad, Egypt, Ethiopia... are veiled: a good share of the map changes, though faintly.
        let outcome = try GoldenImage(maxDifferingShare: 0.2, channelTolerance: 4).compare(actual: paths[0], reference: paths[1])
        XCTAssertFalse(outcome.passed, "the neighbours are not veiled: \(outcome)")
    }

    /// Seen on a map of the South Pacific: Tonga, Fiji and Samoa across the antimeridian were
    /// framed as the whole world between them, the sea route from Auckland was drawn round the
    /// globe, and no island state was named.
    func testAStoryAcrossTheAntimeridianIsFramedAroundItAndItsIslandsNamed() throws {
        let file = dir.appendingPathComponent("tonga.yaml").path
        try """
        title: Relief to Tonga
        places:
          - {id: nukualofa, name: "Nuku'alofa", country: TO}
          - {id: suva, name: Suva, country: FJ}
          - {id: apia, name: Apia, country: WS}
          - {id: auckland, name: Auckland, country: NZ, kind: port}
        routes:
          - {id: aid, label: Relief ship, legs: "auckland>nukualofa:sea"}
        views:
          - {name: pacific, fit: [nukualofa, suva, apia, auckland], margin_km: 200, size: 1600x1200}
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let l = try LoadedScenario.load(file, data: try DataDirectory.locate())
        let view = try l.view("pacific")
        let extent = try SceneBuilder(resolved: l.resolved).extent(of: view)
        XCTAssertTrue(extent.crossesAntimeridian, "\(extent)")
        XCTAssertLessThan(extent.width, 40, "the islands and Auckland, not the world between them: \(extent)")
        let pdf = dir.appendingPathComponent("pacific.pdf").path
        let report = try ViewRenderer(resolved: l.resolved, data: l.data, style: l.style).render(view, to: pdf)
        // The route, as drawn, stays about the map (it ran off both edges, round the world).
        let route = try XCTUnwrap(report.routes.first).path
        let xs = route.map(\.lon)
        XCTAssertLessThan(try XCTUnwrap(xs.max()) - (try XCTUnwrap(xs.min())), 1600 * 72 / view.dpi, "\(xs.min() ?? 0)...\(xs.max() ?? 0)")
        let text = try XCTUnwrap(runTool("pdftotext", [pdf, "-"])).filter { !$0.isWhitespace }
        for name in ["TONGA", "FIJI", "SAMOA", "NEWZEALAND"] { XCTAssertTrue(text.contains(name), "\(name) is not named") }
    }

    func testTwoRoutesSharingALegAreToldApart() throws {
        let l = try loaded("red-sea-diversion")
        let renderer = ViewRenderer(resolved: l.resolved, data: l.data, style: l.style)
        let report = try renderer.render(try l.view("routes"), to: dir.appendingPathComponent("routes.png").path)
        let named = report.legend.filter { $0.contains(" km") }
        XCTAssertEqual(named.count, 2, "one legend entry per route: \(report.legend)")
        XCTAssertTrue(named[0].hasPrefix("Via Suez (before) · 19,"), named[0])
        XCTAssertTrue(named[1].hasPrefix("Around the Cape (after) · 26,"), named[1])
        XCTAssertTrue(named[1].contains("(+6,"), "the second route states the difference: \(named[1])")
        // The shared Shanghai - Singapore leg is labelled once.
        let legs = report.labels.map(\.text).filter { $0.hasPrefix("sea ") }
        XCTAssertEqual(legs.filter { $0.hasPrefix("sea 4,1") }.count, 1, legs.description)
        XCTAssertEqual(Set(legs).count, legs.count, "no leg label twice: \(legs)")
        // Distinct colours: a route without its own colour takes the next of the palette.
        var scene = MapScene()
        scene.routes = [SceneRoute(label: "A", style: .line, affiliation: .hostile, legs: []),
                        SceneRoute(label: "B", style: .line, affiliation: .hostile, legs: []),
                        SceneRoute(label: "C", style: .line, affiliation: .hostile, legs: [], color: Color(hex: "#123456"))]
        let colors = RouteColors.colors(of: scene.routes, style: MapStyle())
        XCTAssertEqual(Set(colors).count, 3)
        XCTAssertEqual(colors[2], Color(hex: "#123456"))
    }

    /// The path without the points within `d` of either end.
    static func trimmed(_ path: [Coordinate], by d: Double) -> [Coordinate] {
        guard let a = path.first, let b = path.last else { return [] }
        return path.filter { hypot($0.lon - a.lon, $0.lat - a.lat) >= d && hypot($0.lon - b.lon, $0.lat - b.lat) >= d }
    }

    /// Whether a polyline passes through a rectangle.
    static func crosses(_ path: [Coordinate], _ r: Rect) -> Bool {
        func inside(_ c: Coordinate) -> Bool { c.lon > r.x && c.lon < r.maxX && c.lat > r.y && c.lat < r.maxY }
        for (a, b) in zip(path, path.dropFirst()) {
            if inside(a) || inside(b) { return true }
            // Sample the segment: route vertices are dense, a label is several points across.
            let n = 16
            for i in 1..<n where inside(Coordinate(lon: a.lon + (b.lon - a.lon) * Double(i) / Double(n), lat: a.lat + (b.lat - a.lat) * Double(i) / Double(n))) {
                return true
            }
        }
        return false
    }
}
