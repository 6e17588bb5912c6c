import Foundation
import PosixBindings

/// What a batch process has started and finished, one line per event, appended as it happens, so
/// that the process supervising it can tell, after a crash, which item was being made and which
/// results are already in (`BatchSupervisor`).
public struct BatchJournal: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// "start I".
    public func started(_ item: Int) { append("start \(item)\n") }

    /// "wrote I": the item's file is in place (written before its up-to-date stamp), so that a
    /// process restarted after a crash reports it written, not up to date, when it finds it so.
    public func wrote(_ item: Int) { append("wrote \(item)\n") }

    /// "end I JSON".
    public func finished(_ item: Int, _ result: BatchResult) {
        let json = (try? JSONEncoder().encode(result)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        append("end \(item) \(json)\n")
    }

    /// Items started and not finished, the results of those finished, and the items whose file
    /// this batch wrote.
    /// With `from`, only the lines appended after that many bytes (one process's: `length` before it started).
    public func read(from offset: UInt64 = 0) -> (unfinished: Set<Int>, finished: [Int: BatchResult], wrote: Set<Int>) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return ([], [:], []) }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: offset)) != nil, let bytes = try? handle.readToEnd() else { return ([], [:], []) }
        let text = String(decoding: bytes, as: UTF8.self)
        var started = Set<Int>(), finished: [Int: BatchResult] = [:], wrote = Set<Int>()
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count >= 2, let i = Int(parts[1]) else { continue }
            if parts[0] == "start" { started.insert(i) }
            if parts[0] == "wrote" { wrote.insert(i) }
            if parts[0] == "end", parts.count == 3, let r = try? JSONDecoder().decode(BatchResult.self, from: Data(parts[2].utf8)) {
                finished[i] = r
            }
        }
        return (started.subtracting(finished.keys), finished, wrote)
    }

    /// The journal's length in bytes now (0 before its first line).
    public var length: UInt64 {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.uint64Value ?? 0
    }

    private func append(_ line: String) {
        // One write(2) of a short line to a file opened for appending: lines never interleave.
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        _ = line.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
        close(fd)
    }
}
