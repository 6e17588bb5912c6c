/// One polygon (an outer ring and its holes) made ready for many point-in-polygon tests: its
/// edges bucketed by latitude, so that a test looks only at the edges crossing the point's band
/// rather than at every edge. The answer is `Geometry.contains`'s, bit for bit (even-odd over every
/// ring, planar in lon/lat, the same arithmetic on the same edges).
///
/// A country of ten thousand vertices tested at thousands of grid points (where its name fits on
/// a map) or at every node a route search reaches (areas a route avoids) took tens of millions
/// of edge tests; here each test takes a few.
public struct PolygonIndex: Sendable {
    private let south: Double, bandHeight: Double, bandCount: Int
    /// Edge numbers of band k: `members[starts[k]..<starts[k + 1]]`.
    private let starts: [Int32], members: [Int32]
    /// Edge n runs from (aLon[n], aLat[n]) to (bLon[n], bLat[n]), as `Geometry.ring(_:contains:)`
    /// takes vertex i and the one before it.
    private let aLon: [Double], aLat: [Double], bLon: [Double], bLat: [Double]

    /// Indexes `rings` (the first the outer ring, the others holes; a ring of fewer than three
    /// points counts for nothing, as in `Geometry.contains`).
    public init(_ rings: [[Coordinate]]) {
        var aLon: [Double] = [], aLat: [Double] = [], bLon: [Double] = [], bLat: [Double] = []
        let vertices = rings.reduce(0) { $0 + $1.count }
        aLon.reserveCapacity(vertices); aLat.reserveCapacity(vertices); bLon.reserveCapacity(vertices); bLat.reserveCapacity(vertices)
        var south = Double.infinity, north = -Double.infinity
        for ring in rings where ring.count >= 3 {
            var j = ring.count - 1
            for i in 0..<ring.count {
                let a = ring[i], b = ring[j]
                j = i
                // An edge with no finite latitude span never toggles (Geometry.ring's x is NaN, or the
                // edge is level): it is left out.
                guard a.lat.isFinite, b.lat.isFinite, a.lat != b.lat else { continue }
                aLon.append(a.lon); aLat.append(a.lat); bLon.append(b.lon); bLat.append(b.lat)
                south = Swift.min(south, a.lat, b.lat)
                north = Swift.max(north, a.lat, b.lat)
            }
        }
        // About four edges a band: a test then reads a handful of edges, long ones aside.
        let bandCount = Swift.max(1, Swift.min(aLat.count / 4, 1 << 14))
        let bandHeight = Swift.max((north - south) / Double(bandCount), .leastNormalMagnitude)
        func band(_ lat: Double) -> Int { PolygonIndex.band(lat, south: south, height: bandHeight, count: bandCount) }
        // Counted, then filled (compressed rows: no array per band).
        var starts = [Int32](repeating: 0, count: bandCount + 1)
        for n in aLat.indices {
            for k in band(Swift.min(aLat[n], bLat[n]))...band(Swift.max(aLat[n], bLat[n])) { starts[k + 1] += 1 }
        }
        for k in 0..<bandCount { starts[k + 1] += starts[k] }
        var next = starts
        var members = [Int32](repeating: 0, count: Int(starts[bandCount]))
        for n in aLat.indices {
            for k in band(Swift.min(aLat[n], bLat[n]))...band(Swift.max(aLat[n], bLat[n])) {
                members[Int(next[k])] = Int32(n)
                next[k] += 1
            }
        }
        (self.south, self.bandHeight, self.bandCount) = (south, bandHeight, bandCount)
        (self.starts, self.members) = (starts, members)
        (self.aLon, self.aLat, self.bLon, self.bLat) = (aLon, aLat, bLon, bLat)
    }

    /// The band of latitude `lat`, clamped to the bands there are (in floating point first: a
    /// latitude far out of range, or a span too wide for a number, never traps).
    private static func band(_ lat: Double, south: Double, height: Double, count: Int) -> Int {
        let q = (lat - south) / height
        guard q >= 0 else { return 0 }
        return Int(Swift.min(Double(count - 1), q))
    }

    /// Whether `p` lies inside: what `Geometry.polygon(rings).contains(p)` answers.
    public func contains(_ p: Coordinate) -> Bool {
        // An edge toggles only when p's latitude is in [its lower end, its upper end): that band
        // holds every such edge (bands only grow with latitude).
        guard !members.isEmpty, p.lat >= south else { return false }
        let k = PolygonIndex.band(p.lat, south: south, height: bandHeight, count: bandCount)
        var inside = false
        for slot in Int(starts[k])..<Int(starts[k + 1]) {
            let n = Int(members[slot])
            let (ay, by) = (aLat[n], bLat[n])
            if (ay > p.lat) != (by > p.lat) {
                let x = (bLon[n] - aLon[n]) * (p.lat - ay) / (by - ay) + aLon[n]
                if p.lon < x { inside.toggle() }
            }
        }
        return inside
    }
}

extension Geometry {
    /// An index of each polygon of the polygonal part, for many `contains` tests.
    public var polygonIndexes: [PolygonIndex] { polygons.map(PolygonIndex.init) }
}
