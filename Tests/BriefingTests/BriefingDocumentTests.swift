import Scenes
import DataCatalog
import Briefing
import Foundation
import DataBuild
import Scenario
import TestSupport
import XCTest

/// PDF briefings: structure, text, outline, page breaks and bad input.
final class BriefingDocumentTests: TemporaryFolderTestCase {
    override class func setUp() {
        super.setUp()
    }

    var example: String { BinaryRunner.packageRoot.appendingPathComponent("examples/nk-deployment.yaml").path }

    /// The text of `path`, or of one page of it.
    func text(_ path: String, page: Int? = nil) throws -> String {
        var args = ["-layout"]
        if let page { args += ["-f", "\(page)", "-l", "\(page)"] }
        return try XCTUnwrap(runTool("pdftotext", args + [path, "-"]))
    }

    /// Outline titles as cairo writes them (literal strings for ASCII titles).
    func outline(_ path: String) throws -> [String] {
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: path))
        let s = String(decoding: bytes, as: UTF8.self)
        let regex = try NSRegularExpression(pattern: "/Title \\(([^)]*)\\)")
        return regex.matches(in: s, range: NSRange(s.startIndex..., in: s)).map { String(s[Range($0.range(at: 1), in: s)!]) }
    }

    func testDemoBriefingHasEveryFigureSourceAndPageNumber() throws {
        let loaded = try LoadedScenario.load(example, data: try DataDirectory.locate())
        let path = dir.appendingPathComponent("b.pdf").path
        let report = try BriefingWriter(loaded: loaded).write(to: path)
        XCTAssertGreaterThanOrEqual(report.pages, 6)
        XCTAssertEqual(report.sections, ["Cover", "Maps", "Figures", "Estimates over time", "Chronology", "Sources"])
        XCTAssertTrue(report.warnings.isEmpty, "\(report.warnings)")
        let all = try text(path)
        let flat = all.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        for f in loaded.scenario.figures {
            XCTAssertTrue(all.contains(f.value.description), "figure \(f.id) value \(f.value) missing")
            XCTAssertTrue(all.contains(f.id), "figure id \(f.id) missing")
        }
        for (i, s) in loaded.scenario.sources.enumerated() {
            XCTAssertTrue(flat.contains(s.publisher), "source \(s.publisher) missing")
            XCTAssertTrue(all.contains("[\(i + 1)]"), "reference [\(i + 1)] missing")
        }
        for n in 1...report.pages { XCTAssertTrue(try text(path, page: n).contains("Page \(n)"), "page number \(n) missing") }
        XCTAssertTrue(try text(path, page: 2).contains("Vladivostok"), "the overview map is page 2")
        XCTAssertTrue(try text(path, page: 3).contains("Martynovka"), "the Kursk map is page 3")
        XCTAssertTrue(flat.contains("3 estimates from 4 sources, highest 8× the lowest"), "the conflict in troop numbers is stated")
        XCTAssertTrue(flat.contains("Outside the period shown: E1"), "the June treaty is named under the timeline")
        XCTAssertTrue(flat.contains("GeoNames cities500 486816: Sudzha, Kursk, RU"), "every place says where its position comes from")
        XCTAssertTrue(flat.contains("supplement: Spanish Wikipedia"), "supplement places cite their source")
        XCTAssertTrue(flat.contains("Vorozhba not located"), "unlocated places are listed as such")
        let titles = try outline(path)
        for s in ["Cover", "Maps", "Figures", "Estimates over time", "Chronology", "Sources"] { XCTAssertTrue(titles.contains(s), "\(titles)") }
        let info = try XCTUnwrap(runTool("pdfinfo", [path]))
        XCTAssertTrue(info.contains("Title:           North Korean troops in Russia"), info)
        // Each map page is georeferenced (GDAL reads a geotransform), the other pages are not.
        if runTool("gdalinfo", ["--version"]) != nil {
            for page in 1...4 {
                let gdal = runTool("gdalinfo", ["PDF:\(page):\(path)"]) ?? ""
                XCTAssertEqual(gdal.contains("Origin = ("), [2, 3].contains(page), "page \(page): \(gdal.prefix(200))")
            }
        }
        // Same input, same bytes.
        let again = dir.appendingPathComponent("b2.pdf").path
        try BriefingWriter(loaded: loaded).write(to: again)
        XCTAssertEqual(FileManager.default.contents(atPath: path), FileManager.default.contents(atPath: again))
    }

    /// Seen on the Darién Gap example's briefing: "1 map(s), 2 figures from 1 sources, 0 events".
    func testTheCoverCountsInWords() throws {
        let darien = BinaryRunner.packageRoot.appendingPathComponent("examples/darien-gap.yaml").path
        let path = dir.appendingPathComponent("d.pdf").path
        try BriefingWriter(loaded: try LoadedScenario.load(darien, data: try DataDirectory.locate())).write(to: path)
        let cover = try text(path, page: 1).replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        XCTAssertTrue(cover.contains("1 map, 2 figures from 1 source, no events."), cover)
        // One source's figures of two years are a series, not sources that disagree ("2 estimates
        // from 1 sources, highest 2× the lowest").
        let figures = try text(path, page: 3).replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        XCTAssertTrue(figures.contains("People who crossed the Darién Gap — 2 estimates from 1 source") && !figures.contains("the lowest"), figures)
        // A story of events and no figures (the Baltic cables): "no figures from 2 sources", and a
        // word on how figures are shown, were no sense.
        let baltic = BinaryRunner.packageRoot.appendingPathComponent("examples/baltic-cables.yaml").path
        let b = dir.appendingPathComponent("b.pdf").path
        try BriefingWriter(loaded: try LoadedScenario.load(baltic, data: try DataDirectory.locate())).write(to: b)
        let balticCover = try text(b, page: 1).replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        XCTAssertTrue(balticCover.contains("1 map, no figures, 2 sources, 3 events."), balticCover)
        XCTAssertFalse(balticCover.contains("Figures are claims"), balticCover)
    }

    /// A story with events but no estimates (the Red Sea diversion) has no "Estimates over time"
    /// page of an axis alone: the events' axis heads its chronology, and the note under it speaks
    /// of events only.
    func testEventsWithoutEstimatesPutTheirAxisOverTheChronology() throws {
        let red = BinaryRunner.packageRoot.appendingPathComponent("examples/red-sea-diversion.yaml").path
        let loaded = try LoadedScenario.load(red, data: try DataDirectory.locate())
        XCTAssertFalse(loaded.scenario.events.isEmpty)
        let path = dir.appendingPathComponent("red.pdf").path
        let report = try BriefingWriter(loaded: loaded).write(to: path)
        XCTAssertFalse(report.sections.contains("Estimates over time"), "\(report.sections)")
        XCTAssertTrue(report.sections.contains("Chronology"), "\(report.sections)")
        let pages = try (1...report.pages).map { try text(path, page: $0) }
        let chronology = try XCTUnwrap(pages.first { $0.contains("Chronology") && $0.contains("E1") })
        XCTAssertTrue(chronology.contains("are the events of the chronology"), chronology)
        XCTAssertFalse(pages.joined().contains("a dot is a single figure"))
    }

    /// Two sources' figures of one day and near values (the Noto earthquake's magnitude, 7.6 for
    /// the JMA and 7.5 for the USGS) printed one label over the other on "Estimates over time".
    func testLabelsOfFiguresOfOneDayDoNotOverlap() throws {
        let noto = BinaryRunner.packageRoot.appendingPathComponent("examples/noto-earthquake.yaml").path
        let loaded = try LoadedScenario.load(noto, data: try DataDirectory.locate())
        let path = dir.appendingPathComponent("noto.pdf").path
        let report = try BriefingWriter(loaded: loaded).write(to: path)
        let page = try XCTUnwrap(report.sections.firstIndex(of: "Estimates over time")) + 1
        // Word boxes of that page: <word xMin=".." yMin=".." xMax=".." yMax="..">7.6</word>.
        let html = try XCTUnwrap(runTool("pdftotext", ["-bbox", "-f", "\(page)", "-l", "\(page)", path, "-"]))
        func box(_ word: String) throws -> (y0: Double, y1: Double) {
            let re = try NSRegularExpression(pattern: "yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">\(NSRegularExpression.escapedPattern(for: word))<")
            let m = try XCTUnwrap(re.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)), "\(word) on page \(page)")
            return (Double(html[Range(m.range(at: 1), in: html)!])!, Double(html[Range(m.range(at: 2), in: html)!])!)
        }
        let a = try box("7.6"), b = try box("7.5")
        XCTAssertTrue(a.y1 <= b.y0 || b.y1 <= a.y0, "the labels overlap: \(a) and \(b)")
    }

    func testNoViewsLongTablesAndUncoveredScripts() throws {
        var yaml = "title: Long\nmarkings: TEST\nsources: [{id: a, publisher: Agency A}]\nfigures:\n"
        for i in 0..<120 { yaml += "  - {id: F\(i), quantity: Q\(i % 7), value: \(i + 1), date: 2024-10-\(String(format: "%02d", i % 28 + 1)), sources: [a]}\n" }
        yaml += "  - {id: X, quantity: \"Glyphs \u{E000}\u{E001}\", value: 1, sources: [a]}\n"
        let path = try write(yaml, "long.yaml")
        let loaded = try LoadedScenario.load(path, data: try DataDirectory.locate())
        let pdf = dir.appendingPathComponent("long.pdf").path
        let report = try BriefingWriter(loaded: loaded, paper: .letter).write(to: pdf)
        XCTAssertTrue(report.warnings.contains { $0.contains("no views") }, "\(report.warnings)")
        XCTAssertTrue(report.warnings.contains { $0.contains("no installed font covers") }, "\(report.warnings)")
        XCTAssertFalse(report.sections.contains("Maps"))
        // The table runs over several pages, each starting with the header row.
        let groupRow = try NSRegularExpression(pattern: "F[0-9]+ {2,}[0-9]")
        let pagesWithTable = try (1...report.pages).filter { n in
            let t = try text(pdf, page: n)
            return groupRow.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)) != nil
        }
        XCTAssertGreaterThanOrEqual(pagesWithTable.count, 2)
        for p in pagesWithTable { XCTAssertTrue(try text(pdf, page: p).contains("Conf."), "page \(p) repeats the header") }
        for i in [0, 59, 119] { XCTAssertTrue(try text(pdf).contains("F\(i) "), "row F\(i)") }
        let info = try XCTUnwrap(runTool("pdfinfo", [pdf]))
        XCTAssertTrue(info.contains("612 x 792"), info)
    }

    func testAHugeTitleIsRefusedWithAMessage() throws {
        let path = try write("title: \"" + String(repeating: "x", count: 5_000) + "\"\n", "t.yaml")
        XCTAssertThrowsError(try LoadedScenario.load(path, data: try DataDirectory.locate())) { error in
            XCTAssertTrue("\(error)".contains("t.yaml:1:8: scenario.title: 5000 characters; at most 300 are allowed"), "\(error)")
        }
    }
}
