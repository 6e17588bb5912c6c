import DataCatalog
import GeoCore

/// The names of a story's own cities in a map's language, as the reference labels name the
/// basemap's (`LocalCityNames` at data-build time: Korean, Greek, Japanese): looked up by GeoNames
/// id among the labels' cities (100,000 people or more, and capitals) at the place.
public enum LocalCityLabels {
    /// Each place's name in `language`, by the id given, for the places the data names in it.
    public static func names(of places: [(id: String, geonameid: Int64, at: Coordinate)], language: String,
                             data: DataDirectory) throws -> [String: String] {
        guard language != "en", !places.isEmpty, (try? data.manifest().dataset("labels")) != nil else { return [:] }
        let reader = LayerReader(data: data)
        var out: [String: String] = [:]
        for p in places {
            let box = BoundingBox(west: p.at.lon - 0.01, south: p.at.lat - 0.01, east: p.at.lon + 0.01, north: p.at.lat + 0.01)
            for f in try reader.features(dataset: "labels", layer: "cities", in: box, columns: ["geonameid", "names"], limit: 50)
            where f.values[0].number.map({ Int64($0) }) == p.geonameid {
                if let name = ReferenceLabelReader.localName(f.values[1].string ?? "", language: language) { out[p.id] = name }
            }
        }
        return out
    }
}
