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
        let c = r.candidates.first
        let fields: [String] = [r.query, r.status.rawValue, c?.name ?? "", c.map { String($0.id) } ?? "", c?.kind.rawValue ?? "",
                                c?.country ?? "", c?.admin1Name ?? "", c.map { String($0.population) } ?? "",
                                c.map { String($0.lat) } ?? "", c.map { String($0.lon) } ?? "", c?.match.rawValue ?? "",
                                c?.matched ?? "", c.map { String($0.score) } ?? "", String(r.candidates.count)]
        var line = ""
        for (i, f) in fields.enumerated() {
            if i > 0 { line += "," }
            line += csv(f)
        }
        return line
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
