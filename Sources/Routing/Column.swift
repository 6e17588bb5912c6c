import PosixBindings
import GeoCore

/// A column of 32-bit numbers (edge targets, lengths, landmark distances): in memory, or read in
/// place from a mapped graph file, so that loading a cached graph copies nothing and a query
/// reads only the pages of the nodes it reaches. Reads past the end give zero, never a fault.
struct Column<T: ColumnValue>: RandomAccessCollection, Sendable {
    private let owned: [T]
    private let file: MappedFile?
    private let offset: Int
    let count: Int

    /// A column in memory.
    init(_ values: [T]) {
        owned = values
        file = nil
        offset = 0
        count = values.count
    }

    /// `count` values stored at `offset` of `file`, little-endian.
    init(file: MappedFile, offset: Int, count: Int) {
        owned = []
        self.file = file
        self.offset = offset
        self.count = count
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    @inline(__always)
    subscript(i: Int) -> T {
        if let file {
            guard i >= 0 && i < count else { return T(bits: 0) }
            return T(bits: file.u32(offset + 4 * i))
        }
        return owned[i]
    }
}

/// A 32-bit value a `Column` holds.
protocol ColumnValue: Sendable {
    init(bits: UInt32)
}

extension Int32: ColumnValue {
    init(bits: UInt32) { self.init(bitPattern: bits) }
}

extension Float: ColumnValue {
    init(bits: UInt32) { self.init(bitPattern: bits) }
}

/// The nodes' positions: in memory, or read in place from a mapped graph file (its latitude and
/// longitude arrays), so that loading a cached graph copies none of them.
public struct NodeColumn: RandomAccessCollection, Sendable {
    private let owned: [Coordinate]
    private let file: MappedFile?
    private let latitudes: Int, longitudes: Int
    public let count: Int

    /// Positions in memory.
    init(_ values: [Coordinate]) {
        owned = values
        file = nil
        (latitudes, longitudes) = (0, 0)
        count = values.count
    }

    /// `count` positions stored as `count` latitudes at `latitudes` of `file`, then as many
    /// longitudes at `longitudes` (little-endian doubles).
    init(file: MappedFile, latitudes: Int, longitudes: Int, count: Int) {
        owned = []
        self.file = file
        (self.latitudes, self.longitudes) = (latitudes, longitudes)
        self.count = count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// The position of node `i`; (0, 0) past the end, never a fault.
    @inline(__always)
    public subscript(i: Int) -> Coordinate {
        if let file {
            guard i >= 0 && i < count else { return Coordinate(lon: 0, lat: 0) }
            return Coordinate(lon: file.f64(longitudes + 8 * i), lat: file.f64(latitudes + 8 * i))
        }
        return owned[i]
    }
}
