import Bindings
import Foundation
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

    /// The map's width in km at its scale: its projected width as drawn (not the extent's, which
    /// a frame of another shape widens: Rotterdam above Cape Town on a landscape map spans half the
    /// world, not the 1,900 km between their meridians).
    public var kmAcross: Double { width * unitsPerPixel / 1000 }
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
        guard let b = BoundingBox(enclosing: projected), b.width > 0, b.height > 0, b.width.isFinite, b.height.isFinite else {
            throw CairoError(operation: "fit map", message: "the extent \(extent) cannot be shown in \(projection.definition)")
        }
        try MapFrame.checkScale(of: projection, over: extent)
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
        let back = projection.unproject(border)
        guard back.allSatisfy({ $0 != nil }), let box = BoundingBox(enclosing: back.compactMap { $0 }) else {
            throw CairoError(operation: "fit map", message: "window \(window) lies (partly) outside what \(projection.definition) can show")
        }
        // The window must be the place it names: its border projected back lands where it was
        // (a window wider than the world wraps around and does not).
        let again = projection.project(back.compactMap { $0 })
        let tolerance = max(maxX - minX, maxY - minY) * 0.01
        for (p, q) in zip(border, again) {
            guard let q, abs(p.lon - q.lon) <= tolerance, abs(p.lat - q.lat) <= tolerance else {
                throw CairoError(operation: "fit map", message: "window \(window) is larger than what \(projection.definition) can show once: give a smaller window")
            }
        }
        extent = box
        try MapFrame.checkScale(of: projection, over: box)
    }

    /// The distance between two projected points.
    static func planar(_ a: Coordinate, _ b: Coordinate) -> Double {
        let dx = a.lon - b.lon, dy = a.lat - b.lat
        return (dx * dx + dy * dy).squareRoot()
    }

    /// The smallest extent a map shows, across (km).
    public static let minimumKm = 0.05
    /// How much a projection's scale may vary across a map before it cannot show it.
    public static let maximumScaleSpread = 20.0

    /// Refuses a projection that cannot show `extent` as a map: an extent smaller than 50 m, or a
    /// scale that varies more than twentyfold across it (a box near the antipode of an azimuthal
    /// projection's centre, smeared round the rim; `+proj=cea +lat_ts=90`, which squeezes every
    /// longitude to a point).
    static func checkScale(of projection: MapProjection, over extent: BoundingBox) throws {
        let c = extent.center
        let probes = [Coordinate(lon: extent.west, lat: c.lat), Coordinate(lon: extent.east, lat: c.lat),
                      Coordinate(lon: c.lon, lat: extent.south), Coordinate(lon: c.lon, lat: extent.north),
                      Coordinate(lon: extent.west, lat: extent.south), Coordinate(lon: extent.east, lat: extent.north),
                      Coordinate(lon: extent.west, lat: extent.north), Coordinate(lon: extent.east, lat: extent.south)]
        let across = Coordinate(lon: extent.west, lat: extent.south).greatCircleKm(to: Coordinate(lon: extent.east, lat: extent.north))
        guard across.isFinite, across >= minimumKm else {
            throw CairoError(operation: "fit map", message: String(format: "the extent is %.3g km across, under the %.2f km a map shows: give a larger one", across, minimumKm))
        }
        let projected = projection.project([c] + probes)
        guard let pc = projected[0] else {
            throw CairoError(operation: "fit map", message: "the centre of the extent falls outside \(projection.definition)")
        }
        var ratios: [Double] = []
        for (p, q) in zip(probes, projected.dropFirst()) {
            let ground = c.greatCircleKm(to: p)
            guard ground > across * 0.05 else { continue }
            guard let q else {
                throw CairoError(operation: "fit map", message: "part of the extent falls outside \(projection.definition)")
            }
            ratios.append(planar(pc, q) / ground)
        }
        // And the local scale east-west against north-south at each point: a map stretched twenty
        // times more one way than the other (near an azimuthal projection's antipode) is no map.
        let stepKm = max(across * 0.002, 0.001)
        // (Not near the poles, where a world projection's outline meets the pole line.)
        let seam = projection.centralMeridian + 180
        for p in [c] + probes where abs(p.lat) <= 80 && abs(Coordinate.normalizeLongitude(p.lon - seam)) > 1 {
            // The Tissot ellipse from the Jacobian (per km east and north): its axes are the
            // singular values, whatever way the ellipse is turned.
            let dLat = stepKm / 111.2, dLon = stepKm / (111.2 * max(0.01, cos(p.lat * .pi / 180)))
            // Steps towards the middle of the extent, so that none crosses its edge.
            let east = Coordinate(lon: p.lon + (p.lon > c.lon ? -dLon : dLon), lat: p.lat)
            let north = Coordinate(lon: p.lon, lat: p.lat + (p.lat > c.lat ? -dLat : dLat))
            let q = projection.project([p, east, north])
            guard let q0 = q[0], let qe = q[1], let qn = q[2] else { continue }
            let ke = p.greatCircleKm(to: east), kn = p.greatCircleKm(to: north)
            guard ke > 0, kn > 0 else { continue }
            let a = (qe.lon - q0.lon) / ke, b = (qn.lon - q0.lon) / kn, cc = (qe.lat - q0.lat) / ke, d = (qn.lat - q0.lat) / kn
            let t = a * a + b * b + cc * cc + d * d, det = abs(a * d - b * cc)
            let root = max(0, t * t - 4 * det * det).squareRoot()
            let major = ((t + root) / 2).squareRoot(), minor = ((t - root) / 2).squareRoot()
            guard major.isFinite, minor.isFinite, minor > 0, major / minor <= maximumScaleSpread else {
                throw CairoError(operation: "fit map", message: "\(projection.definition) cannot show \(extent): at \(p.lat),\(p.lon) it stretches the map "
                    + ((major / minor).isFinite ? String(format: "%.0f times", major / minor) : "infinitely") + " more one way than another (at most \(Int(maximumScaleSpread))); centre the projection on the view, or leave 'projection' out for a fitted one")
            }
        }
        guard let lo = ratios.min(), let hi = ratios.max(), lo.isFinite, hi.isFinite, lo > 0, hi / lo <= maximumScaleSpread else {
            throw CairoError(operation: "fit map", message: "\(projection.definition) cannot show this extent: its scale varies "
                + "more than \(Int(maximumScaleSpread))-fold across it; centre the projection on the view, or leave 'projection' out for a fitted one")
        }
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

    /// Four places in the frame and where they are on it (frame units, y down), for readers that
    /// georeference the map (a geospatial PDF): near the corners, moved inwards where a corner
    /// is off the projection's domain (the sky around a world map). Nil when none fit.
    public func controlPoints() -> [(x: Double, y: Double, place: Coordinate)]? {
        for inset in [0.1, 0.2, 0.3, 0.4] {
            let positions = [(inset, inset), (1 - inset, inset), (1 - inset, 1 - inset), (inset, 1 - inset)].map { (width * $0.0, height * $0.1) }
            let projected = positions.map { Coordinate(lon: minX + $0.0 * unitsPerPixel, lat: maxY - $0.1 * unitsPerPixel) }
            let places = projection.unproject(projected)
            // Each place must project back where it was taken (not a wrapped or folded inverse).
            let again = projection.project(places.map { $0 ?? Coordinate(lon: 0, lat: 0) })
            let fits = zip(zip(places, again), projected).allSatisfy { pair, p in
                guard pair.0 != nil, let q = pair.1 else { return false }
                return abs(q.lon - p.lon) <= unitsPerPixel * 0.01 && abs(q.lat - p.lat) <= unitsPerPixel * 0.01
            }
            if fits { return zip(positions, places).map { (x: $0.0, y: $0.1, place: $1!) } }
        }
        return nil
    }

    /// Lon/lat points to frame coordinates; points the projection cannot take are dropped.
    public func frame(_ points: [Coordinate]) -> [Coordinate] {
        projection.project(points).compactMap { $0.map(toFrame) }
    }

    /// The frame's border in lon/lat, clockwise from its top-left corner, `perSide` points a side,
    /// longitudes unrolled around the central meridian (so west may be < -180 or east > 180); nil
    /// when part of it is off the projection's domain (the corners of a world map).
    public func outline(perSide n: Int = 24) -> [Coordinate]? {
        let border = projectedBorder(perSide: n)
        let back = inverse(border).compactMap { $0 }
        return back.count == border.count ? unrolled(back) : nil
    }

    /// The frame's border in projected units, clockwise from its top-left corner, `n` points a
    /// side: the top, right, bottom and left edges, each in its own direction.
    private func projectedBorder(perSide n: Int) -> [Coordinate] {
        let ts = (0..<n).map { Double($0) / Double(n) }
        return ts.map { Coordinate(lon: minX + (maxX - minX) * $0, lat: maxY) }
            + ts.map { Coordinate(lon: maxX, lat: maxY - (maxY - minY) * $0) }
            + ts.map { Coordinate(lon: maxX - (maxX - minX) * $0, lat: minY) }
            + ts.map { Coordinate(lon: minX, lat: minY + (maxY - minY) * $0) }
    }

    /// Longitudes within half a turn of the central meridian.
    private func unrolled(_ points: [Coordinate]) -> [Coordinate] {
        let c = projection.centralMeridian
        return points.map { Coordinate(lon: c + Coordinate.normalizeLongitude($0.lon - c), lat: $0.lat) }
    }

    /// Projected points back to lon/lat, each only when the forward projection returns it to
    /// within a pixel: past a world map's outline some inverses answer all the same.
    public func inverse(_ projected: [Coordinate]) -> [Coordinate?] {
        let back = projection.unproject(projected)
        let forward = projection.project(back.map { $0 ?? Coordinate(lon: .nan, lat: .nan) })
        return projected.indices.map { i in
            guard let b = back[i], b.lon.isFinite, b.lat.isFinite, abs(b.lat) <= 90, let f = forward[i],
                  abs(f.lon - projected[i].lon) <= unitsPerPixel, abs(f.lat - projected[i].lat) <= unitsPerPixel else { return nil }
            return b
        }
    }

    /// A lon/lat box covering the frame, for spatial filters: the frame's border inverse-projected
    /// and unrolled as `outline` is, plus a margin; where a world map's corners have no place, what
    /// the inverse answers there still bounds the map. Falls back to the asked extent grown by half
    /// its size.
    public var coveringBox: BoundingBox {
        let border = projectedBorder(perSide: 24)
        let back = projection.unproject(border).compactMap { $0 }
        guard back.count == border.count, var box = BoundingBox(enclosing: unrolled(back)) else {
            return extent.expanded(by: max(extent.width, extent.height) * 0.5)
        }
        let m = max(box.width, box.height) * 0.02 + 0.01
        box = BoundingBox(west: box.west - m, south: max(-90, box.south - m), east: box.east + m, north: min(90, box.north + m))
        return box
    }
}
