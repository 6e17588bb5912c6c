import Graphics
import CCairo
import CPango

/// Text laid out by Pango for one canvas, with font fallback across scripts.
/// Sizes are in the canvas's user units, with the font size honoured at the surface's DPI.
///
/// Every text is laid out at one size, `layoutSize`, and scaled to its style's size when measured
/// and drawn: Pango asks fontconfig to match and sort every installed font once for each font
/// size it meets (about a millisecond each with fonts-noto, on two new threads), and a map has
/// some twenty sizes but only a few faces. With unhinted metrics and no hinting, glyph outlines and
/// advances scale linearly, so the text is where and as large as it would be at its own size.
public final class TextLayout {
    private let layout: OpaquePointer
    public let canvas: Canvas
    public let text: String
    public let style: TextStyle
    /// The style's size over `layoutSize`: what the layout's own units are multiplied by.
    private let fontScale: Double

    /// The font size (points) every text is laid out at before it is scaled to its style's size.
    static let layoutSize = 10.0

    /// Text longer than this is refused: no label or paragraph is that long.
    public static let maxLength = 100_000

    /// Lays out `text`; `width` (user units) wraps it into lines at word boundaries.
    public init(_ text: String, style: TextStyle, on canvas: Canvas, width: Double? = nil, alignment: Alignment = .left) throws {
        guard text.utf8.count <= TextLayout.maxLength else {
            throw CairoError(operation: "lay out text", message: "text of \(text.utf8.count) bytes exceeds \(TextLayout.maxLength)")
        }
        guard style.size > 0, style.size <= 1000 else {
            throw CairoError(operation: "lay out text", message: "font size \(style.size) pt is outside 0...1000")
        }
        FontPreload.finish()
        // pango_cairo_create_layout returns a new reference; it is never NULL.
        layout = pango_cairo_create_layout(canvas.handle)!
        self.canvas = canvas
        self.text = text
        self.style = style
        fontScale = style.size / TextLayout.layoutSize
        TextLayout.configure(layout, style: style, dpi: canvas.surface.dpi)
        if let width {
            pango_layout_set_width(layout, Int32(max(1, width / fontScale) * Double(geobrief_pango_scale())))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        switch alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        pango_layout_set_text(layout, text, -1)
        // A paragraph's direction follows most of its letters, not its first: an English subtitle
        // that opens with an Arabic name stays left-to-right, each run in its own direction.
        let (ltr, rtl) = TextLayout.strongLetters(text)
        if ltr > 0 || rtl > 0 {
            pango_layout_set_auto_dir(layout, 0)
            pango_context_set_base_dir(pango_layout_get_context(layout), rtl > ltr ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR)
            pango_layout_context_changed(layout)
        }
        let attributes = pango_attr_list_new()
        if style.letterSpacing > 0 {
            // Pango units of the layout's user space: points at the surface's resolution.
            let spacing = style.letterSpacing / fontScale * canvas.surface.dpi / 72 * Double(geobrief_pango_scale())
            pango_attr_list_insert(attributes, pango_attr_letter_spacing_new(Int32(spacing.rounded())))
        }
        if width != nil {
            // Names are not broken at their hyphens ("Rostov-on-Don"): no line break inside a word.
            for range in TextLayout.hyphenatedWords(text) {
                let attribute = pango_attr_allow_breaks_new(0)!
                attribute.pointee.start_index = UInt32(range.lowerBound)
                attribute.pointee.end_index = UInt32(range.upperBound)
                pango_attr_list_insert(attributes, attribute)
            }
            pango_attr_list_insert(attributes, pango_attr_insert_hyphens_new(0))
        }
        pango_layout_set_attributes(layout, attributes)
        pango_attr_list_unref(attributes)
    }

    /// Letters of left-to-right and of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko).
    static func strongLetters(_ text: String) -> (ltr: Int, rtl: Int) {
        var ltr = 0, rtl = 0
        for u in text.unicodeScalars where u.properties.isAlphabetic {
            switch u.value {
            case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: rtl += 1
            default: ltr += 1
            }
        }
        return (ltr, rtl)
    }

    /// The byte ranges of the words of `text` that hold a hyphen.
    static func hyphenatedWords(_ text: String) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0, hyphen = false, i = 0
        for b in text.utf8 {
            if b == 0x20 || b == 0x0A || b == 0x09 {
                if hyphen && i > start { out.append(start..<i) }
                start = i + 1
                hyphen = false
            } else if b == 0x2D {
                hyphen = true
            }
            i += 1
        }
        if hyphen && i > start { out.append(start..<i) }
        return out
    }

