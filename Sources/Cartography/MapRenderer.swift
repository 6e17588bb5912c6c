import Graphics
import Bindings
import Foundation
import GeoCore
import PosixBindings
import DataCatalog

/// Renders a `MapRequest` to PNG, PDF or SVG: basemap, title and the attribution of every layer drawn.
/// Files are written atomically; the same request gives the same bytes.
public final class MapRenderer {
    public let data: DataDirectory
    public let style: MapStyle
    /// Problems that did not stop the map, such as text no installed font can draw.
    public private(set) var warnings: [String] = []

    /// Projected basemap layers shared with other renderers (a batch's workers), when given.
    public var cache: ProjectedLayerCache?
    /// Threads one map is drawn and encoded on: every core for a map drawn alone, one for each
    /// item of a batch whose workers keep every core busy.
    public var threads = Threads.allCores

    public init(data: DataDirectory, style: MapStyle = MapStyle(), cache: ProjectedLayerCache? = nil) {
        self.data = data
        self.style = style
        self.cache = cache
    }

    /// Draws `request` (with `scene` over the basemap, when given) into `path` (format by extension).
    @discardableResult
    public func render(_ request: MapRequest, scene: MapScene? = nil, to path: String) throws -> MapReport {
        let format = try MapFormat(path: path)
        guard (16...Surface.maxImageSide).contains(request.width), (16...Surface.maxImageSide).contains(request.height) else {
            throw MapError.badSize(request.width, request.height)
        }
        let ptPerPx = 72 / request.dpi
        let surface: Surface
        switch format {
        case .png: surface = try Surface.image(width: request.width, height: request.height, dpi: request.dpi)
        case .pdf: surface = try Surface.pdf(path: path, width: Double(request.width) * ptPerPx, height: Double(request.height) * ptPerPx)
        case .svg: surface = try Surface.svg(path: path, width: Double(request.width) * ptPerPx, height: Double(request.height) * ptPerPx)
        }
        surface.setPDFMetadata(title: request.title ?? "GeoBrief map", author: "GeoBrief", subject: request.altText ?? "")
        if let alt = request.altText { surface.setSVGDescription(title: request.title ?? "GeoBrief map", description: alt) }
        let canvas = try Canvas(surface)
        let trace = RenderTrace()
        let report = try draw(request, scene: scene, on: canvas)
        trace.mark("draw \(format)")
        if format == .png { try surface.writePNG(to: path, threads: threads) } else { try surface.finish() }
        trace.mark("encode \(format)")
        return report
    }

    /// Draws `request` (and `scene`) onto an existing canvas covering the whole surface.
    @discardableResult
    public func draw(_ request: MapRequest, scene: MapScene? = nil, on canvas: Canvas) throws -> MapReport {
        try draw(request, scene: scene, on: canvas, width: canvas.surface.width, height: canvas.surface.height)
    }

    /// Draws `request` (and `scene`) into the `width` x `height` box at the canvas's origin
    /// (translate the canvas to place it on a page).
    @discardableResult
    public func draw(_ request: MapRequest, scene: MapScene? = nil, on canvas: Canvas, width w: Double, height h: Double) throws -> MapReport {
        guard let alt = request.altText else { return try drawMap(request, scene: scene, on: canvas, width: w, height: h) }
        return try canvas.figure(alternateText: alt) { try drawMap(request, scene: scene, on: canvas, width: w, height: h) }
    }

    /// Where the labels of `request`'s map with `scene` go (its report), without the basemap's
    /// pixels, which no label depends on: the plan that the dated frames of a view follow.
    public func labelLayout(_ request: MapRequest, scene: MapScene) throws -> MapReport {
        let canvas = try Canvas(try Surface.image(width: request.width, height: request.height, dpi: request.dpi))
        return try drawMap(request, scene: scene, on: canvas, width: Double(request.width), height: Double(request.height), basemapPixels: false)
    }

