import CGDAL

/// A coordinate reference system. Always in traditional GIS axis order (x = longitude / easting).
public final class SpatialReference {
    let handle: OGRSpatialReferenceH

    private init(handle: OGRSpatialReferenceH) {
        OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
        self.handle = handle
    }

    /// Adopts a handle GDAL gave us a reference to (from a layer or a clone).
    init(owning handle: OGRSpatialReferenceH) { self.handle = handle; OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER) }

    /// Builds a reference system from an EPSG code. Throws for a code PROJ does not know.
    public convenience init(epsg: Int) throws {
        GDALRuntime.reset()
        guard let h = OSRNewSpatialReference(nil) else {
            throw GDALError(operation: "create spatial reference", message: "out of memory")
        }
        if OSRImportFromEPSG(h, Int32(epsg)) != OGRERR_NONE {
            let err = GDALRuntime.error("spatial reference EPSG:\(epsg)", fallback: "unknown EPSG code \(epsg)")
            OSRDestroySpatialReference(h)
            throw err
        }
        self.init(handle: h)
    }

    /// Builds a reference system from any text GDAL accepts: "EPSG:3857", a PROJ string, WKT or PROJJSON.
    public convenience init(definition: String) throws {
        GDALRuntime.reset()
        let trimmed = definition.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.utf8.count < 65_536 else {
            throw GDALError(operation: "spatial reference", message: "empty or over-long definition (\(trimmed.utf8.count) bytes)")
        }
        guard let h = OSRNewSpatialReference(nil) else {
            throw GDALError(operation: "create spatial reference", message: "out of memory")
        }
        if OSRSetFromUserInput(h, trimmed) != OGRERR_NONE {
            let err = GDALRuntime.error("spatial reference '\(trimmed.prefix(120))'", fallback: "not a valid EPSG code, PROJ string or WKT")
            OSRDestroySpatialReference(h)
            throw err
        }
        self.init(handle: h)
    }

    deinit { OSRDestroySpatialReference(handle) }

    /// WGS 84 longitude/latitude (EPSG:4326).
    public static func wgs84() -> SpatialReference {
        // EPSG:4326 is in every PROJ database; failure here means PROJ's data is missing.
        do { return try SpatialReference(epsg: 4326) } catch { fatalError("PROJ cannot build EPSG:4326: \(error). Is proj-data installed?") }
    }

    /// WKT2 text of this reference system.
    public var wkt: String {
        var out: UnsafeMutablePointer<CChar>?
        let options = StringList(["FORMAT=WKT2_2018"])
        guard OSRExportToWktEx(handle, &out, UnsafePointer(OpaquePointer(options.handle))) == OGRERR_NONE, let out else { return "" }
        defer { geobrief_cpl_free(out) }
        return String(cString: out)
    }

    /// The PROJ string, when the system can be written as one.
    public var projString: String? {
        var out: UnsafeMutablePointer<CChar>?
        guard OSRExportToProj4(handle, &out) == OGRERR_NONE, let out else { return nil }
        defer { geobrief_cpl_free(out) }
        return String(cString: out)
    }

    /// True for longitude/latitude systems.
    public var isGeographic: Bool { OSRIsGeographic(handle) != 0 }

    /// Whether the two describe the same system.
    public func isSame(as other: SpatialReference) -> Bool { OSRIsSame(handle, other.handle) != 0 }
}
