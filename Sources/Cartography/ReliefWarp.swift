import PosixBindings
import DataCatalog
import Dispatch
import GeoCore

/// The shaded relief warped into a map's projection without GDAL: the centres of a coarse grid of
/// the output are projected back to longitude and latitude with PROJ, each pixel's position is
/// interpolated within its grid cell (or projected back exactly where a cell crosses the edge of
/// the projection's domain), and the pyramid level nearest the output's resolution is sampled
/// bilinearly — on all cores, with the same pixels at any core count.
public enum ReliefWarp {
    /// Grid step in output pixels: positions between nodes are interpolated.
    static let step = 8

    /// The projected window of an output: pixel centres, the coarse grid of their positions, and
    /// the width of the world in projected units when the projection repeats it east and west
    /// (cylindrical projections), so that a window across the antimeridian is covered.
    struct Grid {
        let window: [Double], width: Int, height: Int
        let sx: Double, sy: Double
        let nx: Int, ny: Int
        let period: Double?
        var nodes: [Coordinate?] = []

        init(projection: MapProjection, window: [Double], width: Int, height: Int) {
            (self.window, self.width, self.height) = (window, width, height)
            sx = (window[2] - window[0]) / Double(width)
            sy = (window[3] - window[1]) / Double(height)
            // Node (i, j) at the centre of pixel (i * step, j * step), one past each edge.
            nx = (width + ReliefWarp.step - 1) / ReliefWarp.step + 1
            ny = (height + ReliefWarp.step - 1) / ReliefWarp.step + 1
            let edges = projection.project([-179.999999, 179.999999].flatMap { lon in [0.0, 60.0].map { Coordinate(lon: lon, lat: $0) } })
            if let w0 = edges[0], let w60 = edges[1], let e0 = edges[2], let e60 = edges[3],
               abs((e0.lon - w0.lon) - (e60.lon - w60.lon)) <= 1e-6 * abs(e0.lon - w0.lon), abs(w0.lat - e0.lat) <= 1e-6 * abs(e0.lon - w0.lon) {
                period = (e0.lon - w0.lon) * 360 / 359.999998
            } else {
                period = nil
            }
            let (sx, sy, step) = (sx, sy, ReliefWarp.step)
            let xy = (0..<ny).flatMap { j in (0..<nx).map { i in Coordinate(lon: window[0] + (Double(i * step) + 0.5) * sx, lat: window[3] - (Double(j * step) + 0.5) * sy) } }
            nodes = checked(xy, projection: projection, tolerance: 0.5 * Double(step) * max(abs(sx), abs(sy)))
        }

        /// The projected centre of pixel (px, py).
        func centre(_ px: Int, _ py: Int) -> Coordinate {
            Coordinate(lon: window[0] + (Double(px) + 0.5) * sx, lat: window[3] - (Double(py) + 0.5) * sy)
        }

        /// The longitude and latitude of projected points; nil where the inverse fails or does not
        /// project forward to within `tolerance` of where it started (outside the domain, where
        /// some inverses answer anyway), allowing a whole turn of the world in a cylindrical one.
        func checked(_ points: [Coordinate], projection: MapProjection, tolerance: Double) -> [Coordinate?] {
            let lonLat = projection.unproject(points)
            let valid = lonLat.map { c in c.flatMap { $0.lon.isFinite && $0.lat.isFinite && abs($0.lat) <= 90 ? $0 : nil } }
            let forward = projection.project(valid.map { $0 ?? Coordinate(lon: .nan, lat: .nan) })
            return points.indices.map { n in
                guard let c = valid[n], let f = forward[n], abs(f.lat - points[n].lat) <= tolerance else { return nil }
                let dx = abs(f.lon - points[n].lon)
                guard dx <= tolerance || period.map({ abs(dx - $0) <= tolerance }) == true else { return nil }
                return c
            }
        }
    }

    /// The pyramid level `warp` samples for this output: the coarsest whose pixels are no larger
    /// than half an output pixel's footprint (median over the grid's cells).
    public static func level(_ pyramid: ReliefPyramid, projection: MapProjection, window: [Double], width: Int, height: Int) -> Int {
        let g = Grid(projection: projection, window: window, width: width, height: height)
        return levelIndex(pyramid, nodes: g.nodes, nx: g.nx, ny: g.ny)
    }

