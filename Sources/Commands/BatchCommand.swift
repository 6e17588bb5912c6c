import Batch
import PosixBindings
import ArgumentParser
import Bindings
import Briefing
import Foundation
import DataCatalog
import Scenario

/// `geobrief batch`: many images from one command, in parallel, with nothing lost.
public struct BatchCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Export many maps at once: scenarios x views x sizes x formats x dated frames.",
        discussion: """
        Give a manifest (YAML with 'jobs', see docs/batch.md) or scenario files with options.
        Example: geobrief batch examples/nk-deployment.yaml --sizes web,square,story --formats png,pdf -o output/batch
        Exit status 1 when any item failed; a JSON report is written to DIR/batch-report.json.
        """
    )

    @Argument(help: "A manifest YAML file, or one or more scenario files.") var inputs: [String]
    @Option(help: "Comma-separated views (default: all).") var views: String?
    @Option(help: "Comma-separated sizes: web, square, story, a4, a3 or WIDTHxHEIGHT (default: each view's own).") var sizes: String?
    @Option(help: "Comma-separated formats: png, pdf, svg.", transform: FormatList.parse) var formats = FormatList([.png])
    @Option(help: "Timeline frames: 'events' or FROM/TO:DAYS, e.g. 2024-10-01/2024-12-31:7.") var frames: String?
    @Option(name: .shortAndLong, help: "Output folder (default: the manifest's, else output/batch).") var output: String?
    @Option(help: "Cores to keep busy: N items at once, each on one core (default: all cores).") var jobs = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Only shard I of N (1-based), e.g. 2/4, for splitting a batch across machines.", transform: Shard.parse) var shard: Shard?
    @Flag(help: "Redo outputs that are up to date.") var force = false
    @Flag(help: "No progress lines.") var quiet = false

    public func validate() throws {
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs \(jobs): expected 1...64") }
    }

    static func isManifest(_ path: String) -> Bool {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
        return text.split(separator: "\n").contains { $0.hasPrefix("jobs:") }
    }

    public func run() throws {
        // Items are made in a supervised child process, so that one that crashes is reported and the rest still made.
        if !BatchSupervisor.isChild {
            let status = try BatchSupervisor.supervise()
            if status != 0 { throw ExitCode(status) }
            return
        }
        BatchSupervisor.followSupervisor()
        var jobList: [BatchManifest.Job] = []
        var folder = output
        do {
            if inputs.count == 1, BatchCommand.isManifest(inputs[0]) {
                let manifest = try BatchManifest.parse(file: inputs[0])
                jobList = manifest.jobs
                folder = folder ?? manifest.output
            } else {
                let list = { (s: String?) in s.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? [] }
                jobList = inputs.map {
                    BatchManifest.Job(scenario: $0, views: list(views), sizes: list(sizes), formats: formats.formats.map(\.rawValue), frames: frames,
                                      location: SourceLocation(file: $0, line: 0, column: 0))
                }
            }
        } catch let e as ScenarioError {
            ScenarioOutput.warn(e.description)
            throw ExitCode(1)
        }
        var plan = BatchPlan.loading(jobList, data: try DataDirectory.locate())
        if let shard { plan.keepShard(shard.index, of: shard.count) }
        let dir = folder ?? "output/batch"
        let live = Terminal.standardErrorIsTerminal && !quiet
        let (journal, done, serial) = BatchSupervisor.childState(plan, output: dir)
        let runner = BatchRunner(output: dir, data: try DataDirectory.locate(), workers: serial ? 1 : jobs, force: force)
        let results: [BatchResult]
        let quiet = self.quiet
        do {
            results = try runner.run(plan, done: done, journal: journal) { p in
                guard !quiet else { return }
                let rate = Double(p.done) / max(p.elapsed, 1e-6)
                let eta = Double(p.total - p.done) / max(rate, 1e-6)
                let line = String(format: "[%d/%d] %.1f items/s, ETA %.0f s  %@ %@", p.done, p.total, rate, eta, p.last.status.rawValue, p.last.name)
                FileHandle.standardError.write(Data((live ? "\r\u{1B}[K" + line : line + "\n").utf8))
            }
        } catch {
            ScenarioOutput.warn("\(error)")
            throw ExitCode(1)
        }
        if live { FileHandle.standardError.write(Data("\n".utf8)) }
        let failed = results.filter { $0.status == .failed }
        for f in failed { FileHandle.standardError.write(Data("failed: \(f.name): \(f.error ?? "")\n".utf8)) }
        let report = BatchReport(output: dir, results: results)
        let reportPath = (dir as NSString).appendingPathComponent("batch-report.json")
        try AtomicFile.write(try report.json(), to: reportPath)
        print("batch: \(report.items) items: \(report.written) written, \(report.skipped) up to date, \(report.failed) failed; report \(reportPath)")
        if !failed.isEmpty { throw ExitCode(1) }
    }
}
