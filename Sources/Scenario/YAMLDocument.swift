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
        if let size = attrs[.size] as? Int, size > maxBytes {
            throw fail("\(size) bytes; a \(what) file may have at most \(maxBytes)")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw fail("the \(what) file is not UTF-8 text")
        }
        return text
    }

    /// The composed document of `text`, nil when empty.
    static func compose(_ text: String, file: String) throws -> Node? {
        do { return try Yams.compose(yaml: text) } catch let e as YamlError {
            throw ScenarioError([ScenarioParser.yamlProblem(e, file: file)])
        }
    }
}
