import Foundation

extension Geometry {
    /// The area of the polygons on a sphere of the mean Earth radius, in km² (holes subtracted;
    /// 0 for points and lines): enough to rank features by size, as label sizes need.
    public var sphericalAreaKm2: Double {
        polygons.reduce(0) { sum, rings in
            guard let outer = rings.first else { return sum }
            return sum + Geometry.ringArea(outer) - rings.dropFirst().reduce(0) { $0 + Geometry.ringArea($1) }
        }
    }

    /// The area enclosed by a lon/lat ring (either orientation), in km².
    static func ringArea(_ ring: [Coordinate]) -> Double {
        guard ring.count > 2 else { return 0 }
        let rad = Double.pi / 180
        var total = 0.0
        for i in ring.indices {
            let a = ring[i], b = ring[(i + 1) % ring.count]
            total += (b.lon - a.lon) * rad * (2 + sin(a.lat * rad) + sin(b.lat * rad))
        }
        let r = Coordinate.meanEarthRadiusKm
        return abs(total) * r * r / 2
    }
}
