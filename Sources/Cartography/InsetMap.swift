import Graphics
import Bindings
import GeoCore
import PosixBindings
import DataCatalog

/// A small locator map: a wider area around the main map in outline, with the main map's frame
/// drawn on it in red.
struct InsetMap {
    let data: DataDirectory
    let style: MapStyle
    let canvas: Canvas
    var cache: ProjectedLayerCache?
    var threads = Threads.allCores

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

    /// Draws the inset into `box` (user units of the canvas) for a main map in `main`;
    /// returns the dataset ids it drew for the attribution.
    func draw(in box: Rect, main: MapFrame) throws -> [String] {
        let area = InsetMap.extent(around: main.extent)
        let projection = try MapProjection.automatic(for: area)
        let frame = try MapFrame(extent: area, projection: projection, width: box.width, height: box.height)
        let basemap = BasemapRenderer(data: data, style: style)
        basemap.layers = [.borders]
        basemap.locator = true
        basemap.cache = cache
        basemap.threads = threads
        // The main map's lon/lat extent (its frame may reach over the pole on large maps).
        let e = main.extent
        let lonlat = [Coordinate(lon: e.west, lat: e.south), Coordinate(lon: e.west + e.width, lat: e.south),
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
        return basemap.drawn
    }
}
