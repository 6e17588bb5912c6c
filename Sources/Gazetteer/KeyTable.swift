import GeoCore
import PosixBindings

/// The lookup file (`gazetteer.keys`, see `KeyTableLayout`), mapped read-only: opened in well under
/// a millisecond, with pages read from disk only when a lookup touches them.
final class KeyTable: Sendable {
    private let file: MappedFile
    private let sections: [(offset: Int, length: Int)]
    let placeCount: Int
    let nameCount: Int
    let admin1Count: Int

    /// Maps the file and checks its header and section bounds.
    init(path: String) throws {
        do { file = try MappedFile(path: path) } catch {
            throw GazetteerError.missingIndex(path)
        }
        typealias L = KeyTableLayout
        guard file.u64(0) == L.magic else { throw GazetteerError.corruptIndex(path, reason: "not a GeoBrief key table") }
        guard file.u32(8) == L.version else {
            throw GazetteerError.corruptIndex(path, reason: "key table version \(file.u32(8)), expected \(L.version)")
        }
        guard Int(file.u32(12)) == L.sectionCount else { throw GazetteerError.corruptIndex(path, reason: "wrong section count") }
        // The body's checksum (checked once per version of the file): a damaged table never answers.
        let length: Int
        do { length = try FileSeal.verify(file) } catch { throw GazetteerError.corruptIndex(path, reason: "\(error)") }
        var list: [(Int, Int)] = []
        for i in 0..<L.sectionCount {
            let o = Int(clamping: file.u64(L.headerSize + i * 16)), n = Int(clamping: file.u64(L.headerSize + i * 16 + 8))
            guard o >= 0, n >= 0, o <= length, n <= length - o else {
                throw GazetteerError.corruptIndex(path, reason: "section \(i) lies outside the file (truncated?)")
            }
            list.append((o, n))
        }
        sections = list
        placeCount = list[L.Section.places.rawValue].1 / L.placeSize
        nameCount = list[L.Section.names.rawValue].1 / L.nameSize
        admin1Count = list[L.Section.admin1.rawValue].1 / L.admin1Size
        for map in KeyMap.allCases {
            let slots = list[L.section(map, 1)].1 / L.slotSize
            guard slots > 0, slots & (slots - 1) == 0 else {
                throw GazetteerError.corruptIndex(path, reason: "map \(map) has \(slots) slots, not a power of two")
            }
        }
    }

    private func base(_ s: Int) -> Int { sections[s].offset }

    // MARK: strings

    func string(_ ref: Int) -> String { file.string(base(0) + Int(file.u32(ref)), Int(file.u32(ref + 4))) }
    private func stringEquals(_ ref: Int, _ bytes: [UInt8]) -> Bool {
        file.bytesEqual(base(0) + Int(file.u32(ref)), Int(file.u32(ref + 4)), bytes)
    }
    private func stringBytes(_ ref: Int) -> [UInt8] { file.bytes(base(0) + Int(file.u32(ref)), Int(file.u32(ref + 4))) }
    private func stringLength(_ ref: Int) -> Int { Int(file.u32(ref + 4)) }

    // MARK: maps

    /// The postings of `key` in `map` (an empty range when the key is absent).
    func lookup(_ map: KeyMap, _ key: [UInt8]) -> Range<Int> {
        let slotsBase = base(KeyTableLayout.section(map, 1))
        let mask = sections[KeyTableLayout.section(map, 1)].length / KeyTableLayout.slotSize - 1
        let h = KeyTableLayout.hash(key)
        let tag = UInt32(truncatingIfNeeded: h >> 32)
        var i = Int(truncatingIfNeeded: h) & mask
        for _ in 0...mask {
            let entry = Int(file.u32(slotsBase + i * 8))
            if entry == 0 { return 0..<0 }
            if file.u32(slotsBase + i * 8 + 4) == tag && entryKeyEquals(map, entry - 1, key) { return entryPostings(map, entry - 1) }
            i = (i + 1) & mask
        }
        return 0..<0
    }

