import DataCatalog
import GeoCore

extension RoutingGraph {
    /// A filter keeping out of the given countries (ISO alpha-2) and out of the given polygons
    /// (a closed strait, a front line), combined with an optional `within` filter.
    public func avoiding(countries: Set<String> = [], areas: [Geometry] = [], within: Set<String>? = nil) -> (Int32) -> Bool {
        let banned = countryCodes.map(countries.contains)
        let inside = within.map(self.within)
        let boxes = areas.compactMap { g in g.boundingBox.map { (g, $0) } }
        let table = nodeCountries, positions = nodes
        return { n in
            if banned[Int(table[Int(n)])] { return false }
            if let inside, !inside(n) { return false }
            let c = positions[Int(n)]
            for (g, box) in boxes where box.contains(c) && g.contains(c) { return false }
            return true
        }
    }

    /// Reads the polygons of a file GDAL can open (GeoJSON, GeoPackage, Shapefile...) as areas to
    /// avoid; needs the GDAL services that `geobrief-engine` registers.
    /// Every vertex must be a number within longitude -540...540 (unrolled across the
    /// antimeridian) and latitude -90...90, or the file is refused, naming the first one that is not.
    public static func areas(from path: String) throws -> [Geometry] {
        let polygons = try GDALServices.current(for: "reading polygons from \(path)").polygons(path: path)
        for (i, g) in polygons.enumerated() {
            if let bad = g.coordinates.first(where: { !($0.lon.isFinite && $0.lat.isFinite && abs($0.lon) <= 540 && abs($0.lat) <= 90) }) {
                throw RoutingError.badAreaFile(path, reason: "feature \(i + 1) has a vertex at \(bad.lon), \(bad.lat), "
                    + "not a longitude and latitude in degrees: fix the file (or give it in EPSG:4326)")
            }
        }
        return polygons
    }
}