    deinit { geobrief_g_object_unref(UnsafeMutableRawPointer(layout)) }

    /// Sets a layout's resolution, language and font from `style`, at `layoutSize` (here and in
    /// `FontPreload`, which must ask fontconfig the very same questions).
    static func configure(_ layout: OpaquePointer, style: TextStyle, dpi: Double) {
        let ctx = pango_layout_get_context(layout)
        // Pango defaults to 96 dpi; tell it the surface's so that N pt is N/72 inch on paper and on screen.
        pango_cairo_context_set_resolution(ctx, dpi)
        // Unhinted metrics: a text's size in points is then the same on every surface at every
        // resolution, so that PNG, PDF and SVG of one map place the very same labels.
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(ctx, options)
        cairo_font_options_destroy(options)
        // Pango rounds glyph positions to whole units of the surface: points in PDF, pixels in PNG.
        pango_context_set_round_glyph_positions(ctx, 0)
        if let lang = style.language { pango_context_set_language(ctx, pango_language_from_string(lang)) }
        pango_layout_context_changed(layout)
        let desc = pango_font_description_new()
        defer { pango_font_description_free(desc) }
        pango_font_description_set_family(desc, style.families)
        pango_font_description_set_size(desc, Int32((layoutSize * Double(geobrief_pango_scale())).rounded()))
        pango_font_description_set_weight(desc, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(desc, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_layout_set_font_description(layout, desc)
    }

    /// The font families fontconfig has, as Pango lists them.
    public static func installedFamilies() -> Set<String> {
        guard let map = pango_cairo_font_map_get_default() else { return [] }
        var families: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
        var count: Int32 = 0
        pango_font_map_list_families(map, &families, &count)
        defer { geobrief_g_free(families) }
        var out = Set<String>()
        for i in 0..<Int(count) {
            if let f = families?[i], let name = pango_font_family_get_name(f) { out.insert(String(cString: name)) }
        }
        return out
    }

    /// Horizontal alignment of wrapped lines.
    public enum Alignment: Sendable { case left, center, right }

    /// The logical box of the text relative to its top-left origin, in user units.
    public var extents: Rect {
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        let s = Double(geobrief_pango_scale()) / fontScale
        return Rect(x: Double(logical.x) / s, y: Double(logical.y) / s, width: Double(logical.width) / s, height: Double(logical.height) / s)
    }

    /// Distance from the top of the layout to the first line's baseline.
    public var baseline: Double { Double(pango_layout_get_baseline(layout)) / Double(geobrief_pango_scale()) * fontScale }

    /// Whether the first line runs right to left (its paragraph's base direction).
    public var isRightToLeft: Bool {
        guard let line = pango_layout_get_line_readonly(layout, 0) else { return false }
        return line.pointee.resolved_dir == PANGO_DIRECTION_RTL.rawValue
    }

    /// Number of lines after wrapping.
    public var lineCount: Int { Int(pango_layout_get_line_count(layout)) }

    /// Characters no installed font could draw (they would show as boxes).
    public var missingGlyphs: Int { Int(pango_layout_get_unknown_glyphs_count(layout)) }

    /// Draws the text with its top-left at (x, y), first with a halo of `haloWidth` when given.
    /// On an SVG surface the text becomes a `<text>` element (one `<tspan>` a line) that a
    /// designer can edit, at the very place Pango laid it out.
    public func draw(x: Double, y: Double, halo: Color? = nil, haloWidth: Double = 0) {
        if canvas.surface.kind == .svg {
            canvas.surface.addSVGText(svgElement(x: x, y: y, halo: halo, haloWidth: haloWidth))
            return
        }
        canvas.withState {
            // The layout's units are `layoutSize` points: scaled to the style's size about (x, y).
            canvas.translate(x, y)
            canvas.scale(fontScale, fontScale)
            canvas.move(to: 0, 0)
            let cr = canvas.handle
            if let halo, haloWidth > 0 {
                canvas.save()
                pango_cairo_layout_path(cr, layout)
                canvas.setColor(halo)
                canvas.setLineWidth(haloWidth * 2 / fontScale)
                canvas.setLineJoin(.round)
                // A halo is a soft fringe: rasterized with 4x4 samples a pixel it looks the same,
                // in 60% of the time (it was 40% of a scene's instructions).
                canvas.setAntialias(.fast)
                canvas.stroke()
                canvas.restore()
                canvas.move(to: 0, 0)
            }
            canvas.setColor(style.color)
            pango_cairo_show_layout(cr, layout)
        }
    }

    /// The text as an SVG `<text>` element with its top-left at (x, y) in user units.
    func svgElement(x: Double, y: Double, halo: Color?, haloWidth: Double) -> String {
        let cr = canvas.handle
        let scale = Double(geobrief_pango_scale())
        var sx = 1.0, sy = 0.0
        cairo_user_to_device_distance(cr, &sx, &sy)
        let k = (sx * sx + sy * sy).squareRoot()
        let n = SVGComposer.number
        var attributes = "font-family=\"\(SVGComposer.escaped(style.families))\" font-size=\"\(n(style.size * canvas.surface.dpi / 72 * k))\""
        if style.bold { attributes += " font-weight=\"bold\"" }
        if style.italic { attributes += " font-style=\"italic\"" }
        if style.letterSpacing > 0 { attributes += " letter-spacing=\"\(n(style.letterSpacing * canvas.surface.dpi / 72 * k))\"" }
        attributes += " fill=\"\(style.color.svgHex)\""
        if style.color.a < 1 { attributes += " fill-opacity=\"\(n(style.color.a))\"" }
        if let halo, haloWidth > 0 {
            attributes += " stroke=\"\(halo.svgHex)\" stroke-width=\"\(n(haloWidth * 2 * k))\" stroke-linejoin=\"round\" paint-order=\"stroke\""
            if halo.a < 1 { attributes += " stroke-opacity=\"\(n(halo.a))\"" }
        }
        if let lang = style.language { attributes += " xml:lang=\"\(SVGComposer.escaped(lang))\"" }
        let bytes = Array(text.utf8)
        var spans = ""
        guard let iter = pango_layout_get_iter(layout) else { return "" }
        defer { pango_layout_iter_free(iter) }
        repeat {
            guard let line = pango_layout_iter_get_line_readonly(iter) else { continue }
            let start = Int(line.pointee.start_index), length = Int(line.pointee.length)
            guard start >= 0, length > 0, start + length <= bytes.count else { continue }
            let piece = String(decoding: bytes[start..<(start + length)], as: UTF8.self).trimmingCharacters(in: .newlines)
            guard !piece.isEmpty else { continue }
            var ink = PangoRectangle(), logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, &ink, &logical)
            var dx = x + Double(logical.x) / scale * fontScale, dy = y + Double(pango_layout_iter_get_baseline(iter)) / scale * fontScale
            cairo_user_to_device(cr, &dx, &dy)
            spans += "<tspan x=\"\(n(dx))\" y=\"\(n(dy))\">\(SVGComposer.escaped(piece))</tspan>"
        } while pango_layout_iter_next_line(iter) != 0
        return "<text \(attributes)>\(spans)</text>"
    }
}
