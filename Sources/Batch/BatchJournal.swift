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

    /// "end I JSON".
    public func finished(_ item: Int, _ result: BatchResult) {
        let json = (try? JSONEncoder().encode(result)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        append("end \(item) \(json)\n")
    }

    /// Items started and not finished, and the results of those finished.
    public func read() -> (unfinished: Set<Int>, finished: [Int: BatchResult]) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return ([], [:]) }
        var started = Set<Int>(), finished: [Int: BatchResult] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count >= 2, let i = Int(parts[1]) else { continue }
            if parts[0] == "start" { started.insert(i) }
            if parts[0] == "end", parts.count == 3, let r = try? JSONDecoder().decode(BatchResult.self, from: Data(parts[2].utf8)) {
                finished[i] = r
            }
        }
        return (started.subtracting(finished.keys), finished)
    }

    private func append(_ line: String) {
        // One write(2) of a short line to a file opened for appending: lines never interleave.
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        _ = line.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
        close(fd)
    }
}
