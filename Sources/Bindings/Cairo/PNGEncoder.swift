import CCairo
import CGDAL
import Foundation

/// PNG encoding of image surfaces through GDAL's PNG driver at a chosen zlib level.
///
/// Cairo's own writer always uses zlib's default level, which on a 2000x1400 map takes about
/// 0.4 s, as long as drawing it. Level 1 encodes several times faster for files about a quarter
/// larger; maps are opaque, so they are written as RGB (no alpha channel) when every pixel is.
public enum PNGEncoder {
    /// zlib level used for maps: fast, files somewhat larger than at the default 6.
    public static let defaultLevel = 1

    /// A premultiplied channel back to straight alpha, rounded.
    @inline(__always)
    static func unpremultiply(_ c: UInt8, _ alpha: UInt8) -> UInt8 {
        let a = Int(alpha)
        let v: Int = (Int(c) * 255 + a / 2) / a
        return UInt8(Swift.min(255, v))
    }

    /// Writes `surface` (an image surface) to `path` atomically at zlib `level` (1...9).
    public static func write(_ surface: Surface, to path: String, level: Int = defaultLevel) throws {
        guard surface.kind == .image else { throw CairoError(operation: "write PNG", message: "only image surfaces encode to PNG") }
        cairo_surface_flush(surface.handle)
        guard let data = cairo_image_surface_get_data(surface.handle) else { throw CairoError(operation: "write PNG", message: "no pixel data") }
        let w = Int(cairo_image_surface_get_width(surface.handle)), h = Int(cairo_image_surface_get_height(surface.handle))
        let stride = Int(cairo_image_surface_get_stride(surface.handle))
        // Cairo's ARGB32 is premultiplied, native-endian 32-bit words; PNG wants straight RGB(A).
        var r = [UInt8](repeating: 0, count: w * h), g = r, b = r, a = r
        var opaque = true
        for y in 0..<h {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<w {
                let v = row[x], i = y * w + x
                let alpha = UInt8(v >> 24)
                var rr = UInt8((v >> 16) & 0xFF), gg = UInt8((v >> 8) & 0xFF), bb = UInt8(v & 0xFF)
                if alpha != 255 {
                    opaque = false
                    if alpha > 0 {
                        rr = unpremultiply(rr, alpha)
                        gg = unpremultiply(gg, alpha)
                        bb = unpremultiply(bb, alpha)
                    }
                }
                r[i] = rr; g[i] = gg; b[i] = bb; a[i] = alpha
            }
        }
        let bands = opaque ? [r, g, b] : [r, g, b, a]
        guard let mem = GDALGetDriverByName("MEM"), let png = GDALGetDriverByName("PNG") else {
            throw CairoError(operation: "write PNG \(path)", message: "GDAL's MEM or PNG driver is missing")
        }
        GDALRuntime.reset()
        guard let ds = GDALCreate(mem, "", Int32(w), Int32(h), Int32(bands.count), GDT_Byte, nil) else {
            throw GDALRuntime.error("write PNG", path: path, fallback: "cannot create an in-memory raster")
        }
        defer { GDALClose(ds) }
        for (i, band) in bands.enumerated() {
            var copy = band
            let err = copy.withUnsafeMutableBytes {
                GDALRasterIO(GDALGetRasterBand(ds, Int32(i + 1)), GF_Write, 0, 0, Int32(w), Int32(h), $0.baseAddress, Int32(w), Int32(h), GDT_Byte, 0, 0)
            }
            guard err == CE_None else { throw GDALRuntime.error("write PNG", path: path, fallback: "cannot fill the raster") }
        }
        let tmp = Surface.temporaryName(for: path)
        let options = StringList(["ZLEVEL=\(max(1, min(9, level)))"])
        // No .aux.xml side files next to the image.
        CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO")
        guard let out = GDALCreateCopy(png, tmp, ds, 0, options.handle, nil, nil) else {
            try? FileManager.default.removeItem(atPath: tmp)
            throw GDALRuntime.error("write PNG \(path)", path: path, fallback: "PNG encoding failed")
        }
        GDALClose(out)
        try AtomicFile.rename(tmp, to: path)
    }
}
