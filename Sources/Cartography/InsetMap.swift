import Graphics
import Bindings
import GeoCore
import PosixBindings
import DataCatalog
import Dispatch

/// A small locator map: a wider area around the main map in outline, with the main map's frame
/// drawn on it in red.
struct InsetMap {
    let data: DataDirectory
    let style: MapStyle
    let canvas: Canvas
    var cache: ProjectedLayerCache?
    var threads = Threads.allCores
    /// The layers being read ahead (`start`), which `draw` waits for.
    var prepared: Pending?

    /// The area an inset shows around `extent`: three times as wide and tall, at least 30 degrees
    /// across, clamped to the globe.
    static func extent(around extent: BoundingBox) -> BoundingBox {
        let grow = max(extent.width, extent.height, 30 - min(extent.width, extent.height))
        let c = extent.center
        let half = min(180, max(extent.width, extent.height) / 2 + grow)
        let south = max(-80, c.lat - half * 0.6), north = min(84, c.lat + half * 0.6)
        // The whole world, centred on the map so that its frame does not cross the seam.
        if half >= 90 { return BoundingBox(west: c.lon - 180, south: -60, east: c.lon + 180, north: 84) }
        return BoundingBox(west: c.lon - half, south: south, east: c.lon + half, north: north)
    }

    /// The inset's box on a canvas of `pt` user units a point for a main map in `frame`: a fifth of
    /// the map's width (90 pt at least) in its top-right corner, `margin` in from its edges.
    static func box(main frame: MapFrame, pt: Double, margin: Double) -> Rect {
        let w = max(90 * pt, frame.width * 0.2), h = w * 0.72
        return Rect(x: frame.width - w - margin, y: margin, width: w, height: h)
    }

    /// The frame of an inset drawn into `box` for a main map in `main`.
    static func frame(in box: Rect, main: MapFrame) throws -> MapFrame {
        let area = InsetMap.extent(around: main.outline().flatMap { BoundingBox(enclosing: $0) } ?? main.extent)
        return try MapFrame(extent: area, projection: try MapProjection.automatic(for: area), width: box.width, height: box.height)
    }

    /// The inset's basemap, without the canvas: its locator layers.
    private func basemap(threads: Threads) -> BasemapRenderer {
        let basemap = BasemapRenderer(data: data, style: style)
        basemap.layers = [.borders]
        basemap.locator = true
        basemap.cache = cache
        basemap.threads = threads
        return basemap
    }

    /// Starts reading and projecting the layers of the inset in `box` into `cache` on another
    /// thread, while the main map's scene is drawn: `draw` then only frames and draws them. `wait` for it
    /// before drawing (the cache does not hold back a second reader of a layer being made).
    func start(in box: Rect, main: MapFrame, dpi: Double) -> Pending {
        let pending = Pending()
        let shared = UncheckedSendable((self, main.projection.definition, MapFrame(copying: main, projection: main.projection)))
        pending.group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            let (inset, definition, copy) = shared.value
            // Made in full on this thread: the main map's projection stays with the main map's.
            if let own = try? MapProjection(definition: definition), let frame = try? InsetMap.frame(in: box, main: MapFrame(copying: copy, projection: own)),
               let canvas = try? Canvas(try Surface.image(width: 1, height: 1, dpi: dpi)) {
                let basemap = inset.basemap(threads: .one)
                basemap.drawsPixels = false
                // A failure is left for the drawing to meet and report.
                try? basemap.draw(frame, on: canvas)
            }
            pending.group.leave()
        }
        return pending
    }

    /// An inset's layers being read on another thread.
    final class Pending: @unchecked Sendable {
        let group = DispatchGroup()
        /// Returns once the layers are in the cache.
        func wait() { group.wait() }
    }

    /// The datasets the inset credits, known before it is drawn (a map's footer is set before its
    /// labels, the inset last): those its basemap may draw at the inset's scale.
    func datasets(in box: Rect, main: MapFrame) throws -> [String] {
        basemap(threads: .one).datasets(for: try InsetMap.frame(in: box, main: main))
    }

    /// Draws the inset into `box` (user units of the canvas) for a main map in `main`.
    func draw(in box: Rect, main: MapFrame) throws {
        prepared?.wait()
        let frame = try InsetMap.frame(in: box, main: main)
        let basemap = basemap(threads: threads)
        // The main map's frame as drawn (wider than its extent when the frame's shape widened
        // it), or, where its corners are off the projection, its lon/lat extent.
        let e = main.extent
        let lonlat = main.outline() ?? [Coordinate(lon: e.west, lat: e.south), Coordinate(lon: e.west + e.width, lat: e.south),
                                        Coordinate(lon: e.west + e.width, lat: e.north), Coordinate(lon: e.west, lat: e.north)]
        let painter = GeometryPainter(frame: frame, canvas: canvas)
        try canvas.withState {
            canvas.translate(box.x, box.y)
            canvas.newPath()
            canvas.rectangle(0, 0, box.width, box.height)
            canvas.clip()
            try basemap.draw(frame, on: canvas)
            painter.stroke([.polygon([lonlat + lonlat.prefix(1)])], color: style.hostile, width: 1.4 * canvas.surface.dpi / 72)
        }
        canvas.withState {
            canvas.newPath()
            canvas.rectangle(box.x, box.y, box.width, box.height)
            canvas.setColor(style.panelBorder)
            canvas.setLineWidth(0.8 * canvas.surface.dpi / 72)
            canvas.stroke()
        }
    }
}
