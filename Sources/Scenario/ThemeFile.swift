import Foundation

/// A theme YAML file read against the keys a renderer knows: colours ("#rrggbb[aa]"), numbers
/// and texts, each problem located like a scenario's.
public struct ThemeFile: Sendable {
    public var colors: [String: String] = [:]
    public var numbers: [String: Double] = [:]
    public var texts: [String: String] = [:]

    /// Reads `path`; numbers must lie in 0...200.
    public static func read(_ path: String, colorKeys: [String], numberKeys: [String], textKeys: [String]) throws -> ThemeFile {
        let text = try YAMLDocument.text(path, what: "theme", maxBytes: 200_000)
        guard let root = try YAMLDocument.compose(text, file: path) else { return ThemeFile() }
        let r = YAMLReader(file: path)
        var theme = ThemeFile()
        if let f = r.fields(root, "theme", keys: (colorKeys + numberKeys + textKeys).sorted()) {
            for key in colorKeys {
                guard let v = f.string(key, maxLength: 20) else { continue }
                let hex = v.hasPrefix("#") ? v.dropFirst() : Substring(v)
                if (hex.count == 6 || hex.count == 8), hex.allSatisfy(\.isHexDigit) { theme.colors[key] = v } else {
                    r.problem(f.node(key)!, f.path(key), "'\(v)' is not a colour: write #rrggbb or #rrggbbaa")
                }
            }
            for key in numberKeys { if let v = f.double(key, in: 0...200) { theme.numbers[key] = v } }
            for key in textKeys { if let v = f.string(key, maxLength: 300) { theme.texts[key] = v } }
        }
        guard r.problems.isEmpty else { throw ScenarioError(r.problems) }
        return theme
    }
}
