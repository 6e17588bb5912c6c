import DataCatalog
import Bindings
import GDALBindings
import Foundation
import GeoCore

/// `geobrief data build`: converts the unpacked packages in a raw folder into GeoBrief's data folder
/// (GeoPackages, a tiled relief GeoTIFF, gazetteer source tables) and writes the manifest.
public struct DataBuilder {
    /// Bumped whenever the output layout changes, so that `make geodata` rebuilds.
    public static let formatVersion = 32

    public let raw: String
    public let out: String
    public let sources: [SourcePackage]
    /// Called with a line of progress for each step.
    public var log: (String) -> Void = { print($0) }
    /// Dataset ids to build (all when nil): for rebuilding one part from new sources.
    public var only: Set<String>?

    public init(raw: String, out: String, sources: [SourcePackage]) {
        self.raw = raw
        self.out = out
        self.sources = sources
    }

    /// Runs every step; throws at the first failure, leaving `out` for the caller to discard.
    public func build() throws -> Manifest {
        guard !FileManager.default.fileExists(atPath: out) else {
            throw GeoDataError.badSource(out, line: 0, reason: "output folder exists; build into a new folder")
        }
        for sub in ["basemap", "transport", "relief", "gazetteer"] {
            try FileManager.default.createDirectory(atPath: "\(out)/\(sub)", withIntermediateDirectories: true)
        }
        var datasets: [DatasetEntry] = []
        let steps: [(String, String, () throws -> DatasetEntry)] = [
            ("basemap", "Natural Earth basemap", buildSmallScaleBasemap),
            ("detail", "GSHHG detail", buildLargeScaleBasemap),
            ("regions-ru", "DCW Russian regions", buildRussianRegions),
            ("rail", "rail network", { try buildNetwork("rail") }),
            ("road", "road network", { try buildNetwork("road") }),
            ("sea", "sea lanes and ports", buildSea),
            ("relief", "shaded relief", buildRelief),
            ("gazetteer-sources", "gazetteer sources", buildGazetteerSources),
            ("labels", "reference labels", buildReferenceLabels),
        ]
        if let only, let unknown = only.first(where: { id in !steps.contains { $0.0 == id } }) {
            throw GeoDataError.unknownDataset(unknown, known: steps.map(\.0))
        }
        for (id, name, step) in steps where only?.contains(id) ?? true {
            let start = Date()
            let entry = try step()
            datasets.append(entry)
            let counts = entry.layers.map { "\($0.name) \($0.features)" }.joined(separator: ", ")
            log(String(format: "geodata: %@ done in %.1f s (%@)", name, Date().timeIntervalSince(start), counts))
        }
        let manifest = Manifest(formatVersion: DataBuilder.formatVersion, sources: sources, datasets: datasets)
        try manifest.write(to: "\(out)/manifest.json")
        return manifest
    }

    // MARK: Helpers shared by the steps

    func rawFile(_ package: String, _ relative: String) throws -> String {
        let p = "\(raw)/\(package)/\(relative)"
        guard FileManager.default.fileExists(atPath: p) else {
            throw GeoDataError.missingSource(p, expected: "from package \(package)")
        }
        return p
    }

    /// "name version" of a pinned package.
    func pinned(_ package: String) -> String {
        "\(package) \(sources.first { $0.name == package }?.version ?? "(not in the lock file)")"
    }

    /// Copies one layer of `source` into the GeoPackage at `destination` (created when missing).
    func translate(_ source: String, layer: String? = nil, into destination: String, as name: String, extra: [String] = []) throws {
        let src = try Dataset.open(source, kind: .vector)
        var args = ["-f", "GPKG", "-nln", name, "-nlt", "PROMOTE_TO_MULTI", "-a_srs", "EPSG:4326",
                    "-lco", "SPATIAL_INDEX=YES", "-gt", "65536"] + extra
        if FileManager.default.fileExists(atPath: destination) { args += ["-update"] } else { args += ["-dsco", "VERSION=1.2"] }
        if let layer { args.append(layer) }
        try src.vectorTranslate(to: destination, options: args).close()
    }

    /// Layer names, counts and lon/lat extents of a vector file, for the manifest.
    func describe(_ path: String) throws -> [LayerEntry] {
        let ds = try Dataset.open(path, kind: .vector)
        return ds.layers.map { l in
            LayerEntry(name: l.name, features: l.featureCount, extent: l.extent.map(rounded), geometry: "\(l.geometryKind)")
        }
    }

    func rounded(_ b: BoundingBox) -> BoundingBox {
        BoundingBox(west: b.west.rounded(toPlaces: 6), south: b.south.rounded(toPlaces: 6),
                    east: b.east.rounded(toPlaces: 6), north: b.north.rounded(toPlaces: 6))
    }

    func entry(id: String, path: String, kind: String, description: String, detail: String = "",
               layers: [LayerEntry], packages: [String], licence: String, attribution: String) -> DatasetEntry {
        DatasetEntry(id: id, path: path, kind: kind, description: description, detail: detail, layers: layers,
                     sources: packages.map(pinned), licence: licence, attribution: attribution)
    }
}
