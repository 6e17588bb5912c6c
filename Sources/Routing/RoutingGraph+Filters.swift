import DataCatalog
import GeoCore
import GeoPackage

extension RoutingGraph {
    /// A filter keeping out of the given countries (ISO alpha-2) and out of the given polygons
    /// (a closed strait, a front line), combined with an optional `within` filter.
    public func avoiding(countries: Set<String> = [], areas: [Geometry] = [], within: Set<String>? = nil) -> (Int32) -> Bool {
        let banned = countryCodes.map(countries.contains)
        let inside = within.map(self.within)
        // Tested at every node a search reaches: each polygon indexed.
        let boxes = areas.compactMap { g in g.boundingBox.map { (g.polygonIndexes, $0) } }
        let table = nodeCountries, positions = nodes
        return { n in
            if banned[Int(table[Int(n)])] { return false }
            if let inside, !inside(n) { return false }
            let c = positions[Int(n)]
            for (polygons, box) in boxes where box.contains(c) && polygons.contains(where: { $0.contains(c) }) { return false }
            return true
        }
    }

    /// Reads the polygons of a GeoJSON or GeoPackage file (`VectorFile`) as areas to avoid; a
    /// file that cannot be used is `RoutingError.badAreaFile` with the reason.
    public static func areas(from path: String) throws -> [Geometry] {
        do { return try VectorFile.polygons(path: path) } catch let e as VectorFileError {
            throw RoutingError.badAreaFile(path, reason: e.reason)
        }
    }
}
