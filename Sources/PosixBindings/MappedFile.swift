#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A read-only file mapped into memory (mmap), read through bounds-checked typed loads.
///
/// Part of the C layer, like `Bindings`, but with no library behind it: a program that only looks
/// names up links nothing heavier than the C library. A read past the end returns zero (or an empty
/// string) instead of crashing, so a truncated or corrupt file is caught by the format checks of its
/// reader, never by a fault.
public final class MappedFile: @unchecked Sendable {
    @usableFromInline let base: UnsafeRawPointer?
    /// Size of the file in bytes.
    public let count: Int
    public let path: String

    /// Maps `path`; throws with the system's reason when it cannot be opened or mapped.
    public init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw MappedFileError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw MappedFileError(path: path, reason: String(cString: strerror(errno))) }
        count = Int(st.st_size)
        guard count > 0 else { base = nil; return }
        guard let p = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
            throw MappedFileError(path: path, reason: String(cString: strerror(errno)))
        }
        base = UnsafeRawPointer(p)
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
    }

    @inlinable @inline(__always)
    public func u32(_ offset: Int) -> UInt32 {
        guard let base, offset >= 0, offset <= count - 4 else { return 0 }
        return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inlinable @inline(__always)
    public func u64(_ offset: Int) -> UInt64 {
        guard let base, offset >= 0, offset <= count - 8 else { return 0 }
        return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inlinable @inline(__always)
    public func f64(_ offset: Int) -> Double { Double(bitPattern: u64(offset)) }

    /// The three bytes at `offset` (an RGB pixel); zeros past the end.
    @inlinable @inline(__always)
    public func bytes3(_ offset: Int) -> (UInt8, UInt8, UInt8) {
        guard let base, offset >= 0, offset <= count - 3 else { return (0, 0, 0) }
        return (base.load(fromByteOffset: offset, as: UInt8.self), base.load(fromByteOffset: offset + 1, as: UInt8.self),
                base.load(fromByteOffset: offset + 2, as: UInt8.self))
    }

    @inlinable @inline(__always)
    public func byte(_ offset: Int) -> UInt8 {
        guard let base, offset >= 0, offset < count else { return 0 }
        return base.load(fromByteOffset: offset, as: UInt8.self)
    }

    /// Whether the `length` bytes at `offset` equal `bytes`.
    public func bytesEqual(_ offset: Int, _ length: Int, _ bytes: [UInt8]) -> Bool {
        guard length == bytes.count, offset >= 0, length >= 0, offset <= count - length else { return false }
        guard length > 0, let base else { return true }
        return bytes.withUnsafeBytes { b in b.baseAddress.map { memcmp(base + offset, $0, length) == 0 } ?? false }
    }

    /// `count` values of `type` stored at `offset` in this machine's byte order, copied into an
    /// array; empty when they do not all lie within the file.
    public func array<T: BitwiseCopyable>(_ offset: Int, count: Int, of type: T.Type) -> [T] {
        let length = count * MemoryLayout<T>.stride
        guard let base, count > 0, offset >= 0, length >= 0, offset <= self.count - length else { return [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, n in
            memcpy(buffer.baseAddress!, base + offset, length)
            n = count
        }
    }

    /// Whether all `count` 32-bit values at `offset` lie within the file and are below `limit`.
    public func u32sAllBelow(_ offset: Int, count: Int, limit: UInt32) -> Bool {
        guard count >= 0, offset >= 0, offset <= self.count - 4 * count else { return false }
        guard count > 0, let base else { return true }
        var ok = true
        for i in 0..<count where UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset + 4 * i, as: UInt32.self)) >= limit {
            ok = false
            break
        }
        return ok
    }

    /// The `length` bytes at `offset`, copied.
    public func bytes(_ offset: Int, _ length: Int) -> [UInt8] {
        guard let base, offset >= 0, length > 0, offset <= count - length else { return [] }
        return Array(UnsafeRawBufferPointer(start: base + offset, count: length))
    }

    /// The UTF-8 text of `length` bytes at `offset` (invalid sequences repaired).
    public func string(_ offset: Int, _ length: Int) -> String {
        guard let base, offset >= 0, length > 0, offset <= count - length else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: base + offset, count: length), as: UTF8.self)
    }
}

/// A file that could not be mapped, with the system's reason.
public struct MappedFileError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}
