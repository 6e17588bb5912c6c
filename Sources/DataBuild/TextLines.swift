import Foundation
import Gazetteer

/// The lines of a text file of the raw data (TSV and CSV tables).
public enum TextLines {
    /// Calls `body` with each line (1-based numbers); invalid UTF-8 is an error naming the line.
    public static func forEach(in path: String, _ body: (String, Int) throws -> Void) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GazetteerError.badImport(file: path, line: 0, field: "", reason: "cannot read the file")
        }
        var n = 0
        for raw in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            n += 1
            var bytes = raw
            if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
            guard let line = String(data: Data(bytes), encoding: .utf8) else {
                throw GazetteerError.badImport(file: path, line: n, field: "", reason: "not valid UTF-8")
            }
            if line.isEmpty && n > 1 { continue }
            try body(line, n)
        }
    }
}
