import Foundation
import TestSupport
import XCTest

/// `render` writes what each map shows in words: NAME.alt.txt, the SVG's `<title>`/`<desc>`, the
/// PDF's subject and its tagged figure's /Alt.
final class AltTextCLITests: XCTestCase {
    let cli = BinaryRunner()
    var dir: URL!
    override func setUpWithError() throws { dir = try temporaryDirectory("geobrief-alt-cli") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func testEveryRenderDescribesItsMapInThreePlaces() throws {
        let example = BinaryRunner.packageRoot.appendingPathComponent("examples/red-sea-diversion.yaml").path
        let r = try cli.run(["render", example, "--all-views", "--format", "svg,pdf", "-o", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        let alts = files.filter { $0.hasSuffix(".alt.txt") }.sorted()
        XCTAssertEqual(alts.count, files.filter { $0.hasSuffix(".svg") }.count, "\(files)")
        let overview = try String(contentsOfFile: dir.appendingPathComponent("red-sea-diversion-routes.alt.txt").path, encoding: .utf8)
        // What the map shows: its title, places, both routes leg by leg with their lengths and the
        // computed difference; sources named, not numbered.
        XCTAssertTrue(overview.hasPrefix("Map: "), overview)
        XCTAssertTrue(overview.contains("Rotterdam (port)"), overview)
        XCTAssertTrue(overview.contains("Route Via Suez") && overview.contains("Route Around the Cape"), overview)
        XCTAssertTrue(overview.range(of: #"sea from [A-Za-z]+ to [A-Za-z]+, [0-9,]+ km"#, options: .regularExpression) != nil, overview)
        XCTAssertFalse(overview.contains("["), "no bare reference numbers: \(overview)")
        // SVG: <title> and <desc> are the root's first children.
        let svg = try String(contentsOfFile: dir.appendingPathComponent("red-sea-diversion-routes.svg").path, encoding: .utf8)
        let afterRoot = try XCTUnwrap(svg.range(of: #"<svg[^>]*>\s*"#, options: .regularExpression))
        XCTAssertTrue(svg[afterRoot.upperBound...].hasPrefix("<title>"), String(svg[afterRoot.upperBound...].prefix(80)))
        XCTAssertTrue(svg.contains("<desc>" + overview.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;") + "</desc>"))
        // PDF: the subject, and a Figure structure element with the text as /Alt (tagged PDF).
        let pdf = dir.appendingPathComponent("red-sea-diversion-routes.pdf").path
        let info = try XCTUnwrap(runTool("pdfinfo", [pdf]))
        XCTAssertTrue(info.contains("Subject:         Map: "), info)
        let bytes = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
        XCTAssertTrue(bytes.contains("/S /Figure") && bytes.contains("/MarkInfo << /Marked true >>"), "tagged with a figure")
        let alt = try XCTUnwrap(bytes.range(of: #"/Alt (<FEFF[0-9A-F]+>|\([^)]*\))"#, options: .regularExpression), "the figure has /Alt")
        let altText = String(bytes[alt]).dropFirst(5)
        if altText.hasPrefix("<FEFF") {
            let hex = Array(altText.dropFirst(5).dropLast())
            let units = stride(from: 0, to: hex.count, by: 4).map { UInt16(String(hex[$0..<$0 + 4]), radix: 16)! }
            XCTAssertEqual(String(decoding: units, as: UTF16.self), overview.trimmingCharacters(in: .whitespacesAndNewlines))
        } else {
            XCTAssertTrue(overview.hasPrefix(String(altText.dropFirst().dropLast().prefix(40))))
        }
        XCTAssertNotNil(runTool("pdftotext", [pdf, "-"]), "the PDF still reads")
    }
}
