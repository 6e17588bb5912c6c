import CPango
import Foundation

/// SHA-256 digests, from GLib (already linked for Pango).
public enum Checksum {
    /// The lowercase hex SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String {
        let hex: UnsafeMutablePointer<gchar>? = data.withUnsafeBytes { raw in
            g_compute_checksum_for_data(G_CHECKSUM_SHA256, raw.bindMemory(to: guchar.self).baseAddress, gsize(data.count))
        }
        guard let hex else { return "" }
        defer { g_free(hex) }
        return String(cString: hex)
    }
}
