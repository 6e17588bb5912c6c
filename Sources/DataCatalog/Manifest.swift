import PosixBindings
import Foundation
import GeoCore

/// `geodata/data/manifest.json`: every dataset GeoBrief built, with its layers, source, licence
/// and the attribution a map drawing it must print.
public struct Manifest: Codable, Sendable, Equatable {
    public var formatVersion: Int
    /// Every package the data was built from, as pinned in `sources.lock`.
    public var sources: [SourcePackage]
    public var datasets: [DatasetEntry]

    public init(formatVersion: Int, sources: [SourcePackage], datasets: [DatasetEntry]) {
        self.formatVersion = formatVersion
        self.sources = sources
        self.datasets = datasets
    }

    /// The credit line of datasets `ids`: each dataset's attribution texts, each text once, in order
    /// (a dataset drawn from several sources credits each).
    public func attribution(of ids: [String]) throws -> String {
        var seen = Set<String>(), parts: [String] = []
        for id in ids {
            for text in try dataset(id).attribution.components(separatedBy: " · ") where seen.insert(text).inserted { parts.append(text) }
        }
        return parts.joined(separator: " · ")
    }

    /// The dataset with `id`; throws naming the ids there are.
    public func dataset(_ id: String) throws -> DatasetEntry {
        guard let d = datasets.first(where: { $0.id == id }) else {
            throw GeoDataError.unknownDataset(id, known: datasets.map(\.id))
        }
        return d
    }

    /// Reads a manifest file; a missing or corrupt one says to run `make geodata`.
    public static func read(from path: String) throws -> Manifest {
        guard let data = FileManager.default.contents(atPath: path) else { throw GeoDataError.missingData(path) }
        do { return try JSONDecoder().decode(Manifest.self, from: data) } catch {
            throw GeoDataError.corruptManifest(path, reason: "\(error)")
        }
    }

    /// Writes the manifest as stable, sorted, pretty JSON, atomically.
    public func write(to path: String) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(enc.encode(self), to: path)
    }
}

/// A package the geodata was built from.
public struct SourcePackage: Codable, Sendable, Equatable {
    public var name: String
    public var version: String
    /// "debian", "pypi" or "pypi-sdist".
    public var registry: String
    public var sha256: String
    public var file: String

    public init(name: String, version: String, registry: String, sha256: String, file: String) {
        self.name = name
        self.version = version
        self.registry = registry
        self.sha256 = sha256
        self.file = file
    }
}

/// One built file: a GeoPackage, a raster or a gazetteer source table.
public struct DatasetEntry: Codable, Sendable, Equatable {
    /// Stable name used by code: "basemap", "detail", "rail", "road", "sea", "relief", "gazetteer-sources".
    public var id: String
    /// Path relative to the data folder.
    public var path: String
    /// "vector", "raster" or "table".
    public var kind: String
    public var description: String
    /// "small-scale" or "large-scale" for basemap sets; empty for others.
    public var detail: String
    public var layers: [LayerEntry]
    /// The packages it was built from, each "name version" as pinned in `sources.lock`.
    public var sources: [String]
    public var licence: String
    /// Text a map that draws this dataset must print.
    public var attribution: String

    public init(id: String, path: String, kind: String, description: String, detail: String, layers: [LayerEntry],
                sources: [String], licence: String, attribution: String) {
        self.id = id
        self.path = path
        self.kind = kind
        self.description = description
        self.detail = detail
        self.layers = layers
        self.sources = sources
        self.licence = licence
        self.attribution = attribution
    }
}

/// A layer (or raster, or table) of a dataset.
public struct LayerEntry: Codable, Sendable, Equatable {
    public var name: String
    public var features: Int
    /// Extent in longitude/latitude; nil for tables without geometry.
    public var extent: BoundingBox?
    /// Geometry type or "raster WxH" or "table".
    public var geometry: String

    public init(name: String, features: Int, extent: BoundingBox?, geometry: String) {
        self.name = name
        self.features = features
        self.extent = extent
        self.geometry = geometry
    }
}

/// Errors about the data folder: missing, corrupt, or asked for what it does not hold.
public enum GeoDataError: Error, CustomStringConvertible, Equatable {
    case missingData(String)
    case corruptManifest(String, reason: String)
    case unknownDataset(String, known: [String])
    case missingSource(String, expected: String)
    case badSource(String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .missingData(let p):
            return "no geodata at \(p): run `make geodata` (or set GEOBRIEF_DATA to a built data folder)"
        case .corruptManifest(let p, let r):
            return "the geodata manifest \(p) cannot be read (\(r)): run `make geodata` to rebuild it"
        case .unknownDataset(let id, let known):
            return "no dataset '\(id)' in the geodata manifest; it has: \(known.joined(separator: ", "))"
        case .missingSource(let p, let expected):
            return "source file \(p) is missing (\(expected)); run `make geodata` to fetch and unpack the packages"
        case .badSource(let p, let line, let r):
            return "\(p):\(line): \(r)"
        }
    }
}
