import Foundation
import GDALBindings
import GeoCore

/// GDAL's implementation of the services the map modules ask for (`GDALServices`): relief warped
/// by GDALWarp from the overview nearest the output size, JPEG by libjpeg, polygons by OGR.
public struct GDALProvider: GDALServiceProvider {
    public init() {}

    /// Registers GDAL's services for this process.
    public static func register() { GDALServices.register(GDALProvider()) }

    public func warpRelief(path: String, projection: String, window: [Double], width: Int, height: Int) throws -> [[UInt8]] {
        let relief = try Dataset.open(path, kind: .raster)
        let warped = try relief.warped(to: RasterTarget(srs: try SpatialReference(definition: projection), minX: window[0], minY: window[1],
                                                        maxX: window[2], maxY: window[3], width: width, height: height))
        return try (1...max(1, warped.rasterInfo?.bandCount ?? 0)).map { try warped.readBytes(band: $0) }
    }

    public func jpeg(bands: [[UInt8]], width: Int, height: Int) throws -> Data {
        try JPEGEncoder.encode(bands: bands, width: width, height: height)
    }

    public func polygons(path: String) throws -> [Geometry] {
        let ds = try Dataset.open(path, kind: .vector)
        let polys = ds.layers.flatMap { layer in layer.features().compactMap(\.geometry) }.filter { !$0.polygons.isEmpty }
        guard !polys.isEmpty else {
            throw GDALError(operation: "read polygons", path: path, message: "the file holds no polygon")
        }
        return polys
    }
}
