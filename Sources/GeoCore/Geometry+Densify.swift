extension Geometry {
    /// The same geometry with points added so that no segment spans more than `maxStep` degrees
    /// (planar in lon/lat), so that straight lon/lat edges curve once projected.
    public func densified(maxStep: Double) -> Geometry {
        guard maxStep > 0, hasSegment(longerThan: maxStep) else { return self }
        func dense(_ line: [Coordinate]) -> [Coordinate] {
            guard line.count > 1 else { return line }
            var out: [Coordinate] = [line[0]]
            out.reserveCapacity(line.count)
            for (a, b) in zip(line, line.dropFirst()) {
                let steps = Int((max(abs(b.lon - a.lon), abs(b.lat - a.lat)) / maxStep).rounded(.up))
                if steps > 1 {
                    for i in 1..<min(steps, 10_000) {
                        let t = Double(i) / Double(steps)
                        out.append(Coordinate(lon: a.lon + (b.lon - a.lon) * t, lat: a.lat + (b.lat - a.lat) * t))
                    }
                }
                out.append(b)
            }
            return out
        }
        switch self {
        case .point, .multiPoint: return self
        case .lineString(let cs): return .lineString(dense(cs))
        case .polygon(let rings): return .polygon(rings.map(dense))
        case .multiLineString(let ls): return .multiLineString(ls.map(dense))
        case .multiPolygon(let ps): return .multiPolygon(ps.map { $0.map(dense) })
        case .collection(let gs): return .collection(gs.map { $0.densified(maxStep: maxStep) })
        }
    }
}

extension Geometry {
    /// The same geometry with every line and ring simplified (Douglas-Peucker, planar in lon/lat)
    /// to within `tolerance` degrees; rings left with fewer than four points and lines with fewer
    /// than two are dropped (nil when nothing is left).
    public func simplified(tolerance: Double) -> Geometry? {
        guard tolerance > 0 else { return self }
        func ring(_ r: [Coordinate]) -> [Coordinate]? {
            let s = GeoCore.simplified(r, tolerance: tolerance)
            return s.count >= 4 ? s : nil
        }
        func line(_ l: [Coordinate]) -> [Coordinate]? {
            let s = GeoCore.simplified(l, tolerance: tolerance)
            return s.count >= 2 ? s : nil
        }
        func polygon(_ rings: [[Coordinate]]) -> [[Coordinate]]? {
            guard let outer = rings.first.flatMap(ring) else { return nil }
            return [outer] + rings.dropFirst().compactMap(ring)
        }
        switch self {
        case .point, .multiPoint: return self
        case .lineString(let cs): return line(cs).map { .lineString($0) }
        case .multiLineString(let ls):
            let kept = ls.compactMap(line)
            return kept.isEmpty ? nil : .multiLineString(kept)
        case .polygon(let rings): return polygon(rings).map { .polygon($0) }
        case .multiPolygon(let ps):
            let kept = ps.compactMap(polygon)
            return kept.isEmpty ? nil : .multiPolygon(kept)
        case .collection(let gs):
            let kept = gs.compactMap { $0.simplified(tolerance: tolerance) }
            return kept.isEmpty ? nil : .collection(kept)
        }
    }

    /// Whether any segment spans more than `step` degrees in longitude or latitude.
    func hasSegment(longerThan step: Double) -> Bool {
        for path in paths {
            for (a, b) in zip(path, path.dropFirst()) where abs(b.lon - a.lon) > step || abs(b.lat - a.lat) > step { return true }
        }
        return false
    }
}

/// Drops points closer than `tolerance` to the last kept one (keeping both ends): a cheap
/// simplification to output resolution.
public func thinned(_ points: [Coordinate], tolerance: Double) -> [Coordinate] {
    guard points.count > 2, tolerance > 0 else { return points }
    let t2 = tolerance * tolerance
    var out: [Coordinate] = [points[0]]
    out.reserveCapacity(points.count / 2)
    var last = points[0]
    for p in points.dropFirst().dropLast() {
        let dx = p.lon - last.lon, dy = p.lat - last.lat
        if dx * dx + dy * dy >= t2 { out.append(p); last = p }
    }
    out.append(points[points.count - 1])
    return out
}

/// Douglas-Peucker simplification: drops every point within `tolerance` of the line between the
/// points kept around it (both ends kept). Removes the straight runs that densifying leaves while
/// keeping every bend larger than the tolerance.
public func simplified(_ points: [Coordinate], tolerance: Double) -> [Coordinate] {
    guard points.count > 2, tolerance > 0 else { return points }
    let t2 = tolerance * tolerance
    var keep = [Bool](repeating: false, count: points.count)
    keep[0] = true
    keep[points.count - 1] = true
    var stack: [(Int, Int)] = [(0, points.count - 1)]
    while let (a, b) = stack.popLast() {
        guard b > a + 1 else { continue }
        let pa = points[a], pb = points[b]
        let dx = pb.lon - pa.lon, dy = pb.lat - pa.lat
        let len2 = dx * dx + dy * dy
        var worst = -1.0, index = a
        for i in (a + 1)..<b {
            let p = points[i]
            var d2: Double
            if len2 == 0 {
                d2 = (p.lon - pa.lon) * (p.lon - pa.lon) + (p.lat - pa.lat) * (p.lat - pa.lat)
            } else {
                // Distance to the segment (not the infinite line), so that loops back are kept.
                let t = max(0, min(1, ((p.lon - pa.lon) * dx + (p.lat - pa.lat) * dy) / len2))
                let x = pa.lon + t * dx - p.lon, y = pa.lat + t * dy - p.lat
                d2 = x * x + y * y
            }
            if d2 > worst { worst = d2; index = i }
        }
        if worst > t2 {
            keep[index] = true
            stack.append((a, index))
            stack.append((index, b))
        }
    }
    var out: [Coordinate] = []
    out.reserveCapacity(points.count / 4)
    for (i, p) in points.enumerated() where keep[i] { out.append(p) }
    return out
}
