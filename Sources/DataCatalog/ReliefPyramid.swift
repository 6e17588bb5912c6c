import Foundation
import PosixBindings

/// The shaded relief as the maps read it: a longitude-latitude raster of interleaved RGB pixels
/// (rows from north to south) at full resolution and at every halving down to a few hundred
/// pixels, in one memory-mapped file sealed with a checksum. Built by `geobrief data build` from
/// the source image; read with no image library, so that a map touches only the pages of the
/// level and the window it samples.
///
/// Layout (little-endian): magic `GBRELIEF`, version u32, level count u32, west, south, east,
/// north f64; per level width u32, height u32, offset u64; the levels' pixels; the seal.
public final class ReliefPyramid: @unchecked Sendable {
    public static let magic: UInt64 = 0x4645_494C_4552_4247  // "GBRELIEF"
    public static let version: UInt32 = 1
    static let headerSize = 48, levelEntrySize = 16, maxLevels = 16

    /// One level: its size in pixels and where its pixels start.
    public struct Level: Sendable, Equatable {
        public let width: Int, height: Int
        @usableFromInline let offset: Int
    }

    public let levels: [Level]
    /// The extent covered, in degrees.
    public let west: Double, south: Double, east: Double, north: Double
    @usableFromInline let file: MappedFile

    /// Maps and checks the pyramid at `path`: a file of another version, truncated or damaged is a
    /// "rebuild the data" error.
    public init(path: String) throws {
        let file = try MappedFile(path: path)
        func refuse(_ why: String) -> MappedFileError {
            MappedFileError(path: path, reason: "\(why): rebuild the data with `make geodata` (FORCE=1)")
        }
        guard file.count >= Self.headerSize, file.u64(0) == Self.magic else { throw refuse("not a GeoBrief relief pyramid") }
        guard file.u32(8) == Self.version else { throw refuse("a relief pyramid of another data format (version \(file.u32(8)))") }
        let payload = try FileSeal.verify(file)
        let count = Int(file.u32(12))
        guard (1...Self.maxLevels).contains(count) else { throw refuse("a relief pyramid with \(count) levels") }
        (west, south, east, north) = (file.f64(16), file.f64(24), file.f64(32), file.f64(40))
        guard [west, south, east, north].allSatisfy(\.isFinite), west < east, south < north else { throw refuse("a relief pyramid with no extent") }
        var levels: [Level] = []
        for i in 0..<count {
            let at = Self.headerSize + i * Self.levelEntrySize
            let level = Level(width: Int(file.u32(at)), height: Int(file.u32(at + 4)), offset: Int(clamping: file.u64(at + 8)))
            guard level.width > 0, level.height > 0, level.width <= 1 << 20, level.height <= 1 << 20,
                  level.offset <= payload, level.width * level.height * 3 <= payload - level.offset else {
                throw refuse("a truncated relief pyramid (level \(i))")
            }
            levels.append(level)
        }
        self.levels = levels
        self.file = file
    }

    /// The RGB pixel at column `x`, row `y` of `level` (both within it).
    @inlinable @inline(__always)
    public func pixel(_ level: Level, _ x: Int, _ y: Int) -> (UInt8, UInt8, UInt8) {
        file.bytes3(level.offset + (y * level.width + x) * 3)
    }

    /// The pyramid's bytes for a full-resolution image of `width` x `height` interleaved RGB
    /// `pixels` covering `west...east`, `south...north`: each further level the 2x2 mean of the one
    /// before, down to `minSide` pixels on the short side.
    public static func encode(pixels: [UInt8], width: Int, height: Int, west: Double = -180, south: Double = -90,
                              east: Double = 180, north: Double = 90, minSide: Int = 256) -> Data {
        var images: [(w: Int, h: Int, rgb: [UInt8])] = [(width, height, pixels)]
        while images.count < maxLevels, let last = images.last, min(last.w, last.h) / 2 >= minSide {
            images.append(halved(last.rgb, last.w, last.h))
        }
        var out = Data()
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        put(magic); put(version); put(UInt32(images.count))
        for v in [west, south, east, north] { put(v.bitPattern) }
        var offset = headerSize + images.count * levelEntrySize
        for image in images {
            put(UInt32(image.w)); put(UInt32(image.h)); put(UInt64(offset))
            offset += image.rgb.count
        }
        for image in images { out.append(contentsOf: image.rgb) }
        return FileSeal.sealed(out)
    }

    /// The 2x2 mean of an image (the last odd row or column averaged with itself).
    static func halved(_ rgb: [UInt8], _ w: Int, _ h: Int) -> (w: Int, h: Int, rgb: [UInt8]) {
        let nw = (w + 1) / 2, nh = (h + 1) / 2
        var out = [UInt8](repeating: 0, count: nw * nh * 3)
        for y in 0..<nh {
            let y0 = 2 * y, y1 = min(2 * y + 1, h - 1)
            for x in 0..<nw {
                let x0 = 2 * x, x1 = min(2 * x + 1, w - 1)
                for c in 0..<3 {
                    let s = Int(rgb[(y0 * w + x0) * 3 + c]) + Int(rgb[(y0 * w + x1) * 3 + c])
                        + Int(rgb[(y1 * w + x0) * 3 + c]) + Int(rgb[(y1 * w + x1) * 3 + c])
                    out[(y * nw + x) * 3 + c] = UInt8((s + 2) / 4)
                }
            }
        }
        return (nw, nh, out)
    }
}