    /// RGBA bands of `width` x `height` covering the projected `window` (minX, minY, maxX, maxY);
    /// alpha 0 where the output lies outside the projection's domain. `level` forces a level of
    /// the pyramid (for tests); by default the one `level(...)` chooses. Rows are warped on up to
    /// `threads` threads, to the same pixels on any number.
    public static func warp(_ pyramid: ReliefPyramid, projection: MapProjection, window: [Double], width: Int, height: Int,
                            level forced: Int? = nil, threads: Threads = .allCores) -> [[UInt8]] {
        let grid = Grid(projection: projection, window: window, width: width, height: height)
        let (nodes, nx) = (grid.nodes, grid.nx)
        let index = min(pyramid.levels.count - 1, max(0, forced ?? levelIndex(pyramid, nodes: nodes, nx: nx, ny: grid.ny)))
        let level = pyramid.levels[index]
        // An output pixel wider than a pixel of the level (by up to 2, as the level is chosen) is
        // the mean of 2x2 samples a quarter of a pixel off its centre: the level's pixels are
        // averaged, not skipped, as GDAL's bilinear widens its kernel when it reduces.
        let footprint = footprintOf(pyramid, nodes: nodes, nx: nx, ny: grid.ny) / Double(1 << index)
        let supersampled = footprint > 1.25
        let offsets: [Double] = [-0.25, 0.25]

        let chunks = min(height, 64)
        // Each chunk of rows is computed on its own, as bands, and handed in under the lock.
        let results = Locked([(bands: Bands, misses: [Int])](repeating: (Bands(count: 0), []), count: chunks))
        threads.forEach(chunks) { c in
            let rows = (height * c / chunks)..<(height * (c + 1) / chunks)
            var out = Bands(count: rows.count * width)
            var misses: [Int] = []
            for y in rows {
                let j = y / step, fy = Double(y - j * step) / Double(step)
                let row = (y - rows.lowerBound) * width
                // Cell by cell along the row: its corners fetched once for its `step` pixels.
                for i in 0..<((width + step - 1) / step) {
                    let columns = (i * step)..<min(width, (i + 1) * step)
                    guard let cell = Cell(nodes, nx: nx, i: i, j: j) else {
                        misses.append(contentsOf: columns.map { y * width + $0 })
                        continue
                    }
                    for x in columns {
                        let fx = Double(x - i * step) / Double(step)
                        if !supersampled {
                            if let v = bilinear(pyramid, level, cell.position(fx: fx, fy: fy)) {
                                out.put(v, at: row + x)
                            } else {
                                misses.append(y * width + x)
                            }
                            continue
                        }
                        var sum = (0.0, 0.0, 0.0), n = 0.0
                        for oy in offsets {
                            for ox in offsets {
                                guard let v = bilinear(pyramid, level, cell.position(fx: fx + ox / Double(step), fy: fy + oy / Double(step))) else { continue }
                                sum = (sum.0 + v.0, sum.1 + v.1, sum.2 + v.2)
                                n += 1
                            }
                        }
                        guard n > 0 else { misses.append(y * width + x); continue }
                        out.put((sum.0 / n, sum.1 / n, sum.2 / n), at: row + x)
                    }
                }
            }
            results.withLock { $0[c] = (out, misses) }
        }
        let parts = results.withLock { $0 }
        // The chunks' rows, band by band, in order.
        var bands = Bands(count: 0)
        bands.reserve(width * height)
        for part in parts { bands.append(part.bands) }
        // Pixels whose cell crosses the domain's edge, projected back one by one.
        let misses = parts.flatMap(\.misses)
        let back = grid.checked(misses.map { grid.centre($0 % width, $0 / width) }, projection: projection, tolerance: 0.5 * max(abs(grid.sx), abs(grid.sy)))
        for (n, index) in misses.enumerated() {
            if let c = back[n], let v = bilinear(pyramid, level, c) { bands.put(v, at: index) }
        }
        return [bands.red, bands.green, bands.blue, bands.alpha]
    }

    /// Red, green, blue and alpha of pixels, each channel its own array (alpha 0 until a pixel is
    /// put).
    struct Bands {
        var red: [UInt8], green: [UInt8], blue: [UInt8], alpha: [UInt8]

        init(count: Int) {
            red = [UInt8](repeating: 0, count: count)
            (green, blue, alpha) = (red, red, red)
        }

        /// Writes an RGB value, rounded (half away from zero, as `rounded()`; the values are never
        /// negative), with alpha 255.
        @inline(__always)
        mutating func put(_ v: (Double, Double, Double), at k: Int) {
            red[k] = UInt8(min(255, max(0, v.0) + 0.5))
            green[k] = UInt8(min(255, max(0, v.1) + 0.5))
            blue[k] = UInt8(min(255, max(0, v.2) + 0.5))
            alpha[k] = 255
        }

        /// Room for `count` pixels in all.
        mutating func reserve(_ count: Int) {
            red.reserveCapacity(count); green.reserveCapacity(count); blue.reserveCapacity(count); alpha.reserveCapacity(count)
        }

        /// Appends the pixels of `other` after these.
        mutating func append(_ other: Bands) {
            red += other.red
            green += other.green
            blue += other.blue
            alpha += other.alpha
        }
    }

    /// The four nodes around a grid cell, longitudes unrolled across the antimeridian to within
    /// half a turn of the first's; nil when one of them is missing (off the projection's domain).
    struct Cell {
        let a: Coordinate, b: Coordinate, c: Coordinate, d: Coordinate

        @inline(__always)
        init?(_ nodes: [Coordinate?], nx: Int, i: Int, j: Int) {
            guard let a = nodes[j * nx + i], let b = nodes[j * nx + i + 1], let c = nodes[(j + 1) * nx + i], let d = nodes[(j + 1) * nx + i + 1] else { return nil }
            // The same longitude within half a turn of the first node's (no call to libm's round).
            @inline(__always) func near(_ p: Coordinate) -> Coordinate {
                let d = p.lon - a.lon
                return Coordinate(lon: d > 180 ? p.lon - 360 : d < -180 ? p.lon + 360 : p.lon, lat: p.lat)
            }
            (self.a, self.b, self.c, self.d) = (a, near(b), near(c), near(d))
        }

