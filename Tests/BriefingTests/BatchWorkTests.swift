import Batch
import Bindings
import Scenes
import DataCatalog
import Cartography
import Foundation
import Scenario
import XCTest

/// How a batch shares its work: a dated frame's label plan is laid out without the basemap's
/// pixels, and workers take the first frame of every size before the second of any.
final class BatchWorkTests: XCTestCase {
    let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")

    /// The plan made without drawing the basemap puts every label where the drawn map does.
    func testALabelLayoutWithoutTheBasemapsPixelsIsTheDrawnMaps() throws {
        let loaded = try LoadedScenario.load(examples.appendingPathComponent("nk-deployment.yaml").path, data: try DataDirectory.locate())
        let renderer = ViewRenderer(resolved: loaded.resolved, data: loaded.data, style: loaded.style)
        let view = try loaded.view("overview")
        let builder = SceneBuilder(resolved: loaded.resolved)
        let request = try builder.request(for: view, size: (1000, 700), dpi: 72)
        let canvas = try Canvas(try Surface.image(width: 1000, height: 700, dpi: 72))
        let drawn = try renderer.renderer.draw(request, scene: builder.scene(for: view), on: canvas)
        let laidOut = try renderer.renderer.labelLayout(request, scene: builder.scene(for: view))
        XCTAssertGreaterThan(drawn.labels.count, 10)
        XCTAssertEqual(laidOut.labels.map(\.text), drawn.labels.map(\.text))
        XCTAssertEqual(laidOut.labels.map(\.box), drawn.labels.map(\.box))
        XCTAssertEqual(laidOut.attribution, drawn.attribution, "the same datasets credited, so the same footer")
    }

    /// 3 sizes x 4 dates: the three plans are started first, then every size's later frames, the
    /// largest first in each round (the batch ends on its smallest item).
    func testWorkersTakeTheFirstFrameOfEverySizeFirst() throws {
        let job = BatchManifest.Job(scenario: examples.appendingPathComponent("nk-deployment.yaml").path, views: ["overview"],
                                    sizes: ["400x300", "500x350", "600x400"], frames: "2024-10-01/2024-12-31:30",
                                    location: SourceLocation(file: "test", line: 1, column: 1))
        let plan = BatchPlan.loading([job], data: try DataDirectory.locate())
        XCTAssertEqual(plan.items.count, 12)
        let order = plan.workOrder
        XCTAssertEqual(order.sorted(), Array(0..<12), "every item once")
        let first = order.prefix(3).map { plan.items[$0] }
        XCTAssertEqual(Set(first.map { "\($0.size.width)x\($0.size.height)" }), ["400x300", "500x350", "600x400"])
        XCTAssertEqual(Set(first.map { $0.frame?.number }), [1])
        XCTAssertEqual(order.dropFirst(3).map { plan.items[$0].frame?.number ?? 0 }.min(), 2)
        XCTAssertEqual(order.map { plan.items[$0].size.width }, [600, 500, 400, 600, 500, 400, 600, 500, 400, 600, 500, 400])
    }

