import Foundation

extension Coordinate {
    /// Mean Earth radius (IUGG), in km.
    public static let meanEarthRadiusKm = 6371.0088

    /// Great-circle distance on a sphere of the mean Earth radius (haversine), in km: within 0.5 %
    /// of the geodesic, enough to rank places by nearness. Measurements use PROJ's geodesic (`Geodesic`).
    public func greatCircleKm(to other: Coordinate) -> Double {
        let rad = Double.pi / 180
        let dLat = (other.lat - lat) * rad, dLon = (other.lon - lon) * rad
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat * rad) * cos(other.lat * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * Coordinate.meanEarthRadiusKm * asin(min(1, a.squareRoot()))
    }
}
