import Bindings
import Foundation
import Graphics
import TestSupport
import XCTest

/// Frames through FFmpeg's libraries in this process (so that the sanitizers see the shim):
/// every format written and read back, bad sizes refused, an unfinished file leaving nothing.
final class VideoEncoderTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws { dir = try temporaryDirectory("geobrief-video") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func frames(_ n: Int, width: Int, height: Int) throws -> [Surface] {
        try (0..<n).map { i in
            let s = try Surface.image(width: width, height: height)
            let c = try Canvas(s)
            c.setColor(.white); c.paint()
            // A colour of each frame's own: per-frame palettes differ.
            c.setColor(Color(r: Double(i) / Double(max(1, n - 1)), g: 0.2, b: 1 - Double(i) / Double(max(1, n - 1))))
            c.rectangle(Double(i * 8), 8, 16, 16); c.fill()
            return s
        }
    }

    func testEveryFormatWritesItsFrames() throws {
        let surfaces = try frames(6, width: 96, height: 64)
        for format in VideoFormat.allCases {
            let path = dir.appendingPathComponent("v.\(format.rawValue)").path
            let encoder = try VideoEncoder(path: path, format: format, width: 96, height: 64, fps: 6)
            for s in surfaces { try encoder.add(s) }
            try encoder.finish()
            XCTAssertEqual(encoder.frames, 6)
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            XCTAssertGreaterThan(size, 100, "\(format)")
            if let probe = runTool("ffprobe", ["-v", "error", "-count_frames", "-show_entries", "stream=nb_read_frames,width", "-of", "csv=p=0", path]) {
                XCTAssertEqual(probe.trimmingCharacters(in: .whitespacesAndNewlines), "96,6", "\(format)")
            }
        }
    }

    /// A GIF too long to hold for one palette gets a palette a frame, in bounded memory.
    func testALongGIFHasAPaletteAFrame() throws {
        let path = dir.appendingPathComponent("long.gif").path
        let surfaces = try frames(4, width: 96, height: 64)
        let encoder = try VideoEncoder(path: path, format: .gif, width: 96, height: 64, fps: 6, frames: VideoFormat.gifPaletteBufferLimit / (96 * 64 * 4) + 1)
        for s in surfaces { try encoder.add(s) }
        try encoder.finish()
        if let probe = runTool("ffprobe", ["-v", "error", "-count_frames", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", path]) {
            XCTAssertEqual(probe.trimmingCharacters(in: .whitespacesAndNewlines), "4")
        }
        let blocks = try gifImages(path)
        XCTAssertEqual(blocks.count, 4)
        XCTAssertEqual(blocks.filter { $0 }.count, 4, "every frame has its own colour table")
        // The short one of the test above: one global palette for every frame after the first.
        let short = try frames(6, width: 96, height: 64)
        let one = dir.appendingPathComponent("short.gif").path
        let e = try VideoEncoder(path: one, format: .gif, width: 96, height: 64, fps: 6, frames: 6)
        for s in short { try e.add(s) }
        try e.finish()
        XCTAssertLessThanOrEqual(try gifImages(one).filter { $0 }.count, 1)
    }

    /// Each image of a GIF, in order: whether it has a local colour table (walking the blocks).
    func gifImages(_ path: String) throws -> [Bool] {
        let b = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        guard b.count > 13, b[0...5] == Array("GIF89a".utf8)[...] else { throw NSError(domain: "gif", code: 1) }
        var i = 13 + (b[10] & 0x80 != 0 ? 3 * (2 << Int(b[10] & 7)) : 0)
        var images: [Bool] = []
        func skipSubBlocks() { while i < b.count, b[i] != 0 { i += Int(b[i]) + 1 }; i += 1 }
        while i < b.count {
            switch b[i] {
            case 0x21: i += 2; skipSubBlocks()
            case 0x2C:
                let flags = b[i + 9]
                images.append(flags & 0x80 != 0)
                i += 10 + (flags & 0x80 != 0 ? 3 * (2 << Int(flags & 7)) : 0) + 1
                skipSubBlocks()
            case 0x3B: return images
            default: throw NSError(domain: "gif", code: 2, userInfo: [NSLocalizedDescriptionKey: "unknown block \(b[i]) at \(i)"])
            }
        }
        return images
    }

    func testBadSizesAndUnfinishedFiles() throws {
        let path = dir.appendingPathComponent("odd.mp4").path
        XCTAssertThrowsError(try VideoEncoder(path: path, format: .mp4, width: 95, height: 64, fps: 6)) {
            XCTAssertTrue("\($0)".contains("even sides"), "\($0)")
        }
        XCTAssertThrowsError(try VideoEncoder(path: path, format: .gif, width: 8, height: 64, fps: 6))
        XCTAssertThrowsError(try VideoEncoder(path: path, format: .gif, width: 64, height: 64, fps: 0))
        do {
            let encoder = try VideoEncoder(path: path, format: .mp4, width: 64, height: 64, fps: 6)
            try encoder.add(try frames(1, width: 64, height: 64)[0])
            XCTAssertThrowsError(try encoder.add(try frames(1, width: 32, height: 32)[0]), "a frame of another size")
        }
        // Dropped unfinished: no file, no temporary left.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
        let empty = try VideoEncoder(path: path, format: .gif, width: 64, height: 64, fps: 6)
        XCTAssertThrowsError(try empty.finish(), "no frame")
    }
}
