import Batch
import Briefing
import Foundation

/// Keeps one item's crash from taking a batch down: the batch runs in a child process that writes
/// a journal (`BatchJournal`); when the child dies of a signal, the item it was making is marked
/// failed and a new child goes on with the rest, reusing what is done. With several items in
/// flight at the crash, the next child makes one item at a time until the culprit is found.
enum BatchSupervisor {
    /// The environment that makes a process the supervised child, and what it is told.
    static let journalKey = "GEOBRIEF_BATCH_JOURNAL", crashedKey = "GEOBRIEF_BATCH_CRASHED", serialKey = "GEOBRIEF_BATCH_SERIAL"

    /// Child processes started at most, whatever crashes.
    static let maxRestarts = 64

    static var isChild: Bool { ProcessInfo.processInfo.environment[journalKey] != nil }

    /// In the child: stop within a tenth of a second once the supervisor is gone (killed), so that
    /// no orphan goes on writing into the output folder behind a rerun.
    static func followSupervisor() {
        let parent = getppid()
        Thread.detachNewThread {
            while getppid() == parent { usleep(100_000) }
            exit(1)
        }
    }

    /// Runs this command again as a supervised child until it ends on its own; returns its exit status.
    static func supervise() throws -> Int32 {
        let journal = FileManager.default.temporaryDirectory.appendingPathComponent("geobrief-batch-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).journal").path
        defer { try? FileManager.default.removeItem(atPath: journal) }
        guard let exe = Bundle.main.executablePath else { throw BatchError("cannot find the running program to isolate the batch's items") }
        var crashed: [Int: String] = [:]
        var serial = false
        for _ in 0..<maxRestarts {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: exe)
            p.arguments = Array(CommandLine.arguments.dropFirst())
            var env = ProcessInfo.processInfo.environment
            env[journalKey] = journal
            env[crashedKey] = crashed.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ",")
            if serial { env[serialKey] = "1" }
            p.environment = env
            // What this child starts and does not finish, not what an earlier one left unfinished.
            let offset = BatchJournal(path: journal).length
            try p.run()
            p.waitUntilExit()
            guard p.terminationReason == .uncaughtSignal else { return p.terminationStatus }
            // Stopped from outside (Ctrl-C, kill): stop too, as the rerun will finish the rest.
            if [SIGINT, SIGTERM, SIGKILL, SIGHUP, SIGPIPE].contains(p.terminationStatus) { return 128 + p.terminationStatus }
            let unfinished = BatchJournal(path: journal).read(from: offset).unfinished.subtracting(crashed.keys)
            if unfinished.count == 1, let i = unfinished.first {
                crashed[i] = String(p.terminationStatus)
                serial = false
            } else if unfinished.isEmpty {
                throw BatchError("the batch process died of signal \(p.terminationStatus) outside any item")
            } else {
                serial = true
            }
            FileHandle.standardError.write(Data("batch: a worker died of signal \(p.terminationStatus)\(unfinished.count == 1 ? " making item \(unfinished.first! + 1)" : ""); going on with the rest\n".utf8))
        }
        throw BatchError("the batch crashed \(maxRestarts) times: stopped")
    }

    /// In the child: the journal, the results already in, and the items that crashed (as failures).
    static func childState(_ plan: BatchPlan, output: String) -> (BatchJournal, [Int: BatchResult], serial: Bool) {
        let env = ProcessInfo.processInfo.environment
        let journal = BatchJournal(path: env[journalKey] ?? "")
        var done = journal.read().finished
        for entry in (env[crashedKey] ?? "").split(separator: ",") {
            let kv = entry.split(separator: ":")
            guard kv.count == 2, let i = Int(kv[0]), i < plan.items.count else { continue }
            let name = plan.items[i].name
            done[i] = BatchResult(name: name, path: (output as NSString).appendingPathComponent(name), status: .failed, bytes: 0, seconds: 0,
                                  error: "the program crashed (signal \(kv[1])) making this item: a bug; the other items were made")
        }
        return (journal, done, env[serialKey] == "1")
    }
}
