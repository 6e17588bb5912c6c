import Symbology
import Foundation
import Scenario
import TestSupport
import XCTest

/// Reading scenario YAML: the model it gives, and every problem located at its line and column.
final class ScenarioParserTests: XCTestCase {
    let valid = """
    title: Test
    as_of: 2024-12-23
    sides: {KP: hostile, UA: friendly}
    sources:
      - {id: a, publisher: Agency A, date: 2024-10-18}
      - {id: b, publisher: Agency B}
    places:
      - {id: x, name: Xtown, lat: 51.19, lon: 35.27, kind: town, labels: {ru: Икс}}
      - {id: v, name: Vorozhba, unlocated: true}
    units:
      - {id: u, name: Corps, affiliation: KP, echelon: corps, type: special-forces, strength: F1, at: x}
    figures:
      - {id: F1, quantity: Soldiers, value: "10,000-12,000", sources: [a, b], attach: x, date: 2024-10/2024-11}
    views:
      - {name: main, fit: [x], size: 800x600}
    """

    func parse(_ text: String) throws -> Scenario { try ScenarioParser.parse(text, file: "s.yaml") }

    func problems(_ text: String) -> [ScenarioProblem] {
        do { _ = try parse(text); return [] } catch let e as ScenarioError { return e.problems } catch { return [] }
    }

    func testValidScenario() throws {
        let s = try parse(valid)
        XCTAssertEqual(s.places.count, 2)
        XCTAssertEqual(s.places[0].coordinate?.lat, 51.19)
        XCTAssertEqual(s.places[0].label(in: "ru"), "Икс")
        XCTAssertEqual(s.places[0].label(in: "en"), "Xtown")
        XCTAssertTrue(s.places[1].unlocated)
        XCTAssertEqual(s.units[0].affiliation, .hostile, "KP is hostile by the scenario's sides")
        XCTAssertEqual(s.units[0].echelon?.mark, "XXX")
        XCTAssertEqual(s.figures[0].value, FigureValue(min: 10_000, max: 12_000))
        XCTAssertEqual(s.referenceNumber(of: "b"), 2)
        XCTAssertEqual(s.views[0].width, 800)
    }

    func testMalformedYAMLNamesLineAndColumn() {
        let p = problems("title: T\nplaces:\n  - {id: x, name: [unclosed\n")
        XCTAssertEqual(p.count, 1)
        XCTAssertEqual(p.first?.field, "yaml")
        XCTAssertGreaterThanOrEqual(p.first?.location.line ?? 0, 3, "\(p)")
    }

    func testEveryProblemAtOnceWithSuggestions() {
        let text = """
        title: T
        sourcs: []
        sources:
          - {id: a, publisher: A}
        places:
          - {id: x, name: X, lat: 95, lon: 30}
          - {id: y, name: Y, kindd: town}
          - {id: z, name: Z, kind: crossing}
        figures:
          - {id: F1, quantity: Q, value: "12,000-10,000", sources: [a]}
          - {id: F2, quantity: Q, value: "lots", sources: [a]}
          - {id: F4, quantity: Q, value: 4, sources: [c]}
          - {id: F3, quantity: Q, value: 5, sources: [a], date: 2024-02-30, attach: nowhere}
        views:
          - {name: v, fit: [x], size: 0x0}
        """
        let p = problems(text)
        let text2 = p.map(\.description).joined(separator: "\n")
        XCTAssertTrue(text2.contains("s.yaml:2:1: scenario.sourcs: unknown key 'sourcs'; did you mean 'sources'?"), text2)
        XCTAssertTrue(text2.contains("places[0].lat: expected a number in -90...90"), text2)
        XCTAssertTrue(text2.contains("did you mean 'kind'?"), text2)
        // Seen: 'crossing' suggested nothing; the value is a word of one option.
        XCTAssertTrue(text2.contains("places[2].kind: 'crossing' is not valid; did you mean 'border-crossing'?"), text2)
        XCTAssertTrue(text2.contains("minimum above its maximum"), text2)
        XCTAssertTrue(text2.contains("cannot read 'lots' as a figure"), text2)
        XCTAssertTrue(text2.contains("no source has the id 'c'"), text2)
        XCTAssertTrue(text2.contains("'2024-02-30' is not a date"), text2)
        XCTAssertTrue(text2.contains("s.yaml:13:5: figures[F3].attach: nothing has the id 'nowhere'"), text2)
        XCTAssertTrue(text2.contains("'0x0' is not a size"), text2)
        XCTAssertTrue(p.allSatisfy { $0.location.line > 0 }, text2)
        XCTAssertGreaterThanOrEqual(p.count, 10)
    }

    func testWrongTypesAndDuplicates() {
        let p = problems("""
        title: T
        places:
          - {id: x, name: X, lat: 1, lon: 2}
          - {id: x, name: [a, b]}
        views: notalist
        """)
        let s = p.map(\.description).joined(separator: "\n")
        XCTAssertTrue(s.contains("expected text, found a list"), s)
        XCTAssertTrue(s.contains("expected a list"), s)
    }

    func testUnlocatedPlaceCannotHoldAUnit() {
        let p = problems("""
        title: T
        places: [{id: v, name: V, unlocated: true}]
        units: [{id: u, name: U, affiliation: hostile, at: v}]
        """)
        XCTAssertTrue(p.contains { $0.message.contains("unlocated") }, "\(p)")
    }

