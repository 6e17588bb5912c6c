import CSQLite
import Foundation

/// A SQLite database, the project's one SQLite layer: opened read-only to read GeoPackages and
/// the gazetteer's index, or created to build the index; queried and written with prepared
/// statements, without a framework's set-up on every connection. One thread at a time.
public final class SQLiteDatabase {
    private let db: OpaquePointer
    public let path: String

    /// How a database is opened.
    public enum Mode: Sendable { case readOnly, create }

    /// Opens `path`; throws with SQLite's reason.
    public init(path: String, mode: Mode = .readOnly) throws {
        var handle: OpaquePointer?
        let flags = (mode == .readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let reason = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close(handle)
            throw SQLiteError(path: path, message: reason)
        }
        db = handle
        self.path = path
    }

    deinit { sqlite3_close(db) }

    /// Runs one or more statements that return no rows (schema, pragmas).
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &message) == SQLITE_OK else {
            let reason = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(db))
            sqlite3_free(message)
            throw SQLiteError(path: path, message: reason)
        }
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    public func transaction(_ body: () throws -> Void) throws {
        try execute("BEGIN")
        do { try body() } catch {
            try? execute("ROLLBACK")
            throw error
        }
        try execute("COMMIT")
    }

    /// A statement prepared once and run many times.
    public func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw SQLiteError(path: path, message: String(cString: sqlite3_errmsg(db)))
        }
        return SQLiteStatement(statement, database: self)
    }

    /// Runs one statement with `arguments` bound.
    public func run(_ sql: String, _ arguments: [any SQLiteBindable] = []) throws {
        try prepare(sql).run(arguments)
    }

    /// Runs `sql` with `arguments` bound, calling `row` with each result row; `row` returns false to stop.
    public func query(_ sql: String, _ arguments: [any SQLiteBindable] = [], row: (SQLiteRow) throws -> Bool) throws {
        let s = try prepare(sql)
        try s.bind(arguments)
        let count = Int(sqlite3_column_count(s.handle))
        let names = (0..<count).map { String(cString: sqlite3_column_name(s.handle, Int32($0))) }
        while try s.step() {
            let values: [SQLiteValue] = (0..<count).map { s.column(Int32($0)) }
            guard try row(SQLiteRow(values: values, names: names)) else { return }
        }
    }

    fileprivate var lastError: SQLiteError { SQLiteError(path: path, message: String(cString: sqlite3_errmsg(db))) }
}

/// A prepared statement of a `SQLiteDatabase`.
public final class SQLiteStatement {
    fileprivate let handle: OpaquePointer
    private let database: SQLiteDatabase

    fileprivate init(_ handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// Runs the statement with `arguments` bound (it returns no rows).
    public func run(_ arguments: [any SQLiteBindable]) throws {
        try bind(arguments)
        while try step() {}
    }

    fileprivate func bind(_ arguments: [any SQLiteBindable]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (i, a) in arguments.enumerated() {
            let k = Int32(i + 1)
            let status: Int32
            switch a.sqliteValue {
            case .null: status = sqlite3_bind_null(handle, k)
            case .integer(let v): status = sqlite3_bind_int64(handle, k, v)
            case .real(let v): status = sqlite3_bind_double(handle, k, v)
            case .text(let v): status = sqlite3_bind_text(handle, k, v, -1, geobrief_sqlite_transient())
            case .blob(let v): status = v.withUnsafeBytes { sqlite3_bind_blob(handle, k, $0.baseAddress, Int32($0.count), geobrief_sqlite_transient()) }
            }
            guard status == SQLITE_OK else { throw database.lastError }
        }
    }

    /// The next row: true when there is one.
    fileprivate func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.lastError
        }
    }

    fileprivate func column(_ i: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, i) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, i))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, i))
        case SQLITE_TEXT: return .text(sqlite3_column_text(handle, i).map { String(cString: $0) } ?? "")
        case SQLITE_BLOB:
            let n = Int(sqlite3_column_bytes(handle, i))
            guard n > 0, let p = sqlite3_column_blob(handle, i) else { return .blob(Data()) }
            return .blob(Data(bytes: p, count: n))
        default: return .null
        }
    }
}

/// A value of a column or an argument.
public enum SQLiteValue: Sendable, Equatable {
    case null, integer(Int64), real(Double), text(String), blob(Data)

    /// The text, or "" for anything else.
    public var text: String { if case .text(let t) = self { return t }; return "" }
    /// The number as a double (an integer converted), or NaN.
    public var double: Double {
        switch self { case .real(let d): return d; case .integer(let i): return Double(i); default: return .nan }
    }
    /// The integer, or 0.
    public var integer: Int64 { if case .integer(let i) = self { return i }; return 0 }
    /// The text, or nil for NULL and anything else.
    public var optionalText: String? { if case .text(let t) = self { return t }; return nil }
    /// The number, or nil for NULL.
    public var optionalDouble: Double? { if case .null = self { return nil }; return double }
}

/// One result row: values by position or by column name.
public struct SQLiteRow: Sendable {
    public let values: [SQLiteValue]
    let names: [String]

    public subscript(_ i: Int) -> SQLiteValue { values[i] }
    /// The value of the column named `name`; NULL when there is none.
    public subscript(_ name: String) -> SQLiteValue { names.firstIndex(of: name).map { values[$0] } ?? .null }
}

/// What can be bound to a statement's parameter.
public protocol SQLiteBindable { var sqliteValue: SQLiteValue { get } }
extension SQLiteValue: SQLiteBindable { public var sqliteValue: SQLiteValue { self } }
extension Int: SQLiteBindable { public var sqliteValue: SQLiteValue { .integer(Int64(self)) } }
extension Int64: SQLiteBindable { public var sqliteValue: SQLiteValue { .integer(self) } }
extension Double: SQLiteBindable { public var sqliteValue: SQLiteValue { .real(self) } }
extension String: SQLiteBindable { public var sqliteValue: SQLiteValue { .text(self) } }
extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
    public var sqliteValue: SQLiteValue { map(\.sqliteValue) ?? .null }
}

/// What SQLite reported, with the file.
public struct SQLiteError: Error, CustomStringConvertible {
    public let path: String
    public let message: String
    public var description: String { "\(path): \(message)" }

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}
