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
            c.setColor(Color(r: 0.8, g: 0.2, b: 0.1)); c.rectangle(Double(i * 8), 8, 16, 16); c.fill()
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
