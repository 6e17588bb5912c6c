/// A position on the Earth in degrees: longitude first, then latitude (traditional GIS order).
public struct Coordinate: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Degrees east of Greenwich; may lie outside -180...180 for geometry that runs past the antimeridian.
    public var lon: Double
    /// Degrees north of the equator, -90...90.
    public var lat: Double

    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }

    /// Both values finite and the latitude within -90...90.
    public var isValid: Bool {
        lon.isFinite && lat.isFinite && abs(lat) <= 90
    }

    /// The same point with its longitude brought into -180..<180.
    public var normalized: Coordinate {
        Coordinate(lon: Coordinate.normalizeLongitude(lon), lat: lat)
    }

    /// Brings a longitude into -180..<180 (180 itself maps to -180 only when it came from past the line).
    public static func normalizeLongitude(_ lon: Double) -> Double {
        if lon >= -180 && lon <= 180 { return lon }
        var l = (lon + 180).truncatingRemainder(dividingBy: 360)
        if l < 0 { l += 360 }
        return l - 180
    }

    public var description: String {
        "\(Coordinate.format(abs(lat), 5))\(lat >= 0 ? "N" : "S") \(Coordinate.format(abs(lon), 5))\(lon >= 0 ? "E" : "W")"
    }

    static func format(_ v: Double, _ digits: Int) -> String {
        var s = String(v.rounded(toPlaces: digits))
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }
}

extension Double {
    /// This value rounded half away from zero to `places` decimal digits.
    public func rounded(toPlaces places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<max(0, places) { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}

extension Coordinate {
    /// Reads "LAT,LON" in degrees (latitude first, as people write it); nil unless both are numbers
    /// within -90...90 and -180...180.
    public init?(latLon text: String) {
        // Decimal degrees only: Double() would also take "nan", "inf", "0x10" and "1e2".
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { part -> Double? in
            let t = String(part.filter { !$0.isWhitespace })
            let digits = t.hasPrefix("-") || t.hasPrefix("+") ? t.dropFirst() : Substring(t)
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), digits.filter({ $0 == "." }).count <= 1 else { return nil }
            return Double(t)
        }
        guard parts.count == 2, let lat = parts[0], let lon = parts[1], abs(lat) <= 90, abs(lon) <= 180 else { return nil }
        self.init(lon: lon, lat: lat)
    }

    /// Whether `text` was meant as LAT,LON (two comma-separated parts that read as numbers of
    /// any form, "nan,nan" or "0x10,5" included), so that it is refused rather than looked up as a name.
    public static func looksLikeLatLon(_ text: String) -> Bool {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { Double(String($0.filter { !$0.isWhitespace })) != nil }
    }
}
