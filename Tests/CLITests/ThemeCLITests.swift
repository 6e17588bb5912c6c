import Bindings
import Foundation
import TestSupport
import XCTest

/// `--theme` names a built-in theme or a file: dark maps are dark, print maps are 300 dpi at the
/// view's physical size, an unknown name lists the built-in ones.
final class ThemeCLITests: XCTestCase {
    let cli = BinaryRunner()
    var dir: URL!
    override func setUpWithError() throws { dir = try temporaryDirectory("geobrief-theme-cli") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }
    let example = BinaryRunner.packageRoot.appendingPathComponent("examples/sudan-war.yaml").path

    func meanLightness(_ png: String) throws -> Double {
        let pixels = try ImageBuffer(png: png).pixels
        let sum = pixels.reduce(0.0) { $0 + Double(($1 >> 16) & 0xff) * 0.2126 + Double(($1 >> 8) & 0xff) * 0.7152 + Double($1 & 0xff) * 0.0722 }
        return sum / Double(pixels.count) / 255
    }

    func testBuiltInThemes() throws {
        for theme in ["default", "dark", "print", "mono"] {
            let r = try cli.run(["render", example, "--theme", theme, "--format", "png", "-o", dir.appendingPathComponent(theme).path])
            XCTAssertEqual(r.status, 0, "\(theme): \(r.stderr)")
        }
        func png(_ theme: String) -> String { dir.appendingPathComponent("\(theme)/sudan-war-sudan.png").path }
        let light = try meanLightness(png("default")), dark = try meanLightness(png("dark"))
        XCTAssertGreaterThan(light, 0.7)
        XCTAssertLessThan(dark, 0.3, "the dark theme's map is dark")
        let base = try ImageBuffer(png: png("default")), print = try ImageBuffer(png: png("print"))
        // 300 dpi at the view's physical size (the view is at the default 144 dpi).
        XCTAssertEqual(Double(print.width) / Double(base.width), 300.0 / 144, accuracy: 0.01)
        // No colour in mono, the routes' own colours (the Red Sea example names them) included.
        let redSea = BinaryRunner.packageRoot.appendingPathComponent("examples/red-sea-diversion.yaml").path
        let rs = try cli.run(["render", redSea, "--view", "routes", "--theme", "mono", "-o", dir.appendingPathComponent("rs").path])
        XCTAssertEqual(rs.status, 0, rs.stderr)
        for path in [png("mono"), dir.appendingPathComponent("rs/red-sea-diversion-routes.png").path] {
            let coloured = try ImageBuffer(png: path).pixels.filter { p in
                let r = Int((p >> 16) & 0xff), g = Int((p >> 8) & 0xff), b = Int(p & 0xff)
                return abs(r - g) > 2 || abs(g - b) > 2
            }.count
            XCTAssertEqual(coloured, 0, "the mono map \(path) has no colour")
        }
        let bad = try cli.run(["render", example, "--theme", "sepia", "-o", dir.path])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("no built-in theme of that name; built-in themes: default, dark, print, mono"), bad.stderr)
    }
}
