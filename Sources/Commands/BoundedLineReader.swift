import Foundation

/// Lines of a file handle with a length limit: a longer line is reported by its length and skipped
/// to its end, so that memory stays flat on any input (`geocode < /dev/zero`).
struct BoundedLineReader {
    enum Line { case text(String), tooLong(bytes: Int) }

    let handle: FileHandle
    let limit: Int
    private var buffer: [UInt8] = []
    private var overflow = 0
    private var atEnd = false

    init(_ handle: FileHandle, limit: Int) {
        self.handle = handle
        self.limit = limit
    }

    /// The next line (without its newline), nil at the end of the input.
    mutating func next() -> Line? {
        while true {
            if let nl = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[..<nl])
                buffer.removeSubrange(...nl)
                if overflow > 0 {
                    let total = overflow + line.count
                    overflow = 0
                    return .tooLong(bytes: total)
                }
                return .text(String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...], as: UTF8.self))
            }
            if buffer.count > limit {
                // Keep counting, not keeping, the rest of an over-long line.
                overflow += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
            if atEnd {
                if overflow > 0 { let total = overflow + buffer.count; overflow = 0; buffer = []; return .tooLong(bytes: total) }
                if buffer.isEmpty { return nil }
                defer { buffer = [] }
                return .text(String(decoding: buffer, as: UTF8.self))
            }
            let chunk = (try? handle.read(upToCount: 65_536)) ?? nil
            if let chunk, !chunk.isEmpty { buffer += chunk } else { atEnd = true }
        }
    }
}
