import Bindings
import GeoCore

/// Where a map's lon/lat extent lands on the page: projected bounds and the affine step to pixels
/// (or points). Keeps the aspect ratio of the projected extent, centring it in the frame.
public struct MapFrame {
    public let projection: MapProjection
    /// The lon/lat box asked for.
    public let extent: BoundingBox
    /// Projected bounds actually shown (the asked box, widened to the frame's aspect ratio).
    public let minX: Double, minY: Double, maxX: Double, maxY: Double
    /// Output size in user units (pixels or points).
    public let width: Double, height: Double
    /// Projected units (metres) per user unit.
    public let unitsPerPixel: Double
    /// Width over height of the extent as projected (1 for a window): what size fits it exactly.
    public private(set) var extentAspect = 1.0

    /// Fits `extent` into a `width` x `height` frame in `projection`, between `top` and `bottom`
    /// user units kept free for furniture (the map still fills the whole frame).
    public init(extent: BoundingBox, projection: MapProjection, width: Double, height: Double, top: Double = 0, bottom: Double = 0) throws {
        self.projection = projection
        self.extent = extent
        self.width = width
        self.height = height
        // Project a densified outline of the box: edges of a lon/lat box curve in conic projections.
        var outline: [Coordinate] = []
        let n = 32
        for i in 0...n {
            let t = Double(i) / Double(n)
            let lon = extent.west + extent.width * t
            let lat = extent.south + extent.height * t
            outline += [Coordinate(lon: lon, lat: extent.south), Coordinate(lon: lon, lat: extent.north),
                        Coordinate(lon: extent.west, lat: lat), Coordinate(lon: extent.west + extent.width, lat: lat)]
        }
        let projected = projection.project(outline).compactMap { $0 }
        guard projected.count == outline.count else {
            throw CairoError(operation: "fit map", message: "\(outline.count - projected.count) of \(outline.count) points on the edge of \(extent) fall outside \(projection.definition)")
        }
        guard let b = BoundingBox(enclosing: projected), b.width > 0, b.height > 0 else {
            throw CairoError(operation: "fit map", message: "the extent \(extent) cannot be shown in \(projection.definition)")
        }
        extentAspect = b.width / b.height
        let band = max(height * 0.5, height - top - bottom)
        let scale = max(b.width / width, b.height / band)
        let cx = (b.west + b.east) / 2, cy = (b.south + b.north) / 2
        let bandCentre = min(top, height - band) + band / 2
        minX = cx - scale * width / 2; maxX = cx + scale * width / 2
        maxY = cy + scale * bandCentre; minY = maxY - scale * height
        unitsPerPixel = scale
    }

    /// A frame showing the projected `window` [minX, minY, maxX, maxY], widened to the frame's
    /// aspect ratio about its centre; `extent` becomes the lon/lat box around it.
    public init(window: [Double], projection: MapProjection, width: Double, height: Double) throws {
        guard window.count == 4, window[0] < window[2], window[1] < window[3] else {
            throw CairoError(operation: "fit map", message: "window \(window) is not [minX, minY, maxX, maxY]")
        }
        self.projection = projection
        self.width = width
        self.height = height
        let scale = max((window[2] - window[0]) / width, (window[3] - window[1]) / height)
        let cx = (window[0] + window[2]) / 2, cy = (window[1] + window[3]) / 2
        minX = cx - scale * width / 2; maxX = cx + scale * width / 2
        minY = cy - scale * height / 2; maxY = cy + scale * height / 2
        unitsPerPixel = scale
        var border: [Coordinate] = []
        for i in 0...16 {
            let t = Double(i) / 16
            border += [Coordinate(lon: minX + (maxX - minX) * t, lat: minY), Coordinate(lon: minX + (maxX - minX) * t, lat: maxY),
                       Coordinate(lon: minX, lat: minY + (maxY - minY) * t), Coordinate(lon: maxX, lat: minY + (maxY - minY) * t)]
        }
        guard let box = BoundingBox(enclosing: projection.unproject(border).compactMap { $0 }) else {
            throw CairoError(operation: "fit map", message: "window \(window) lies outside \(projection.definition)")
        }
        extent = box
    }

    /// The same frame with another (equal) projection object: PROJ transformations are not shared
    /// between threads, so each worker projects with its own.
    init(copying other: MapFrame, projection: MapProjection) {
        self.projection = projection
        extent = other.extent
        minX = other.minX; minY = other.minY; maxX = other.maxX; maxY = other.maxY
        width = other.width; height = other.height
        unitsPerPixel = other.unitsPerPixel
    }

    /// Projected point to frame coordinates (y down).
    @inline(__always)
    public func toFrame(_ p: Coordinate) -> Coordinate {
        Coordinate(lon: (p.lon - minX) / unitsPerPixel, lat: (maxY - p.lat) / unitsPerPixel)
    }

    /// Lon/lat points to frame coordinates; points the projection cannot take are dropped.
    public func frame(_ points: [Coordinate]) -> [Coordinate] {
        projection.project(points).compactMap { $0.map(toFrame) }
    }

    /// A lon/lat box covering the frame, for spatial filters: the frame's border sampled and
    /// inverse-projected, longitudes unrolled around the central meridian (so west may be < -180
    /// or east > 180), plus a margin. Falls back to the asked extent grown by half its size.
    public var coveringBox: BoundingBox {
        var border: [Coordinate] = []
        let n = 24
        for i in 0...n {
            let t = Double(i) / Double(n)
            let x = minX + (maxX - minX) * t, y = minY + (maxY - minY) * t
            border += [Coordinate(lon: x, lat: minY), Coordinate(lon: x, lat: maxY),
                       Coordinate(lon: minX, lat: y), Coordinate(lon: maxX, lat: y)]
        }
        let c = projection.centralMeridian
        let back = projection.unproject(border).compactMap { $0 }.map {
            Coordinate(lon: c + Coordinate.normalizeLongitude($0.lon - c), lat: $0.lat)
        }
        guard back.count == border.count, var box = BoundingBox(enclosing: back) else {
            return extent.expanded(by: max(extent.width, extent.height) * 0.5)
        }
        let m = max(box.width, box.height) * 0.02 + 0.01
        box = BoundingBox(west: box.west - m, south: max(-90, box.south - m), east: box.east + m, north: min(90, box.north + m))
        return box
    }
}
