import Graphics
import Bindings
import Foundation
import GeoCore
import PosixBindings
import DataCatalog

/// Draws the basemap of a frame from the data folder: relief, land and water, regions, rivers,
/// roads, rail, sea lanes, borders and coastline, choosing the level of detail by scale.
/// Records the attribution of every dataset it drew.
public final class BasemapRenderer {
    public let data: DataDirectory
    public let style: MapStyle
    /// Layers to draw; all by default.
    public var layers: Set<BasemapLayer> = BasemapLayer.defaults
    /// A locator (inset) map: land and the chosen layers only, no lakes or coastline.
    public var locator = false
    /// Projected layers shared with other maps of the same projection and area, when given.
    public var cache: ProjectedLayerCache?
    /// The story's countries (ISO 3166 alpha-2): when given, the land of every other country is
    /// veiled, so that the countries the story is about stand out.
    public var highlight: Set<String> = []
    /// On an SVG canvas, draw each layer as its own named group (`basemap-borders`, ...) under the
    /// map, for designers; set for a map's own basemap, not for an inset's.
    public var svgLayers = false
    /// Dataset ids drawn so far, in drawing order, for the attribution line.
    public private(set) var drawn: [String] = []
    /// False to read and frame every layer (and record what is drawn) without drawing it: for
    /// a label layout, which no basemap pixel changes.
    public var drawsPixels = true
    /// Threads the layers are read, projected and drawn on (in bands), and the relief warped on.
    public var threads = Threads.allCores

    public init(data: DataDirectory, style: MapStyle = MapStyle()) {
        self.data = data
        self.style = style
    }

    /// Maps whose frame spans less than this many km across use the large-scale set.
    public static let largeScaleLimitKm = 2_500.0
    /// Maps with more metres than this per pixel (or point) read the generalized `*_small`
    /// layers (simplified by ~2 km when the data was built), and above five times this the
    /// `*_tiny` ones (~10 km): under a pixel, and far fewer points.
    public static let generalizedAboveMetresPerPixel = 1_000.0

    /// The generalized level a frame draws: "_tiny", "_small" or "" (full detail), by its metres
    /// per pixel (or point).
    static func level(of frame: MapFrame) -> String { level(metresPerUnit: frame.unitsPerPixel) }

    /// The generalized level at `metresPerUnit`: "_tiny", "_small" or "".
    static func level(metresPerUnit m: Double) -> String {
        m > 5 * generalizedAboveMetresPerPixel ? "_tiny" : m > generalizedAboveMetresPerPixel ? "_small" : ""
    }

