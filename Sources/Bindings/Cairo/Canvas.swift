import Graphics
import CCairo
import GeoCore

/// A drawing context on a `Surface` (Cairo's `cairo_t`); keeps its surface alive.
/// Coordinates are the surface's user units (pixels or points), y down.
public final class Canvas {
    let handle: OpaquePointer
    public let surface: Surface

    public init(_ surface: Surface) throws {
        // cairo_create never returns NULL; errors show in cairo_status.
        handle = cairo_create(surface.handle)!
        self.surface = surface
        try check("create context")
    }

    deinit { cairo_destroy(handle) }

    /// Throws when Cairo recorded an error on this context or its surface.
    public func check(_ operation: String = "draw") throws {
        let status = cairo_status(handle)
        guard status == CAIRO_STATUS_SUCCESS else { throw CairoError(operation, status: status) }
        try surface.check(operation)
    }

    // MARK: State

    public func save() { cairo_save(handle) }
    public func restore() { cairo_restore(handle) }
    /// Runs `body` between save and restore.
    public func withState<T>(_ body: () throws -> T) rethrows -> T {
        save(); defer { restore() }
        return try body()
    }

    public func translate(_ x: Double, _ y: Double) { cairo_translate(handle, x, y) }
    public func scale(_ sx: Double, _ sy: Double) { cairo_scale(handle, sx, sy) }
    public func rotate(_ radians: Double) { cairo_rotate(handle, radians) }

    public func setColor(_ c: Color) { cairo_set_source_rgba(handle, c.r, c.g, c.b, c.a) }
    public func setLineWidth(_ w: Double) { cairo_set_line_width(handle, w) }
    /// Dash lengths in user units; empty for a solid line.
    public func setDash(_ dashes: [Double], offset: Double = 0) { cairo_set_dash(handle, dashes, Int32(dashes.count), offset) }

    /// How line ends and corners are drawn.
    public enum LineStyle: Sendable { case round, butt, square }
    public func setLineCap(_ s: LineStyle) {
        cairo_set_line_cap(handle, s == .round ? CAIRO_LINE_CAP_ROUND : s == .butt ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_SQUARE)
    }
    public func setLineJoin(_ s: LineStyle) {
        cairo_set_line_join(handle, s == .round ? CAIRO_LINE_JOIN_ROUND : s == .butt ? CAIRO_LINE_JOIN_BEVEL : CAIRO_LINE_JOIN_MITER)
    }
    /// Even-odd filling, so that polygon holes stay empty whatever their winding.
    public func setEvenOddFill(_ on: Bool) { cairo_set_fill_rule(handle, on ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING) }
    /// How the edges of fills and strokes are antialiased on an image (vector output keeps its
    /// geometry): `.fine` is Cairo's default (256 coverage levels), `.fast` samples each pixel
    /// 4x4 (17 levels, about half the time on long thin lines and large polygons), `.none` is crisp.
    public enum Antialias: Sendable { case none, fast, fine }

    /// Sets how edges are antialiased from now on (kept and restored by `withState`).
    public func setAntialias(_ mode: Antialias) {
        cairo_set_antialias(handle, mode == .fine ? CAIRO_ANTIALIAS_DEFAULT : mode == .fast ? CAIRO_ANTIALIAS_FAST : CAIRO_ANTIALIAS_NONE)
    }

    // MARK: Paths

    public func newPath() { cairo_new_path(handle) }
    public func move(to x: Double, _ y: Double) { cairo_move_to(handle, x, y) }
    public func line(to x: Double, _ y: Double) { cairo_line_to(handle, x, y) }
    public func closePath() { cairo_close_path(handle) }
    public func rectangle(_ x: Double, _ y: Double, _ w: Double, _ h: Double) { cairo_rectangle(handle, x, y, w, h) }
    public func circle(_ x: Double, _ y: Double, radius: Double) {
        cairo_new_sub_path(handle)
        cairo_arc(handle, x, y, radius, 0, 2 * Double.pi)
    }

    /// Adds a polyline through `points` (x in lon, y in lat fields), optionally closed.
    public func addPath(_ points: [Coordinate], closed: Bool) {
        guard let first = points.first else { return }
        cairo_move_to(handle, first.lon, first.lat)
        for p in points.dropFirst() { cairo_line_to(handle, p.lon, p.lat) }
        if closed { cairo_close_path(handle) }
    }

    public func fill() { cairo_fill(handle) }
    public func fillPreserve() { cairo_fill_preserve(handle) }
    public func stroke() { cairo_stroke(handle) }
    public func strokePreserve() { cairo_stroke_preserve(handle) }
    /// Restricts drawing to the current path.
    public func clip() { cairo_clip(handle) }
    /// Fills the whole clip area with the current colour.
    public func paint() { cairo_paint(handle) }

