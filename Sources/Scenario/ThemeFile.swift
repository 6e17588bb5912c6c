import Foundation

/// A theme YAML file read against the keys a renderer knows: colours ("#rrggbb[aa]"), numbers
/// and texts, each problem located like a scenario's.
public struct ThemeFile: Sendable {
    public var colors: [String: String] = [:]
    public var numbers: [String: Double] = [:]
    public var texts: [String: String] = [:]
    /// Where each text key was given, for problems found after reading (a font not installed).
    public var textLocations: [String: SourceLocation] = [:]
    /// Changes to rows of the basemap's layer table (`layers:`), by row name.
    public var layerRows: [String: LayerRow] = [:]

    /// A theme's change to one basemap layer: its line's colour, width and dash (points), or
    /// `visible: false` to leave it off.
    public struct LayerRow: Sendable, Equatable {
        public var color: String?
        public var width: Double?
        public var dash: [Double]?
        public var visible: Bool?
    }

    /// Reads `path`; numbers must lie in 0...200.
    public static func read(_ path: String, colorKeys: [String], numberKeys: [String], textKeys: [String],
                            layerRows: [String] = []) throws -> ThemeFile {
        let text = try YAMLDocument.text(path, what: "theme", maxBytes: 200_000)
        guard let root = try YAMLDocument.compose(text, file: path) else { return ThemeFile() }
        let r = YAMLReader(file: path)
        var theme = ThemeFile()
        func color(_ f: Fields, _ key: String) -> String? {
            guard let v = f.string(key, maxLength: 20) else { return nil }
            let hex = v.hasPrefix("#") ? v.dropFirst() : Substring(v)
            if (hex.count == 6 || hex.count == 8), hex.allSatisfy(\.isHexDigit) { return v }
            r.problem(f.node(key)!, f.path(key), "'\(v)' is not a colour: write #rrggbb or #rrggbbaa")
            return nil
        }
        if let f = r.fields(root, "theme", keys: (colorKeys + numberKeys + textKeys + (layerRows.isEmpty ? [] : ["layers"])).sorted()) {
            for key in colorKeys { if let v = color(f, key) { theme.colors[key] = v } }
            if let node = f.node("layers"), let rows = r.fields(node, f.path("layers"), keys: layerRows) {
                for name in layerRows {
                    guard let rowNode = rows.node(name),
                          let row = r.fields(rowNode, rows.path(name), keys: ["color", "width", "dash", "visible"]) else { continue }
                    var change = LayerRow(color: color(row, "color"), width: row.double("width", in: 0...50), visible: row.bool("visible"))
                    if row.has("dash") {
                        let dash = row.strings("dash", limit: 8).compactMap(Double.init)
                        if dash.allSatisfy({ $0 > 0 && $0 <= 50 }) { change.dash = dash } else {
                            r.problem(row.node("dash")!, row.path("dash"), "expected [on, off, ...] lengths in points, each 0...50")
                        }
                    }
                    theme.layerRows[name] = change
                }
            }
            for key in numberKeys { if let v = f.double(key, in: 0...200) { theme.numbers[key] = v } }
            for key in textKeys {
                if let v = f.string(key, maxLength: 300) {
                    theme.texts[key] = v
                    theme.textLocations[key] = r.location(f.node(key)!)
                }
            }
        }
        guard r.problems.isEmpty else { throw ScenarioError(r.problems) }
        return theme
    }
}
