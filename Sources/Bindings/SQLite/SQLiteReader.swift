import CSQLite
import Foundation

/// A SQLite database opened read-only, queried with prepared statements: what reading a
/// GeoPackage needs, without a framework's set-up on every connection. One thread at a time.
public final class SQLiteReader {
    private let db: OpaquePointer
    public let path: String

    /// Opens `path` read-only; throws with SQLite's reason.
    public init(path: String) throws {
        var handle: OpaquePointer?
        let status = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK, let handle else {
            let reason = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close(handle)
            throw SQLiteError(path: path, message: reason)
        }
        db = handle
        self.path = path
    }

    deinit { sqlite3_close(db) }

    /// A value of a result column.
    public enum Value: Sendable, Equatable {
        case null, integer(Int64), real(Double), text(String), blob(Data)

        /// The text, or "" for anything else.
        public var text: String { if case .text(let t) = self { return t }; return "" }
        /// The number as a double (an integer converted), or NaN.
        public var double: Double {
            switch self { case .real(let d): return d; case .integer(let i): return Double(i); default: return .nan }
        }
        /// The integer, or 0.
        public var integer: Int64 { if case .integer(let i) = self { return i }; return 0 }
    }

    /// Runs `sql` with `arguments` bound (doubles, integers or text), calling `row` with each
    /// result row's values; `row` returns false to stop.
    public func query(_ sql: String, _ arguments: [Value] = [], row: ([Value]) throws -> Bool) throws {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw SQLiteError(path: path, message: String(cString: sqlite3_errmsg(db)))
        }
        defer { sqlite3_finalize(statement) }
        for (i, a) in arguments.enumerated() {
            let k = Int32(i + 1)
            switch a {
            case .null: sqlite3_bind_null(statement, k)
            case .integer(let v): sqlite3_bind_int64(statement, k, v)
            case .real(let v): sqlite3_bind_double(statement, k, v)
            case .text(let v): sqlite3_bind_text(statement, k, v, -1, geobrief_sqlite_transient())
            case .blob(let v): _ = v.withUnsafeBytes { sqlite3_bind_blob(statement, k, $0.baseAddress, Int32($0.count), geobrief_sqlite_transient()) }
            }
        }
        let columns = Int(sqlite3_column_count(statement))
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw SQLiteError(path: path, message: String(cString: sqlite3_errmsg(db))) }
            let values: [Value] = (0..<columns).map { c in
                let i = Int32(c)
                switch sqlite3_column_type(statement, i) {
                case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, i))
                case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, i))
                case SQLITE_TEXT: return .text(sqlite3_column_text(statement, i).map { String(cString: $0) } ?? "")
                case SQLITE_BLOB:
                    let n = Int(sqlite3_column_bytes(statement, i))
                    guard n > 0, let p = sqlite3_column_blob(statement, i) else { return .blob(Data()) }
                    return .blob(Data(bytes: p, count: n))
                default: return .null
                }
            }
            guard try row(values) else { return }
        }
    }
}

/// What SQLite reported, with the file.
public struct SQLiteError: Error, CustomStringConvertible {
    public let path: String
    public let message: String
    public var description: String { "\(path): \(message)" }
}