    /// A process that crashed after writing an item (its file and stamp in place, its "wrote" line
    /// in the journal, no "end") is followed by one that reports the item written, not up to date;
    /// an item up to date from an earlier batch stays "skipped". The supervisor reads what each
    /// process left unfinished from where that process began (else the serial search for the item
    /// that crashes never ends).
    func testAnItemWrittenBeforeACrashIsReportedWrittenByTheNextProcess() throws {
        let job = BatchManifest.Job(scenario: examples.appendingPathComponent("nk-deployment.yaml").path, views: ["overview"],
                                    sizes: ["300x200", "320x200"], location: SourceLocation(file: "test", line: 1, column: 1))
        let data = try DataDirectory.locate()
        let plan = BatchPlan.loading([job], data: data)
        XCTAssertEqual(plan.items.count, 2)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("geobrief-journal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let runner = BatchRunner(output: out.path, data: data, workers: 1)
        XCTAssertEqual(try runner.run(plan).map(\.status), [.written, .written])
        let journal = BatchJournal(path: out.path + ".journal")
        defer { try? FileManager.default.removeItem(atPath: journal.path) }
        journal.started(0)
        journal.wrote(0)
        journal.started(1)
        XCTAssertEqual(journal.read().unfinished, [0, 1])
        XCTAssertEqual(journal.read().wrote, [0])
        // A later process's own unfinished items are those it started: item 1, not also item 0.
        let offset = journal.length
        journal.started(1)
        XCTAssertEqual(journal.read(from: offset).unfinished, [1])
        XCTAssertEqual(try runner.run(plan, journal: journal).map(\.status), [.written, .skipped])
    }

    /// Seen in a batch of thumbnails: a 640x360 image of a 144-dpi view was a corner of the map
    /// under its own legend, title and footer (320 x 180 points of layout). A size without a
    /// resolution is drawn at the view's, lowered so that the layout has room.
    func testASmallSizeWithoutAResolutionIsLaidOutWithRoom() throws {
        let loaded = try LoadedScenario.load(examples.appendingPathComponent("nk-deployment.yaml").path, data: try DataDirectory.locate())
        let view = try loaded.view("overview")
        let builder = SceneBuilder(resolved: loaded.resolved)
        XCTAssertEqual(view.dpi, 144)
        XCTAssertEqual(try builder.request(for: view).dpi, 144, "the view's own size keeps its resolution")
        XCTAssertEqual(try builder.request(for: view, size: (2000, 1400)).dpi, 144)
        XCTAssertEqual(try builder.request(for: view, size: (640, 360)).dpi, 360 * 72 / 340, accuracy: 1e-9)
        XCTAssertEqual(try builder.request(for: view, size: (640, 360), dpi: 144).dpi, 144, "a resolution asked for is kept")
        XCTAssertEqual(try builder.request(for: view, size: (200, 200)).dpi, 36, "never under 36 dpi")
        // Drawn, the story's places are named (at 144 dpi 21 of its labels were left out, every
        // place among them).
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("thumb-\(UUID().uuidString).png").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = try ViewRenderer(resolved: loaded.resolved, data: loaded.data, style: loaded.style).render(view, to: path, size: (640, 360))
        XCTAssertLessThanOrEqual(report.dropped.count, 8, "\(report.dropped)")
        for place in ["Pyongyang", "Moscow", "Wonsan", "Vladivostok"] { XCTAssertFalse(report.dropped.contains(place), "\(report.dropped)") }
    }

    /// A batch item's map (one thread: `--jobs N` keeps N cores busy) is drawn wholly on the
    /// calling thread: the basemap's names were read on another one, so `--jobs 1` used more
    /// than a core and the speed-up of `--jobs 2` looked smaller than it is.
    func testAMapOfOneThreadUsesNoOtherThread() throws {
        let loaded = try LoadedScenario.load(examples.appendingPathComponent("nk-deployment.yaml").path, data: try DataDirectory.locate())
        let renderer = ViewRenderer(resolved: loaded.resolved, data: loaded.data, style: loaded.style, threads: .one)
        let view = try loaded.view("overview")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("one-\(UUID().uuidString).png").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Once for what a process does once (fonts, PROJ), then measured.
        try renderer.render(view, to: path, size: (800, 560))
        let before = (process: cpuSeconds(thread: false), thread: cpuSeconds(thread: true))
        let report = try renderer.render(view, to: path, size: (800, 560))
        let elsewhere = (cpuSeconds(thread: false) - before.process) - (cpuSeconds(thread: true) - before.thread)
        XCTAssertTrue(report.labels.contains { $0.text == "RUSSIA" || $0.text == "Russia" }, "the basemap's names are drawn")
        // Reading the names elsewhere took 5-15 ms of another thread's time.
        XCTAssertLessThan(elsewhere, 0.002, "CPU time spent on other threads while drawing a one-thread map")
    }

    /// User and system CPU seconds of the process or of the calling thread.
    private func cpuSeconds(thread: Bool) -> Double {
        var u = rusage()
        getrusage(thread ? 1 : RUSAGE_SELF.rawValue, &u) // 1: RUSAGE_THREAD, which Glibc's module leaves out
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }
}
