import Foundation
import XCTest

/// A test case with a fresh temporary folder per test and a helper to write files into it.
open class TemporaryFolderTestCase: XCTestCase {
    /// The folder, removed after each test.
    public var dir: URL!

    open override func setUpWithError() throws { dir = try temporaryDirectory() }
    open override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// Writes `text` to `name` in the folder and returns its path.
    public func write(_ text: String, _ name: String) throws -> String {
        let p = dir.appendingPathComponent(name).path
        try text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }
}
