import Scenes
import Bindings
import Briefing
import DataCatalog
import Foundation
import TestSupport
import XCTest

/// How a route is drawn, by its `style`.
final class RouteStyleTests: TemporaryFolderTestCase {
    /// Seen drawing a story of seabed cables: a pipeline and a power cable, which carry no
    /// movement, could only be drawn as routes, with an arrowhead at their end. `style: link`
    /// draws the line alone (the same line, fewer pixels of its colour by the end).
    func testALinkIsALineWithoutAnArrowhead() throws {
        func pixelsNearEnd(_ style: String) throws -> Int {
            let scenario = """
            title: Link
            places:
              - {id: a, name: A, lat: 60.0, lon: 24.0, kind: town}
              - {id: b, name: B, lat: 59.35, lon: 24.05, kind: town}
            routes:
              - {id: r, legs: "a>b:direct", style: \(style), color: "#ff00ff"}
            views:
              - {name: m, bbox: [23.0, 59.0, 25.0, 60.3], size: 800x600, layers: [], inset: false, reference: false}
            """
            let path = dir.appendingPathComponent("\(style).png").path
            try render(try load(scenario, "\(style).yaml"), view: "m", to: path)
            let image = try ImageBuffer(png: path)
            // Magenta-ish pixels (the route) in the lower half, where the line ends at B.
            return image.pixels.enumerated().filter { i, p in i / image.width > image.height / 2 && isMagenta(p) }.count
        }
        let line = try pixelsNearEnd("line"), link = try pixelsNearEnd("link")
        XCTAssertGreaterThan(link, 0, "the link is drawn")
        XCTAssertGreaterThan(line, link + 10, "the arrowhead of a route, none on a link: \(line) vs \(link)")
    }
}
