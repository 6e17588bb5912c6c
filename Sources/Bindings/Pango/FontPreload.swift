import PosixBindings
import Graphics
import CCairo
import CPango
import Dispatch

/// Loads fonts ahead of drawing. Fontconfig matches and sorts each face a map uses (family list,
/// weight, slant; every text is laid out at one size, `TextLayout.layoutSize`) against every
/// installed font, a few milliseconds in all with the ~400 fonts of fonts-noto. `start`
/// does that matching on a background thread, while the caller locates places and routes, into a
/// font map that the caller's thread then uses for its text layouts. Pango's font maps are not
/// shared between threads at once: the first layout (`TextLayout`) waits for the preload to end.
public enum FontPreload {
    /// How a surface lays out text: its kind and resolution.
    public struct Target: Hashable, Sendable {
        public var kind: Surface.Kind
        public var dpi: Double
        /// A surface of `kind`; `imageDPI` is an image's resolution (PDF and SVG have their own).
        public init(kind: Surface.Kind, imageDPI: Double) {
            self.kind = kind
            self.dpi = kind == .image ? imageDPI : Surface.vectorDPI
        }
    }

    private static let running = Locked<DispatchGroup?>(nil)

    /// Starts loading the fonts of `styles` for `targets`; the calling thread's later text layouts
    /// use the fonts loaded. Does nothing while a preload is running.
    public static func start(styles: [TextStyle], targets: Set<Target>) {
        guard !styles.isEmpty, !targets.isEmpty else { return }
        running.withLock { group in
            guard group == nil, let map = pango_cairo_font_map_new() else { return }
            // This thread's layouts use `map` from now on (Pango keeps a default map per thread).
            pango_cairo_font_map_set_default(OpaquePointer(map))
            let g = DispatchGroup()
            nonisolated(unsafe) let shared = map
            DispatchQueue.global(qos: .userInitiated).async(group: g) {
                for target in targets { load(styles, target, shared) }
                geobrief_g_object_unref(UnsafeMutableRawPointer(shared))
            }
            group = g
        }
    }

    /// Waits for a running preload to end: before any text layout, and before a command that
    /// started one returns (exiting while the preload's thread is inside fontconfig crashed now and then).
    public static func finish() {
        let g = running.withLock { group -> DispatchGroup? in
            defer { group = nil }
            return group
        }
        g?.wait()
    }

    /// Lays out a sample in every style on a 1x1 surface of the target's kind, as `TextLayout` would.
    private static func load(_ styles: [TextStyle], _ target: Target, _ map: UnsafeMutablePointer<PangoFontMap>) {
        let surface: OpaquePointer
        switch target.kind {
        case .image: surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        case .pdf: surface = cairo_pdf_surface_create(nil, 1, 1)
        case .svg: surface = cairo_svg_surface_create(nil, 1, 1)
        }
        defer { cairo_surface_finish(surface); cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { return }
        defer { cairo_destroy(cr) }
        guard let context = pango_font_map_create_context(map) else { return }
        defer { geobrief_g_object_unref(UnsafeMutableRawPointer(context)) }
        pango_cairo_update_context(cr, context)
        for style in styles {
            guard let layout = pango_layout_new(context) else { continue }
            TextLayout.configure(layout, style: style, dpi: target.dpi)
            pango_layout_set_text(layout, "Ag 1,234 km", -1)
            var ink = PangoRectangle(), logical = PangoRectangle()
            pango_layout_get_extents(layout, &ink, &logical)
            geobrief_g_object_unref(UnsafeMutableRawPointer(layout))
        }
    }
}