    private func drawMap(_ request: MapRequest, scene: MapScene?, on canvas: Canvas, width w: Double, height h: Double,
                         basemapPixels: Bool = true) throws -> MapReport {
        let (frame, band) = try layout(request, scene: scene, on: canvas, width: w, height: h)
        // A PDF's map frame is georeferenced: readers measure on it, GDAL reads its system.
        if canvas.surface.kind == .pdf, let points = frame.controlPoints(), let wkt = frame.projection.wkt {
            canvas.georeference(width: w, height: h, points: points, wkt: wkt)
        }
        let basemap = basemapRenderer(request, scene: scene)
        basemap.drawsPixels = basemapPixels
        let trace = RenderTrace()
        // The basemap's names are read on the other core while the basemap is drawn.
        let pt = canvas.surface.dpi / 72
        let reference = startReference(scene, frame: frame, pointsAcross: w / pt)
        defer { _ = try? reference?.wait() }
        try canvas.withState {
            canvas.rectangle(0, 0, w, h)
            canvas.clip()
            try basemap.draw(frame, on: canvas)
        }
        trace.mark("basemap (read, project, draw)")
        // The inset's layers are read on the other core while the scene is laid out and drawn
        // (not while the basemap is, which keeps every core busy).
        let inset = basemapPixels ? startInset(scene, frame: frame, on: canvas) : nil
        defer { inset?.prepared?.wait() }
        if let scene {
            defer { trace.mark("scene (overlays, labels, furniture)") }
            return try drawScene(scene, frame: frame, band: band, datasets: basemap.drawn, reference: reference, inset: inset,
                                 on: canvas, width: w, height: h)
        }
        if let title = request.title, !title.isEmpty {
            let t = try TextLayout(title, style: style.title, on: canvas, width: w - 24 * pt)
            if t.missingGlyphs > 0 {
                warnings.append("the title has \(t.missingGlyphs) character(s) that no installed font covers; they show as boxes (install a font for that script, e.g. from fonts-noto)")
            }
            t.draw(x: 12 * pt, y: 10 * pt, halo: .white, haloWidth: 2.5 * pt)
        }
        let attribution = try basemap.attribution()
        try drawAttribution(attribution, on: canvas, width: w, height: h)
        try canvas.check("draw map")
        return MapReport(attribution: attribution)
    }

    /// The frame of `request` in a `w` x `h` box, and the bands the scene's title block and
    /// footer keep clear (the map's extent goes between them).
    func layout(_ request: MapRequest, scene: MapScene?, on canvas: Canvas, width w: Double, height h: Double) throws -> (MapFrame, (top: Double, bottom: Double)) {
        var frame = try request.frame(width: w, height: h)
        var band: (top: Double, bottom: Double) = (0, 0)
        if let scene, request.window == nil {
            // The extent goes between the title block and the footer, not under them; the dated
            // frames of a view keep its complete map's bands, so that the map stays in place.
            let pt = canvas.surface.dpi / 72
            band = try scene.plan.map { ($0.band.top * pt, $0.band.bottom * pt) }
                ?? SceneRenderer.reservedBand(scene, style: style, canvas: canvas, provisional: frame)
            frame = try MapFrame(extent: request.extent, projection: frame.projection, width: w, height: h, top: band.top, bottom: band.bottom)
        }
        return (frame, band)
    }

    /// Starts reading the basemap's names for `scene` on another core; nil when it shows none.
    private func startReference(_ scene: MapScene?, frame: MapFrame, pointsAcross: Double) -> ReferenceLabelReader.Pending? {
        guard let scene, scene.reference else { return nil }
        return ReferenceLabelReader(data: data).start(for: frame, pointsAcross: pointsAcross, language: scene.language,
                                                      storyPoints: scene.storyPoints, threads: threads)
    }

    /// Starts reading the layers of `scene`'s inset on another thread; nil when it has none, or
    /// when the map has one thread (a batch's item, whose siblings keep the other cores busy).
    private func startInset(_ scene: MapScene?, frame: MapFrame, on canvas: Canvas) -> InsetMap? {
        guard let scene, scene.inset, threads.count > 1 else { return nil }
        // The layers read ahead are handed over in a cache: the batch's, or one of the inset's own.
        var inset = InsetMap(data: data, style: style, canvas: canvas, cache: cache ?? ProjectedLayerCache(capacity: 8), threads: threads)
        let furniture = MapFurniture(canvas: canvas, style: style, frame: frame)
        let box = InsetMap.box(main: frame, pt: canvas.surface.dpi / 72, margin: furniture.margin)
        inset.prepared = inset.start(in: box, main: frame, dpi: canvas.surface.dpi)
        return inset
    }

