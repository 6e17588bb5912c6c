import DataCatalog
import Foundation

/// Reads `geodata/sources.lock`: one pinned package a line (name version registry sha256 file).
public enum SourceLock {
    public static func read(_ path: String) throws -> [SourcePackage] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw GeoDataError.missingSource(path, expected: "the lock file of pinned packages")
        }
        var out: [SourcePackage] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard f.count == 5 else {
                throw GeoDataError.badSource(path, line: i + 1, reason: "expected 5 fields (name version registry sha256 file), found \(f.count)")
            }
            guard f[3].count == 64, f[3].allSatisfy(\.isHexDigit) else {
                throw GeoDataError.badSource(path, line: i + 1, reason: "field sha256 '\(f[3])' is not 64 hex digits")
            }
            out.append(SourcePackage(name: f[0], version: f[1], registry: f[2], sha256: f[3], file: f[4]))
        }
        return out
    }
}
