import CJPEG
import Foundation

/// JPEG encoding with libjpeg-turbo, for the soft photographic rasters (shaded relief) embedded
/// in PDF and SVG, where JPEG is several times smaller than the raw pixels Cairo would compress.
public enum JPEGEncoder {
    /// The JPEG bytes of an RGB image given as three (or more; the first three are used) bands of
    /// `width * height` bytes.
    public static func encode(bands: [[UInt8]], width: Int, height: Int, quality: Int = 85) throws -> Data {
        guard width > 0, height > 0, width <= 65_500, height <= 65_500, bands.count >= 3,
              bands.prefix(3).allSatisfy({ $0.count == width * height }) else {
            throw JPEGError(reason: "need three bands of \(width)x\(height) bytes, at most 65,500 pixels a side")
        }
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for i in 0..<(width * height) {
            rgb[3 * i] = bands[0][i]
            rgb[3 * i + 1] = bands[1][i]
            rgb[3 * i + 2] = bands[2][i]
        }
        var out: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        let status = rgb.withUnsafeBufferPointer {
            geobrief_jpeg_encode_rgb($0.baseAddress, Int32(width), Int32(height), Int32(max(1, min(100, quality))), &out, &size)
        }
        defer { free(out) }
        guard status == 0, let out, size > 0 else { throw JPEGError(reason: "libjpeg could not compress the image") }
        return Data(bytes: out, count: Int(size))
    }
}

/// A JPEG that could not be made.
public struct JPEGError: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { "JPEG: \(reason)" }
}
