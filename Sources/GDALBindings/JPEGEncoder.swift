import CGDAL
import Foundation

/// JPEG encoding through GDAL's JPEG driver (libjpeg), for rasters embedded in PDF and SVG.
public enum JPEGEncoder {
    /// The JPEG bytes of an RGB image given as three bands of `width * height` bytes.
    public static func encode(bands: [[UInt8]], width: Int, height: Int, quality: Int = 85) throws -> Data {
        guard bands.count >= 3, bands.allSatisfy({ $0.count == width * height }) else {
            throw GDALError(operation: "encode JPEG", message: "need three bands of \(width)x\(height) bytes")
        }
        guard let mem = GDALGetDriverByName("MEM"), let jpeg = GDALGetDriverByName("JPEG") else {
            throw GDALError(operation: "encode JPEG", message: "GDAL has no MEM or JPEG driver")
        }
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
        guard let bytes = VSIGetMemFileBuffer(name, &length, 0), length > 0 else {
            throw GDALError(operation: "encode JPEG", message: "the JPEG driver wrote nothing")
        }
        return Data(bytes: bytes, count: Int(length))
    }
}
