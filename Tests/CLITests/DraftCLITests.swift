import Foundation
import TestSupport
import XCTest

/// `geobrief draft` on the built binary: the two articles drafted, then validated, rendered and
/// briefed as they are; the JSON extraction; bad input.
final class DraftCLITests: XCTestCase {
    let cli = BinaryRunner()
    var dir: URL!
    override func setUpWithError() throws { dir = try temporaryDirectory("geobrief-draft-cli") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// The two articles of ../shared/articles, or our own two texts when ../shared is not beside the checkout.
    var articles: [String] {
        if let folder = BinaryRunner.sharedArticles {
            return ["bbc-mundo-2024-10-23.txt", "franceinfo-2024-11.txt"].map { folder.appendingPathComponent($0).path }
        }
        let own = BinaryRunner.packageRoot.appendingPathComponent("Tests/DraftTests/texts")
        return ["kursk-december-en.txt", "koursk-decembre-fr.txt"].map { own.appendingPathComponent($0).path }
    }
    var shared: Bool { BinaryRunner.sharedArticles != nil }

    func testDraftOfBothArticlesValidatesRendersAndBriefs() throws {
        let story = dir.appendingPathComponent("story.yaml").path
        let d = try cli.run(["draft"] + articles + ["-o", story])
        XCTAssertEqual(d.status, 0, d.stderr)
        XCTAssertTrue(d.stderr.contains("places located"), d.stderr)
        let yaml = try String(contentsOfFile: story, encoding: .utf8)
        // Each item under the sentence it came from; a spelling kept; a government noted.
        if shared {
            XCTAssertTrue(yaml.contains("bbc-mundo-2024-10-23.txt:") && yaml.contains("“Last Friday the South Korean National Intelligence Service"), yaml)
            XCTAssertTrue(yaml.contains("written Vlagoveshensk") && yaml.contains("written Soudja"), yaml)
        } else {
            XCTAssertTrue(yaml.contains("kursk-december-en.txt:") && yaml.contains("Soudja") && yaml.contains("Sudscha"), yaml)
        }
        XCTAssertTrue(yaml.contains("Named for their governments, not drawn: ") && yaml.contains("Moscow"), yaml)
        let v = try cli.run(["validate", story])
        XCTAssertEqual(v.status, 0, v.stderr)
        let r = try cli.run(["render", story, "--format", "png,pdf", "-o", dir.appendingPathComponent("out").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let b = try cli.run(["brief", story, "-o", dir.appendingPathComponent("brief.pdf").path])
        XCTAssertEqual(b.status, 0, b.stderr)
        let text = try XCTUnwrap(runTool("pdftotext", ["-layout", dir.appendingPathComponent("out/story-overview.pdf").path, "-"]))
        for s in shared ? ["Ussuriysk", "Khabarovsk", "Vladivostok", "Blagoveshchensk", "Sudzha", "Kursk"] : ["Sudzha", "Vladivostok", "Kursk"] {
            XCTAssertTrue(text.contains(s), "'\(s)' missing from the draft's map")
        }
    }

    func testJSONHasOffsetsQuotesAndWhatWasLeftOut() throws {
        let r = try cli.run(["draft", articles[0], "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let figures = try XCTUnwrap(obj["figures"] as? [[String: Any]])
        let (value, words) = shared ? ("1,500", "1,500 soldiers") : ("at least 30", "at least 30 North Korean soldiers")
        let first = try XCTUnwrap(figures.first { ($0["value"] as? String) == value })
        let provenance = try XCTUnwrap(first["provenance"] as? [String: Any])
        let text = try String(contentsOfFile: articles[0], encoding: .utf8)
        let start = try XCTUnwrap(provenance["start"] as? Int), end = try XCTUnwrap(provenance["end"] as? Int)
        XCTAssertEqual(String(Array(text)[start..<end]), words, "offsets point at the words")
        let skipped = try XCTUnwrap(obj["skipped"] as? [[String: Any]])
        XCTAssertTrue(skipped.contains { ($0["reason"] as? String) == (shared ? "a calibre" : "a year") }, "\(skipped)")
    }

    func testBadInputIsAClearError() throws {
        let empty = dir.appendingPathComponent("empty.txt").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        let cases: [([String], String)] = [
            (["draft", dir.appendingPathComponent("none.txt").path], "none.txt: no such file"),
            (["draft", empty], "empty.txt: the file is empty"),
            (["draft", articles[0], "--date", "2024-13-40"], "--date '2024-13-40': expected YYYY-MM-DD"),
            (["draft", articles[0], "--language", "de"], "expected one of en, fr, es"),
        ]
        for (args, expected) in cases {
            let r = try cli.run(args)
            XCTAssertNotEqual(r.status, 0, "\(args)")
            XCTAssertTrue(r.stderr.contains(expected), "\(args): \(r.stderr)")
        }
        let stdin = try cli.run(["draft", "-", "--date", "2024-10-23"], stdin: "Kursk and Sudzha were shelled; at least 30 soldiers were killed, the GUR said.")
        XCTAssertEqual(stdin.status, 0, stdin.stderr)
        XCTAssertTrue(stdin.stdout.contains("value: \"at least 30\"") && stdin.stdout.contains("as_of: 2024-10-23"), stdin.stdout)
    }
}
