/// The layout of `gazetteer.keys`, the gazetteer's lookup file: fixed-size records and hash maps
/// read in place from a memory-mapped file, so that opening it costs no load step.
///
/// All integers are little-endian. The file is a header followed by sections:
/// - a header: magic, version, section count, then an (offset, length) pair per section;
/// - `strings`: UTF-8 bytes referred to by (offset, length) pairs;
/// - `places`: one `placeSize`-byte record per place (see `PlaceField`);
/// - `names`: one 16-byte record per name: place index, variant offset and length (the top bit of
///   the length set when the variant folds to the place's own name), skeleton entry;
/// - `admin1`: one 16-byte record per admin-1 name: country (2 ASCII bytes), code offset and length;
/// - seven maps (`KeyMap`), each three sections: entries (16 bytes: key offset and length, first posting,
///   posting count), slots (8 bytes: entry + 1 or 0 when empty, upper hash half) and postings (u32).
public enum KeyTableLayout {
    public static let magic: UInt64 = 0x3130_5359_454B_4247 // "GBKEYS01"
    /// 3: the file ends with its checksum (`FileSeal`); 4: the `regionWord` map.
    public static let version: UInt32 = 4
    public static let headerSize = 16
    public static let placeSize = 104
    public static let nameSize = 16
    public static let admin1Size = 16
    public static let entrySize = 16
    public static let slotSize = 8

    /// The fixed sections, in file order; the maps' sections follow.
    public enum Section: Int, CaseIterable { case strings, places, names, admin1 }
    public static var sectionCount: Int { Section.allCases.count + KeyMap.allCases.count * 3 }

    /// Section index of a map's entries, slots or postings.
    public static func section(_ map: KeyMap, _ part: Int) -> Int { Section.allCases.count + map.rawValue * 3 + part }

    /// Byte offsets inside a place record.
    public enum PlaceField {
        public static let id = 0, lat = 8, lon = 16, population = 24, west = 32, south = 40, east = 48, north = 56
        public static let name = 64, source = 72, admin1 = 80, admin1Name = 88, country = 96, kind = 98, priority = 99
    }

    /// FNV-1a, 64 bits: the maps' hash.
    @inline(__always)
    public static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }

    /// The distinct byte trigrams of a skeleton, in order of first appearance: the keys of the
    /// `trigram` map when the table is written, and what a typo search looks up.
    public static func trigrams(_ bytes: [UInt8]) -> [[UInt8]] {
        guard bytes.count >= 3 else { return [] }
        var seen = Set<[UInt8]>()
        return (0...(bytes.count - 3)).map { Array(bytes[$0..<$0 + 3]) }.filter { seen.insert($0).inserted }
    }

    /// Marks a name record whose variant folds to its place's own name (in the length word).
    public static let primaryFlag: UInt32 = 1 << 31

    /// The place kinds as stored (one byte: the index in this list).
    public static let kinds = PlaceKind.allCases
}

/// The key maps of the lookup file: what a key is, and what its postings point at.
public enum KeyMap: Int, CaseIterable, Sendable {
    /// Exact spelling -> names.
    case variant
    /// Folded spelling -> names.
    case folded
    /// Transliterated, folded spelling -> names.
    case latin
    /// Romanization skeleton -> names.
    case skeleton
    /// Byte trigram of a skeleton -> skeleton entries (for typos).
    case trigram
    /// Skeleton of an admin-1 name (region words stripped) -> admin-1 records.
    case admin1
    /// Skeleton of one distinctive word of a region's name of several words ("darfur" of "North
    /// Darfur") -> names: for a query that names a whole the data has only in parts.
    case regionWord
}
