import GeoCore

extension SceneRoute {
    /// The route as drawn `fraction` (0...1) of the way along its length, for the frames of an
    /// animation: legs not yet reached are empty, the leg under way is cut where the fraction
    /// falls, and a leg's label shows once that leg is complete.
    public func drawn(upTo fraction: Double) -> SceneRoute {
        guard fraction < 1 else { return self }
        let lengths = legs.map { leg in leg.parts.reduce(0) { $0 + Self.length($1.coordinates) } }
        var remaining = max(0, fraction) * lengths.reduce(0, +)
        var out = self
        for (i, leg) in legs.enumerated() {
            if remaining >= lengths[i] && lengths[i] > 0 { remaining -= lengths[i]; continue }
            var parts: [(routed: Bool, coordinates: [Coordinate])] = []
            for part in leg.parts where remaining > 0 {
                let cut = Self.prefix(part.coordinates, km: remaining)
                remaining -= Self.length(cut)
                if cut.count >= 2 { parts.append((part.routed, cut)) }
                if cut.count < part.coordinates.count || cut.last != part.coordinates.last { remaining = 0 }
            }
            out.legs[i].parts = parts
            out.legs[i].label = nil
            remaining = 0
        }
        return out
    }

    static func length(_ points: [Coordinate]) -> Double {
        zip(points, points.dropFirst()).reduce(0) { $0 + $1.0.greatCircleKm(to: $1.1) }
    }

    /// The first `km` of a line, ending at the point that far along it.
    static func prefix(_ points: [Coordinate], km: Double) -> [Coordinate] {
        guard var last = points.first else { return [] }
        var out = [last], left = km
        for p in points.dropFirst() {
            let d = last.greatCircleKm(to: p)
            if d >= left {
                let t = d > 0 ? left / d : 0
                // The short way round, across the antimeridian too.
                var dLon = p.lon - last.lon
                if dLon > 180 { dLon -= 360 } else if dLon < -180 { dLon += 360 }
                var lon = last.lon + dLon * t
                if lon > 180 { lon -= 360 } else if lon < -180 { lon += 360 }
                out.append(Coordinate(lon: lon, lat: last.lat + (p.lat - last.lat) * t))
                return out
            }
            left -= d
            out.append(p)
            last = p
        }
        return out
    }
}
