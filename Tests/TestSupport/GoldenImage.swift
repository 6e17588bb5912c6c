import Bindings
import Foundation

/// Compares a rendered PNG with a reference PNG within stated tolerances.
///
/// - `maxDifferingShare`: the share of pixels (0...1) allowed to differ by more than `channelTolerance`.
/// - `channelTolerance`: how far (0...255) any channel of a pixel may differ before it counts as differing.
///
/// On failure the actual image and a diff image (differing pixels red over a faded reference) are
/// written beside the reference as `NAME.actual.png` and `NAME.diff.png`.
/// Set `GEOBRIEF_RECORD=1` to (re)write references instead of comparing.
public struct GoldenImage {
    public var maxDifferingShare: Double
    public var channelTolerance: Int

    public init(maxDifferingShare: Double = 0.001, channelTolerance: Int = 8) {
        self.maxDifferingShare = maxDifferingShare
        self.channelTolerance = channelTolerance
    }

    /// Result of one comparison.
    public struct Outcome: CustomStringConvertible {
        public var passed: Bool
        public var differingPixels: Int
        public var totalPixels: Int
        public var maxChannelDifference: Int
        public var recorded: Bool
        public var message: String
        public var description: String { message }
    }

    /// Compares `actualPath` with `referencePath` (recording the reference when asked or missing in record mode).
    public func compare(actual actualPath: String, reference referencePath: String,
                        environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Outcome {
        if environment["GEOBRIEF_RECORD"] == "1" {
            try FileManager.default.createDirectory(atPath: (referencePath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(atPath: referencePath)
            try FileManager.default.copyItem(atPath: actualPath, toPath: referencePath)
            return Outcome(passed: true, differingPixels: 0, totalPixels: 0, maxChannelDifference: 0, recorded: true,
                           message: "recorded \(referencePath)")
        }
        guard FileManager.default.fileExists(atPath: referencePath) else {
            return Outcome(passed: false, differingPixels: 0, totalPixels: 0, maxChannelDifference: 0, recorded: false,
                           message: "no reference image at \(referencePath); run with GEOBRIEF_RECORD=1 to record it")
        }
        let actual = try ImageBuffer(png: actualPath), reference = try ImageBuffer(png: referencePath)
        let base = (referencePath as NSString).deletingPathExtension
        guard actual.width == reference.width, actual.height == reference.height else {
            try? FileManager.default.removeItem(atPath: base + ".actual.png")
            try FileManager.default.copyItem(atPath: actualPath, toPath: base + ".actual.png")
            return Outcome(passed: false, differingPixels: actual.width * actual.height, totalPixels: reference.width * reference.height,
                           maxChannelDifference: 255, recorded: false,
                           message: "size \(actual.width)x\(actual.height) differs from the reference's \(reference.width)x\(reference.height); actual written to \(base).actual.png")
        }
        let a = actual.pixels, r = reference.pixels
        var differing = 0, maxDiff = 0
        var diff = [UInt32](repeating: 0, count: a.count)
        for i in 0..<a.count {
            var d = 0
            for shift in [0, 8, 16, 24] as [UInt32] {
                d = max(d, abs(Int((a[i] >> shift) & 0xFF) - Int((r[i] >> shift) & 0xFF)))
            }
            maxDiff = max(maxDiff, d)
            if d > channelTolerance {
                differing += 1
                diff[i] = 0xFFFF_0000
            } else {
                // Faded reference: a quarter-strength grey of its luminance.
                let lum = (((r[i] >> 16) & 0xFF) + ((r[i] >> 8) & 0xFF) + (r[i] & 0xFF)) / 3
                let v = 191 + lum / 4
                diff[i] = 0xFF00_0000 | (v << 16) | (v << 8) | v
            }
        }
        let share = Double(differing) / Double(max(a.count, 1))
        let passed = share <= maxDifferingShare
        var message = String(format: "%d of %d pixels (%.4f%%) differ by more than %d; allowed %.4f%%; largest channel difference %d",
                             differing, a.count, share * 100, channelTolerance, maxDifferingShare * 100, maxDiff)
        if !passed {
            try? FileManager.default.removeItem(atPath: base + ".actual.png")
            try FileManager.default.copyItem(atPath: actualPath, toPath: base + ".actual.png")
            try ImageBuffer(width: actual.width, height: actual.height, pixels: diff).writePNG(to: base + ".diff.png")
            message += "; wrote \(base).actual.png and \(base).diff.png"
        }
        return Outcome(passed: passed, differingPixels: differing, totalPixels: a.count, maxChannelDifference: maxDiff,
                       recorded: false, message: message)
    }
}
