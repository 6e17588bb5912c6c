import Foundation

/// Cairo numbers SVG ids (`surface12`, `glyph3-1`, `clip7`) from process-wide counters, so a second
/// SVG drawn in the same process differs from the first. Renumbering every id family in order of
/// first appearance makes the same drawing give the same bytes.
enum SVGIdentifiers {
    /// Cairo's id families, as it writes them.
    static let cairo = try! NSRegularExpression(pattern: "\\b(surface|glyph|clip|image|mask|alpha|pattern|source|linear|radial|filter)([0-9]+)")
    /// The same, also with the prefix a composed SVG gives each part's ids (`p3clip1`).
    static let pattern = try! NSRegularExpression(pattern: "\\b((?:p[0-9]+)?(?:surface|glyph|clip|image|mask|alpha|pattern|source|linear|radial|filter))([0-9]+)")

    static func normalize(_ svg: String) -> String {
        let ns = svg as NSString
        var next: [String: Int] = [:]
        var mapping: [String: Int] = [:]
        var out = ""
        out.reserveCapacity(svg.utf8.count)
        var last = 0
        for m in pattern.matches(in: svg, range: NSRange(location: 0, length: ns.length)) {
            let family = ns.substring(with: m.range(at: 1)), number = ns.substring(with: m.range(at: 2))
            let key = family + number
            let id = mapping[key] ?? {
                let n = next[family, default: 0]
                next[family] = n + 1
                mapping[key] = n
                return n
            }()
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            out += family + String(id)
            last = m.range.location + m.range.length
        }
        out += ns.substring(from: last)
        return out
    }
}
