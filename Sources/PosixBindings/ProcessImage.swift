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
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
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
    /// that cannot be done, says so on standard error and exits with status 127.
    public static func becomeSibling(_ name: String) -> Never {
        let path = (executableFolder ?? ".") + "/" + name
        let reason = replace(with: path, arguments: [path] + CommandLine.arguments.dropFirst())
        let message = Array("geobrief: cannot run \(path) (\(reason)); rebuild with `make build`\n".utf8)
        _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        exit(127)
    }
}
