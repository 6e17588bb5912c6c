import CCairo
import CGDAL
import Foundation

extension ImageBuffer {
    /// Attaches a JPEG encoding of `bands` (the image's own RGB bytes) as the image's MIME data,
    /// so that PDF and SVG surfaces embed the JPEG instead of recompressing raw pixels (for the
    /// soft, photographic shaded relief: several times smaller and faster). Images with any
    /// transparency are left as they are. Image (PNG) surfaces ignore MIME data.
    public func attachJPEG(bands: [[UInt8]], quality: Int = 85) throws {
        guard bands.count >= 3, bands.count == 3 || bands[3].allSatisfy({ $0 == 255 }) else { return }
        guard let mem = GDALGetDriverByName("MEM"), let jpeg = GDALGetDriverByName("JPEG") else { return }
        GDALRuntime.reset()
        guard let ds = GDALCreate(mem, "", Int32(width), Int32(height), 3, GDT_Byte, nil) else {
            throw GDALRuntime.error("encode JPEG", fallback: "cannot create an in-memory raster")
        }
        defer { GDALClose(ds) }
        for i in 0..<3 {
            var band = bands[i]
            let err = band.withUnsafeMutableBytes {
                GDALRasterIO(GDALGetRasterBand(ds, Int32(i + 1)), GF_Write, 0, 0, Int32(width), Int32(height), $0.baseAddress,
                             Int32(width), Int32(height), GDT_Byte, 0, 0)
            }
            guard err == CE_None else { throw GDALRuntime.error("encode JPEG", fallback: "cannot fill the raster") }
        }
        let name = "/vsimem/geobrief-\(UInt64.random(in: 0...UInt64.max)).jpg"
        let options = StringList(["QUALITY=\(max(1, min(100, quality)))"])
        CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO")
        guard let out = GDALCreateCopy(jpeg, name, ds, 0, options.handle, nil, nil) else {
            VSIUnlink(name)
            throw GDALRuntime.error("encode JPEG", fallback: "JPEG encoding failed")
        }
        GDALClose(out)
        defer { VSIUnlink(name) }
        var length: vsi_l_offset = 0
        guard let bytes = VSIGetMemFileBuffer(name, &length, 0), length > 0 else { return }
        // Cairo keeps the bytes until the image is destroyed, then frees them.
        guard let copy = malloc(Int(length)) else { return }
        memcpy(copy, bytes, Int(length))
        let status = cairo_surface_set_mime_data(surface.handle, CAIRO_MIME_TYPE_JPEG, copy.assumingMemoryBound(to: UInt8.self),
                                                 UInt(length), free, copy)
        if status != CAIRO_STATUS_SUCCESS { free(copy) }
    }
}