    /// Number of entries (distinct keys) in a map.
    func entryCount(_ map: KeyMap) -> Int { sections[KeyTableLayout.section(map, 0)].length / KeyTableLayout.entrySize }
    private func entryRef(_ map: KeyMap, _ e: Int) -> Int { base(KeyTableLayout.section(map, 0)) + e * KeyTableLayout.entrySize }
    func entryKey(_ map: KeyMap, _ e: Int) -> [UInt8] { stringBytes(entryRef(map, e)) }
    func entryKeyLength(_ map: KeyMap, _ e: Int) -> Int { stringLength(entryRef(map, e)) }
    /// Calls `body` with the length of an entry's key and a reader of its bytes (no copy).
    @inline(__always)
    func withEntryKey<T>(_ map: KeyMap, _ e: Int, _ body: (Int, (Int) -> UInt8) -> T) -> T {
        let r = entryRef(map, e)
        let start = base(0) + Int(file.u32(r))
        return body(Int(file.u32(r + 4))) { file.byte(start + $0) }
    }
    private func entryKeyEquals(_ map: KeyMap, _ e: Int, _ key: [UInt8]) -> Bool { stringEquals(entryRef(map, e), key) }
    func entryPostings(_ map: KeyMap, _ e: Int) -> Range<Int> {
        let r = entryRef(map, e)
        let start = Int(file.u32(r + 8)), n = Int(file.u32(r + 12))
        return start..<(start + n)
    }
    /// The `i`-th posting of a map: a name, skeleton entry or admin-1 record index.
    func posting(_ map: KeyMap, _ i: Int) -> Int { Int(file.u32(base(KeyTableLayout.section(map, 2)) + i * 4)) }

    // MARK: names

    private func nameRef(_ n: Int) -> Int { base(KeyTableLayout.Section.names.rawValue) + n * KeyTableLayout.nameSize }
    func namePlace(_ n: Int) -> Int { Int(file.u32(nameRef(n))) }
    func nameVariant(_ n: Int) -> String {
        let r = nameRef(n)
        return file.string(base(0) + Int(file.u32(r + 4)), Int(file.u32(r + 8) & ~KeyTableLayout.primaryFlag))
    }
    /// Whether a name is (folded) its place's own name rather than an alternate.
    func nameIsPrimary(_ n: Int) -> Bool { file.u32(nameRef(n) + 8) & KeyTableLayout.primaryFlag != 0 }

    // MARK: admin-1 records

    private func admin1Ref(_ a: Int) -> Int { base(KeyTableLayout.Section.admin1.rawValue) + a * KeyTableLayout.admin1Size }
    func admin1Country(_ a: Int) -> String { file.string(admin1Ref(a), 2) }
    func admin1Code(_ a: Int) -> String { string(admin1Ref(a) + 4) }

    // MARK: places

    private func placeRef(_ p: Int) -> Int { base(KeyTableLayout.Section.places.rawValue) + p * KeyTableLayout.placeSize }
    func placeKind(_ p: Int) -> PlaceKind {
        let k = Int(file.byte(placeRef(p) + KeyTableLayout.PlaceField.kind))
        return k < KeyTableLayout.kinds.count ? KeyTableLayout.kinds[k] : .populated
    }
    func placePopulation(_ p: Int) -> Int64 { Int64(bitPattern: file.u64(placeRef(p) + KeyTableLayout.PlaceField.population)) }

    /// The ISO code, empty for a place in no country (a strait), which is stored as two zero bytes.
    func placeCountry(_ p: Int) -> String {
        let r = placeRef(p) + KeyTableLayout.PlaceField.country
        return file.byte(r) == 0 ? "" : file.string(r, 2)
    }

    /// A place as a candidate for a match of `kind` on `matched`, one of its names.
    func candidate(_ p: Int, match: MatchKind, matched: String, primary: Bool, distance: Int) -> Candidate {
        typealias F = KeyTableLayout.PlaceField
        let r = placeRef(p)
        let w = file.f64(r + F.west), s = file.f64(r + F.south), e = file.f64(r + F.east), n = file.f64(r + F.north)
        let name = string(r + F.name)
        return Candidate(id: Int64(bitPattern: file.u64(r + F.id)), name: name, kind: placeKind(p), country: placeCountry(p),
                         admin1: string(r + F.admin1), admin1Name: string(r + F.admin1Name),
                         population: Int64(bitPattern: file.u64(r + F.population)), lat: file.f64(r + F.lat), lon: file.f64(r + F.lon),
                         box: w.isNaN ? nil : BoundingBox(west: w, south: s, east: e, north: n), source: string(r + F.source),
                         score: 0, match: match, matched: matched, distance: distance, nearKm: nil,
                         priority: Int(Int8(bitPattern: file.byte(r + F.priority))),
                         primary: primary)
    }
}
