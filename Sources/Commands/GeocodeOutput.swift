import Foundation
import Gazetteer

/// Renders geocoding answers: a table for the terminal, CSV or JSON lines for pipes.
public enum GeocodeOutput {
    static let csvHeader = "query,status,name,geonameid,kind,country,admin1,population,lat,lon,match,matched,score,candidates"

    public static func render(_ r: GeocodeResult, json: Bool, table: Bool) -> String {
        if json {
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: (try? enc.encode(r)) ?? Data(), as: UTF8.self)
        }
        if table { return tableText(r) }
        var line: [UInt8] = []
        appendCSV(r, to: &line)
        return String(decoding: line, as: UTF8.self)
    }

    /// One CSV row (see `csvHeader`) appended as bytes, without building a string per field.
    public static func appendCSV(_ r: GeocodeResult, to line: inout [UInt8]) {
        let c = r.candidates.first
        func field(_ s: String, comma: Bool = true) {
            // Copied as is; quoted instead when it holds a comma, quote or newline.
            let start = line.count
            var special = false
            for b in s.utf8 {
                if b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\n") { special = true }
                line.append(b)
            }
            if special {
                line.removeSubrange(start...)
                line += csv(s).utf8
            }
            if comma { line.append(UInt8(ascii: ",")) }
        }
        field(r.query)
        field(r.status.rawValue)
        field(c?.name ?? "")
        field(c.map { String($0.id) } ?? "")
        field(c?.kind.rawValue ?? "")
        field(c?.country ?? "")
        field(c?.admin1Name ?? "")
        field(c.map { String($0.population) } ?? "")
        field(c.map { String($0.lat) } ?? "")
        field(c.map { String($0.lon) } ?? "")
        field(c?.match.rawValue ?? "")
        field(c?.matched ?? "")
        field(c.map { String($0.score) } ?? "")
        field(String(r.candidates.count), comma: false)
    }

    static func tableText(_ r: GeocodeResult) -> String {
        var lines = ["\(r.query): \(r.status.rawValue) - \(r.message)"]
        let list = r.status == .notFound ? r.suggestions : r.candidates
        for (i, c) in list.enumerated() {
            lines.append(String(format: "  %d. %@  geonameid %lld  %@ %@  pop. %lld  %.5f, %.5f  %@ '%@'  score %.1f%@",
                                i + 1, c.name, c.id, c.country, c.admin1Name, c.population, c.lat, c.lon,
                                c.match.rawValue, c.matched, c.score, c.nearKm.map { String(format: "  %.0f km away", $0) } ?? ""))
        }
        return lines.joined(separator: "\n")
    }

    static func csv(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
