import Symbology
import Foundation
import GeoCore
import Yams

/// Walks a composed YAML document, collecting problems with their line and column instead of
/// stopping at the first; bounds the size of what it reads.
final class YAMLReader {
    let file: String
    private(set) var problems: [ScenarioProblem] = []
    private var visited = 0

    /// Documents with more nodes than this are refused (aliases can multiply a small file).
    static let maxNodes = 200_000

    init(file: String) { self.file = file }

    func location(_ node: Node) -> SourceLocation {
        let m = node.mark
        return SourceLocation(file: file, line: m?.line ?? 1, column: m?.column ?? 1)
    }

    func problem(_ node: Node, _ field: String, _ message: String) {
        problems.append(ScenarioProblem(location(node), field: field, message))
    }

    func problem(at location: SourceLocation, _ field: String, _ message: String) {
        problems.append(ScenarioProblem(location, field: field, message))
    }

    /// Counts a node; false (with one problem) once the document is too large.
    func visit(_ node: Node, _ field: String) -> Bool {
        visited += 1
        if visited == YAMLReader.maxNodes + 1 {
            problem(node, field, "the document has more than \(YAMLReader.maxNodes) values (aliases included): split it or remove repeated anchors")
        }
        return visited <= YAMLReader.maxNodes
    }

    /// A mapping's fields, checked against `keys` (with "did you mean" for unknown ones) and
    /// `required`; nil with a problem when the node is not a mapping.
    func fields(_ node: Node, _ field: String, keys: [String], required: [String] = []) -> Fields? {
        guard visit(node, field) else { return nil }
        guard case .mapping(let mapping) = node else {
            problem(node, field, "expected a mapping (key: value lines), found \(kind(node))")
            return nil
        }
        var values: [String: Node] = [:]
        for (k, v) in mapping {
            guard let key = k.scalar?.string else {
                problem(k, field, "keys must be plain words")
                continue
            }
            guard keys.contains(key) else {
                let hint = nearest(key, in: keys).map { "; did you mean '\($0)'?" } ?? "; valid keys: \(keys.joined(separator: ", "))"
                problem(k, "\(field).\(key)", "unknown key '\(key)'\(hint)")
                continue
            }
            if values[key] != nil { problem(k, "\(field).\(key)", "'\(key)' is given twice") }
            values[key] = v
        }
        for key in required where values[key] == nil {
            problem(node, field, "'\(key)' is missing")
        }
        return Fields(reader: self, node: node, field: field, values: values)
    }

    /// Items of a sequence, at most `limit`; an absent node gives none.
    func items(_ node: Node?, _ field: String, limit: Int = 2_000) -> [(String, Node)] {
        guard let node else { return [] }
        guard visit(node, field) else { return [] }
        guard case .sequence(let seq) = node else {
            problem(node, field, "expected a list ('- ' items), found \(kind(node))")
            return []
        }
        if seq.count > limit {
            problem(node, field, "\(seq.count) items; at most \(limit) are allowed")
        }
        return seq.prefix(limit).enumerated().map { ("\(field)[\($0.offset)]", $0.element) }
    }

    func kind(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return "'\(s.string.prefix(40))'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

/// The values of one YAML mapping, read with type checks that record problems.
struct Fields {
    let reader: YAMLReader
    let node: Node
    let field: String
    let values: [String: Node]

    var location: SourceLocation { reader.location(node) }
    func has(_ key: String) -> Bool { values[key] != nil }
    func node(_ key: String) -> Node? { values[key] }
    func path(_ key: String) -> String { "\(field).\(key)" }

    /// A scalar as text (numbers included), at most `maxLength` characters.
    func string(_ key: String, maxLength: Int = 2_000) -> String? {
        guard let n = values[key] else { return nil }
        guard case .scalar(let s) = n else {
            reader.problem(n, path(key), "expected text, found \(reader.kind(n))")
            return nil
        }
        guard s.string.count <= maxLength else {
            reader.problem(n, path(key), "\(s.string.count) characters; at most \(maxLength) are allowed")
            return nil
        }
        return s.string
    }

    /// An identifier: letters, digits, '-', '_' and '.'.
    func id(_ key: String) -> String? {
        guard let s = string(key, maxLength: 100) else { return nil }
        guard !s.isEmpty, s.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0) }) else {
            reader.problem(values[key]!, path(key), "'\(s)' is not a valid id: use letters, digits, '-', '_' or '.'")
            return nil
        }
        return s
    }

    func double(_ key: String, in range: ClosedRange<Double>) -> Double? {
        guard let s = string(key) else { return nil }
        guard let v = Double(s.replacingOccurrences(of: "_", with: "")), range.contains(v) else {
            reader.problem(values[key]!, path(key), "expected a number in \(range.lowerBound.clean)...\(range.upperBound.clean), found '\(s)'")
            return nil
        }
        return v
    }

    func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let s = string(key) else { return nil }
        guard let v = Int(s), range.contains(v) else {
            reader.problem(values[key]!, path(key), "expected a whole number in \(range.lowerBound)...\(range.upperBound), found '\(s)'")
            return nil
        }
        return v
    }

    func bool(_ key: String) -> Bool? {
        guard let s = string(key) else { return nil }
        switch s.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            reader.problem(values[key]!, path(key), "expected true or false, found '\(s)'")
            return nil
        }
    }

    func date(_ key: String) -> StoryDate? {
        guard let s = string(key, maxLength: 40) else { return nil }
        guard let d = StoryDate(s) else {
            reader.problem(values[key]!, path(key), "'\(s)' is not a date: write 2024-10-23, 2024-10, 2024 or a span 2024-10/2024-11")
            return nil
        }
        return d
    }

    /// One of an enumeration's raw values, with a suggestion for a near miss.
    func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let s = string(key, maxLength: 100) else { return nil }
        if let e = E(rawValue: s.lowercased()) { return e }
        let names = E.allCases.map(\.rawValue)
        let hint = nearest(s, in: names).map { "did you mean '\($0)'? " } ?? ""
        reader.problem(values[key]!, path(key), "'\(s)' is not valid; \(hint)use one of \(names.joined(separator: ", "))")
        return nil
    }

    /// A list of scalars; a single scalar counts as a list of one.
    func strings(_ key: String, limit: Int = 500) -> [String] {
        guard let n = values[key] else { return [] }
        if case .scalar(let s) = n { return [s.string] }
        return reader.items(n, path(key), limit: limit).compactMap { p, item in
            guard case .scalar(let s) = item else {
                reader.problem(item, p, "expected text, found \(reader.kind(item))")
                return nil
            }
            return s.string
        }
    }

    /// A mapping of text to text ("labels: {ru: Суджа}").
    func dictionary(_ key: String) -> [String: String] {
        guard let n = values[key] else { return [:] }
        guard case .mapping(let m) = n else {
            reader.problem(n, path(key), "expected a mapping, found \(reader.kind(n))")
            return [:]
        }
        var out: [String: String] = [:]
        for (k, v) in m {
            guard let ks = k.scalar?.string, let vs = v.scalar?.string else {
                reader.problem(k, path(key), "expected 'key: text' pairs")
                continue
            }
            out[ks] = vs
        }
        return out
    }
}

extension Double {
    /// Without a trailing ".0".
    var clean: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
