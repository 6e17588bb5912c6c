import Scenes
import Bindings
import Cartography
import Graphics
import Briefing
import DataCatalog
import Foundation
import TestSupport
import XCTest

/// The inset: a locator panel in the map's top-right corner, credited in the footer, drawn last
/// over the map (its layers are read on the other core while the scene is drawn).
final class InsetMapTests: TemporaryFolderTestCase {
    /// The map of a magenta route from the bottom-left corner out past the top-right one, where the inset
    /// sits, with the inset or without; its report and pixels.
    func render(inset: Bool) throws -> (report: MapReport, image: ImageBuffer) {
        let scenario = """
        title: Inset
        places:
          - {id: a, name: A, lat: 45.3, lon: 5.3, kind: town}
          - {id: b, name: B, lat: 52.6, lon: 16.8, kind: town}
        routes:
          - {id: r, legs: "a>b:direct", style: link, color: "#ff00ff"}
        views:
          - {name: m, bbox: [5.0, 45.0, 15.0, 52.0], size: 800x600, dpi: 72, layers: [], inset: \(inset), reference: false}
        """
        let path = dir.appendingPathComponent("inset-\(inset).png").path
        let report = try render(try load(scenario, "inset-\(inset).yaml"), view: "m", to: path)
        return (report, try ImageBuffer(png: path))
    }

    /// Magenta pixels (the route) inside `box`, 3 pixels in from its edges.
    func magenta(in box: Rect, of image: ImageBuffer) -> Int {
        let pixels = image.pixels
        // Read once: `pixels` copies the image.
        var n = 0
        for y in Int(box.y) + 3..<Int(box.y + box.height) - 3 {
            for x in Int(box.x) + 3..<Int(box.x + box.width) - 3 {
                if isMagenta(pixels[y * image.width + x]) { n += 1 }
            }
        }
        return n
    }

    func testTheInsetIsDrawnOverTheMapAndCredited() throws {
        let with = try render(inset: true), without = try render(inset: false)
        let box = try XCTUnwrap(with.report.inset, "the report says where the inset is")
        XCTAssertNil(without.report.inset)
        XCTAssertGreaterThan(box.x, 400, "top-right: \(box)")
        XCTAssertLessThan(box.y, 100, "top-right: \(box)")
        // The route runs under the inset's corner: visible there without the inset, covered with it.
        XCTAssertGreaterThan(magenta(in: box, of: without.image), 20, "the route crosses the inset's corner, so the test means something")
        XCTAssertEqual(magenta(in: box, of: with.image), 0, "the inset is drawn over the route")
        // The inset is a map (land, sea and the main map's frame in red), not an empty panel.
        let pixels = with.image.pixels, width = with.image.width
        var inside = Set<UInt32>()
        for y in Int(box.y) + 4..<Int(box.y + box.height) - 4 {
            for x in Int(box.x) + 4..<Int(box.x + box.width) - 4 { inside.insert(pixels[y * width + x]) }
        }
        XCTAssertGreaterThan(inside.count, 5, "colours in the inset")
        // Its datasets are credited in the footer like the main map's.
        XCTAssertFalse(with.report.attribution.isEmpty)
        XCTAssertTrue(with.report.attribution.contains(without.report.attribution), "\(with.report.attribution) | \(without.report.attribution)")
    }
}
