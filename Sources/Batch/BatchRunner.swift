import Scenes
import PosixBindings
import Bindings
import Cartography
import Foundation
import DataCatalog

/// What became of one item.
public struct BatchResult: Sendable, Codable {
    public enum Status: String, Sendable, Codable { case written, skipped, failed }
    public var name: String
    public var path: String
    public var status: Status
    public var bytes: Int
    public var seconds: Double
    public var error: String?

    public init(name: String, path: String, status: Status, bytes: Int, seconds: Double, error: String?) {
        self.name = name
        self.path = path
        self.status = status
        self.bytes = bytes
        self.seconds = seconds
        self.error = error
    }
}

/// `DIR/batch-report.json`: the totals of a batch and every item's result.
public struct BatchReport: Sendable, Codable {
    public var output: String
    public var items: Int, written: Int, skipped: Int, failed: Int
    public var bytes: Int
    /// Seconds spent on items, summed over workers (rounded to milliseconds).
    public var itemSeconds: Double
    public var results: [BatchResult]

    enum CodingKeys: String, CodingKey {
        case output, items, written, skipped, failed, bytes, results
        case itemSeconds = "item_seconds"
    }

    public init(output: String, results: [BatchResult]) {
        self.output = output
        func count(_ s: BatchResult.Status) -> Int { results.filter { $0.status == s }.count }
        (items, written, skipped, failed) = (results.count, count(.written), count(.skipped), count(.failed))
        bytes = results.filter { $0.status == .written }.map(\.bytes).reduce(0, +)
        itemSeconds = Self.milliseconds(results.map(\.seconds).reduce(0, +))
        self.results = results.map { var r = $0; r.seconds = Self.milliseconds(r.seconds); return r }
    }

    static func milliseconds(_ s: Double) -> Double { (s * 1000).rounded() / 1000 }

    /// The report as JSON, keys sorted, for the file.
    public func json() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try e.encode(self)
    }
}

/// Progress after each item, for the terminal.
public struct BatchProgress: Sendable {
    public var done: Int
    public var total: Int
    public var elapsed: Double
    public var last: BatchResult
}

/// Runs a batch plan on `workers` threads, one renderer (Cairo context) per worker and item, each
/// item drawn on one thread while the workers keep every core busy (`workers` is a number of
/// cores, as `make -j` is): every file written atomically, each item's failure kept to itself,
/// outputs that are up to date (same scenario, theme, data manifest and options) skipped unless forced.
public final class BatchRunner: Sendable {
    public let output: String
    public let workers: Int
    public let force: Bool
    let data: DataDirectory
    /// Projected basemap layers and relief warps shared by all items and workers.
    let cache = ProjectedLayerCache(capacity: 256)

    public init(output: String, data: DataDirectory, workers: Int = ProcessInfo.processInfo.activeProcessorCount, force: Bool = false) {
        self.output = output
        self.data = data
        self.workers = max(1, min(workers, 64))
        self.force = force
    }

    /// Makes every item; returns their results in plan order. Items in `done` (results of an
    /// earlier process of the same batch) are not made again; `journal` hears each start and end.
    public func run(_ plan: BatchPlan, done: [Int: BatchResult] = [:], journal: BatchJournal? = nil,
                    progress: @escaping @Sendable (BatchProgress) -> Void = { _ in }) throws -> [BatchResult] {
        do { try AtomicFile.prepareFolder(output) } catch { throw BatchError("\(error)") }
        try? FileManager.default.createDirectory(atPath: stampFolder, withIntermediateDirectories: true)
        AtomicFile.removeStaleTemporaries(in: output)
        let items = plan.items
        let state = Shared(order: plan.workOrder)
        // Written by an earlier process of this batch that crashed before it could say so.
        let written = journal?.read().wrote ?? []
        for (i, r) in done where i < items.count { _ = state.finish(i, r) }
        let start = Date()
        let manifestHash = FileManager.default.contents(atPath: data.file("manifest.json")).map(Checksum.sha256) ?? ""
        let busy = min(workers, max(items.count - done.keys.filter { $0 < items.count }.count, 1))
        // Fewer items than workers: each item has the cores the others leave.
        let threads = Threads(workers / busy)
        DispatchQueue.concurrentPerform(iterations: busy) { _ in
            while let i = state.next() {
                journal?.started(i)
                let result = self.make(items[i], plan: plan, manifestHash: manifestHash, threads: threads,
                                       wrote: { journal?.wrote(i) }, writtenBefore: written.contains(i))
                journal?.finished(i, result)
                let done = state.finish(i, result)
                progress(BatchProgress(done: done, total: items.count, elapsed: Date().timeIntervalSince(start), last: result))
            }
        }
        return state.results.map { $0! }
    }

    var stampFolder: String { (output as NSString).appendingPathComponent(".geobrief") }