    /// Draws every selected layer into `canvas`, whose user units match `frame`.
    public func draw(_ frame: MapFrame, on canvas: Canvas) throws {
        drawn = []
        let pt = canvas.surface.dpi / 72 // user units per point
        let large = frame.kmAcross < BasemapRenderer.largeScaleLimitKm
        let small = BasemapRenderer.level(of: frame)
        // Read a box snapped outward to a coarse grid: maps of one view at different sizes (whose
        // title blocks shift the frame a little) then read, and share, the same features.
        let box = BasemapRenderer.snapped(frame.coveringBox)
        let reader = LayerReader(data: data)
        var painter = GeometryPainter(frame: frame, canvas: canvas)
        painter.antialias = .fast
        painter.lonLatTolerance = lonLatTolerance(frame)
        let trace = RenderTrace()
        let store = cache ?? ProjectedLayerCache(capacity: 64)
        let lineLayers = wantedLines(large: large, small: small)
        let framed = try prefetch(frame, box: box, polygons: locator ? ["land" + small] : ["land" + small, "lakes" + small], lines: lineLayers, into: store)
        trace.mark("prefetch (read, project, frame)")

        /// The layer under `key`, framed: as the prefetch left it, or projected (through the cache
        /// when there is one) by `make` and framed here.
        func framedLayer(_ key: String, _ make: () throws -> ProjectedLayerCache.Entry) throws -> ProjectedLayerCache.Entry {
            if let done = framed[key] { return done }
            return painter.framed(try store.value(key, make: make))
        }
        /// A layer's polygons in view, framed.
        func polygons(_ id: String, _ layer: String) throws -> [[[Coordinate]]] {
            try framedLayer(key(frame, box, id, layer)) {
                try BasemapRenderer.entry(id, layer, polygons: true, box: box, reader: reader, painter: painter)
            }.polygons
        }
        /// A layer's lines in view, framed; credits its dataset when anything is there.
        func read(_ id: String, _ layer: String) throws -> [[Coordinate]] {
            let lines = try framedLayer(key(frame, box, id, layer)) {
                try BasemapRenderer.entry(id, layer, polygons: false, box: box, reader: reader, painter: painter)
            }.lines
            if !lines.isEmpty { use(id) }
            return lines
        }

        // Everything is read and framed first, then drawn in order, in bands on all cores (Cairo's
        // strokes are most of a basemap's time); the drawing steps only read what is gathered here.
        // Each step is named for its layer: an SVG shows every layer as its own group.
        var steps: [(layer: String, draw: (GeometryPainter) throws -> Void)] = []
        var layer = "ocean"
        func add(_ draw: @escaping (GeometryPainter) throws -> Void) { steps.append((layer, draw)) }
        let (ocean, w, h) = (style.ocean, frame.width, frame.height)
        let land = try polygons("basemap", "land" + small)
        use("basemap")
        let relief = layers.contains(.relief) ? try reliefImage(frame, canvas: canvas, store: store) : nil
        if let relief, canvas.surface.kind == .image {
            use("relief")
            // On an image the relief, opaque and padded at the frame's edges, is the land as shaded
            // (`shadedLand`): it is laid over the whole frame and the sea filled over it, around the
            // land. The same pixels as the sea then the land filled with the relief, but a scaled
            // image without a mask is Pixman's fast path: half the time of filling the land with it.
            layer = "relief"
            add { p in p.canvas.paint(with: relief, x: 0, y: 0, width: w, height: h, padded: true) }
            layer = "ocean"
            add { p in p.canvas.setColor(ocean); p.fill(framed: land, outsideOf: Rect(x: 0, y: 0, width: w, height: h)) }
        } else {
            add { p in p.canvas.setColor(ocean); p.canvas.rectangle(0, 0, w, h); p.canvas.fill() }
            layer = "land"
            add { [style] p in p.canvas.setColor(style.land); p.fill(framed: land) }
            if let relief {
                use("relief")
                // Relief shades the land only; the sea stays flat. A PDF or SVG keeps the plain fill
                // under its photograph-like relief, for viewers that hide images.
                layer = "relief"
                add { p in p.fill(framed: land, with: relief) }
            }
        }
        if !locator {
            let lakes = try polygons("basemap", "lakes" + small)
            layer = "lakes"
            add { [style] p in p.canvas.setColor(style.lakes); p.fill(framed: lakes) }
        }
        if !highlight.isEmpty, !locator {
            let veiled = try framedLayer(key(frame, box, "basemap", veilLayer + small)) { [highlight] in
                try BasemapRenderer.veil(highlight, box: box, level: small, reader: reader, painter: painter)
            }.polygons
            if !veiled.isEmpty {
                layer = "other-countries"
                add { [style] p in p.canvas.setColor(style.otherCountries); p.fill(framed: veiled) }
            }
        }
        // The line layers, as the layer table says.
        for rule in rules(large: large) {
            let lod = rule.generalized ? small : ""
            let paths = try read(rule.dataset, rule.layer(atLevel: small))
            layer = rule.name
            for stroke in rule.strokes {
                var (color, width, dash) = (stroke.color, stroke.width * pt, stroke.dash.map { $0 * pt })
                if !lod.isEmpty {
                    guard let g = stroke.generalized else { continue }
                    (color, width, dash) = (color.withAlpha(color.a * g.alpha), width * g.width, [])
                }
                let cap = stroke.cap
                add { p in p.stroke(paths: paths, color: color, width: width, dash: dash, cap: cap) }
            }
        }
        trace.mark("read and frame")
        let gathered = steps
        if !drawsPixels { return }
        if svgLayers, canvas.surface.kind == .svg {
            // Consecutive steps of one layer make one group.
            var i = 0
            while i < gathered.count {
                let name = gathered[i].layer
                var j = i
                while j < gathered.count, gathered[j].layer == name { j += 1 }
                let group = gathered[i..<j]
                canvas.surface.addSVGUnderlay(try Surface.svgPart(id: "basemap-\(name)", width: canvas.surface.width, height: canvas.surface.height) { c in
                    var p = painter
                    p.canvas = c
                    for step in group { try step.draw(p) }
                })
                i = j
            }
        } else {
            try canvas.inBands(threads: threads) { band in
                var p = painter
                p.canvas = band
                for step in gathered { try step.draw(p) }
            }
        }
        trace.mark("draw")
        try canvas.check("draw basemap")
    }

