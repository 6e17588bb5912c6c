#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation

/// A digest of a data file's bytes, kept as its last 8 bytes: written when the file is built and
/// checked when it is opened, once per version of the file (its device, inode, size and change
/// time), so that a damaged lookup table or graph cache is a clear "rebuild the data" error and
/// never a wrong answer, while a lookup pays only a stat after the first check.
public enum FileSeal {
    /// `data` with its digest appended.
    public static func sealed(_ data: Data) -> Data {
        var out = data
        let d = data.withUnsafeBytes { digest($0) }
        withUnsafeBytes(of: d.littleEndian) { out.append(contentsOf: $0) }
        return out
    }

    /// Checks the digest of a mapped file; returns the length of what it seals (the file without
    /// its last 8 bytes). A check already passed for this version of the file is not redone.
    public static func verify(_ file: MappedFile) throws -> Int {
        if isVerified(file) { return file.count - 8 }
        let payload = try checkSeal(file)
        markVerified(path: file.path)
        return payload
    }

    /// Whether this version of the file passed before (its seal, and its reader's own checks
    /// when the reader marks it only after them).
    public static func isVerified(_ file: MappedFile) -> Bool {
        guard file.count >= 8, let stamp = stampPath(for: file.path) else { return false }
        return access(stamp, F_OK) == 0
    }

    /// Checks the digest alone, marking nothing; returns the length of what it seals.
    public static func checkSeal(_ file: MappedFile) throws -> Int {
        guard file.count >= 8, let base = file.base else { throw MappedFileError(path: file.path, reason: "too short to be sealed") }
        let payload = file.count - 8
        guard file.u64(payload) == digest(UnsafeRawBufferPointer(start: base, count: payload)) else {
            throw MappedFileError(path: file.path, reason: "damaged (its checksum does not match): rebuild the data with `make geodata` (FORCE=1)")
        }
        return payload
    }

    /// Records that the file at `path`, as it is now, passed (after writing it).
    public static func markVerified(path: String) {
        if let stamp = stampPath(for: path) { markVerified(stamp) }
    }

    private static func markVerified(_ stamp: String) {
        let folder = (stamp as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let fd = open(stamp, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        if fd >= 0 { close(fd) }
    }

    /// `~/.cache/geobrief/verified/NAME-DEV-INODE-SIZE-CTIME`, nil without a home folder.
    static func stampPath(for path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0, let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty else { return nil }
        let name = (path as NSString).lastPathComponent
        let ctime = Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec)
        let cache = ProcessInfo.processInfo.environment["GEOBRIEF_CACHE"] ?? "\(home)/.cache/geobrief"
        return "\(cache)/verified/\(name)-\(st.st_dev)-\(st.st_ino)-\(st.st_size)-\(ctime)"
    }

    /// A 64-bit digest, 8 bytes at a time (about a gigabyte in a tenth of a second).
    public static func digest(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        let words = bytes.count / 8
        for i in 0..<words {
            let w = bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
            h = (h ^ w) &* 0x0000_0100_0000_01B3
            h ^= h >> 29
        }
        for i in (words * 8)..<bytes.count { h = (h ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
