import Bindings
import Foundation
import TestSupport
import XCTest

/// `geobrief batch`: broken items kept to themselves, nothing partial after a kill, re-runs that
/// finish only what is missing, shards that cover every item once, and bad input reported.
final class BatchCLITests: XCTestCase {
    let cli = BinaryRunner()
    var dir: URL!
    override func setUpWithError() throws { dir = try temporaryDirectory("geobrief-batch") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// A quick scenario: given coordinates, two small views, dated events for frames.
    func scenario() throws -> String {
        let path = dir.appendingPathComponent("s.yaml").path
        try """
        title: Batch test
        sources: [{id: a, publisher: Agency A}]
        places:
          - {id: kursk, name: Kursk, lat: 51.7373, lon: 36.1874, kind: city}
          - {id: sudzha, name: Sudzha, lat: 51.19139, lon: 35.27056, kind: town}
        routes: [{id: r, legs: "kursk>sudzha:direct", date: 2024-11}]
        figures: [{id: F1, quantity: Q, value: 30, date: 2024-12-16, sources: [a], attach: sudzha}]
        events:
          - {date: 2024-10-01, text: One}
          - {date: 2024-11-01, text: Two}
          - {date: 2024-12-16, text: Three}
        views:
          - {name: a, fit: [kursk, sudzha], margin_km: 10, size: 240x160, dpi: 72, inset: false, layers: [none]}
          - {name: b, fit: [sudzha], margin_km: 10, size: 200x200, dpi: 72, inset: false, layers: [none]}
          - {name: "..", fit: [sudzha], size: 100x100}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func report(_ out: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: out.appendingPathComponent("batch-report.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testBrokenItemsAreReportedAndTheGoodOnesWritten() throws {
        _ = try scenario() // s.yaml, named by the manifest
        let manifest = dir.appendingPathComponent("m.yaml").path
        try """
        output: out
        jobs:
          - {scenario: s.yaml, views: [a, nope, ".."], sizes: [300x200, 5x5, 300x200], formats: [png, bmp]}
          - {scenario: missing.yaml, views: [a]}
        """.write(toFile: manifest, atomically: true, encoding: .utf8)
        let r = try cli.run(["batch", manifest, "--quiet"])
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        let out = dir.appendingPathComponent("out")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("s-a-300x200.png").path), r.stderr)
        for s in ["view 'nope' does not exist", "size '5x5' is not a preset", "format 'bmp' is not png, pdf or svg",
                  "would leave the output folder", "would be written twice", "missing.yaml"] {
            XCTAssertTrue(r.stderr.contains(s), "'\(s)' not reported:\n\(r.stderr)")
        }
        let rep = try report(out)
        XCTAssertEqual(rep["written"] as? Int, 1)
        let results = try XCTUnwrap(rep["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, (rep["items"] as? Int))
        XCTAssertTrue(results.filter { $0["status"] as? String == "failed" }.allSatisfy { ($0["error"] as? String)?.isEmpty == false })
        let inside = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        XCTAssertEqual(Set(inside), ["s.yaml", "m.yaml", "out"], "nothing written outside the output folder")
    }

    /// An item that crashes the program (a trap, as a bug would) is reported failed; every other
    /// item is made and the report written, on one worker and on several.
    func testAnItemThatCrashesIsReportedAndTheRestAreMade() throws {
        // The deliberate crash runs Swift's backtracer, which trips ThreadSanitizer's runtime (a CHECK), not ours.
        try XCTSkipIf(ProcessInfo.processInfo.environment["GEOBRIEF_SANITIZER"] == "thread", "a deliberate crash under ThreadSanitizer stops in its runtime")
        let s = try scenario()
        for jobs in ["1", "2"] {
            let out = dir.appendingPathComponent("crash-\(jobs)")
            let r = try cli.run(["batch", s, "--views", "a,b", "--sizes", "240x160,200x200,300x200", "--jobs", jobs, "--quiet", "-o", out.path],
                                environment: ["GEOBRIEF_BATCH_CRASH_TEST": "s-a-200x200.png"])
            XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
            XCTAssertTrue(r.stderr.contains("failed: s-a-200x200.png: the program crashed (signal"), r.stderr)
            let rep = try report(out)
            XCTAssertEqual(rep["items"] as? Int, 6)
            XCTAssertEqual(rep["written"] as? Int, 5, "\(rep)")
            XCTAssertEqual(rep["failed"] as? Int, 1)
            for name in ["s-a-240x160.png", "s-a-300x200.png", "s-b-240x160.png", "s-b-200x200.png", "s-b-300x200.png"] {
                XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), name)
            }
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".geobrief-") }, [])
        }
    }

    func testKilledMidwayLeavesNoPartialFileAndARerunFinishesTheRest() throws {
        let s = try scenario()
        let out = dir.appendingPathComponent("k")
        let args = ["batch", s, "--views", "a,b", "--sizes", "400x300,500x400,600x500", "--formats", "png,pdf", "--frames", "2024-10-01/2024-12-31:15",
                    "-o", out.path, "--jobs", "2", "--quiet"]
        let p = Process()
        p.executableURL = URL(fileURLWithPath: cli.executable)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Wait for a few outputs, then kill without warning.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let n = ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).filter { $0.hasSuffix(".png") }.count
            if n >= 3 { break }
            usleep(20_000)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") }
        XCTAssertGreaterThan(names.count, 0)
        for n in names where n.hasSuffix(".png") {
            XCTAssertNoThrow(try ImageBuffer(png: out.appendingPathComponent(n).path), "\(n) is damaged")
        }
        XCTAssertFalse(names.contains { $0.contains(".tmp") })
        let r = try cli.run(args)
        XCTAssertEqual(r.status, 0, r.stderr)
        let rep = try report(out)
        let total = 2 * 3 * 2 * 7
        XCTAssertEqual(rep["items"] as? Int, total)
        XCTAssertEqual((rep["written"] as? Int ?? 0) + (rep["skipped"] as? Int ?? 0), total)
        XCTAssertGreaterThanOrEqual(rep["skipped"] as? Int ?? 0, names.filter { $0.hasSuffix(".png") }.count - 2,
                                    "finished outputs are not redone")
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: out.path).contains { $0.contains(".tmp-") }, "stale temporaries are cleaned")
        // A third run does nothing; --force redoes everything.
        let again = try cli.run(args)
        XCTAssertTrue(again.stdout.contains("0 written, \(total) up to date"), again.stdout)
    }

    func testShardsCoverEveryItemExactlyOnce() throws {
        let s = try scenario()
        var seen: [String] = []
        for i in 1...3 {
            let out = dir.appendingPathComponent("shard\(i)")
            let r = try cli.run(["batch", s, "--views", "a,b", "--sizes", "120x90,160x120", "--formats", "png", "--frames", "events",
                                 "--shard", "\(i)/3", "-o", out.path, "--quiet"])
            XCTAssertEqual(r.status, 0, r.stderr)
            seen += try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".png") }
        }
        XCTAssertEqual(seen.count, 2 * 2 * 3)
        XCTAssertEqual(Set(seen).count, seen.count, "no item in two shards")
        let bad = try cli.run(["batch", s, "--shard", "4/3"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("'4/3' is invalid for '--shard") && bad.stderr.contains("expected I/N"), bad.stderr)
    }

    func testUnwritableOutputFolder() throws {
        let s = try scenario()
        let file = dir.appendingPathComponent("plain.txt")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let r = try cli.run(["batch", s, "--views", "a", "-o", file.path + "/sub", "--quiet"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("is a file, not a folder") && !r.stderr.contains("NSCocoaErrorDomain"), r.stderr)
    }
}