    /// The datasets `draw` may credit for `frame`, known without reading them: the basemap's (its
    /// land), the relief when shown, and those of the layer table's rows at the frame's scale (a
    /// row with nothing in view is credited all the same).
    public func datasets(for frame: MapFrame) -> [String] {
        var ids = ["basemap"] + (layers.contains(.relief) ? ["relief"] : [])
        for rule in rules(large: frame.kmAcross < BasemapRenderer.largeScaleLimitKm) where !ids.contains(rule.dataset) {
            ids.append(rule.dataset)
        }
        return ids
    }

    /// The cache key of a layer read for `box` in the frame's projection (and simplified for it).
    func key(_ frame: MapFrame, _ box: BoundingBox, _ id: String, _ layer: String) -> String {
        "\(frame.projection.definition)|\(box)|\(id)|\(layer)|\(lonLatTolerance(frame))"
    }

    /// The lon/lat simplification of a locator map's layers, in degrees: a third of a pixel,
    /// rounded down to a power of two (so that locators of near sizes share their layers); none
    /// for other maps, whose level of detail is chosen by scale.
    func lonLatTolerance(_ frame: MapFrame) -> Double {
        guard locator else { return 0 }
        let third = frame.unitsPerPixel / 111_320 / 3
        return third > 0 && third.isFinite ? pow(2, log2(third).rounded(.down)) : 0
    }

    /// A layer read for `box` and projected by `painter`, as polygons or as lines.
    static func entry(_ id: String, _ layer: String, polygons: Bool, box: BoundingBox, reader: LayerReader,
                      painter: GeometryPainter) throws -> ProjectedLayerCache.Entry {
        let found = try reader.geometries(dataset: id, layer: layer, in: box)
        return polygons ? .polygons(painter.projectedPolygons(found)) : .lines(painter.projectedPaths(found))
    }

    /// The rows of the layer table this map draws: switched on, at this scale, with strokes.
    private func rules(large: Bool) -> [BasemapRule] {
        style.basemapRules.filter { rule in
            guard rule.layer.map(layers.contains) ?? true, !rule.strokes.isEmpty, !locator || rule.inLocator else { return false }
            switch rule.scale {
            case .any: return true
            case .regional: return large
            case .continental: return !large
            }
        }
    }

    /// The cache name of the veil over countries the story is not about (the level follows it).
    private var veilLayer: String { "countries-other-than:\(highlight.sorted().joined(separator: ","))" }

    /// The countries other than `highlight`, projected: the veil that lets the story's stand out.
    static func veil(_ highlight: Set<String>, box: BoundingBox, level: String, reader: LayerReader, painter: GeometryPainter) throws -> ProjectedLayerCache.Entry {
        let others = try reader.features(dataset: "basemap", layer: "countries" + level, in: box, columns: ["iso_a2"], limit: 10_000).filter { f in
            if case .text(let code) = f.values[0] { return !highlight.contains(code) }
            return true
        }
        return .polygons(painter.projectedPolygons(others.map(\.geometry)))
    }

    /// The (dataset, layer) line layers `draw` strokes, in its order.
    private func wantedLines(large: Bool, small: String) -> [(String, String)] {
        rules(large: large).map { ($0.dataset, $0.layer(atLevel: small)) }
    }

