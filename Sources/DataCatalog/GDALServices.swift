import Foundation
import GeoCore

/// The reading that needs GDAL: warping the shaded relief into a map's projection, encoding it as
/// JPEG for PDF and SVG, and reading polygons from a user's vector file (GeoJSON, Shapefile, ...).
/// The modules that draw maps link no GDAL and ask for it through `GDALServices.current`;
/// `geobrief-engine` registers GDAL's implementation at start, `geobrief-render` registers none
/// and hands such work to the engine.
public protocol GDALServiceProvider: Sendable {
    /// The relief raster at `path` warped into `projection` over the projected window
    /// (minX, minY, maxX, maxY) at `width` x `height`: one byte array per band.
    func warpRelief(path: String, projection: String, window: [Double], width: Int, height: Int) throws -> [[UInt8]]
    /// JPEG bytes of an RGB image given as three bands.
    func jpeg(bands: [[UInt8]], width: Int, height: Int) throws -> Data
    /// The polygons of a vector file, every layer.
    func polygons(path: String) throws -> [Geometry]
}

/// The registered provider of GDAL's services, if any.
public enum GDALServices {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var provider: GDALServiceProvider?

    /// Registers the provider (once, at program start).
    public static func register(_ p: GDALServiceProvider) {
        lock.lock(); defer { lock.unlock() }
        provider = p
    }

    /// Whether a provider is registered.
    public static var available: Bool { lock.lock(); defer { lock.unlock() }; return provider != nil }

    /// The provider; throws `GDALServices.Unavailable` in a program that links no GDAL.
    public static func current(for what: String) throws -> GDALServiceProvider {
        lock.lock(); defer { lock.unlock() }
        guard let provider else { throw Unavailable(what: what) }
        return provider
    }

    /// Work that needs GDAL asked of a program without it.
    public struct Unavailable: Error, CustomStringConvertible {
        public let what: String
        public var description: String { "\(what) needs GDAL; run it with geobrief-engine" }
    }
}
