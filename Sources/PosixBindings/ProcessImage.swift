#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The running program's image: where its executable lies, and how to replace it by another.
public enum ProcessImage {
    /// The folder of the running executable (symbolic links resolved), or nil when unknown.
    public static var executableFolder: String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        #if os(macOS)
        var size = UInt32(buffer.count)
        guard _NSGetExecutablePath(&buffer, &size) == 0, let resolved = realpath(buffer, nil) else { return nil }
        defer { free(resolved) }
        let path = String(cString: resolved)
        #else
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #endif
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }

    /// Runs `executable` in place of this process with `arguments` (the first is its name);
    /// returns only when it cannot, with the system's reason.
    public static func replace(with executable: String, arguments: [String]) -> String {
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        execv(executable, argv)
        let reason = String(cString: strerror(errno))
        for p in argv { free(p) }
        return reason
    }

    /// Becomes the program `name` in this executable's folder, with this process's arguments; when
    /// that cannot be done, says so on standard error with `hint` and exits with status 127.
    public static func becomeSibling(_ name: String, hint: String) -> Never {
        guard let folder = executableFolder else {
            fail("geobrief: cannot find the folder of this program to run \(name) beside it; \(hint)")
        }
        let path = folder + "/" + name
        let reason = replace(with: path, arguments: [path] + CommandLine.arguments.dropFirst())
        fail("geobrief: cannot run \(path) (\(reason)); \(hint)")
    }

    private static func fail(_ message: String) -> Never {
        let bytes = Array((message + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        exit(127)
    }
}
