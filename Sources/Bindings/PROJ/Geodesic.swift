import CPROJ
import GeoCore

/// Geodesics on the WGS 84 ellipsoid by Karney's algorithm (PROJ's `geod_*`).
public struct Geodesic: Sendable {
    private let g: geod_geodesic

    /// WGS 84: a = 6378137 m, f = 1/298.257223563. Loads PROJ on first use; without the PROJ
    /// library (`make setup` installs it) no distance can be measured, and the program stops saying so.
    public init() {
        if let problem = geobrief_proj_load() { fatalError(String(cString: problem)) }
        var g = geod_geodesic()
        gb_geod_init(&g, 6_378_137, 1 / 298.257223563)
        self.g = g
    }

    /// Result of the inverse problem.
    public struct Inverse: Sendable, Equatable {
        /// Distance in metres.
        public var distance: Double
        /// Azimuth at the start, degrees clockwise from north.
        public var initialAzimuth: Double
        /// Azimuth at the end, degrees clockwise from north.
        public var finalAzimuth: Double
    }

    /// Distance and azimuths from `a` to `b`.
    public func inverse(_ a: Coordinate, _ b: Coordinate) -> Inverse {
        var s = 0.0, az1 = 0.0, az2 = 0.0
        var geod = g
        gb_geod_inverse(&geod, a.lat, a.lon, b.lat, b.lon, &s, &az1, &az2)
        return Inverse(distance: s, initialAzimuth: az1, finalAzimuth: az2)
    }

    /// Distance in metres from `a` to `b`.
    public func distance(_ a: Coordinate, _ b: Coordinate) -> Double { inverse(a, b).distance }

    /// The point `distance` metres from `start` along `azimuth`.
    public func direct(from start: Coordinate, azimuth: Double, distance: Double) -> Coordinate {
        var lat = 0.0, lon = 0.0, az2 = 0.0
        var geod = g
        gb_geod_direct(&geod, start.lat, start.lon, azimuth, distance, &lat, &lon, &az2)
        return Coordinate(lon: lon, lat: lat)
    }

    /// Points along the geodesic from `a` to `b`, ends included, no two more than `maxSpacing` metres apart
    /// (at most `maxPoints`). Longitudes stay continuous across the antimeridian.
    public func densify(_ a: Coordinate, _ b: Coordinate, maxSpacing: Double, maxPoints: Int = 10_000) -> [Coordinate] {
        var geod = g
        var line = geod_geodesicline()
        gb_geod_inverseline(&line, &geod, a.lat, a.lon, b.lat, b.lon, 0)
        let total = line.s13
        let segments = min(max(1, Int((total / max(maxSpacing, 1)).rounded(.up))), max(1, maxPoints - 1))
        var out: [Coordinate] = [a]
        var prevLon = a.lon
        for i in 1..<segments {
            var lat = 0.0, lon = 0.0, az = 0.0
            gb_geod_position(&line, total * Double(i) / Double(segments), &lat, &lon, &az)
            // Unroll so that consecutive points never jump by 360 degrees.
            while lon - prevLon > 180 { lon -= 360 }
            while lon - prevLon < -180 { lon += 360 }
            prevLon = lon
            out.append(Coordinate(lon: lon, lat: lat))
        }
        var end = b
        while end.lon - prevLon > 180 { end.lon -= 360 }
        while end.lon - prevLon < -180 { end.lon += 360 }
        out.append(end)
        return out
    }

    /// Length in metres of a path through `points`.
    public func length(of points: [Coordinate]) -> Double {
        zip(points, points.dropFirst()).reduce(0) { $0 + distance($1.0, $1.1) }
    }
}
