import DataCatalog
import Foundation
import TestSupport
import XCTest

/// The relief pyramid's format: halvings, and a damaged or older file refused with "rebuild the data".
final class ReliefPyramidTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws { dir = try temporaryDirectory("geobrief-pyramid") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// A 4x2 image: each halving is the rounded 2x2 mean.
    func testLevelsAreTheMeansOfTheLevelAbove() throws {
        let pixels: [UInt8] = [0, 0, 0, 10, 10, 10, 100, 0, 0, 200, 0, 0,
                               20, 20, 20, 30, 30, 30, 0, 50, 0, 0, 51, 0]
        let path = dir.appendingPathComponent("p").path
        try ReliefPyramid.encode(pixels: pixels, width: 4, height: 2, minSide: 1).write(to: URL(fileURLWithPath: path))
        let p = try ReliefPyramid(path: path)
        XCTAssertEqual(p.levels.map(\.width), [4, 2])
        XCTAssertEqual(p.levels.map(\.height), [2, 1])
        XCTAssertTrue(p.pixel(p.levels[0], 3, 0) == (200, 0, 0))
        XCTAssertTrue(p.pixel(p.levels[1], 0, 0) == (15, 15, 15))
        XCTAssertTrue(p.pixel(p.levels[1], 1, 0) == (75, 25, 0), "\(p.pixel(p.levels[1], 1, 0))")
    }

    func testTruncatedDamagedOrOlderFilesAskForARebuild() throws {
        let good = ReliefPyramid.encode(pixels: [UInt8](repeating: 7, count: 64 * 32 * 3), width: 64, height: 32, minSide: 8)
        var cases: [(String, Data)] = [("truncated", good.prefix(good.count / 2)), ("empty", Data())]
        var damaged = good
        damaged[200] ^= 0xFF
        cases.append(("damaged", damaged))
        var older = good
        older[8] = 0
        cases.append(("older", older))
        for (name, bytes) in cases {
            let path = dir.appendingPathComponent(name).path
            try bytes.write(to: URL(fileURLWithPath: path))
            XCTAssertThrowsError(try ReliefPyramid(path: path), name) { e in
                XCTAssertTrue("\(e)".contains("rebuild the data"), "\(name): \(e)")
            }
        }
    }
}