    func testRouteColoursKeepAndAnnotationsAreReadAndCheckedWhereTheyAre() throws {
        let s = try parse(valid + """

        routes:
          - {id: r, legs: "x>x:road", color: "#1f5fa8"}
        annotations:
          - {text: Front line, at: x, style: front, views: [main]}
          - {text: Note here, lat: 51.2, lon: 35.3, leader: true}
        """)
        XCTAssertEqual(s.routes.first?.color, "#1f5fa8")
        XCTAssertEqual(s.annotations.count, 2)
        XCTAssertEqual(s.annotations[0].style, .front)
        XCTAssertEqual(s.annotations[1].coordinate?.lat, 51.2)
        let p = problems("""
        title: T
        places: [{id: x, name: X, lat: 1, lon: 1, keep: maybe}, {id: v, name: V, unlocated: true}]
        routes: [{id: r, legs: "x>x:road", color: bluish}]
        annotations:
          - {text: A, at: nowhere}
          - {text: B, at: x, style: comic}
          - {text: C, at: x, views: [missing]}
          - {text: D}
          - {text: E, at: v}
        views: [{name: main, fit: [x]}]
        """)
        for (line, needle) in [(3, "'bluish' is not a colour"), (5, "nothing has the id 'nowhere'"), (6, "comic"), (7, "no view is named 'missing'"),
                               (8, "give 'at'"), (9, "unlocated"), (2, "keep")] {
            XCTAssertTrue(p.contains { $0.location.line == line && "\($0)".contains(needle) }, "line \(line): '\(needle)' in \(p)")
        }
    }

    func testLimitsOnSizeAndCounts() {
        let huge = "title: T\nplaces:\n" + (0..<2_100).map { "  - {id: p\($0), name: P, lat: 1, lon: 1}" }.joined(separator: "\n")
        XCTAssertTrue(problems(huge).contains { $0.message.contains("at most 2000") })
        // Aliases that multiply: refused by the node limit, not expanded without end.
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...6 { bomb += "a\(i): &a\(i) [" + Array(repeating: "*a\(i == 1 ? "" : String(i - 1))", count: 10).joined(separator: ", ") + "]\n" }
        XCTAssertFalse(problems("title: T\n" + bomb).isEmpty)
    }

    func testDates() throws {
        XCTAssertEqual(StoryDate("2024-10-23")?.display, "23 Oct 2024")
        XCTAssertEqual(StoryDate("2024-11")?.display, "Nov 2024")
        XCTAssertEqual(StoryDate("2024-10/2024-11")?.display, "Oct–Nov 2024")
        XCTAssertNil(StoryDate("2024-13"))
        XCTAssertNil(StoryDate("2024-11/2024-10"))
        XCTAssertNil(StoryDate("23/10/2024"))
        let d = try XCTUnwrap(StoryDate("2024-02"))
        XCTAssertEqual(d.last - d.first, 28, "2024 is a leap year")
        XCTAssertEqual(StoryDate.iso(day: d.first), "2024-02-01")
        XCTAssertLessThan(try XCTUnwrap(StoryDate("2024-10-18")), try XCTUnwrap(StoryDate("2024-10-23")))
    }

    func testFigureValues() throws {
        XCTAssertEqual(try FigureValue.parse("1,500").description, "1,500")
        XCTAssertEqual(try FigureValue.parse("~50,000").description, "~50,000")
        XCTAssertEqual(try FigureValue.parse(">= 30").description, "≥30")
        XCTAssertEqual(try FigureValue.parse("> 3,000").description, ">3,000")
        XCTAssertEqual(try FigureValue.parse("up to 10,000").description, "up to 10,000")
        XCTAssertEqual(try FigureValue.parse("10,000-12,000").description, "10,000–12,000")
        XCTAssertEqual(try FigureValue.parse("up to 8 million").max, 8_000_000)
        XCTAssertEqual(try FigureValue.parse("~1.3 million").description, "~1.3 million")
        XCTAssertThrowsError(try FigureValue.parse("many"))
        XCTAssertThrowsError(try FigureValue.parse("-5"))
    }

    func testViewSizes() {
        XCTAssertNotNil(ViewSize.parse("2000x1400"))
        XCTAssertNil(ViewSize.parse("100000x100000"))
        XCTAssertNil(ViewSize.parse("10x10"))
        let a4 = ViewSize.paper("a4-landscape", dpi: 300)
        XCTAssertEqual(a4?.0, 3508)
        XCTAssertEqual(a4?.1, 2480)
    }

    func testExampleScenarioParses() throws {
        let path = BinaryRunner.packageRoot.appendingPathComponent("examples/nk-deployment.yaml").path
        let s = try ScenarioParser.parse(file: path)
        XCTAssertGreaterThanOrEqual(s.views.count, 2)
        XCTAssertTrue(s.places.contains { $0.id == "vorozhba" && $0.unlocated })
        // Every figure of the facts file, F1-F16, is in the example.
        for n in 1...16 {
            XCTAssertTrue(s.figures.contains { $0.id == "F\(n)" || ($0.id.hasPrefix("F\(n)") && $0.id.dropFirst("F\(n)".count).allSatisfy(\.isLetter)) }, "F\(n)")
        }
    }
}

/// The JSON Schema for editors lists the same keys the parser accepts.
final class ScenarioSchemaTests: XCTestCase {
    func testSchemaTopLevelKeysMatchTheParser() throws {
        let url = BinaryRunner.packageRoot.appendingPathComponent("docs/scenario.schema.json")
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let properties = try XCTUnwrap(schema["properties"] as? [String: Any])
        XCTAssertEqual(Set(properties.keys), Set(ScenarioParser.topKeys))
        // The route styles it offers are the parser's.
        let routes = try XCTUnwrap((properties["routes"] as? [String: Any])?["items"] as? [String: Any])
        let style = try XCTUnwrap(((routes["properties"] as? [String: Any])?["style"] as? [String: Any])?["enum"] as? [String])
        XCTAssertEqual(Set(style), Set(RouteStyle.allCases.map(\.rawValue)))
    }
}
