import CGDAL
import GeoCore

/// Pixel size and placement of a raster.
public struct RasterInfo: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var bandCount: Int
    /// GDAL's affine geotransform: origin x, pixel width, row rotation, origin y, column rotation, pixel height.
    public var geoTransform: [Double]?

    /// The georeferenced extent, when the raster has a geotransform without rotation.
    public var extent: BoundingBox? {
        guard let t = geoTransform, t[2] == 0, t[4] == 0 else { return nil }
        let x2 = t[0] + t[1] * Double(width), y2 = t[3] + t[5] * Double(height)
        return BoundingBox(west: min(t[0], x2), south: min(t[3], y2), east: max(t[0], x2), north: max(t[3], y2))
    }
}

/// A window of a projected plane to render a raster into.
public struct RasterTarget {
    public var srs: SpatialReference
    /// Extent in the target system's units: minX, minY, maxX, maxY.
    public var minX: Double, minY: Double, maxX: Double, maxY: Double
    public var width: Int
    public var height: Int
    /// GDAL resampling name: "near", "bilinear", "cubic", "average", ...
    public var resampling: String
    /// The overview to read: nil for GDAL's choice, 0 for full resolution, n for the n-th overview.
    public var overview: Int?

    public init(srs: SpatialReference, minX: Double, minY: Double, maxX: Double, maxY: Double,
                width: Int, height: Int, resampling: String = "bilinear") {
        self.srs = srs
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
        self.width = width; self.height = height
        self.resampling = resampling
    }
}

extension Dataset {
    /// Pixel size, bands and geotransform; nil when the dataset has no raster.
    public var rasterInfo: RasterInfo? {
        guard let h = handle, GDALGetRasterCount(h) > 0 else { return nil }
        var t = [Double](repeating: 0, count: 6)
        let hasTransform = t.withUnsafeMutableBufferPointer { GDALGetGeoTransform(h, $0.baseAddress) } == CE_None
        return RasterInfo(width: Int(GDALGetRasterXSize(h)), height: Int(GDALGetRasterYSize(h)),
                          bandCount: Int(GDALGetRasterCount(h)), geoTransform: hasTransform ? t : nil)
    }

    /// Number of overview levels of band 1.
    public var overviewCount: Int {
        guard let h = handle, let b = GDALGetRasterBand(h, 1) else { return 0 }
        return Int(GDALGetOverviewCount(b))
    }

    /// Reads a window of one band (1-based) as bytes, resampled to `outWidth` x `outHeight`.
    public func readBytes(band: Int, x: Int = 0, y: Int = 0, width: Int? = nil, height: Int? = nil,
                          outWidth: Int? = nil, outHeight: Int? = nil) throws -> [UInt8] {
        let h = try checkedHandle("read raster")
        guard let info = rasterInfo, band >= 1, band <= info.bandCount, let b = GDALGetRasterBand(h, Int32(band)) else {
            throw GDALError(operation: "read raster band \(band)", path: path, message: "no such band")
        }
        let w = width ?? info.width, hh = height ?? info.height
        let ow = outWidth ?? w, oh = outHeight ?? hh
        guard ow > 0, oh > 0, ow * oh <= 1 << 30 else {
            throw GDALError(operation: "read raster", path: path, message: "window \(ow)x\(oh) is empty or too large")
        }
        var buf = [UInt8](repeating: 0, count: ow * oh)
        GDALRuntime.reset()
        let err = buf.withUnsafeMutableBytes {
            GDALRasterIO(b, GF_Read, Int32(x), Int32(y), Int32(w), Int32(hh), $0.baseAddress, Int32(ow), Int32(oh), GDT_Byte, 0, 0)
        }
        guard err == CE_None else { throw GDALRuntime.error("read raster", path: path, fallback: "RasterIO failed") }
        return buf
    }