    /// One item, isolated: any error becomes its result. `wrote` is told when the file is in place;
    /// an item `writtenBefore` by this batch and found up to date is reported written.
    private func make(_ item: BatchItem, plan: BatchPlan, manifestHash: String, threads: Threads,
                      wrote: () -> Void, writtenBefore: Bool) -> BatchResult {
        let path = (output as NSString).appendingPathComponent(item.name)
        let t0 = Date()
        func result(_ status: BatchResult.Status, _ error: String? = nil) -> BatchResult {
            let bytes = status == .failed ? 0 : ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
            return BatchResult(name: item.name, path: path, status: status, bytes: bytes, seconds: Date().timeIntervalSince(t0), error: error)
        }
        if let problem = item.problem { return result(.failed, problem) }
        // For the test of crash isolation: this item traps, as a bug would.
        if ProcessInfo.processInfo.environment["GEOBRIEF_BATCH_CRASH_TEST"] == item.name { fatalError("crash test on \(item.name)") }
        guard let loaded = plan.scenarios[item.scenario], let view = loaded.scenario.views.first(where: { $0.name == item.view }) else {
            return result(.failed, "view '\(item.view)' of \(item.scenario) is not available")
        }
        let stamp = (stampFolder as NSString).appendingPathComponent(item.name + ".sha256")
        let hash = self.hash(item, loaded: loaded, manifestHash: manifestHash)
        if !force, FileManager.default.fileExists(atPath: path),
           let old = try? String(contentsOfFile: stamp, encoding: .utf8), old == hash {
            return result(writtenBefore ? .written : .skipped)
        }
        do {
            let renderer = ViewRenderer(resolved: loaded.resolved, data: data, style: loaded.style, cache: cache, threads: threads)
            // Dated frames of a view place their labels as its complete map does: none flickers.
            let plan = try item.planKey.map { key in
                try plans.plan(key) {
                    try renderer.plan(for: view, size: (item.size.width, item.size.height), dpi: item.size.dpi)
                }
            }
            try renderer.render(view, to: path, size: (item.size.width, item.size.height), dpi: item.size.dpi, asOfDay: item.frame?.day, plan: plan)
            wrote()
            try? AtomicFile.write(Data(hash.utf8), to: stamp)
            return result(.written)
        } catch {
            return result(.failed, "\(error)")
        }
    }

    /// The digest that says whether an output is up to date: scenario and theme bytes, the data
    /// manifest and every option of the item.
    private func hash(_ item: BatchItem, loaded: LoadedScenario, manifestHash: String) -> String {
        var d = Data()
        d.append((try? Data(contentsOf: URL(fileURLWithPath: item.scenario))) ?? Data())
        if let theme = loaded.scenario.theme {
            let p = theme.hasPrefix("/") ? theme : URL(fileURLWithPath: item.scenario).deletingLastPathComponent().appendingPathComponent(theme).path
            d.append((try? Data(contentsOf: URL(fileURLWithPath: p))) ?? Data())
        }
        let options = "\(manifestHash)|\(item.view)|\(item.size.width)x\(item.size.height)@\(item.size.dpi ?? 0)|\(item.format.rawValue)|\(item.frame?.day ?? -1)|\(BatchRunner.formatVersion)"
        d.append(Data(options.utf8))
        return Checksum.sha256(d)
    }

    /// Bumped when the same inputs would draw differently.
    public static let formatVersion = 3

    /// The label plans of the views whose dated frames are made, each computed once.
    private let plans = PlanStore()

    /// Label plans by view and size, shared by the workers; a plan is made once, by the first
    /// worker that needs it, while the others that need the same one wait for it (and only they).
    private final class PlanStore: Sendable {
        private let plans = Locked<[String: Locked<LabelPlan?>]>([:])
        func plan(_ key: String, make: () throws -> LabelPlan) throws -> LabelPlan {
            let entry = plans.withLock { all -> Locked<LabelPlan?> in
                if let e = all[key] { return e }
                let e = Locked<LabelPlan?>(nil)
                all[key] = e
                return e
            }
            return try entry.withLock { plan in
                if let plan { return plan }
                let made = try make()
                plan = made
                return made
            }
        }
    }

    /// The work queue and results, shared by the workers.
    private final class Shared: @unchecked Sendable {
        private let lock = NSLock()
        /// Item indices in the order they are handed out.
        private let order: [Int]
        private var cursor = 0
        private var done = 0
        var results: [BatchResult?]
        init(order: [Int]) {
            self.order = order
            results = Array(repeating: nil, count: order.count)
        }
        func next() -> Int? {
            lock.lock(); defer { lock.unlock() }
            while cursor < order.count && results[order[cursor]] != nil { cursor += 1 }
            guard cursor < order.count else { return nil }
            cursor += 1
            return order[cursor - 1]
        }
        func finish(_ i: Int, _ r: BatchResult) -> Int {
            lock.lock(); defer { lock.unlock() }
            results[i] = r
            done += 1
            return done
        }
    }
}
