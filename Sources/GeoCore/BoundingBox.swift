/// A longitude/latitude box. When `west > east` the box crosses the antimeridian
/// (for example Russia: west 19.6, east -169.0).
public struct BoundingBox: Hashable, Sendable, Codable, CustomStringConvertible {
    public var west: Double
    public var south: Double
    public var east: Double
    public var north: Double

    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    /// A box from user input: longitudes within ±180 (west > east crosses the antimeridian),
    /// latitudes within ±90, south < north; nil otherwise.
    public init?(checkedWest w: Double, south s: Double, east e: Double, north n: Double) {
        guard abs(w) <= 180, abs(e) <= 180, s >= -90, n <= 90, s < n, w != e else { return nil }
        self.init(west: w, south: s, east: e, north: n)
    }

    /// The smallest box around `coordinates` that does not cross the antimeridian, or nil when empty.
    public init?<S: Sequence>(enclosing coordinates: S) where S.Element == Coordinate {
        var w = Double.infinity, s = Double.infinity, e = -Double.infinity, n = -Double.infinity
        for c in coordinates {
            w = min(w, c.lon); e = max(e, c.lon)
            s = min(s, c.lat); n = max(n, c.lat)
        }
        guard w.isFinite else { return nil }
        self.init(west: w, south: s, east: e, north: n)
    }

    /// The smallest box around `coordinates`, across the antimeridian when that is smaller (Tonga,
    /// Fiji and Samoa: west 177, east -171, not the whole world between); nil when empty. The
    /// widest gap between the points' longitudes, round the globe, is what the box leaves out.
    public init?<S: Sequence>(enclosingShortest coordinates: S) where S.Element == Coordinate {
        let points = Array(coordinates)
        guard let plain = BoundingBox(enclosing: points) else { return nil }
        let lons = points.map { Coordinate.normalizeLongitude($0.lon) }.sorted()
        // Round the back, from the last longitude to the first: the box that does not cross.
        var gap = lons[0] + 360 - lons[lons.count - 1], west = lons[0], east = lons[lons.count - 1]
        for i in lons.indices.dropFirst() where lons[i] - lons[i - 1] > gap {
            (gap, west, east) = (lons[i] - lons[i - 1], lons[i], lons[i - 1])
        }
        self.init(west: west, south: plain.south, east: east, north: plain.north)
    }

    /// True when the box runs eastward from `west` past 180° to `east`.
    public var crossesAntimeridian: Bool { west > east }

    /// Width in degrees of longitude, measured eastward from `west` to `east`.
    public var width: Double { crossesAntimeridian ? east + 360 - west : east - west }
    public var height: Double { north - south }

    /// The centre, with longitude normalized to -180...180.
    public var center: Coordinate {
        Coordinate(lon: Coordinate.normalizeLongitude(west + width / 2), lat: (south + north) / 2)
    }

    /// Whether `c` lies inside (edges included), taking the antimeridian into account.
    public func contains(_ c: Coordinate) -> Bool {
        guard c.lat >= south && c.lat <= north else { return false }
        if !crossesAntimeridian && west >= -180 && east <= 180 {
            let lon = Coordinate.normalizeLongitude(c.lon)
            return lon >= west && lon <= east
        }
        // Measure eastward offsets from `west` in 0..<360.
        var d = (c.lon - west).truncatingRemainder(dividingBy: 360)
        if d < 0 { d += 360 }
        return d <= width
    }

    /// Whether the two boxes share any point.
    public func intersects(_ other: BoundingBox) -> Bool {
        guard other.south <= north && other.north >= south else { return false }
        if width >= 360 || other.width >= 360 { return true }
        return contains(Coordinate(lon: other.west, lat: max(south, other.south)))
            || other.contains(Coordinate(lon: west, lat: max(south, other.south)))
    }

    /// The box grown by `degrees` on every side (latitudes clamped to the poles).
    public func expanded(by degrees: Double) -> BoundingBox {
        if width + 2 * degrees >= 360 {
            return BoundingBox(west: -180, south: max(-90, south - degrees), east: 180, north: min(90, north + degrees))
        }
        return BoundingBox(
            west: Coordinate.normalizeLongitude(west - degrees), south: max(-90, south - degrees),
            east: Coordinate.normalizeLongitude(east + degrees), north: min(90, north + degrees))
    }

    /// The whole globe.
    public static let world = BoundingBox(west: -180, south: -90, east: 180, north: 90)

    public var description: String {
        "[\(Coordinate.format(west, 4)), \(Coordinate.format(south, 4)), \(Coordinate.format(east, 4)), \(Coordinate.format(north, 4))]"
    }
}
