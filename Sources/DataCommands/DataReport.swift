import DataCatalog
import Foundation
import DataBuild

/// The text of `geobrief data info`: one block per dataset.
struct DataReport {
    let directory: DataDirectory
    let manifest: Manifest

    func text() -> String {
        var lines = ["Geodata in \(directory.path) (format \(manifest.formatVersion), \(manifest.datasets.count) datasets)", ""]
        for d in manifest.datasets {
            let size = fileSize(directory.file(d.path))
            lines.append("\(d.id)  \(d.path)  [\(d.kind)\(d.detail.isEmpty ? "" : ", \(d.detail)")]  \(size)")
            lines.append("  \(d.description)")
            lines.append("  source: \(d.sources.joined(separator: ", "))   licence: \(d.licence)")
            lines.append("  attribution: \(d.attribution)")
            for l in d.layers {
                let extent = l.extent.map { "  extent \($0)" } ?? ""
                lines.append("    \(l.name): \(l.features) \(l.geometry == "table" ? "rows" : "features") (\(l.geometry))\(extent)")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private func fileSize(_ path: String) -> String {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return "MISSING" }
        var bytes = 0
        if isDir.boolValue {
            for f in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                bytes += ((try? FileManager.default.attributesOfItem(atPath: path + "/" + f))?[.size] as? Int) ?? 0
            }
        } else {
            bytes = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
        }
        return String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
