import CGDAL

/// A failed GDAL/OGR/OSR call: what was being done, on which file, and GDAL's own message.
public struct GDALError: Error, Equatable, CustomStringConvertible {
    /// What GeoBrief asked GDAL to do ("open", "create layer", "warp", ...).
    public var operation: String
    /// The dataset path or connection string involved, when there is one.
    public var path: String?
    /// GDAL's own text (from `CPLGetLastErrorMsg`), or GeoBrief's when GDAL gave none.
    public var message: String
    /// GDAL's CPLErrorNum (0 when GDAL set none).
    public var code: Int32

    public init(operation: String, path: String? = nil, message: String, code: Int32 = 0) {
        self.operation = operation
        self.path = path
        self.message = message
        self.code = code
    }

    public var description: String {
        if let path { return "\(operation) failed for \(path): \(message)" }
        return "\(operation) failed: \(message)"
    }
}

/// One-time GDAL set-up and per-call capture of GDAL's thread-local error state.
enum GDALRuntime {
    /// Registers every driver once and routes GDAL's messages away from stderr;
    /// errors are read back per call with `lastError`.
    static let ready: Void = {
        GDALAllRegister()
        CPLSetErrorHandler(CPLQuietErrorHandler)
        CPLSetConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF")
        CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", "NONE")
    }()

    /// Clears the calling thread's last GDAL error; call before a GDAL function whose failure we report.
    static func reset() {
        _ = ready
        CPLErrorReset()
    }

    /// The calling thread's last GDAL error as a `GDALError`, with `fallback` when GDAL said nothing.
    static func error(_ operation: String, path: String? = nil, fallback: String) -> GDALError {
        let code = Int32(CPLGetLastErrorNo())
        var text = String(cString: CPLGetLastErrorMsg())
        if text.isEmpty { text = fallback }
        return GDALError(operation: operation, path: path, message: text, code: code)
    }
}

/// A NULL-terminated `char**` list owned by GDAL's CSL functions, for option lists.
final class StringList {
    private(set) var handle: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

    init(_ items: [String]) {
        for item in items { handle = CSLAddString(handle, item) }
    }

    deinit { CSLDestroy(handle) }
}
