/// Joins paths that meet end to end into longer polylines, so that a network of short edges
/// (rail and road graphs hold one feature per edge) strokes as a few lines rather than hundreds of
/// thousands of separate pieces, each with its own caps and dash pattern.
public enum PathChaining {
    /// Joins `paths`; ends closer than `snap` (in the paths' units) count as the same point.
    public static func chained(_ paths: [[Coordinate]], snap: Double) -> [[Coordinate]] {
        let usable = paths.filter { $0.count >= 2 }
        guard usable.count > 1 else { return usable }
        func key(_ c: Coordinate) -> Int64 {
            Int64(saturating: (c.lon / snap).rounded()) &* 73_856_093 ^ Int64(saturating: (c.lat / snap).rounded()) &* 19_349_663
        }
        var ends: [Int64: [Int]] = [:]
        ends.reserveCapacity(usable.count * 2)
        for (i, p) in usable.enumerated() {
            ends[key(p[0]), default: []].append(i)
            ends[key(p[p.count - 1]), default: []].append(i)
        }
        var used = [Bool](repeating: false, count: usable.count)
        /// An unused path touching `point`, oriented to start there.
        func next(from point: Coordinate) -> [Coordinate]? {
            guard let list = ends[key(point)] else { return nil }
            for i in list where !used[i] {
                used[i] = true
                let p = usable[i]
                return key(p[0]) == key(point) ? p : p.reversed()
            }
            return nil
        }
        var out: [[Coordinate]] = []
        for start in usable.indices where !used[start] {
            used[start] = true
            var line = usable[start]
            while let more = next(from: line[line.count - 1]) { line += more.dropFirst() }
            var head: [Coordinate] = []
            while let more = next(from: head.last ?? line[0]) { head += more.dropFirst() }
            out.append(head.reversed() + line)
        }
        return out
    }
}

extension Int64 {
    /// `d` rounded toward zero and clamped to Int64's range; 0 for NaN. Never traps, for keys
    /// made from coordinates that a projection may have sent to infinity.
    public init(saturating d: Double) {
        if d.isNaN { self = 0 } else if d >= 9.2e18 { self = .max } else if d <= -9.2e18 { self = .min } else { self = Int64(d) }
    }
}
