import PosixBindings
import Foundation
import Gazetteer
import Bindings

/// Writes `gazetteer.keys` (layout in `KeyTableLayout`) from a finished SQLite index: the same
/// places and names, as records and hash maps that lookups read in place.
enum KeyTableWriter {
    /// Reads the index at `sqlite` and writes the key table to `path` (a temporary renamed).
    static func write(from sqlite: String, to path: String) throws {
        let db = try SQLiteDatabase(path: sqlite)
        var out = Builder()
        var placeIndex: [Int64: UInt32] = [:]
        /// Each place's folded own name, and whether it is a region.
        var placeFacts: [(name: String, region: Bool)] = []
        try db.query("""
            SELECT p.*, (SELECT a.name FROM admin1 a WHERE a.country = p.country AND a.code = p.admin1 ORDER BY a.rowid LIMIT 1) AS admin1_name
            FROM place p ORDER BY p.id
            """) { r in
            placeIndex[r["id"].integer] = UInt32(placeIndex.count)
            placeFacts.append((NameKey.fold(r["name"].text), r["kind"].text == PlaceKind.region.rawValue))
            out.addPlace(r)
            return true
        }
        var skeletonText: [Int64: String] = [:]
        try db.query("SELECT id, text FROM skeleton") { r in skeletonText[r[0].integer] = r[1].text; return true }
        try db.query("SELECT place, variant, folded, latin, skeleton FROM name ORDER BY place, rowid") { r in
            guard let p = placeIndex[r["place"].integer], let skeleton = skeletonText[r["skeleton"].integer] else { return true }
            let folded = r["folded"].text
            out.addName(place: p, variant: r["variant"].text, folded: folded, latin: r["latin"].text, skeleton: skeleton,
                        primary: folded == placeFacts[Int(p)].name, region: placeFacts[Int(p)].region)
            return true
        }
        try db.query("SELECT country, code, skeleton FROM admin1 ORDER BY rowid") { r in
            out.addAdmin1(country: r["country"].text, code: r["code"].text, skeleton: r["skeleton"].text)
            return true
        }
        let bytes = out.finish()
        try AtomicFile.write(FileSeal.sealed(Data(bytes)), to: path)
        FileSeal.markVerified(path: path)
    }

    /// Collects records and keys in memory, then lays them out.
    private struct Builder {
        var strings: [UInt8] = []
        var places: [UInt8] = []
        var names: [UInt8] = []
        var admin1: [UInt8] = []
        var nameCount: UInt32 = 0
        var admin1Count: UInt32 = 0
        /// For each map: key -> postings, in first-seen key order.
        var maps = [KeyAccumulator](repeating: KeyAccumulator(), count: KeyMap.allCases.count)

        /// Appends `s` to the strings and returns its reference (offset, length).
        mutating func stringRef(_ s: String) -> [UInt8] {
            var ref: [UInt8] = []
            ref.appendLE(UInt32(strings.count))
            ref.appendLE(UInt32(s.utf8.count))
            strings += s.utf8
            return ref
        }

        mutating func addPlace(_ r: SQLiteRow) {
            let start = places.count
            places.appendLE(UInt64(bitPattern: r["id"].integer))
            places.appendLE(r["lat"].double.bitPattern)
            places.appendLE(r["lon"].double.bitPattern)
            places.appendLE(UInt64(bitPattern: r["population"].integer))
            for key in ["west", "south", "east", "north"] { places.appendLE((r[key].optionalDouble ?? .nan).bitPattern) }
            for key in ["name", "source", "admin1", "admin1_name"] { places += stringRef(r[key].optionalText ?? "") }
            let country = Array(r["country"].text.utf8.prefix(2))
            places += country + [UInt8](repeating: 0, count: 2 - country.count)
            let kind = PlaceKind(rawValue: r["kind"].text) ?? .populated
            places.append(UInt8(KeyTableLayout.kinds.firstIndex(of: kind) ?? 0))
            places.append(UInt8(bitPattern: Int8(clamping: r["priority"].integer)))
            places += [0, 0, 0, 0]
            assert(places.count - start == KeyTableLayout.placeSize)
        }

