import ArgumentParser
import DataCatalog
import Foundation
import Gazetteer

/// Answers names (arguments or standard input) with the gazetteer, exit status by the worst answer.
public enum GeocodeRunner {
    /// The longest line read from standard input.
    public static let maxLineBytes = 4_096

    /// Geocodes every name of `options`; throws `ExitCode(2)` when any was ambiguous, 3 when any was not found.
    public static func run(_ options: GeocodeOptions) throws {
        let gazetteer = try Gazetteer(data: try DataDirectory.locate())
        let hints = GeocodeHints(country: options.country, admin1: options.admin1, kind: options.kind.flatMap(PlaceKind.init(word:)),
                                 box: options.bbox?.box, near: options.near, limit: options.limit)
        let fromStdin = options.names.isEmpty
        var out = OutputBuffer()
        // Answers given before an error that stops the run are still written.
        defer { out.flush() }
        var worst: Int32 = 0
        var lineNumber = 0
        func answer(_ name: String) throws {
            lineNumber += 1
            let result: GeocodeResult
            do { result = try gazetteer.geocode(name, hints: hints) } catch let e as GazetteerError {
                if case .badQuery = e, fromStdin {
                    // One bad line does not stop the others.
                    out.flush()
                    FileHandle.standardError.write(Data("line \(lineNumber): \(e)\n".utf8))
                    worst = max(worst, 3)
                    return
                }
                throw e
            }
            worst = max(worst, result.status == .found ? 0 : result.status == .ambiguous ? 2 : 3)
            if fromStdin && !options.json {
                out.csv(result)
            } else {
                out.line(GeocodeOutput.render(result, json: options.json, table: !fromStdin))
            }
        }
        if fromStdin {
            if !options.json { out.line(GeocodeOutput.csvHeader) }
            var reader = BoundedLineReader(.standardInput, limit: GeocodeRunner.maxLineBytes)
            while let line = reader.next() {
                switch line {
                case .text(let text):
                    if text.allSatisfy(\.isWhitespace) { lineNumber += 1; continue }
                    try answer(text)
                case .tooLong(let bytes):
                    lineNumber += 1
                    out.flush()
                    FileHandle.standardError.write(Data("line \(lineNumber): \(bytes) bytes, longer than the \(GeocodeRunner.maxLineBytes)-byte limit of a line; skipped\n".utf8))
                    worst = max(worst, 3)
                }
            }
        } else {
            for name in options.names { try answer(name) }
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}

/// Standard output collected in blocks: one write per 64 KB rather than one per answer.
struct OutputBuffer {
    private var bytes: [UInt8] = []

    mutating func line(_ s: String) {
        bytes += s.utf8
        endLine()
    }

    mutating func csv(_ r: GeocodeResult) {
        GeocodeOutput.appendCSV(r, to: &bytes)
        endLine()
    }

    private mutating func endLine() {
        bytes.append(UInt8(ascii: "\n"))
        if bytes.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !bytes.isEmpty else { return }
        FileHandle.standardOutput.write(Data(bytes))
        bytes.removeAll(keepingCapacity: true)
    }
}
