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

    /// Decodes 2D, 3D or measured ISO/extended WKB of either byte order; Z and M are dropped.
    public init(wkb: [UInt8]) throws {
        var r = WKBReader(bytes: wkb)
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

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func read(depth: Int) throws -> Geometry {
        guard depth <= WKBReader.maxDepth else { throw WKBError.tooDeep }
        little = try byte() == 1
        let raw = try u32()
        // ISO: 1000s for Z, 2000s for M, 3000s for ZM; extended WKB: high flag bits.
        var dims = 2
        if raw & 0x8000_0000 != 0 { dims += 1 }
        if raw & 0x4000_0000 != 0 { dims += 1 }
        var type = raw & 0x0FFF_FFFF
        switch type / 1000 {
        case 1, 2: dims += 1
        case 3: dims += 2
        default: break
        }
        type %= 1000
        switch type {
        case 1: return .point(try coord(dims))
        case 2: return .lineString(try points(dims))
        case 3: return .polygon(try count().map { _ in try points(dims) })
        case 4, 5, 6, 7:
            let parts = try count().map { _ in try read(depth: depth + 1) }
            switch type {
            case 4: return .multiPoint(parts.flatMap(\.coordinates))
            case 5: return .multiLineString(parts.flatMap(\.paths))
            case 6: return .multiPolygon(parts.flatMap(\.polygons))
            default: return .collection(parts)
            }
        default: throw WKBError.unsupportedType(raw)
        }
    }

    private mutating func count() throws -> Range<Int> {
        let n = Int(try u32())
        // Each element needs at least 4 bytes, so a count larger than what is left is corrupt.
        guard n <= (bytes.count - offset) / 4 + 1 else { throw WKBError.truncated(offset: offset) }
        return 0..<n
    }
    private mutating func points(_ dims: Int) throws -> [Coordinate] {
        try count().map { _ in try coord(dims) }
    }
    private mutating func coord(_ dims: Int) throws -> Coordinate {
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