    private func basemapRenderer(_ request: MapRequest, scene: MapScene?) -> BasemapRenderer {
        let basemap = BasemapRenderer(data: data, style: style)
        basemap.layers = request.layers
        basemap.cache = cache
        basemap.threads = threads
        basemap.svgLayers = true
        basemap.highlight = scene?.highlight ?? []
        return basemap
    }

    private func drawScene(_ scene: MapScene, frame: MapFrame, band: (top: Double, bottom: Double), datasets: [String],
                           reference: ReferenceLabelReader.Pending?, inset: InsetMap? = nil, on canvas: Canvas,
                           width w: Double, height h: Double) throws -> MapReport {
        let report = try canvas.withState {
            canvas.rectangle(0, 0, w, h)
            canvas.clip()
            return try SceneRenderer(data: data, style: style, canvas: canvas, frame: frame, cache: cache, threads: threads)
                .draw(scene, basemapDatasets: datasets, reference: reference, inset: inset)
        }
        warnings += report.warnings
        var withBand = report
        withBand.band = band
        return withBand
    }

    /// Draws the basemap of `request` once, laid out for `scene` (with its plan, when it has
    /// one), on an image of the request's size: the frames of an animation draw their scenes over it.
    public func snapshot(_ request: MapRequest, scene: MapScene) throws -> BasemapSnapshot {
        let surface = try Surface.image(width: request.width, height: request.height, dpi: request.dpi)
        let canvas = try Canvas(surface)
        let (w, h) = (Double(request.width), Double(request.height))
        let (frame, band) = try layout(request, scene: scene, on: canvas, width: w, height: h)
        let basemap = basemapRenderer(request, scene: scene)
        let reference = startReference(scene, frame: frame, pointsAcross: w / (request.dpi / 72))
        try basemap.draw(frame, on: canvas)
        try canvas.check("draw the basemap")
        return BasemapSnapshot(image: try ImageBuffer(copying: surface), frame: frame, band: band, datasets: basemap.drawn,
                               reference: try reference?.wait() ?? [])
    }

    /// Draws `scene` over `snapshot`'s basemap on `canvas` (an image of the snapshot's size).
    @discardableResult
    public func draw(_ scene: MapScene, over snapshot: BasemapSnapshot, on canvas: Canvas) throws -> MapReport {
        let (w, h) = (Double(snapshot.image.width), Double(snapshot.image.height))
        canvas.setColor(.white)
        canvas.paint()
        canvas.draw(snapshot.image, x: 0, y: 0, width: w, height: h)
        let report = try drawScene(scene, frame: snapshot.frame, band: snapshot.band, datasets: snapshot.datasets,
                                   reference: .resolved(snapshot.reference), on: canvas, width: w, height: h)
        try canvas.check("draw map")
        return report
    }

    private func drawAttribution(_ text: String, on canvas: Canvas, width w: Double, height h: Double) throws {
        let pt = canvas.surface.dpi / 72
        let layout = try TextLayout(text, style: style.attribution, on: canvas, width: w * 0.7, alignment: .right)
        let e = layout.extents
        let pad = 3 * pt
        let x = w - e.width - pad * 2 - 4 * pt, y = h - e.height - pad * 2 - 4 * pt
        canvas.setColor(Color.white.withAlpha(0.8))
        canvas.rectangle(x, y, e.width + pad * 2, e.height + pad * 2)
        canvas.fill()
        layout.draw(x: x + pad - e.x, y: y + pad)
    }
}

/// A basemap drawn once with what a scene needs to be drawn over it: its frame, the bands kept
/// for the title block and footer, the datasets drawn (for the attribution), the reference names.
public struct BasemapSnapshot {
    public let image: ImageBuffer
    public let frame: MapFrame
    let band: (top: Double, bottom: Double)
    let datasets: [String]
    let reference: [ReferenceLabel]
}
