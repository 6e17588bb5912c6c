import DataCatalog
import Foundation

/// A compiled GNU gettext catalog (`.mo`): the translation of each message, as Debian's
/// iso-codes ships the names of countries and their regions in other languages.
public struct MessageCatalog {
    public private(set) var translations: [String: String] = [:]

    /// Reads the catalog at `path`; a file that is not a catalog, or whose tables point outside
    /// it, is an error naming the file.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw GeoDataError.missingSource(path, expected: "a gettext catalog") }
        try self.init(bytes: [UInt8](data), path: path)
    }

    init(bytes: [UInt8], path: String) throws {
        func bad(_ reason: String) -> GeoDataError { .badSource(path, line: 0, reason: reason) }
        guard bytes.count >= 20 else { throw bad("too short for a gettext catalog") }
        func word(_ at: Int, _ little: Bool) -> Int? {
            guard at >= 0, at + 4 <= bytes.count else { return nil }
            let b = bytes[at..<at + 4].map(UInt32.init)
            return Int(little ? b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24 : b[3] | b[2] << 8 | b[1] << 16 | b[0] << 24)
        }
        let little: Bool
        switch word(0, true) {
        case 0x9504_12DE: little = true
        case 0xDE12_0495: little = false
        default: throw bad("not a gettext catalog (no .mo magic number)")
        }
        guard let count = word(8, little), let originals = word(12, little), let translated = word(16, little) else { throw bad("truncated header") }
        guard count <= bytes.count / 8 else { throw bad("claims \(count) messages, more than the file holds") }
        func string(_ table: Int, _ i: Int) throws -> String {
            guard let length = word(table + 8 * i, little), let offset = word(table + 8 * i + 4, little),
                  offset + length <= bytes.count else { throw bad("message \(i) lies outside the file") }
            guard let s = String(bytes: bytes[offset..<offset + length], encoding: .utf8) else { throw bad("message \(i) is not UTF-8") }
            return s
        }
        for i in 0..<count {
            let original = try string(originals, i)
            guard !original.isEmpty else { continue } // the header
            // Plural forms are separated by NUL: the singular is the message.
            let text = try string(translated, i).split(separator: "\0", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            if !text.isEmpty { translations[original] = text }
        }
    }

    /// The translation of `message`, or nil when the catalog has none.
    public subscript(message: String) -> String? { translations[message] }
}
