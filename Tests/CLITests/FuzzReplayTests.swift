import Foundation
import TestSupport
import XCTest

/// The fuzz targets in an ordinary build: every crash `make fuzz` kept is replayed, and a short
/// random-mutation smoke run goes over every target's seeds (the full fuzzing is `make fuzz`).
final class FuzzReplayTests: XCTestCase {
    let fuzz = BinaryRunner(executable: BinaryRunner.productsDirectory.appendingPathComponent("geobrief-fuzz").path)
    let root = BinaryRunner.packageRoot

    func testKeptCrashesReplayWithoutACrash() throws {
        let crashes = root.appendingPathComponent("Tests/Fuzz/crashes")
        let targets = try FileManager.default.contentsOfDirectory(atPath: crashes.path).sorted()
        XCTAssertFalse(targets.isEmpty)
        let known = try fuzz.run(["list"]).stdout.split(whereSeparator: \.isWhitespace).map(String.init)
        for t in targets {
            XCTAssertTrue(known.contains(t), "Tests/Fuzz/crashes/\(t) names no target (\(known))")
            let files = try FileManager.default.contentsOfDirectory(atPath: crashes.appendingPathComponent(t).path)
                .filter { !$0.hasPrefix(".") }.map { crashes.appendingPathComponent(t).appendingPathComponent($0).path }
            let r = try fuzz.run(["replay", t] + files)
            XCTAssertEqual(r.status, 0, "\(t): \(r.stderr)")
            XCTAssertTrue(r.stdout.contains("replayed \(files.count) input(s)"), r.stdout)
        }
    }

    func testSmokeRunOverEveryTarget() throws {
        let r = try fuzz.run(["smoke", "8", root.appendingPathComponent("Tests/Fuzz/corpus").path,
                              "scenario=" + root.appendingPathComponent("examples").path, "scene=" + root.appendingPathComponent("examples").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").filter { $0.hasPrefix("smoke ") }
        XCTAssertEqual(lines.count, try fuzz.run(["list"]).stdout.split(whereSeparator: \.isWhitespace).count, r.stdout)
        XCTAssertTrue(lines.allSatisfy { $0.hasSuffix("no crash") && !$0.contains(" 0 inputs") }, r.stdout)
    }
}
