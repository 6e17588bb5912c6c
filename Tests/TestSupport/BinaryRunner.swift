import Foundation

/// Runs the built `geobrief` binary and captures its exit status, stdout and stderr.
public struct BinaryRunner {
    /// What a run produced.
    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public let executable: String

    /// The binary next to the test bundle (same build configuration), or `$GEOBRIEF_BIN`.
    public init() {
        if let bin = ProcessInfo.processInfo.environment["GEOBRIEF_BIN"] {
            executable = bin
        } else {
            executable = BinaryRunner.productsDirectory.appendingPathComponent("geobrief").path
        }
    }

    /// Runs another binary (`geobrief-data`, or a copy of `geobrief` elsewhere).
    public init(executable: String) { self.executable = executable }

    /// The build products folder (`.build/<config>`), found from the test bundle's location.
    public static var productsDirectory: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// The news articles of `../shared/articles` (not part of the repository: read, never copied
    /// in): `GEOBRIEF_SHARED/articles`, or a `shared/articles` folder beside the package root or
    /// one of its parents; nil when there is none (the tests that read them are skipped).
    public static var sharedArticles: URL? {
        var candidates: [URL] = []
        if let s = ProcessInfo.processInfo.environment["GEOBRIEF_SHARED"] { candidates.append(URL(fileURLWithPath: s).appendingPathComponent("articles")) }
        var url = packageRoot
        for _ in 0..<4 {
            url.deleteLastPathComponent()
            candidates.append(url.appendingPathComponent("shared/articles"))
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("README.md").path) }
    }

    /// The package root (where Package.swift is).
    public static var packageRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }

    /// Runs with `arguments`, feeding `stdin`, in `directory` (package root by default); kills it after `timeout` seconds.
    public func run(_ arguments: [String], stdin: String? = nil, directory: URL? = nil,
                    environment: [String: String]? = nil, timeout: TimeInterval = 300) throws -> Result {
        try run(arguments, stdinData: stdin.map { Data($0.utf8) }, directory: directory, environment: environment, timeout: timeout)
    }

    /// Runs a bash `script` in which `$GEOBRIEF` is this binary (for limits set with `ulimit` and `trap`).
    public func runShell(_ script: String, timeout: TimeInterval = 300) throws -> Result {
        try BinaryRunner(executable: "/bin/bash").run(["-c", script], environment: ["GEOBRIEF": executable], timeout: timeout)
    }

    /// Runs with raw bytes on standard input (for invalid UTF-8 and the like).
    public func run(_ arguments: [String], stdinData: Data?, directory: URL? = nil,
                    environment: [String: String]? = nil, timeout: TimeInterval = 300) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.currentDirectoryURL = directory ?? BinaryRunner.packageRoot
        if let environment { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdinData { input.fileHandleForWriting.write(stdinData) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so that a full pipe never blocks the child.
        nonisolated(unsafe) var outData = Data(), errData = Data()
        let group = DispatchGroup()
        group.enter(); DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter(); DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        if group.wait(timeout: .now() + timeout) == .timedOut { p.terminate() }
        group.wait()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// Runs any command (pdftotext, geod, ...) and returns its stdout, or nil when it is not installed or fails.
public func runTool(_ tool: String, _ arguments: [String], stdin: String? = nil) -> String? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [tool] + arguments
    let out = Pipe(), input = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    p.standardInput = input
    do { try p.run() } catch { return nil }
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try? input.fileHandleForWriting.close()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return p.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
}

/// A fresh temporary folder for one test, removed by the caller when done.
public func temporaryDirectory(_ name: String = "geobrief-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
