/// Cutting geometry at a meridian band, so that nothing spans a projection's seam.
extension Geometry {
    /// The geometry cut at the meridians `west` and `west + 360`, every piece shifted into
    /// `west...west+360`; nil when nothing is left. `margin` keeps pieces a hair off the seam,
    /// where a projection could place a point on either edge. Throws past four turns of the globe.
    ///
    /// Polygon rings are clipped to the band one by one (Sutherland-Hodgman), lines segment by
    /// segment. A concave ring cut twice keeps a zero-width bridge along the seam: drawn filled
    /// with the even-odd rule it covers nothing, and the seam is the map's edge.
    public func wrapped(west: Double, margin: Double = 0) throws -> Geometry? {
        guard let box = boundingBox else { return nil }
        let east = west + 360
        if box.west >= west + margin && box.east <= east - margin { return self }
        let kMin = Int(((box.west - west) / 360).rounded(.down)), kMax = Int(((box.east - west) / 360).rounded(.down))
        guard kMax - kMin <= 4 else { throw WrapError(spanDegrees: box.width) }
        var polygons: [[[Coordinate]]] = [], lines: [[Coordinate]] = [], points: [Coordinate] = []
        for k in kMin...kMax {
            let shift = 360 * Double(k)
            let lo = west + shift + margin, hi = east + shift - margin
            let back = { (c: Coordinate) in Coordinate(lon: c.lon - shift, lat: c.lat) }
            for polygon in self.polygons {
                let rings = polygon.map { Geometry.clipRing($0, lo, hi) }
                guard let outer = rings.first, outer.count >= 4 else { continue }
                polygons.append(([outer] + rings.dropFirst().filter { $0.count >= 4 }).map { $0.map(back) })
            }
            for line in lineParts { lines += Geometry.clipLine(line, lo, hi).map { $0.map(back) } }
            for p in pointParts where p.lon >= lo && p.lon <= hi { points.append(back(p)) }
        }
        if !polygons.isEmpty { return polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons) }
        if !lines.isEmpty { return lines.count == 1 ? .lineString(lines[0]) : .multiLineString(lines) }
        if !points.isEmpty { return points.count == 1 ? .point(points[0]) : .multiPoint(points) }
        return nil
    }

    /// The geometry with each line's longitudes made continuous: a step of more than 180° is taken
    /// the short way, across the antimeridian (a sea lane from 174° to -180° runs 6° east, not
    /// 354° west), so that `wrapped` cuts it at the seam instead of drawing it round the world.
    /// Polygons and points are kept as they are.
    public var unrolled: Geometry {
        func unroll(_ line: [Coordinate]) -> [Coordinate] {
            guard var previous = line.first else { return line }
            var out = [previous]
            out.reserveCapacity(line.count)
            var jumped = false
            for c in line.dropFirst() {
                var lon = c.lon
                while lon - previous.lon > 180 { lon -= 360; jumped = true }
                while previous.lon - lon > 180 { lon += 360; jumped = true }
                previous = Coordinate(lon: lon, lat: c.lat)
                out.append(previous)
            }
            return jumped ? out : line
        }
        switch self {
        case .lineString(let cs): return .lineString(unroll(cs))
        case .multiLineString(let ls): return .multiLineString(ls.map(unroll))
        case .collection(let gs): return .collection(gs.map(\.unrolled))
        default: return self
        }
    }

    /// Lines as files should hold them (RFC 7946 §3.1.9): each made continuous, then cut at the
    /// antimeridian into pieces within -180...180, so that a GIS does not draw a lane from 174° to
    /// -180° round the world.
    public static func cutAtAntimeridian(_ lines: [[Coordinate]]) -> [[Coordinate]] {
        lines.flatMap { line -> [[Coordinate]] in
            guard let cut = try? Geometry.lineString(line).unrolled.wrapped(west: -180) else { return [line] }
            return cut.paths.filter { $0.count >= 2 }
        }
    }

    /// The lines of a line geometry (not polygon rings).
    private var lineParts: [[Coordinate]] {
        switch self {
        case .lineString(let cs): return [cs]
        case .multiLineString(let ls): return ls
        case .collection(let gs): return gs.flatMap(\.lineParts)
        default: return []
        }
    }

    /// The points of a point geometry.
    private var pointParts: [Coordinate] {
        switch self {
        case .point(let c): return [c]
        case .multiPoint(let cs): return cs
        case .collection(let gs): return gs.flatMap(\.pointParts)
        default: return []
        }
    }

    /// Where segment a-b crosses the meridian `lon` (linear in lon/lat, as GEOS cuts planar geometry).
    private static func crossing(_ a: Coordinate, _ b: Coordinate, at lon: Double) -> Coordinate {
        let t = (lon - a.lon) / (b.lon - a.lon)
        return Coordinate(lon: lon, lat: a.lat + t * (b.lat - a.lat))
    }

    /// A closed ring clipped to lo <= lon <= hi, closed again (empty when nothing is left).
    static func clipRing(_ ring: [Coordinate], _ lo: Double, _ hi: Double) -> [Coordinate] {
        var pts = Array(ring.count > 1 && ring.first == ring.last ? ring.dropLast() : ring[...])
        for (bound, keepAbove) in [(lo, true), (hi, false)] {
            guard !pts.isEmpty else { break }
            let inside = { (c: Coordinate) in keepAbove ? c.lon >= bound : c.lon <= bound }
            var out: [Coordinate] = []
            out.reserveCapacity(pts.count + 4)
            var prev = pts[pts.count - 1]
            for cur in pts {
                let ci = inside(cur), pi = inside(prev)
                if ci {
                    if !pi { out.append(crossing(prev, cur, at: bound)) }
                    out.append(cur)
                } else if pi {
                    out.append(crossing(prev, cur, at: bound))
                }
                prev = cur
            }
            pts = out
        }
        guard pts.count >= 3 else { return [] }
        return pts + [pts[0]]
    }

    /// The pieces of a line inside lo <= lon <= hi.
    static func clipLine(_ line: [Coordinate], _ lo: Double, _ hi: Double) -> [[Coordinate]] {
        var pieces: [[Coordinate]] = [], current: [Coordinate] = []
        func flush() { if current.count >= 2 { pieces.append(current) }; current = [] }
        for (i, b) in line.enumerated() {
            let bIn = b.lon >= lo && b.lon <= hi
            if i == 0 { if bIn { current = [b] }; continue }
            let a = line[i - 1]
            let aIn = a.lon >= lo && a.lon <= hi
            if aIn && bIn { current.append(b); continue }
            // The segment's part inside the band, if any.
            var t0 = 0.0, t1 = 1.0
            let d = b.lon - a.lon
            if d == 0 { if !aIn { continue } } else {
                var ta = (lo - a.lon) / d, tb = (hi - a.lon) / d
                if ta > tb { swap(&ta, &tb) }
                t0 = max(t0, ta); t1 = min(t1, tb)
                if t0 > t1 { flush(); continue }
            }
            let p0 = Coordinate(lon: a.lon + t0 * d, lat: a.lat + t0 * (b.lat - a.lat))
            let p1 = Coordinate(lon: a.lon + t1 * d, lat: a.lat + t1 * (b.lat - a.lat))
            if !aIn { flush(); current = [p0] }
            current.append(bIn ? b : p1)
            if !bIn { flush() }
        }
        flush()
        return pieces
    }
}

/// A geometry whose longitudes go round the globe more than four times.
public struct WrapError: Error, CustomStringConvertible {
    public let spanDegrees: Double
    public var description: String { "wrap geometry: longitudes span \(spanDegrees) degrees; more than 4 turns of the globe" }
}