        /// The position at fractions (fx, fy) of the cell, bilinear between its nodes.
        @inline(__always)
        func position(fx: Double, fy: Double) -> Coordinate {
            let top = a.lon + (b.lon - a.lon) * fx, bottom = c.lon + (d.lon - c.lon) * fx
            let topLat = a.lat + (b.lat - a.lat) * fx, bottomLat = c.lat + (d.lat - c.lat) * fx
            return Coordinate(lon: top + (bottom - top) * fy, lat: topLat + (bottomLat - topLat) * fy)
        }
    }

    /// The median footprint of an output pixel over the grid's cells, in full-resolution pixels
    /// of the pyramid (1 when no cell is whole).
    static func footprintOf(_ pyramid: ReliefPyramid, nodes: [Coordinate?], nx: Int, ny: Int) -> Double {
        let full = pyramid.levels[0]
        let ppdX = Double(full.width) / (pyramid.east - pyramid.west), ppdY = Double(full.height) / (pyramid.north - pyramid.south)
        var footprints: [Double] = []
        for j in 0..<(ny - 1) {
            for i in 0..<(nx - 1) {
                guard let a = nodes[j * nx + i], let b = nodes[j * nx + i + 1], let c = nodes[(j + 1) * nx + i] else { continue }
                func lonDiff(_ l: Double) -> Double { let d = l - a.lon; return d - 360 * (d / 360).rounded() }
                let across = ((lonDiff(b.lon) * ppdX) * (lonDiff(b.lon) * ppdX) + ((b.lat - a.lat) * ppdY) * ((b.lat - a.lat) * ppdY)).squareRoot()
                let down = ((lonDiff(c.lon) * ppdX) * (lonDiff(c.lon) * ppdX) + ((c.lat - a.lat) * ppdY) * ((c.lat - a.lat) * ppdY)).squareRoot()
                footprints.append(max(across, down) / Double(step))
            }
        }
        guard !footprints.isEmpty else { return 1 }
        footprints.sort()
        return footprints[footprints.count / 2]
    }

    /// The coarsest level whose pixels are no larger than an output pixel's median footprint.
    static func levelIndex(_ pyramid: ReliefPyramid, nodes: [Coordinate?], nx: Int, ny: Int) -> Int {
        let f = footprintOf(pyramid, nodes: nodes, nx: nx, ny: ny)
        guard f >= 2, f.isFinite else { return 0 }
        return min(pyramid.levels.count - 1, Int(f.exponent))
    }

    /// The bilinear mean of the level's four pixels around `c`; nil for a position that is no number.
    @inline(__always)
    static func bilinear(_ pyramid: ReliefPyramid, _ level: ReliefPyramid.Level, _ c: Coordinate) -> (Double, Double, Double)? {
        let w = level.width, h = level.height
        var lon = c.lon
        if lon < pyramid.west { lon += 360 } else if lon >= pyramid.east { lon -= 360 }
        let u = (lon - pyramid.west) / (pyramid.east - pyramid.west) * Double(w) - 0.5
        let v = (pyramid.north - c.lat) / (pyramid.north - pyramid.south) * Double(h) - 0.5
        guard u.isFinite, v.isFinite, abs(u) < 1e9, abs(v) < 1e9 else { return nil }
        // Floors without a call to libm (x86-64's baseline has no rounding instruction).
        var x0 = Int(u), y0 = Int(v)
        if Double(x0) > u { x0 -= 1 }
        if Double(y0) > v { y0 -= 1 }
        let fx = u - Double(x0), fy = v - Double(y0)
        // Columns wrap round a global pyramid and clamp at the edges of a regional one; rows clamp.
        let c0: Int, c1: Int
        if pyramid.east - pyramid.west >= 360 {
            c0 = x0 >= 0 && x0 < w ? x0 : ((x0 % w) + w) % w
            c1 = c0 + 1 == w ? 0 : c0 + 1
        } else {
            (c0, c1) = (min(max(x0, 0), w - 1), min(max(x0 + 1, 0), w - 1))
        }
        let r0 = min(max(y0, 0), h - 1), r1 = min(max(y0 + 1, 0), h - 1)
        let p00 = pyramid.pixel(level, c0, r0), p10 = pyramid.pixel(level, c1, r0)
        let p01 = pyramid.pixel(level, c0, r1), p11 = pyramid.pixel(level, c1, r1)
        @inline(__always) func mix(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> Double {
            let top = Double(a) + (Double(b) - Double(a)) * fx, bottom = Double(c) + (Double(d) - Double(c)) * fx
            return top + (bottom - top) * fy
        }
        return (mix(p00.0, p10.0, p01.0, p11.0), mix(p00.1, p10.1, p01.1, p11.1), mix(p00.2, p10.2, p01.2, p11.2))
    }
}