    /// Warps this raster into `target` (an in-memory dataset), reading only the overview level and
    /// blocks that the window needs.
    public func warped(to target: RasterTarget) throws -> Dataset {
        let src = try checkedHandle("warp")
        guard target.width > 0, target.height > 0, target.width <= 32_767, target.height <= 32_767 else {
            throw GDALError(operation: "warp", path: path, message: "target size \(target.width)x\(target.height) out of range 1...32767")
        }
        let args = StringList([
            "-of", "MEM", "-t_srs", target.srs.wkt,
            "-te", "\(target.minX)", "\(target.minY)", "\(target.maxX)", "\(target.maxY)",
            "-ts", "\(target.width)", "\(target.height)", "-r", target.resampling,
            "-dstalpha", "-multi", "-wo", "NUM_THREADS=1",
        ] + (target.overview.map { ["-ovr", $0 == 0 ? "NONE" : "\($0 - 1)"] } ?? []))
        GDALRuntime.reset()
        guard let opts = GDALWarpAppOptionsNew(args.handle, nil) else {
            throw GDALRuntime.error("warp", path: path, fallback: "invalid warp options")
        }
        defer { GDALWarpAppOptionsFree(opts) }
        var sources: [GDALDatasetH?] = [src]
        var usageError: Int32 = 0
        let out = sources.withUnsafeMutableBufferPointer { GDALWarp("", nil, 1, $0.baseAddress, opts, &usageError) }
        guard let out else { throw GDALRuntime.error("warp", path: path, fallback: "GDALWarp failed") }
        return Dataset(handle: out, path: "MEM:warp of \(path)")
    }

    /// Writes a copy with `gdal_translate` options (for example a tiled, compressed GeoTIFF).
    public func translate(to destination: String, options: [String]) throws -> Dataset {
        let src = try checkedHandle("translate")
        let args = StringList(options)
        GDALRuntime.reset()
        guard let opts = GDALTranslateOptionsNew(args.handle, nil) else {
            throw GDALRuntime.error("translate", path: path, fallback: "invalid translate options")
        }
        defer { GDALTranslateOptionsFree(opts) }
        var usageError: Int32 = 0
        guard let out = GDALTranslate(destination, src, opts, &usageError) else {
            throw GDALRuntime.error("translate to \(destination)", path: path, fallback: "GDALTranslate failed")
        }
        return Dataset(handle: out, path: destination)
    }

    /// Builds overview levels (2, 4, 8, ...) with `resampling`, so that small windows read fast.
    public func buildOverviews(levels: [Int], resampling: String = "AVERAGE") throws {
        let h = try checkedHandle("build overviews")
        var lv = levels.map { Int32($0) }
        GDALRuntime.reset()
        let err = lv.withUnsafeMutableBufferPointer {
            GDALBuildOverviews(h, resampling, Int32(levels.count), $0.baseAddress, 0, nil, nil, nil)
        }
        guard err == CE_None else { throw GDALRuntime.error("build overviews", path: path, fallback: "failed") }
    }

    /// Copies vector data with `ogr2ogr` options into `destination` (a new file).
    public func vectorTranslate(to destination: String, options: [String]) throws -> Dataset {
        let src = try checkedHandle("vector translate")
        let args = StringList(options)
        GDALRuntime.reset()
        guard let opts = GDALVectorTranslateOptionsNew(args.handle, nil) else {
            throw GDALRuntime.error("vector translate", path: path, fallback: "invalid ogr2ogr options")
        }
        defer { GDALVectorTranslateOptionsFree(opts) }
        var sources: [GDALDatasetH?] = [src]
        var usageError: Int32 = 0
        let out = sources.withUnsafeMutableBufferPointer { GDALVectorTranslate(destination, nil, 1, $0.baseAddress, opts, &usageError) }
        guard let out else { throw GDALRuntime.error("vector translate to \(destination)", path: path, fallback: "GDALVectorTranslate failed") }
        return Dataset(handle: out, path: destination)
    }
}
