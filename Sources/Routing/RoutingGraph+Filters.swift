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
    public static func areas(from path: String) throws -> [Geometry] {
        try GDALServices.current(for: "reading polygons from \(path)").polygons(path: path)
    }
}
