import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one way GeoBrief writes a file: to a temporary sibling, checked, fsynced and renamed into
/// place, so that a reader sees the old file or the whole new one and never a part.
///
/// - A special file at the destination (a FIFO, a terminal, `/dev/null`, `/dev/full`, a
///   `/proc/self/fd/N` link to a pipe) is written directly and never replaced; `-` is standard
///   output where a command allows it.
/// - A symbolic link to a regular file is followed: the file it points at is replaced, the link kept.
/// - Temporaries are named `.geobrief-PID-RANDOM.tmp` (short, whatever the destination's name), and
///   only names of exactly that form whose process is gone are removed as stale.
/// - Every failure (disk full, a read-only folder, a folder at the destination) is a `FileWriteError`
///   naming the file and what to do, and leaves the destination as it was.
public enum AtomicFile {
    /// Writes `data` to `path`.
    public static func write(_ data: Data, to path: String) throws {
        try write(to: path) { temporary in
            let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw FileWriteError(path: path, errno: errno) }
            defer { close(fd) }
            try writeAll(fd, data, path: path)
        }
    }

    /// Runs `produce` to write the file at a temporary path, then puts it into place at `path`.
    /// `produce` may write the temporary any way it likes (Cairo, SQLite); an error from it, or an
    /// empty file, leaves nothing behind.
    public static func write(to path: String, _ produce: (String) throws -> Void) throws {
        let temporary = try temporaryPath(for: path)
        do {
            try produce(temporary)
            try commit(temporary, to: path)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// The temporary file to write before `commit(_:to:)`: beside the destination, or in the
    /// system's temporary folder when the destination is a special file or standard output.
    public static func temporaryPath(for path: String) throws -> String {
        let folder: String
        switch try Destination(path) {
        case .special, .standardOutput: folder = FileManager.default.temporaryDirectory.path
        case .regular(let target): folder = (target as NSString).deletingLastPathComponent
        }
        let dir = folder.isEmpty ? "." : folder
        removeStaleTemporaries(in: dir)
        return (dir as NSString).appendingPathComponent(".geobrief-\(getpid())-\(String(format: "%08x", UInt32.random(in: 0...UInt32.max))).tmp")
    }

    /// Puts a finished temporary into place: fsynced and renamed over a regular destination (then
    /// the folder fsynced), or copied into a special file, which is never replaced.
    public static func commit(_ temporary: String, to path: String) throws {
        let fd = open(temporary, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileWriteError(path: path, errno: errno) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else {
            close(fd)
            throw FileWriteError(path: path, reason: "nothing was written")
        }
        // The data must be on disk before the name points at it; fsync also reports a late ENOSPC.
        if fsync(fd) != 0 { let e = errno; close(fd); throw FileWriteError(path: path, errno: e) }
        close(fd)
        switch try Destination(path) {
        case .regular(let target):
            guard rename(temporary, target) == 0 else { throw FileWriteError(path: path, errno: errno) }
            let dir = open((target as NSString).deletingLastPathComponent.isEmpty ? "." : (target as NSString).deletingLastPathComponent,
                           O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if dir >= 0 { fsync(dir); close(dir) }
        case .special(let target):
            defer { unlink(temporary) }
            try copy(temporary, into: target, path: path)
        case .standardOutput:
            defer { unlink(temporary) }
            try copy(temporary, into: "/dev/stdout", path: path)
        }
    }

    /// Makes sure `folder` exists (creating it and its parents) and can be written to, or says
    /// plainly why not: a file in its place, a read-only parent, no permission.
    public static func prepareFolder(_ folder: String) throws {
        var info = stat()
        if stat(folder, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw FileWriteError(path: folder, reason: "is a file, not a folder: give a folder with -o (or remove the file)")
            }
        } else {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                var parent = (folder as NSString).deletingLastPathComponent
                while !parent.isEmpty, stat(parent, &info) != 0 { parent = (parent as NSString).deletingLastPathComponent }
                let why = (info.st_mode & S_IFMT) != S_IFDIR ? "\(parent) is a file, not a folder" : "cannot create it in \(parent) (permission or a read-only disk)"
                throw FileWriteError(path: folder, reason: "\(why): choose another folder with -o")
            }
        }
        guard access(folder, W_OK) == 0 else {
            throw FileWriteError(path: folder, reason: "the folder is not writable: choose another with -o")
        }
    }

    /// Removes this program's temporaries in `folder` whose process is gone (a killed run's).
    /// Only names of exactly the form `.geobrief-PID-XXXXXXXX.tmp` are touched.
    public static func removeStaleTemporaries(in folder: String) {
        guard cleaned.withLock({ $0.insert(folder).inserted }),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names {
            guard let pid = ownerOfTemporary(name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink((folder as NSString).appendingPathComponent(name))
        }
    }

    /// The process id in a temporary's name, or nil when the name is not one of ours.
    public static func ownerOfTemporary(_ name: String) -> pid_t? {
        let prefix = ".geobrief-", suffix = ".tmp"
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
        let middle = name.dropFirst(prefix.count).dropLast(suffix.count).split(separator: "-", omittingEmptySubsequences: false)
        guard middle.count == 2, middle[1].count == 8, middle[1].allSatisfy(\.isHexDigit),
              !middle[0].isEmpty, middle[0].allSatisfy(\.isNumber), let pid = pid_t(middle[0]) else { return nil }
        return pid
    }

    private static let cleaned = Locked<Set<String>>([])

    /// What a destination path is.
    enum Destination {
        /// A regular file (or none yet), after following symbolic links.
        case regular(String)
        /// A FIFO, device or socket: written in place.
        case special(String)
        case standardOutput

        init(_ path: String) throws {
            if path == "-" { self = .standardOutput; return }
            guard !path.isEmpty else { throw FileWriteError(path: path, reason: "no file name given") }
            var info = stat()
            if lstat(path, &info) != 0 {
                // Nothing there yet: a new regular file, if its folder exists.
                let folder = (path as NSString).deletingLastPathComponent
                var dir = stat()
                if !folder.isEmpty, stat(folder, &dir) != 0 || (dir.st_mode & S_IFMT) != S_IFDIR {
                    throw FileWriteError(path: path, reason: "the folder \(folder) does not exist (or is not a folder): create it first")
                }
                self = .regular(path)
                return
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG: self = .regular(path)
            case S_IFDIR: throw FileWriteError(path: path, reason: "is a folder: give a file name")
            case S_IFLNK:
                var target = stat()
                guard stat(path, &target) == 0 else {
                    throw FileWriteError(path: path, reason: "is a symbolic link to nothing: remove it or give another name")
                }
                switch target.st_mode & S_IFMT {
                case S_IFREG:
                    // Replace the file the link points at, keeping the link.
                    guard let resolved = realpath(path, nil) else { self = .special(path); return }
                    defer { free(resolved) }
                    self = .regular(String(cString: resolved))
                case S_IFDIR: throw FileWriteError(path: path, reason: "is a folder: give a file name")
                default: self = .special(path)
                }
            default: self = .special(path)
            }
        }
    }

    private static func writeAll(_ fd: Int32, _ data: Data, path: String) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FileWriteError(path: path, errno: errno)
                }
                offset += n
            }
        }
    }

    private static func copy(_ source: String, into target: String, path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: source))
        let fd = open(target, O_WRONLY | O_CLOEXEC | O_APPEND)
        guard fd >= 0 else { throw FileWriteError(path: path, errno: errno) }
        defer { close(fd) }
        try writeAll(fd, data, path: path)
    }
}

/// A file that could not be written, and what to do about it; the destination is as it was.
public struct FileWriteError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    init(path: String, errno code: Int32) {
        let advice: String
        switch code {
        case ENOSPC, EDQUOT: advice = "the disk is full: free some space and run it again"
        case EFBIG: advice = "the file is over the size limit (ulimit -f): raise it or make a smaller output"
        case EACCES, EPERM: advice = "permission denied: choose a folder you can write to"
        case EROFS: advice = "the file system is read-only: choose another folder"
        case ENAMETOOLONG: advice = "the name is too long: choose a shorter one"
        case ENOENT: advice = "the folder does not exist: create it first"
        case EISDIR: advice = "is a folder: give a file name"
        default: advice = String(cString: strerror(code))
        }
        self.init(path: path, reason: advice)
    }

    public var description: String { "cannot write \(path): \(reason); nothing was changed there" }
}
