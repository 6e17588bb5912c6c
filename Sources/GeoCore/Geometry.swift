/// A simple-features geometry in longitude/latitude (or projected x/y held in the same fields).
public indirect enum Geometry: Hashable, Sendable {
    case point(Coordinate)
    case lineString([Coordinate])
    /// The first ring is the exterior, the others are holes.
    case polygon([[Coordinate]])
    case multiPoint([Coordinate])
    case multiLineString([[Coordinate]])
    case multiPolygon([[[Coordinate]]])
    case collection([Geometry])

    /// Every coordinate, in order.
    public var coordinates: [Coordinate] {
        switch self {
        case .point(let c): return [c]
        case .lineString(let cs), .multiPoint(let cs): return cs
        case .polygon(let rings), .multiLineString(let rings): return rings.flatMap { $0 }
        case .multiPolygon(let polys): return polys.flatMap { $0.flatMap { $0 } }
        case .collection(let gs): return gs.flatMap(\.coordinates)
        }
    }

    /// The lines that draw this geometry: a line's own points, each ring of a polygon.
    public var paths: [[Coordinate]] {
        switch self {
        case .point, .multiPoint: return []
        case .lineString(let cs): return [cs]
        case .polygon(let rings), .multiLineString(let rings): return rings
        case .multiPolygon(let polys): return polys.flatMap { $0 }
        case .collection(let gs): return gs.flatMap(\.paths)
        }
    }

    /// Polygons as lists of rings (empty for points and lines).
    public var polygons: [[[Coordinate]]] {
        switch self {
        case .polygon(let rings): return [rings]
        case .multiPolygon(let polys): return polys
        case .collection(let gs): return gs.flatMap(\.polygons)
        default: return []
        }
    }

    /// The box around every coordinate, not crossing the antimeridian; nil when empty.
    public var boundingBox: BoundingBox? {
        var w = Double.infinity, s = Double.infinity, e = -Double.infinity, n = -Double.infinity
        forEachCoordinate { c in
            w = min(w, c.lon); e = max(e, c.lon)
            s = min(s, c.lat); n = max(n, c.lat)
        }
        return w.isFinite ? BoundingBox(west: w, south: s, east: e, north: n) : nil
    }

    /// Calls `body` with every coordinate, without building an array.
    public func forEachCoordinate(_ body: (Coordinate) -> Void) {
        switch self {
        case .point(let c): body(c)
        case .lineString(let cs), .multiPoint(let cs): cs.forEach(body)
        case .polygon(let rings), .multiLineString(let rings): for r in rings { r.forEach(body) }
        case .multiPolygon(let polys): for p in polys { for r in p { r.forEach(body) } }
        case .collection(let gs): for g in gs { g.forEachCoordinate(body) }
        }
    }

    /// The same geometry with `transform` applied to every coordinate.
    public func map(_ transform: (Coordinate) -> Coordinate) -> Geometry {
        switch self {
        case .point(let c): return .point(transform(c))
        case .lineString(let cs): return .lineString(cs.map(transform))
        case .multiPoint(let cs): return .multiPoint(cs.map(transform))
        case .polygon(let rings): return .polygon(rings.map { $0.map(transform) })
        case .multiLineString(let ls): return .multiLineString(ls.map { $0.map(transform) })
        case .multiPolygon(let ps): return .multiPolygon(ps.map { $0.map { $0.map(transform) } })
        case .collection(let gs): return .collection(gs.map { $0.map(transform) })
        }
    }

    /// Whether `c` lies inside the polygonal part (even-odd rule over every ring; planar in lon/lat).
    public func contains(_ c: Coordinate) -> Bool {
        polygons.contains { rings in
            var inside = false
            for ring in rings where Geometry.ring(ring, contains: c) { inside.toggle() }
            return inside
        }
    }

    static func ring(_ ring: [Coordinate], contains p: Coordinate) -> Bool {
        guard ring.count >= 3 else { return false }
        var inside = false
        var j = ring.count - 1
        for i in 0..<ring.count {
            let a = ring[i], b = ring[j]
            if (a.lat > p.lat) != (b.lat > p.lat) {
                let x = (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon
                if p.lon < x { inside.toggle() }
            }
            j = i
        }
        return inside
    }
}
