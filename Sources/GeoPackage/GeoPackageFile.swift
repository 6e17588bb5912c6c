import PosixBindings
import Foundation
import GeoCore
import Bindings

/// A GeoPackage opened read-only with SQLite alone (no GDAL): the geometries of a layer within a
/// lon/lat box, found through the layer's R*Tree index, decoded from GeoPackage's blob format (a
/// short header, then ISO WKB). Reads the files `make geodata` writes.
public final class GeoPackageFile: Sendable {
    public let path: String
    /// The connection, used by one thread at a time.
    private let db: Locked<SQLiteDatabase>
    /// Geometry column of each layer, from `gpkg_geometry_columns`.
    private let geometryColumns: [String: String]
    /// Layers that have an R*Tree index (`rtree_<layer>_<column>`).
    private let indexed: Set<String>

    /// Opens `path`; throws when it is missing or not a GeoPackage.
    public init(path: String) throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw GeoPackageError(path: path, message: "no such file; run `make geodata`")
        }
        var columns: [String: String] = [:], tables = Set<String>()
        let reader: SQLiteDatabase
        do {
            reader = try SQLiteDatabase(path: path)
            try reader.query("SELECT table_name, column_name FROM gpkg_geometry_columns") { row in
                if case .text(let t) = row[0], case .text(let c) = row[1] { columns[t] = c }
                return true
            }
            try reader.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rtree_%'") { row in
                if case .text(let t) = row[0] { tables.insert(t) }
                return true
            }
        } catch let error as SQLiteError {
            throw GeoPackageError(path: path, message: "not a readable GeoPackage (\(error.message)); run `make geodata`")
        }
        db = Locked(reader)
        geometryColumns = columns
        indexed = Set(columns.filter { tables.contains("rtree_\($0.key)_\($0.value)") }.keys)
        self.path = path
    }

    /// The file at `path`, opened once per process and shared by every thread (SQLite parses a
    /// GeoPackage's schema, a few milliseconds for Natural Earth's, on each new connection).
    public static func shared(path: String) throws -> GeoPackageFile {
        try openFiles.withLock { files in
            if let f = files[path] { return f }
            let f = try GeoPackageFile(path: path)
            files[path] = f
            return f
        }
    }

    private static let openFiles = Locked<[String: GeoPackageFile]>([:])

    /// The layers holding geometry.
    public var layers: [String] { geometryColumns.keys.sorted() }

    /// The spatial reference id of each layer, from `gpkg_geometry_columns`.
    public func layerSRS() throws -> [String: Int] {
        var out: [String: Int] = [:]
        do {
            try db.withLock { reader in
                try reader.query("SELECT table_name, srs_id FROM gpkg_geometry_columns") { row in
                    if case .text(let t) = row[0], case .integer(let id) = row[1] { out[t] = Int(id) }
                    return true
                }
            }
        } catch let error as SQLiteError {
            throw GeoPackageError(path: path, message: "reading its layers: \(error.message)")
        }
        return out
    }

    /// The geometries of `layer` whose bounding boxes meet `box` (every one when nil), in feature
    /// order. Features without geometry are skipped; past `limit` features it is an error.
    public func geometries(layer: String, in box: BoundingBox?, limit: Int) throws -> [Geometry] {
        try features(layer: layer, in: box, columns: [], limit: limit).map(\.geometry)
    }

    /// The features of `layer` whose bounding boxes meet `box` (every one when nil), in feature
    /// order, each with the values of `columns`; with `withText`, only those whose column of that
    /// name holds some text (the others' geometries are not even read). Features without geometry
    /// are skipped; past `limit` features it is an error, and so is a column the layer lacks.
    public func features(layer: String, in box: BoundingBox?, columns: [String], limit: Int,
                         withText: String? = nil) throws -> [(geometry: Geometry, values: [SQLiteValue])] {
        guard let column = geometryColumns[layer] else {
            throw GeoPackageError(path: path, message: "no layer '\(layer)' (has \(layers.joined(separator: ", "))); run `make geodata`")
        }
        var sql = "SELECT \(([column] + columns).map(Self.quoted).joined(separator: ", ")) FROM \(Self.quoted(layer))"
        var conditions: [String] = []
        var arguments: [SQLiteValue] = []
        if let box, indexed.contains(layer) {
            conditions.append("rowid IN (SELECT id FROM \(Self.quoted("rtree_\(layer)_\(column)")) WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?)")
            arguments = [.real(box.west), .real(box.east), .real(box.south), .real(box.north)]
        }
        if let withText { conditions.append("\(Self.quoted(withText)) <> ''") }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY rowid"
        let path = self.path
        // Only the SQL runs under the connection's lock; blobs are decoded after, so that threads
        // sharing the file decode in parallel.
        var rows: [(Data, [SQLiteValue])] = []
        do {
            try db.withLock { reader in
                try reader.query(sql, arguments) { row in
                    guard case .blob(let blob) = row[0] else { return true }
                    guard rows.count < limit else {
                        throw GeoPackageError(path: path, message: "layer '\(layer)' has more than \(limit) features in \(box.map { "\($0)" } ?? "all")")
                    }
                    rows.append((blob, columns.isEmpty ? [] : Array(row.values.dropFirst())))
                    return true
                }
            }
        } catch let error as SQLiteError {
            throw GeoPackageError(path: path, message: "reading layer '\(layer)': \(error.message)")
        }
        var out: [(geometry: Geometry, values: [SQLiteValue])] = []
        out.reserveCapacity(rows.count)
        for (blob, values) in rows {
            guard let g = try Self.decode(blob, path: path, layer: layer) else { continue }
            // Without an index the box is checked here.
            if let box, !indexed.contains(layer), let b = g.boundingBox, !b.intersects(box) { continue }
            out.append((g, values))
        }
        return out
    }

    /// Decodes one GeoPackage geometry blob; nil for an empty geometry.
    public static func decodeBlob(_ blob: Data) throws -> Geometry? { try decode(blob, path: "(blob)", layer: "-") }

    /// A GeoPackage geometry blob: "GP", version, flags (byte order, envelope size, empty), SRS id,
    /// envelope, then WKB. Nil for an empty geometry.
    static func decode(_ blob: Data, path: String, layer: String) throws -> Geometry? {
        let bytes = [UInt8](blob)
        guard bytes.count >= 8, bytes[0] == 0x47, bytes[1] == 0x50 else {
            throw GeoPackageError(path: path, message: "layer '\(layer)' holds a geometry that is not a GeoPackage blob")
        }
        let flags = bytes[3]
        if flags & 0x10 != 0 { return nil }
        let envelope: Int
        switch (flags >> 1) & 0x07 {
        case 0: envelope = 0
        case 1: envelope = 32
        case 2, 3: envelope = 48
        case 4: envelope = 64
        default: throw GeoPackageError(path: path, message: "layer '\(layer)' holds a geometry with an invalid envelope flag")
        }
        let start = 8 + envelope
        guard bytes.count > start else {
            throw GeoPackageError(path: path, message: "layer '\(layer)' holds a truncated geometry")
        }
        do {
            return try Geometry(wkb: bytes, offset: start)
        } catch {
            throw GeoPackageError(path: path, message: "layer '\(layer)' holds a geometry that cannot be read: \(error)")
        }
    }

    /// An SQL identifier in double quotes.
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}

/// A GeoPackage that is missing, damaged, or lacks a layer; says which file and what to do.
public struct GeoPackageError: Error, CustomStringConvertible {
    public let path: String
    public let message: String
    public var description: String { "\(path): \(message)" }
}
