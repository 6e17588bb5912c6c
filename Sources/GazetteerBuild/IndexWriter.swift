import PosixBindings
import Gazetteer
import Foundation
import GeoCore
import Bindings

/// Writes places into a new gazetteer index file, atomically (a temporary file renamed on `finish`),
/// and then the lookup file (`gazetteer.keys`) derived from it.
public final class IndexWriter {
    private var db: SQLiteDatabase?
    private let path: String
    private let temporary: String
    private var skeletonIDs: [String: Int64] = [:]
    private var seen = Set<Int64>()
    public private(set) var placeCount = 0
    public private(set) var nameCount = 0

    /// Names past this count for one place are dropped (GeoNames has places with hundreds).
    public static let maxNamesPerPlace = 400

    public init(path: String) throws {
        self.path = path
        temporary = try AtomicFile.temporaryPath(for: path)
        let db = try SQLiteDatabase(path: temporary, mode: .create)
        try db.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 8192;")
        try IndexSchema.create(db)
        self.db = db
    }

    deinit { try? FileManager.default.removeItem(atPath: temporary) }

    /// The index being written; an error once `finish` has closed it.
    private func open() throws -> SQLiteDatabase {
        guard let db else { throw SQLiteError(path: path, message: "the index is finished") }
        return db
    }

    /// Adds places; a place whose id is already in the index is skipped (first source wins).
    /// Name keys are computed on every core first; the inserts are one transaction.
    public func add(_ places: [PlaceRecord]) throws {
        let fresh = places.filter { seen.insert($0.id).inserted }
        let variantsOf: [[String]] = fresh.map { p in
            var seenVariants = Set<String>()
            return ([p.name] + p.names).prefix(IndexWriter.maxNamesPerPlace).compactMap { n in
                let v = n.trimmingCharacters(in: .whitespacesAndNewlines)
                return !v.isEmpty && v.utf8.count <= NameKey.maxLength && seenVariants.insert(v).inserted ? v : nil
            }
        }
        let keys = IndexWriter.computeKeys(variantsOf)
        let db = try open()
        try db.transaction {
            let placeStmt = try db.prepare("""
                INSERT INTO place (id, name, kind, country, admin1, population, lat, lon, west, south, east, north, source, priority)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let nameStmt = try db.prepare("INSERT INTO name (place, variant, folded, latin, skeleton) VALUES (?, ?, ?, ?, ?)")
            let skelStmt = try db.prepare("INSERT INTO skeleton (id, text) VALUES (?, ?)")
            let treeStmt = try db.prepare("INSERT INTO place_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)")
            for (i, p) in fresh.enumerated() {
                try placeStmt.run([p.id, p.name, p.kind.rawValue, p.country, p.admin1, p.population,
                                                  p.coordinate.lat, p.coordinate.lon, p.box?.west, p.box?.south, p.box?.east, p.box?.north,
                                                  p.source, p.priority])
                try treeStmt.run([p.id, p.coordinate.lon, p.coordinate.lon, p.coordinate.lat, p.coordinate.lat])
                for (v, key) in zip(variantsOf[i], keys[i]) {
                    guard !key.latin.isEmpty else { continue }
                    let sid: Int64
                    if let known = skeletonIDs[key.skeleton] { sid = known } else {
                        sid = Int64(skeletonIDs.count + 1)
                        skeletonIDs[key.skeleton] = sid
                        try skelStmt.run([sid, key.skeleton])
                    }
                    try nameStmt.run([p.id, v, key.folded, key.latin, sid])
                    nameCount += 1
                }
                placeCount += 1
            }
        }
    }

    /// The keys of every variant, computed in parallel chunks.
    static func computeKeys(_ variants: [[String]]) -> [[NameKey]] {
        let chunks = max(1, ProcessInfo.processInfo.activeProcessorCount * 4)
        let size = (variants.count + chunks - 1) / chunks
        var results = [[[NameKey]]](repeating: [], count: chunks)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own slot of the buffer.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let lo = c * size, hi = min(variants.count, lo + size)
                guard lo < hi else { return }
                slots[c] = variants[lo..<hi].map { $0.map(NameKey.init) }
            }
        }
        return results.flatMap { $0 }
    }

    /// Records admin-1 names (all spellings) so that `--admin1 Kursk` finds code RU.41.
    public func addAdmin1(country: String, code: String, names: [String]) throws {
        let db = try open()
        try db.transaction {
            var done = Set<String>()
            for n in names {
                let skeleton = NameKey(RegionWords.strip(n)).skeleton
                guard !skeleton.isEmpty, done.insert(skeleton).inserted else { continue }
                try db.run("INSERT INTO admin1 (country, code, name, skeleton) VALUES (?, ?, ?, ?)", [country, code, n, skeleton])
            }
        }
    }

    /// Builds the indexes, records the sources, and moves the file into place.
    public func finish(sources: [String]) throws {
        let db = try open()
        try IndexSchema.finish(db)
        try db.run("INSERT INTO meta (key, value) VALUES ('schema', ?), ('sources', ?)", [String(IndexSchema.version), sources.joined(separator: "\n")])
        try db.execute("ANALYZE")
        self.db = nil
        try AtomicFile.commit(temporary, to: path)
        try KeyTableWriter.write(from: path, to: IndexWriter.keysPath(for: path))
    }

    /// The lookup file written beside an index: `gazetteer.sqlite` -> `gazetteer.keys`.
    public static func keysPath(for index: String) -> String {
        (index.hasSuffix(".sqlite") ? String(index.dropLast(7)) : index) + ".keys"
    }
}