        mutating func addName(place: UInt32, variant: String, folded: String, latin: String, skeleton: String, primary: Bool, region: Bool) {
            let n = nameCount
            nameCount += 1
            names.appendLE(place)
            var ref = stringRef(variant)
            if primary { ref[7] |= 0x80 }   // the top bit of the length (little-endian)
            names += ref
            let bytes = Array(skeleton.utf8)
            let known = maps[KeyMap.skeleton.rawValue].keys.count
            let skeletonEntry = maps[KeyMap.skeleton.rawValue].add(bytes, n)
            names.appendLE(skeletonEntry)
            maps[KeyMap.variant.rawValue].add(Array(variant.utf8), n)
            maps[KeyMap.folded.rawValue].add(Array(folded.utf8), n)
            maps[KeyMap.latin.rawValue].add(Array(latin.utf8), n)
            if maps[KeyMap.skeleton.rawValue].keys.count > known {
                // A new skeleton: index its trigrams once.
                for gram in KeyTableLayout.trigrams(bytes) { maps[KeyMap.trigram.rawValue].add(gram, skeletonEntry) }
            }
            if region {
                var seen = Set<String>()
                for word in RegionWords.distinctive(latin) where seen.insert(word).inserted {
                    maps[KeyMap.regionWord.rawValue].add(Array(NameKey.skeleton(of: word).utf8), n)
                }
            }
        }

        mutating func addAdmin1(country: String, code: String, skeleton: String) {
            let country2 = Array(country.utf8.prefix(2))
            admin1 += country2 + [UInt8](repeating: 0, count: 2 - country2.count) + [0, 0]
            admin1 += stringRef(code)
            admin1 += [0, 0, 0, 0]
            maps[KeyMap.admin1.rawValue].add(Array(skeleton.utf8), admin1Count)
            admin1Count += 1
        }

        mutating func finish() -> [UInt8] {
            var sections: [[UInt8]] = [[], places, names, admin1]
            for m in KeyMap.allCases {
                let (entries, slots, postings) = maps[m.rawValue].layout(strings: &strings)
                sections += [entries, slots, postings]
            }
            sections[0] = strings
            typealias L = KeyTableLayout
            var header: [UInt8] = []
            header.appendLE(L.magic)
            header.appendLE(L.version)
            header.appendLE(UInt32(sections.count))
            var offset = L.headerSize + sections.count * 16
            var body: [UInt8] = []
            for s in sections {
                let padded = (offset + 7) / 8 * 8
                body += [UInt8](repeating: 0, count: padded - offset)
                header.appendLE(UInt64(padded))
                header.appendLE(UInt64(s.count))
                body += s
                offset = padded + s.count
            }
            return header + body
        }
    }

    /// One map's keys in first-seen order with their postings.
    private struct KeyAccumulator {
        var index: [[UInt8]: UInt32] = [:]
        var keys: [[UInt8]] = []
        var postings: [[UInt32]] = []

        /// Adds a posting under `key`; returns the key's entry number.
        @discardableResult
        mutating func add(_ key: [UInt8], _ posting: UInt32) -> UInt32 {
            if let e = index[key] {
                postings[Int(e)].append(posting)
                return e
            }
            let e = UInt32(keys.count)
            index[key] = e
            keys.append(key)
            postings.append([posting])
            return e
        }

        /// Entries (key ref, first posting, count), open-addressing slots and the postings.
        func layout(strings: inout [UInt8]) -> ([UInt8], [UInt8], [UInt8]) {
            var entries: [UInt8] = [], flat: [UInt8] = []
            var next: UInt32 = 0
            for (k, list) in zip(keys, postings) {
                entries.appendLE(UInt32(strings.count))
                entries.appendLE(UInt32(k.count))
                strings += k
                entries.appendLE(next)
                entries.appendLE(UInt32(list.count))
                for p in list { flat.appendLE(p) }
                next += UInt32(list.count)
            }
            var capacity = 8
            while capacity < keys.count * 2 { capacity *= 2 }
            var slots = [UInt32](repeating: 0, count: capacity * 2)
            for (e, k) in keys.enumerated() {
                let h = KeyTableLayout.hash(k)
                var i = Int(truncatingIfNeeded: h) & (capacity - 1)
                while slots[i * 2] != 0 { i = (i + 1) & (capacity - 1) }
                slots[i * 2] = UInt32(e + 1)
                slots[i * 2 + 1] = UInt32(truncatingIfNeeded: h >> 32)
            }
            var slotBytes: [UInt8] = []
            slotBytes.reserveCapacity(capacity * 8)
            for s in slots { slotBytes.appendLE(s) }
            return (entries, slotBytes, flat)
        }
    }
}

extension Array where Element == UInt8 {
    mutating func appendLE(_ v: UInt32) { for i in 0..<4 { append(UInt8(truncatingIfNeeded: v >> (8 * i))) } }
    mutating func appendLE(_ v: UInt64) { for i in 0..<8 { append(UInt8(truncatingIfNeeded: v >> (8 * i))) } }
}
