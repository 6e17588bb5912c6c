import CGDAL
import Foundation

/// An open GDAL dataset (vector, raster or both). Closed in `deinit`; call `close()` after writing
/// to learn whether the data reached the disk.
public final class Dataset {
    private(set) var handle: GDALDatasetH?
    /// The path or connection string it was opened or created with.
    public let path: String

    init(handle: GDALDatasetH, path: String) {
        self.handle = handle
        self.path = path
    }

    deinit { if let handle { GDALClose(handle) } }

    /// What a caller expects to find in the dataset.
    public enum Kind: Sendable { case vector, raster, any }

    /// Opens a dataset by path or connection string. Throws a `GDALError` carrying GDAL's reason.
    public static func open(_ path: String, kind: Kind = .any, update: Bool = false) throws -> Dataset {
        GDALRuntime.reset()
        let flags = geobrief_open_flags(kind == .raster ? 0 : 1, kind == .vector ? 0 : 1, update ? 1 : 0)
        guard let h = GDALOpenEx(path, flags, nil, nil, nil) else {
            let fallback = FileManager.default.fileExists(atPath: path)
                ? "not recognized as a supported \(kind == .any ? "" : "\(kind) ")file format"
                : "no such file or directory"
            throw GDALRuntime.error("open", path: path, fallback: fallback)
        }
        return Dataset(handle: h, path: path)
    }

    /// Creates a new, empty vector dataset (GeoPackage by default), replacing nothing:
    /// throws when the file exists.
    public static func createVector(_ path: String, driver: String = "GPKG", options: [String] = []) throws -> Dataset {
        GDALRuntime.reset()
        guard let drv = GDALGetDriverByName(driver) else {
            throw GDALError(operation: "create", path: path, message: "GDAL has no \(driver) driver")
        }
        guard !FileManager.default.fileExists(atPath: path) else {
            throw GDALError(operation: "create", path: path, message: "file exists already")
        }
        let opts = StringList(options)
        guard let h = GDALCreate(drv, path, 0, 0, 0, GDT_Unknown, opts.handle) else {
            throw GDALRuntime.error("create", path: path, fallback: "GDAL could not create the file")
        }
        return Dataset(handle: h, path: path)
    }

    /// Flushes and closes, reporting a failed write. The dataset cannot be used afterwards.
    public func close() throws {
        guard let h = handle else { return }
        handle = nil
        GDALRuntime.reset()
        // GDALClose returns void in GDAL 3.6: a failed flush shows only in the error state.
        GDALClose(h)
        if CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal {
            throw GDALRuntime.error("close", path: path, fallback: "writing the dataset failed")
        }
    }

    func checkedHandle(_ operation: String) throws -> GDALDatasetH {
        guard let handle else { throw GDALError(operation: operation, path: path, message: "the dataset is closed") }
        return handle
    }

    /// The short name of the driver that read it ("GPKG", "GTiff", "ESRI Shapefile", ...).
    public var driverName: String {
        guard let h = handle, let d = GDALGetDatasetDriver(h) else { return "" }
        return String(cString: GDALGetDriverShortName(d))
    }

    // MARK: Layers

    /// Number of vector layers.
    public var layerCount: Int { handle.map { Int(GDALDatasetGetLayerCount($0)) } ?? 0 }

    /// Every vector layer, in order.
    public var layers: [Layer] {
        guard let h = handle else { return [] }
        return (0..<layerCount).compactMap { i in GDALDatasetGetLayer(h, Int32(i)).map { Layer(handle: $0, dataset: self) } }
    }

    /// The layer called `name`; throws naming the layers there are.
    public func layer(named name: String) throws -> Layer {
        let h = try checkedHandle("read layer")
        guard let l = GDALDatasetGetLayerByName(h, name) else {
            let names = layers.map(\.name).joined(separator: ", ")
            throw GDALError(operation: "read layer '\(name)'", path: path, message: "no such layer; the dataset has: \(names)")
        }
        return Layer(handle: l, dataset: self)
    }

    /// Creates a vector layer with the given fields.
    public func createLayer(
        _ name: String, geometry: GeometryKind, srs: SpatialReference? = nil,
        fields: [FieldDefinition] = [], options: [String] = []
    ) throws -> Layer {
        let h = try checkedHandle("create layer")
        GDALRuntime.reset()
        let opts = StringList(options)
        guard let l = GDALDatasetCreateLayer(h, name, srs?.handle, geometry.ogrType, opts.handle) else {
            throw GDALRuntime.error("create layer '\(name)'", path: path, fallback: "the driver refused the layer")
        }
        let layer = Layer(handle: l, dataset: self)
        for f in fields { try layer.createField(f) }
        return layer
    }

    /// Runs `body` inside a dataset transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let h = try checkedHandle("start transaction")
        GDALRuntime.reset()
        guard GDALDatasetStartTransaction(h, 0) == OGRERR_NONE else {
            throw GDALRuntime.error("start transaction", path: path, fallback: "the driver has no transactions")
        }
        do {
            let result = try body()
            GDALRuntime.reset()
            guard GDALDatasetCommitTransaction(h) == OGRERR_NONE else {
                throw GDALRuntime.error("commit transaction", path: path, fallback: "commit failed")
            }
            return result
        } catch {
            _ = GDALDatasetRollbackTransaction(h)
            throw error
        }
    }

    /// Runs an SQL statement that returns no rows (GDAL's own dialect or the driver's).
    public func execute(sql: String) throws {
        let h = try checkedHandle("execute SQL")
        GDALRuntime.reset()
        let result = GDALDatasetExecuteSQL(h, sql, nil, nil)
        if let result { GDALDatasetReleaseResultSet(h, result) }
        if CPLGetLastErrorType() == CE_Failure {
            throw GDALRuntime.error("execute SQL '\(sql.prefix(80))'", path: path, fallback: "SQL failed")
        }
    }
}