    /// Starts a new page of a PDF (no effect on images).
    public func showPage() {
        cairo_show_page(handle)
        surface.page += 1
    }

    /// Draws `body` as a figure of the document's structure with `alternateText` (tagged PDF: what
    /// a screen reader says for the map). One figure a page; other surfaces just draw.
    public func figure<T>(alternateText: String, _ body: () throws -> T) rethrows -> T {
        guard surface.kind == .pdf, surface.figureTexts[surface.page] == nil else { return try body() }
        surface.setFigureText(alternateText, page: surface.page)
        cairo_tag_begin(handle, "Figure", nil)
        defer { cairo_tag_end(handle, "Figure") }
        return try body()
    }

    /// On a PDF, records the `width` x `height` box at the current origin as a georeferenced map
    /// frame of the current page: `points` give places at positions in the box (user units, y
    /// down), `wkt` the map's reference system. Other surfaces ignore it.
    public func georeference(width: Double, height: Double, points: [(x: Double, y: Double, place: Coordinate)], wkt: String) {
        guard surface.kind == .pdf, width > 0, height > 0, points.count >= 3 else { return }
        func page(_ x: Double, _ y: Double) -> (Double, Double) {
            var (dx, dy) = (x, y)
            cairo_user_to_device(handle, &dx, &dy)
            return (dx, surface.height - dy)
        }
        let (x0, y1) = page(0, 0), (x1, y0) = page(width, height)
        let points = points.map { (u: $0.x / width, v: 1 - $0.y / height, place: $0.place) }
        surface.addGeoreference(PDFGeoreference(page: surface.page, box: (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)), points: points, wkt: wkt))
    }

    /// Draws `image` scaled into the rectangle (x, y, width, height), filtered bilinearly.
    public func draw(_ image: ImageBuffer, x: Double, y: Double, width: Double, height: Double, alpha: Double = 1) {
        guard image.width > 0, image.height > 0 else { return }
        withState {
            cairo_translate(handle, x, y)
            cairo_scale(handle, width / Double(image.width), height / Double(image.height))
            cairo_set_source_surface(handle, image.surface.handle, 0, 0)
            cairo_pattern_set_filter(cairo_get_source(handle), CAIRO_FILTER_BILINEAR)
            cairo_paint_with_alpha(handle, alpha)
        }
    }

    /// Fills the current path with `image` stretched over the rectangle (bilinear), and clears
    /// the path; outside the rectangle the fill is transparent.
    /// `padded` extends the image's edge pixels outward, so that its edges are as opaque as the
    /// image (not blended with what is under it for half a pixel); for image surfaces only, as
    /// PDF and SVG would fall back to a bitmap.
    public func fill(with image: ImageBuffer, x: Double, y: Double, width: Double, height: Double, padded: Bool = false) {
        guard image.width > 0, image.height > 0, width > 0, height > 0 else { return cairo_new_path(handle) }
        draw(image, x: x, y: y, width: width, height: height, padded: padded) { cairo_fill($0) }
    }

    /// Paints `image` stretched over the rectangle and beyond it, through the current clip: the
    /// image's edge pixels extended when `padded` (on an image surface), else nothing outside.
    public func paint(with image: ImageBuffer, x: Double, y: Double, width: Double, height: Double, padded: Bool = false) {
        guard image.width > 0, image.height > 0, width > 0, height > 0 else { return }
        draw(image, x: x, y: y, width: width, height: height, padded: padded) { cairo_paint($0) }
    }

    /// Sets `image`, stretched over the rectangle and filtered bilinearly, as the source of `body`.
    private func draw(_ image: ImageBuffer, x: Double, y: Double, width: Double, height: Double, padded: Bool,
                      _ body: (OpaquePointer) -> Void) {
        let pattern = cairo_pattern_create_for_surface(image.surface.handle)!
        defer { cairo_pattern_destroy(pattern) }
        // A pattern's matrix maps user space to the image's pixels.
        var m = cairo_matrix_t()
        cairo_matrix_init_scale(&m, Double(image.width) / width, Double(image.height) / height)
        cairo_matrix_translate(&m, -x, -y)
        cairo_pattern_set_matrix(pattern, &m)
        cairo_pattern_set_filter(pattern, CAIRO_FILTER_BILINEAR)
        if padded, surface.kind == .image { cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD) }
        withState {
            cairo_set_source(handle, pattern)
            body(handle)
        }
    }

    /// Adds a link annotation over a rectangle (PDF only) to a URI.
    public func link(uri: String, x: Double, y: Double, width: Double, height: Double, body: () -> Void) {
        let escaped = uri.replacingOccurrences(of: "'", with: "%27")
        cairo_tag_begin(handle, CAIRO_TAG_LINK, "uri='\(escaped)' rect=[\(x) \(y) \(width) \(height)]")
        body()
        cairo_tag_end(handle, CAIRO_TAG_LINK)
    }
}
