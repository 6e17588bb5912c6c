import Graphics
import Bindings
import Cartography
import XCTest

/// Label placement: boxes never overlap each other, symbols or the furniture, and stay in bounds.
final class LabelPlacerTests: XCTestCase {
    func testRandomCrowdsNeverOverlap() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let placer = LabelPlacer(bounds: Rect(x: 0, y: 0, width: 800, height: 600))
            placer.block(Rect(x: 0, y: 0, width: 300, height: 80))
            for i in 0..<300 {
                let x = Double.random(in: 0...800, using: &rng), y = Double.random(in: 0...600, using: &rng)
                placer.place("l\(i)", width: Double.random(in: 20...120, using: &rng), height: 12, x: x, y: y, gap: 4, leader: i % 3)
            }
            let boxes = placer.placed.map(\.box)
            XCTAssertEqual(placer.placed.count + placer.dropped.count, 300)
            XCTAssertGreaterThan(boxes.count, 30)
            for (i, a) in boxes.enumerated() {
                XCTAssertTrue(a.x >= 0 && a.y >= 0 && a.maxX <= 800 && a.maxY <= 600)
                XCTAssertFalse(a.intersects(Rect(x: 0, y: 0, width: 300, height: 80)))
                for b in boxes[(i + 1)...] { XCTAssertFalse(a.intersects(b), "\(a) overlaps \(b)") }
            }
        }
    }

    func testPrefersTheRightThenUsesLeaders() throws {
        let placer = LabelPlacer(bounds: Rect(x: 0, y: 0, width: 400, height: 400))
        let first = try XCTUnwrap(placer.place("a", width: 50, height: 10, x: 100, y: 100, gap: 5))
        XCTAssertEqual(first.box.x, 105)
        XCTAssertNil(first.leaderFrom)
        // Fill the near positions until one is dropped; then a leader line still finds room.
        var n = 0
        while placer.place("n\(n)", width: 50, height: 10, x: 100, y: 100, gap: 5) != nil { n += 1 }
        XCTAssertLessThan(n, 8)
        XCTAssertEqual(placer.dropped, ["n\(n)"])
        let far = try XCTUnwrap(placer.place("y", width: 50, height: 10, x: 100, y: 100, gap: 5, leader: 4))
        XCTAssertNotNil(far.leaderFrom)
    }
}
