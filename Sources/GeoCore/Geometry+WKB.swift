/// Errors met while decoding well-known binary.
public enum WKBError: Error, Equatable, CustomStringConvertible {
    case truncated(offset: Int)
    case unsupportedType(UInt32)
    case tooDeep

    public var description: String {
        switch self {
        case .truncated(let o): return "WKB ends early at byte \(o)"
        case .unsupportedType(let t): return "WKB geometry type \(t) is not supported"
        case .tooDeep: return "WKB collections nested deeper than \(WKBReader.maxDepth) levels"
        }
    }
}

extension Geometry {
    /// ISO well-known binary, little-endian, 2D.
    public var wkb: [UInt8] {
        var w = WKBWriter()
        w.write(self)
        return w.bytes
    }

    /// Decodes 2D, 3D or measured ISO/extended WKB of either byte order, starting at byte
    /// `offset` of `wkb` (after a container's header); Z and M are dropped.
    public init(wkb: [UInt8], offset: Int = 0) throws {
        var r = WKBReader(bytes: wkb, offset: offset)
        self = try r.read(depth: 0)
    }
}

struct WKBWriter {
    var bytes: [UInt8] = []

    mutating func write(_ g: Geometry) {
        switch g {
        case .point(let c): header(1); coord(c)
        case .lineString(let cs): header(2); points(cs)
        case .polygon(let rings): header(3); u32(rings.count); rings.forEach { points($0) }
        case .multiPoint(let cs): header(4); u32(cs.count); cs.forEach { write(.point($0)) }
        case .multiLineString(let ls): header(5); u32(ls.count); ls.forEach { write(.lineString($0)) }
        case .multiPolygon(let ps): header(6); u32(ps.count); ps.forEach { write(.polygon($0)) }
        case .collection(let gs): header(7); u32(gs.count); gs.forEach { write($0) }
        }
    }

    private mutating func header(_ type: UInt32) { bytes.append(1); u32(Int(type)) }
    private mutating func points(_ cs: [Coordinate]) { u32(cs.count); cs.forEach { coord($0) } }
    private mutating func coord(_ c: Coordinate) { f64(c.lon); f64(c.lat) }
    private mutating func u32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { bytes.append(contentsOf: $0) } }
    private mutating func f64(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
}

struct WKBReader {
    static let maxDepth = 32
    let bytes: [UInt8]
    var offset = 0
    var little = true

    init(bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    mutating func read(depth: Int) throws -> Geometry {
        guard depth <= WKBReader.maxDepth else { throw WKBError.tooDeep }
        let (type, dims, raw) = try header()
        switch type {
        case 1: return .point(try coord(dims))
        case 2: return .lineString(try points(dims))
        case 3: return .polygon(try rings(dims))
        // The parts of a multi-geometry are read straight into its arrays.
        case 4: return .multiPoint(try count().flatMap { _ in try part(1, depth, \.coordinates) { [try $0.coord($1)] } })
        case 5: return .multiLineString(try count().flatMap { _ in try part(2, depth, \.paths) { [try $0.points($1)] } })
        case 6: return .multiPolygon(try count().flatMap { _ in try part(3, depth, \.polygons) { [try $0.rings($1)] } })
        case 7: return .collection(try count().map { _ in try read(depth: depth + 1) })
        default: throw WKBError.unsupportedType(raw)
        }
    }

    /// A geometry's header: its byte order (kept for what follows), its type (1...7) and the
    /// number of coordinates a point has, and the raw type.
    private mutating func header() throws -> (type: UInt32, dims: Int, raw: UInt32) {
        little = try byte() == 1
        let raw = try u32()
        // ISO: 1000s for Z, 2000s for M, 3000s for ZM; extended WKB: high flag bits.
        var dims = 2
        if raw & 0x8000_0000 != 0 { dims += 1 }
        if raw & 0x4000_0000 != 0 { dims += 1 }
        let type = raw & 0x0FFF_FFFF
        switch type / 1000 {
        case 1, 2: dims += 1
        case 3: dims += 2
        default: break
        }
        return (type % 1000, dims, raw)
    }

    /// One part of a multi-geometry: read by `body` when it has the `expected` type, otherwise
    /// read whole and its `elements` taken (a multi-geometry nested in another).
    private mutating func part<T>(_ expected: UInt32, _ depth: Int, _ elements: (Geometry) -> [T],
                                  _ body: (inout WKBReader, Int) throws -> [T]) throws -> [T] {
        let start = offset
        let (type, dims, _) = try header()
        if type == expected { return try body(&self, dims) }
        offset = start
        return elements(try read(depth: depth + 1))
    }

    mutating func rings(_ dims: Int) throws -> [[Coordinate]] {
        try count().map { _ in try points(dims) }
    }

    private mutating func count() throws -> Range<Int> {
        let n = Int(try u32())
        // Each element needs at least 4 bytes, so a count larger than what is left is corrupt.
        guard n <= (bytes.count - offset) / 4 + 1 else { throw WKBError.truncated(offset: offset) }
        return 0..<n
    }
    /// A point list, read in one pass over the bytes (its length checked once): most of a
    /// layer's bytes are these.
    mutating func points(_ dims: Int) throws -> [Coordinate] {
        let n = try count().count
        let stride = dims * 8
        guard n <= (bytes.count - offset) / stride else { throw WKBError.truncated(offset: offset) }
        let (start, little) = (offset, self.little)
        let out = bytes.withUnsafeBytes { raw in
            [Coordinate](unsafeUninitializedCapacity: n) { buffer, count in
                for i in 0..<n {
                    let x = raw.loadUnaligned(fromByteOffset: start + i * stride, as: UInt64.self)
                    let y = raw.loadUnaligned(fromByteOffset: start + i * stride + 8, as: UInt64.self)
                    buffer[i] = little
                        ? Coordinate(lon: Double(bitPattern: UInt64(littleEndian: x)), lat: Double(bitPattern: UInt64(littleEndian: y)))
                        : Coordinate(lon: Double(bitPattern: UInt64(bigEndian: x)), lat: Double(bitPattern: UInt64(bigEndian: y)))
                }
                count = n
            }
        }
        offset += n * stride
        return out
    }
    mutating func coord(_ dims: Int) throws -> Coordinate {
        let c = Coordinate(lon: try f64(), lat: try f64())
        for _ in 2..<dims { _ = try f64() }
        return c
    }
    private mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw WKBError.truncated(offset: offset) }
        defer { offset += 1 }
        return bytes[offset]
    }
    private mutating func u32() throws -> UInt32 {
        guard offset + 4 <= bytes.count else { throw WKBError.truncated(offset: offset) }
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(bytes[offset + i]) << (8 * i) }
        offset += 4
        return little ? v : v.byteSwapped
    }
    private mutating func f64() throws -> Double {
        guard offset + 8 <= bytes.count else { throw WKBError.truncated(offset: offset) }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[offset + i]) << (8 * i) }
        offset += 8
        return Double(bitPattern: little ? v : v.byteSwapped)
    }
}