    /// Reads and projects the layers (and warps the relief) on `threads` into `store`, and frames
    /// them for `frame`, before the drawing, which is sequential, takes them: the framed layers by
    /// cache key (none on one thread). Each worker has its own datasets and PROJ transformation.
    /// A failure is left for the drawing to meet and report.
    private func prefetch(_ frame: MapFrame, box: BoundingBox, polygons: [String], lines: [(String, String)],
                          into store: ProjectedLayerCache) throws -> [String: ProjectedLayerCache.Entry] {
        enum Task { case polygons(String), lines(String, String), relief, veil }
        let tasks: [Task] = (layers.contains(.relief) ? [.relief] : []) + polygons.map { Task.polygons($0) } + (!highlight.isEmpty && !locator ? [.veil] : [])
            + lines.map { Task.lines($0.0, $0.1) }
        let workers = min(threads.count, tasks.count, 4)
        guard workers > 1 else { return [:] }
        let next = LockedCounter()
        let framed = Locked([String: ProjectedLayerCache.Entry]())
        let definition = frame.projection.definition
        // Read-only across the workers: the renderer's data folder, the frame's numbers, the tasks.
        let shared = UncheckedSendable((self, frame, tasks))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let (renderer, frame, tasks) = shared.value
            guard let projection = try? MapProjection(definition: definition) else { return }
            let own = MapFrame(copying: frame, projection: projection)
            let reader = LayerReader(data: renderer.data)
            var painter = GeometryPainter(frame: own, canvas: nil)
            painter.lonLatTolerance = renderer.lonLatTolerance(own)
            /// Projects (through the cache) and frames the layer under `key`.
            func prepare(_ key: String, _ make: () throws -> ProjectedLayerCache.Entry) {
                guard let entry = try? store.value(key, make: make) else { return }
                let done = painter.framed(entry)
                framed.withLock { $0[key] = done }
            }
            while let i = next.take(below: tasks.count) {
                switch tasks[i] {
                case .relief:
                    let (key, make) = renderer.shadedRelief(own, store: store)
                    _ = try? store.value(key, make: make)
                case .veil:
                    let level = BasemapRenderer.level(of: own)
                    prepare(renderer.key(frame, box, "basemap", renderer.veilLayer + level)) {
                        try BasemapRenderer.veil(renderer.highlight, box: box, level: level, reader: reader, painter: painter)
                    }
                case .polygons(let layer):
                    prepare(renderer.key(frame, box, "basemap", layer)) {
                        try BasemapRenderer.entry("basemap", layer, polygons: true, box: box, reader: reader, painter: painter)
                    }
                case .lines(let id, let layer):
                    prepare(renderer.key(frame, box, id, layer)) {
                        try BasemapRenderer.entry(id, layer, polygons: false, box: box, reader: reader, painter: painter)
                    }
                }
            }
        }
        return framed.withLock { $0 }
    }

    /// `box` grown outward to multiples of a power-of-two step about an eighth of its size.
    static func snapped(_ box: BoundingBox) -> BoundingBox {
        let size = max(box.width, box.height, 1e-6)
        let step = pow(2, (log2(size / 8)).rounded(.down))
        return BoundingBox(west: (box.west / step).rounded(.down) * step, south: max(-90, (box.south / step).rounded(.down) * step),
                           east: (box.east / step).rounded(.up) * step, north: min(90, (box.north / step).rounded(.up) * step))
    }

    /// The attribution line for everything drawn: each dataset's text once, in drawing order.
    public func attribution() throws -> String { try data.manifest().attribution(of: drawn) }

    /// Records `id` for the attribution.
    private func use(_ id: String) {
        if !drawn.contains(id) { drawn.append(id) }
    }

    /// The relief warp of a frame: its cache key, size and maker. At most ~0.5 Mpx: relief is a
    /// soft background and Cairo scales it to the frame; the source has 30 pixels a degree, and
    /// warping finer than ~2 target pixels per source pixel adds nothing.
    private func reliefWarp(_ frame: MapFrame) -> (key: String, w: Int, h: Int, make: () throws -> ProjectedLayerCache.Entry) {
        let pixels = frame.width * frame.height
        let degreesAcross = max(frame.coveringBox.width, frame.coveringBox.height * frame.width / max(frame.height, 1))
        let f = min(1, (500_000 / max(pixels, 1)).squareRoot(), degreesAcross * 60 / frame.width)
        let w = max(1, Int(frame.width * f)), h = max(1, Int(frame.height * f))
        let make = { () throws -> ProjectedLayerCache.Entry in
            let pyramid = try ReliefPyramid(path: try self.data.path(of: "relief"))
            let bands = ReliefWarp.warp(pyramid, projection: frame.projection, window: [frame.minX, frame.minY, frame.maxX, frame.maxY],
                                        width: w, height: h, threads: self.threads)
            return .raster(width: w, height: h, bands: bands)
        }
        // The same window at the same size (the dated frames of one view) shares one warp.
        return ("relief|\(frame.projection.definition)|\(frame.minX),\(frame.minY),\(frame.maxX),\(frame.maxY)|\(w)x\(h)", w, h, make)
    }

    /// The shaded land of the frame, as an image (JPEG attached for PDF and SVG, where it is
    /// embedded as a soft photograph-like background).
    private func reliefImage(_ frame: MapFrame, canvas: Canvas, store: ProjectedLayerCache) throws -> ImageBuffer? {
        let (key, make) = shadedRelief(frame, store: store)
        guard case .raster(let w, let h, let shaded) = try store.value(key, make: make), shaded.count == 3 else { return nil }
        let image = try ImageBuffer(width: w, height: h, bands: shaded)
        if canvas.surface.kind != .image {
            image.attachJPEG(try JPEGEncoder.encode(bands: shaded, width: w, height: h))
        }
        return image
    }

    /// The cache key and maker of the frame's shaded land (`shadedLand` of its relief warp, which
    /// is cached on its own: themes share it).
    private func shadedRelief(_ frame: MapFrame, store: ProjectedLayerCache) -> (key: String, make: () throws -> ProjectedLayerCache.Entry) {
        let (key, w, h, make) = reliefWarp(frame)
        let (land, tint) = (style.land, style.landTint)
        let shadedKey = "\(key)|shaded \([land.r, land.g, land.b, tint.r, tint.g, tint.b, tint.a, style.reliefAlpha]) \(style.reliefGrey)"
        return (shadedKey, { [style] in
            guard case .raster(_, _, let bands) = try store.value(key, make: make), bands.count == 4 || bands.count == 3 else {
                return .raster(width: w, height: h, bands: [])
            }
            return .raster(width: w, height: h, bands: BasemapRenderer.shadedLand(bands, style: style))
        })
    }

    /// The land as the relief shades it, opaque RGB: the warped relief (grey in a grey-relief
    /// theme) over the land colour at the style's relief alpha times the pixel's own (0 off the
    /// projection's domain), then the land tint over both. Blended once per relief pixel, it is
    /// what drawing the land, the scaled relief and the tint one over another gives but for
    /// rounding (scaling is linear), in one fill instead of a clip and two passes over the map.
    static func shadedLand(_ bands: [[UInt8]], style: MapStyle) -> [[UInt8]] {
        let count = bands[0].count
        let (land, tint) = (style.land, style.landTint)
        /// One channel of a relief value `v` drawn at alpha `a` over `under`, tinted with `over`.
        func channel(_ v: Double, _ a: Double, _ under: Double, _ over: Double) -> UInt8 {
            let shaded = under * 255 * (1 - a) + v * a
            let tinted = shaded * (1 - tint.a) + over * 255 * tint.a
            return UInt8(max(0, min(255, tinted.rounded())))
        }
        // Opaque relief pixels (all but the edge of the projection's domain) read a table a channel.
        let full = style.reliefAlpha
        let alpha = bands.count == 4 ? bands[3] : nil
        // A grey-relief theme shades every channel by the Rec. 709 luma.
        let luma: [UInt8]? = !style.reliefGrey ? nil : (0..<count).map { i -> UInt8 in
            let (r, g, b) = (Double(bands[0][i]), Double(bands[1][i]), Double(bands[2][i]))
            return UInt8((0.2126 * r + 0.7152 * g + 0.0722 * b).rounded())
        }
        /// One band shaded over the land's `under` channel and tinted with `over`, pixel by pixel.
        func shade(_ band: [UInt8], _ under: Double, _ over: Double) -> [UInt8] {
            let table = (0..<256).map { channel(Double($0), full, under, over) }
            guard let alpha else { return band.map { table[Int($0)] } }
            return (0..<count).map { i in
                alpha[i] == 255 ? table[Int(band[i])] : channel(Double(band[i]), full * Double(alpha[i]) / 255, under, over)
            }
        }
        return [shade(luma ?? bands[0], land.r, tint.r), shade(luma ?? bands[1], land.g, tint.g), shade(luma ?? bands[2], land.b, tint.b)]
    }
}

/// The basemap layers a map can show.
public enum BasemapLayer: String, CaseIterable, Sendable {
    case relief, regions, rivers, roads, rail, seaLanes = "sea-lanes", borders

    /// What a map shows unless it names its layers: everything but the sea-lane network, which
    /// would read as routes (a story's sea legs are drawn on their own).
    public static let defaults: Set<BasemapLayer> = Set(allCases).subtracting([.seaLanes])
}

extension Color {
    /// The same colour with alpha `a`.
    public func withAlpha(_ a: Double) -> Color { Color(r: r, g: g, b: b, a: a) }
}
