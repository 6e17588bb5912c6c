import Foundation
import Synchronization
import GeoCore
import GRDB

/// A GeoPackage opened read-only with SQLite alone (no GDAL): the geometries of a layer within a
/// lon/lat box, found through the layer's R*Tree index, decoded from GeoPackage's blob format
/// (a short header, then ISO WKB). Reads the files `make geodata` writes.
public final class GeoPackageFile: Sendable {
    public let path: String
    private let db: DatabaseQueue
    /// Geometry column of each layer, from `gpkg_geometry_columns`.
    private let geometryColumns: [String: String]
    /// Layers that have an R*Tree index (`rtree_<layer>_<column>`).
    private let indexed: Set<String>

    /// Opens `path`; throws when it is missing or not a GeoPackage.
    public init(path: String) throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw GeoPackageError(path: path, message: "no such file; run `make geodata`")
        }
        var config = Configuration()
        config.readonly = true
        config.label = "geopackage"
        do {
            db = try DatabaseQueue(path: path, configuration: config)
            (geometryColumns, indexed) = try db.read { db in
                var columns: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT table_name, column_name FROM gpkg_geometry_columns") {
                    columns[row[0]] = row[1]
                }
                let tables = try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rtree_%'"))
                return (columns, Set(columns.filter { tables.contains("rtree_\($0.key)_\($0.value)") }.keys))
            }
        } catch let error as DatabaseError {
            throw GeoPackageError(path: path, message: "not a readable GeoPackage (\(error.message ?? "\(error)")); run `make geodata`")
        }
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

    private static let openFiles = Mutex<[String: GeoPackageFile]>([:])

    /// The layers holding geometry.
    public var layers: [String] { geometryColumns.keys.sorted() }

    /// The geometries of `layer` whose bounding boxes meet `box` (every one when nil), in feature
    /// order. Features without geometry are skipped; past `limit` features it is an error.
    public func geometries(layer: String, in box: BoundingBox?, limit: Int) throws -> [Geometry] {
        try rows(layer: layer, columns: [], in: box, limit: limit).map(\.geometry)
    }

    /// Features of `layer` meeting `box` with the values of `columns` (integers, reals, text or
    /// NULL as `FieldValue`), in feature order. Features without geometry are skipped.
    public func features(layer: String, columns: [String], in box: BoundingBox? = nil, limit: Int) throws -> [GeoPackageFeature] {
        try rows(layer: layer, columns: columns, in: box, limit: limit)
    }

    private func rows(layer: String, columns: [String], in box: BoundingBox?, limit: Int) throws -> [GeoPackageFeature] {
        guard let column = geometryColumns[layer] else {
            throw GeoPackageError(path: path, message: "no layer '\(layer)' (has \(layers.joined(separator: ", "))); run `make geodata`")
        }
        let selected = ([column] + columns).map(Self.quoted).joined(separator: ", ")
        var sql = "SELECT \(selected) FROM \(Self.quoted(layer))"
        var arguments: StatementArguments = []
        if let box {
            if indexed.contains(layer) {
                sql += " WHERE rowid IN (SELECT id FROM \(Self.quoted("rtree_\(layer)_\(column)")) WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?)"
                arguments = [box.west, box.east, box.south, box.north]
            }
        }
        sql += " ORDER BY rowid"
        let path = self.path
        // Only the SQL runs under the connection's lock; blobs are decoded after, so that threads
        // sharing the file decode in parallel.
        let found: [(Data, [FieldValue])]
        do {
            found = try db.read { db in
                var out: [(Data, [FieldValue])] = []
                let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
                while let row = try cursor.next() {
                    guard let blob = row[0] as Data? else { continue }
                    guard out.count < limit else {
                        throw GeoPackageError(path: path, message: "layer '\(layer)' has more than \(limit) features in \(box.map { "\($0)" } ?? "all")")
                    }
                    out.append((blob, (0..<columns.count).map { FieldValue(row[$0 + 1] as DatabaseValue) }))
                }
                return out
            }
        } catch let error as DatabaseError {
            throw GeoPackageError(path: path, message: "reading layer '\(layer)': \(error.message ?? "\(error)")")
        }
        var out: [GeoPackageFeature] = []
        out.reserveCapacity(found.count)
        for (blob, values) in found {
            guard let g = try Self.decode(blob, path: path, layer: layer) else { continue }
            if let box, !indexed.contains(layer), let b = g.boundingBox, !b.intersects(box) { continue }
            out.append(GeoPackageFeature(geometry: g, values: values))
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
            return try Geometry(wkb: Array(bytes[start...]))
        } catch {
            throw GeoPackageError(path: path, message: "layer '\(layer)' holds a geometry that cannot be read: \(error)")
        }
    }

    /// An SQL identifier in double quotes.
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}

/// One feature read from a GeoPackage: its geometry and the values of the columns asked for.
public struct GeoPackageFeature {
    public let geometry: Geometry
    public let values: [FieldValue]
}

/// A column's value.
public enum FieldValue: Equatable, Sendable {
    case null, integer(Int64), real(Double), text(String)

    init(_ v: DatabaseValue) {
        switch v.storage {
        case .null, .blob: self = .null
        case .int64(let i): self = .integer(i)
        case .double(let d): self = .real(d)
        case .string(let s): self = .text(s)
        }
    }

    /// The value as text ("" for NULL).
    public var text: String {
        switch self {
        case .null: return ""
        case .integer(let i): return String(i)
        case .real(let d): return String(d)
        case .text(let s): return s
        }
    }

    /// The value as a number, when it is one.
    public var number: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .real(let d): return d
        default: return nil
        }
    }
}

/// A GeoPackage that is missing, damaged, or lacks a layer; says which file and what to do.
public struct GeoPackageError: Error, CustomStringConvertible {
    public let path: String
    public let message: String
    public var description: String { "\(path): \(message)" }
}
