import Foundation
import TestSupport
import XCTest

/// Issue 16: every output goes through one writer that never truncates, replaces a special file,
/// or deletes what it did not write.
final class OutputSafetyTests: XCTestCase {
    let cli = BinaryRunner()
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("geobrief-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".geobrief-") }
    }

    /// Runs the binary under a file-size limit, with SIGXFSZ ignored so that writes fail with EFBIG
    /// as they would with ENOSPC on a full disk.
    func runLimited(kilobytes: Int, _ args: [String]) throws -> BinaryRunner.Result {
        let quoted = args.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        return try cli.runShell("trap '' XFSZ; ulimit -f \(kilobytes); exec \"$GEOBRIEF\" \(quoted)")
    }

    func testDiskFullLeavesTheOldFileAndSaysSo() throws {
        // ThreadSanitizer's runtime itself dies of SIGBUS under a file-size limit of 8 KB.
        try XCTSkipIf(ProcessInfo.processInfo.environment["GEOBRIEF_SANITIZER"] == "thread", "a file-size limit stops ThreadSanitizer's own runtime")
        let pdf = path("map.pdf"), png = path("map.png")
        try Data("old".utf8).write(to: URL(fileURLWithPath: pdf))
        try Data("old".utf8).write(to: URL(fileURLWithPath: png))
        for out in [pdf, png] {
            let r = try runLimited(kilobytes: 8, ["map", "--bbox", "33.5,50.4,38.6,52.5", "--size", "800x600", "-o", out])
            XCTAssertNotEqual(r.status, 0, "a truncated file is never reported as written: \(r.stdout)")
            XCTAssertTrue(r.stderr.contains("cannot write \(out)") && r.stderr.contains("size limit"), r.stderr)
            XCTAssertFalse(r.stdout.contains("wrote"), r.stdout)
            XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "old", "the old file is kept whole")
        }
        XCTAssertEqual(try leftovers(), [], "no temporary is left")
    }

    func testSpecialFilesAreWrittenInPlaceNeverReplaced() throws {
        let fifo = path("route.fifo")
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let sink = path("read.geojson")
        // A reader for the FIFO, as a user's `cat fifo > file` would be.
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "cat '\(fifo)' > '\(sink)'"]
        try reader.run()
        let r = try cli.run(["route", "Moscow", "Kursk", "--mode", "air", "--geojson", fifo])
        reader.waitUntilExit()
        XCTAssertEqual(r.status, 0, r.stderr)
        var info = stat()
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")
        XCTAssertTrue(try String(contentsOfFile: sink, encoding: .utf8).contains("\"FeatureCollection\""))
        // A link to a character device: written through, the link and the device left as they are.
        let null = path("null-link")
        try FileManager.default.createSymbolicLink(atPath: null, withDestinationPath: "/dev/null")
        XCTAssertEqual(try cli.run(["route", "Moscow", "Kursk", "--mode", "air", "--geojson", null]).status, 0)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: null), "/dev/null")
        XCTAssertEqual(stat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR)
        // A link to a regular file: the file is replaced, the link kept.
        let target = path("target.geojson"), link = path("link.geojson")
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        XCTAssertEqual(try cli.run(["route", "Moscow", "Kursk", "--mode", "air", "--geojson", link]).status, 0)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target)
        XCTAssertTrue(try String(contentsOfFile: target, encoding: .utf8).contains("FeatureCollection"))
        XCTAssertEqual(try leftovers(), [])
    }

    func testStaleTemporariesOfOursGoAndTheUsersFilesStay() throws {
        let mine = ".geobrief-999999-0123abcd.tmp"   // no process 999999 on a test machine
        let users = [".notes.tmp-backup", ".config.tmp-2023", ".geobrief-1-xyz.tmp", ".map.png.tmp-1-2"]
        for name in [mine] + users { try Data("x".utf8).write(to: URL(fileURLWithPath: path(name))) }
        XCTAssertEqual(try cli.run(["route", "Moscow", "Kursk", "--mode", "air", "--geojson", path("r.geojson")]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path(mine)), "a killed run's temporary is removed")
        for name in users { XCTAssertTrue(FileManager.default.fileExists(atPath: path(name)), "\(name) is the user's") }
    }

    func testLongNamesFoldersAndMissingFoldersAreClearErrorsOrWork() throws {
        let long = String(repeating: "n", count: 242) + ".geojson"
        let ok = try cli.run(["route", "Moscow", "Kursk", "--mode", "air", "--geojson", path(long)])
        XCTAssertEqual(ok.status, 0, "a legal 250-byte name is written: \(ok.stderr)")
        let folder = try cli.run(["route", "Moscow", "Kursk", "--mode", "air", "--geojson", dir.path])
        XCTAssertNotEqual(folder.status, 0)
        XCTAssertTrue(folder.stderr.contains("is a folder: give a file name"), folder.stderr)
        let missing = try cli.run(["route", "Moscow", "Kursk", "--mode", "air", "--geojson", path("no/such/r.geojson")])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("does not exist") && !missing.stderr.contains("NSCocoaErrorDomain"), missing.stderr)
    }

    /// Output folders that cannot be, and a scenario from a FIFO: plain messages, no Foundation error codes.
    func testOutputFoldersAndAScenarioFromAFIFO() throws {
        let example = BinaryRunner.packageRoot.appendingPathComponent("examples/wagner-march.yaml").path
        let file = path("a-file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        for (args, says) in [(["render", example, "-o", file], "is a file, not a folder"),
                             (["render", example, "-o", file + "/sub"], "is a file, not a folder"),
                             (["batch", example, "-o", file, "--quiet"], "is a file, not a folder")] {
            let r = try cli.run(args)
            XCTAssertNotEqual(r.status, 0)
            XCTAssertTrue(r.stderr.contains(says) && !r.stderr.contains("NSCocoaErrorDomain") && !r.stderr.contains("Code="), r.stderr)
        }
        let fifo = path("story.fifo")
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "cat '\(example)' > '\(fifo)'"]
        try writer.run()
        let v = try cli.run(["validate", fifo])
        writer.waitUntilExit()
        XCTAssertEqual(v.status, 0, v.stderr)
        XCTAssertTrue(v.stdout.contains("valid: 4 of 4 places located"), v.stdout)
    }
}
