import Foundation
import Yams

/// Reading a YAML file for one of GeoBrief's formats: size limit, UTF-8, composing with the
/// syntax error located; every failure a `ScenarioError` naming the file.
enum YAMLDocument {
    /// The text of `path` (what: "scenario", "theme", "manifest" for messages).
    static func text(_ path: String, what: String, maxBytes: Int) throws -> String {
        func fail(_ message: String) -> ScenarioError {
            ScenarioError([ScenarioProblem(SourceLocation(file: path, line: 0, column: 0), field: "file", message)])
        }
        guard let attrs = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw fail("cannot read the \(what) file: check the path")
        }
        if attrs[.type] as? FileAttributeType == .typeDirectory { throw fail("is a folder: give the \(what) file") }
        if let size = attrs[.size] as? Int, size > maxBytes {
            throw fail("\(size) bytes; a \(what) file may have at most \(maxBytes)")
        }
        // A FIFO or a device (a process substitution, /dev/stdin) is read to its end, within the limit.
        guard let handle = FileHandle(forReadingAtPath: path) else { throw fail("cannot open the \(what) file: check its permissions") }
        defer { try? handle.close() }
        var data = Data()
        while data.count <= maxBytes, let chunk = try? handle.read(upToCount: 65_536), !chunk.isEmpty { data += chunk }
        guard data.count <= maxBytes else { throw fail("more than \(maxBytes) bytes; a \(what) file may have at most \(maxBytes)") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw fail("the \(what) file is not UTF-8 text")
        }
        return text
    }

    /// The composed document of `text`, nil when empty. Scalars are left untagged (Yams's basic
    /// resolver): the readers convert each as its field requires, and tagging every scalar
    /// against Yams's regular expressions was two thirds of the time a scenario took to read.
    static func compose(_ text: String, file: String) throws -> Node? {
        do { return try Yams.compose(yaml: text, .basic) } catch let e as YamlError {
            throw ScenarioError([ScenarioParser.yamlProblem(e, file: file)])
        }
    }
}
