import Graphics
import Foundation

/// A drawing of its own in an SVG: its definitions (glyphs, clips, images) and its elements,
/// shown as the group `id`.
public struct SVGPart: Sendable {
    public var id: String
    public var defs: String
    public var body: String
}

/// Builds the SVG a designer can edit from Cairo's output: the basemap's layers as named groups
/// (`<g id="basemap-borders">`), the map's own drawing as `<g id="story">`, and every text as a
/// real `<text>` element in `<g id="labels">` on top.
enum SVGComposer {
    /// A Cairo SVG's definitions and drawing (what lies between `</defs>` and `</svg>`).
    static func split(_ svg: String) -> (defs: String, body: String)? {
        guard let open = svg.range(of: "<svg"), let openEnd = svg[open.upperBound...].range(of: ">"),
              let close = svg.range(of: "</svg>", options: .backwards) else { return nil }
        let inner = svg[openEnd.upperBound..<close.lowerBound]
        if let d0 = inner.range(of: "<defs>"), let d1 = inner.range(of: "</defs>") {
            return (String(inner[d0.upperBound..<d1.lowerBound]), String(inner[d1.upperBound...]))
        }
        return ("", String(inner))
    }

    /// `main` with `underlays` under its drawing and `texts` over it.
    static func compose(_ main: String, underlays: [SVGPart], texts: [String], description: (title: String, description: String)? = nil) throws -> String {
        guard let open = main.range(of: "<svg"), let openEnd = main[open.upperBound...].range(of: ">"),
              let (defs, body) = split(main) else {
            throw CairoError(operation: "compose svg", message: "Cairo wrote no SVG document")
        }
        // Cairo numbers some ids per document: each part's get a prefix of their own.
        let parts = underlays.enumerated().map { k, part in
            SVGPart(id: part.id, defs: prefixed(part.defs, "p\(k)"), body: prefixed(part.body, "p\(k)"))
        }
        var out = String(main[..<openEnd.upperBound])
        // The document's title and description first, where screen readers look for them.
        if let description { out += "\n<title>\(escaped(description.title))</title>\n<desc>\(escaped(description.description))</desc>" }
        out += "\n<defs>"
        for part in parts { out += part.defs }
        out += defs + "</defs>\n"
        if !underlays.isEmpty {
            out += "<g id=\"basemap\">\n"
            for part in parts { out += "<g id=\"\(part.id)\">\(part.body)</g>\n" }
            out += "</g>\n"
        }
        out += "<g id=\"story\">\(body)</g>\n"
        if !texts.isEmpty { out += "<g id=\"labels\">\n" + texts.joined(separator: "\n") + "\n</g>\n" }
        return out + "</svg>\n"
    }

    /// `svg` with every Cairo id (`clip3`, `glyph0-1`, ...) and reference to it renamed `<prefix>clip3`.
    static func prefixed(_ svg: String, _ prefix: String) -> String {
        let ns = svg as NSString
        return SVGIdentifiers.cairo.stringByReplacingMatches(in: svg, range: NSRange(location: 0, length: ns.length),
                                                               withTemplate: prefix + "$1$2")
    }

    /// Text for an SVG element or attribute.
    static func escaped(_ s: String) -> String { XMLText.escaped(s) }

    /// A number as SVG writes it: at most two decimals, the same on every machine.
    static func number(_ v: Double) -> String {
        let s = String(format: "%.2f", v)
        var t = Substring(s)
        while t.hasSuffix("0") { t = t.dropLast() }
        if t.hasSuffix(".") { t = t.dropLast() }
        return t == "-0" ? "0" : String(t)
    }
}

extension Color {
    /// "#rrggbb".
    var svgHex: String {
        func byte(_ v: Double) -> String { String(format: "%02x", Int((min(max(v, 0), 1) * 255).rounded())) }
        return "#" + byte(r) + byte(g) + byte(b)
    }
}
