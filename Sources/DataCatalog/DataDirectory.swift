import PosixBindings
import Foundation

/// Finds the built geodata folder: `$GEOBRIEF_DATA`, else `geodata/data` in the current folder or
/// any parent, else next to the executable's package.
public struct DataDirectory: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// Locates the data folder, throwing a message that says to run `make geodata`.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DataDirectory {
        if let p = environment["GEOBRIEF_DATA"], !p.isEmpty {
            guard FileManager.default.fileExists(atPath: p + "/manifest.json") else { throw GeoDataError.missingData(p) }
            return DataDirectory(path: p)
        }
        var candidates: [URL] = []
        var dir = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<8 { candidates.append(dir); dir.deleteLastPathComponent() }
        // .build/<triple>/<config>/geobrief, or .build/<other build path>/<triple>/<config>/geobrief -> package root
        var exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        for _ in 0..<6 { exe.deleteLastPathComponent(); candidates.append(exe) }
        for c in candidates {
            let p = c.appendingPathComponent("geodata/data").path
            if FileManager.default.fileExists(atPath: p + "/manifest.json") { return DataDirectory(path: p) }
        }
        throw GeoDataError.missingData("geodata/data (searched from \(FileManager.default.currentDirectoryPath))")
    }

    /// Absolute path of a file inside the folder.
    public func file(_ relative: String) -> String { path + "/" + relative }

    /// The manifest of this folder, read once per process and again only when the file changes
    /// (a render asks for it for every layer it draws).
    public func manifest() throws -> Manifest {
        let path = file("manifest.json")
        let stamp = (try? FileManager.default.attributesOfItem(atPath: path)).map {
            "\(($0[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)/\(($0[.size] as? NSNumber)?.intValue ?? -1)"
        }
        if let stamp, let hit = DataDirectory.manifests.withLock({ $0[path] }), hit.stamp == stamp { return hit.manifest }
        let manifest = try Manifest.read(from: path)
        if let stamp { DataDirectory.manifests.withLock { $0[path] = (stamp, manifest) } }
        return manifest
    }

    /// Manifests read so far, by path, with the modification time and size they were read at.
    private static let manifests = Locked<[String: (stamp: String, manifest: Manifest)]>([:])

    /// Absolute path of the dataset `id`.
    public func path(of id: String) throws -> String { file(try manifest().dataset(id).path) }
}

extension DataDirectory {
    /// The languages whose country names the `labels` dataset carries (Natural Earth's `NAME_XX`,
    /// kept as `name_xx`): the data build writes them and maps read them.
    public static let labelLanguages = ["ar", "bn", "de", "en", "es", "fa", "fr", "el", "he", "hi", "hu", "id", "it", "ja", "ko",
                                        "nl", "pl", "pt", "ru", "sv", "tr", "uk", "ur", "vi", "zh"]
}
