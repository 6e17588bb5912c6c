import CPROJ
import Foundation
import GeoCore

/// A transformation from WGS 84 longitude/latitude into a map's reference system (and back), made
/// with PROJ alone. Points go in and come out in GIS order (x = longitude or easting).
///
/// A projection on the WGS 84 datum or ellipsoid with no datum shift is PROJ's projection alone,
/// applied to radians (degrees are converted here with PROJ's own factor, a quarter of the time of
/// a unit-conversion step per point): all that PROJ's search of its database would find, without
/// the tens of milliseconds that search costs. Anything else (other datums, grids) is searched
/// for. Each transform owns its PROJ context: use one per thread.
public final class ProjTransform {
    private let context: OpaquePointer
    private let operation: OpaquePointer
    /// Whether `operation` is a bare projection, taking and giving angles in radians.
    private let radians: Bool
    /// The reference system as a PROJ string, when it can be written as one.
    public let projString: String?
    /// The definition it was made from.
    public let definition: String

    /// Throws for a definition PROJ does not accept ("EPSG:3857", a PROJ string, WKT or PROJJSON)
    /// or a system PROJ finds no operation into.
    public init(definition: String) throws {
        let trimmed = definition.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.utf8.count < 65_536 else {
            throw ProjError("empty or over-long definition (\(trimmed.utf8.count) bytes)")
        }
        if let problem = geobrief_proj_load() { throw ProjError(String(cString: problem)) }
        guard let ctx = gb_proj_context_create() else { throw ProjError("cannot create a PROJ context") }
        gb_proj_log_level(ctx, PJ_LOG_NONE)
        gb_proj_log_func(ctx, nil) { _, _, _ in }
        func fail(_ message: String) -> ProjError {
            let code = gb_proj_context_errno(ctx)
            let detail = code != 0 ? gb_proj_context_errno_string(ctx, code).map { String(cString: $0) } : nil
            gb_proj_context_destroy(ctx)
            return ProjError(detail.map { "\(message): \($0)" } ?? message)
        }
        let op: OpaquePointer?
        let proj: String?
        var radians = false
        if trimmed.hasPrefix("+"), let projection = ProjTransform.directProjection(for: trimmed) {
            // A PROJ string on WGS 84: the projection straight from the text. It needs nothing from
            // PROJ's database, which PROJ would still open and parse (~10 ms in a process's first
            // context, tenths of a millisecond in each later one): the context looks elsewhere.
            ProjTransform.noDatabase.withCString { path in
                var paths: [UnsafePointer<CChar>?] = [path]
                gb_proj_context_set_search_paths(ctx, 1, &paths)
            }
            op = gb_proj_create(ctx, projection)
            radians = true
            proj = trimmed
        } else {
            // A PROJ string names a reference system only with +type=crs (GDAL adds it too).
            let text = trimmed.hasPrefix("+") && !trimmed.contains("+type=crs") ? trimmed + " +type=crs" : trimmed
            guard let crs = gb_proj_create(ctx, text) else {
                throw fail("'\(trimmed.prefix(120))' is not a valid EPSG code, PROJ string or WKT")
            }
            defer { gb_proj_destroy(crs) }
            let type = gb_proj_get_type(crs)
            let isCRS = [PJ_TYPE_PROJECTED_CRS, PJ_TYPE_GEOGRAPHIC_2D_CRS, PJ_TYPE_GEOGRAPHIC_3D_CRS, PJ_TYPE_GEODETIC_CRS,
                         PJ_TYPE_COMPOUND_CRS, PJ_TYPE_BOUND_CRS, PJ_TYPE_OTHER_CRS, PJ_TYPE_ENGINEERING_CRS].contains(type)
            guard isCRS else { throw fail("'\(trimmed.prefix(120))' is not a coordinate reference system") }
            proj = gb_proj_as_proj_string(ctx, crs, PJ_PROJ_4, nil).map { String(cString: $0) }
            if let projection = proj.flatMap(ProjTransform.directProjection) {
                op = gb_proj_create(ctx, projection)
                radians = true
            } else {
                guard let wgs84 = gb_proj_create(ctx, "EPSG:4326") else { throw fail("PROJ cannot build EPSG:4326; is proj-data installed?") }
                defer { gb_proj_destroy(wgs84) }
                guard let found = gb_proj_create_crs_to_crs_from_pj(ctx, wgs84, crs, nil, nil) else {
                    throw fail("no transformation from WGS 84 into '\(trimmed.prefix(120))'")
                }
                op = gb_proj_normalize_for_visualization(ctx, found)
                gb_proj_destroy(found)
            }
        }
        guard let op else { throw fail("PROJ cannot build the transformation into '\(trimmed.prefix(120))'") }
        context = ctx
        operation = op
        self.radians = radians
        projString = proj
        self.definition = trimmed
    }

    deinit {
        gb_proj_destroy(operation)
        gb_proj_context_destroy(context)
    }

    /// A search path holding no PROJ data, for contexts that need none.
    static let noDatabase = "/nonexistent/geobrief-direct-pipeline"

    /// For a projected system on the WGS 84 datum or ellipsoid with no datum shift, the PROJ
    /// string of its projection alone (from longitude/latitude in radians); nil for anything else.
    static func directProjection(for proj: String) -> String? {
        let words = proj.split(separator: " ").map(String.init)
        guard let kind = words.first(where: { $0.hasPrefix("+proj=") }), !["+proj=longlat", "+proj=latlong"].contains(kind),
              words.contains("+datum=WGS84") || words.contains("+ellps=WGS84"),
              !words.contains(where: { ["+towgs84", "+nadgrids", "+geoidgrids", "+pm", "+axis", "+step", "+inv", "+init"].contains(String($0.prefix { $0 != "=" })) }),
              !words.contains("+proj=pipeline")
        else { return nil }
        return words.filter { $0 != "+type=crs" && $0 != "+no_defs" && $0 != "+wktext" }.joined(separator: " ")
    }

    /// The reference system as WKT 1 in GDAL's dialect (what a geospatial PDF names for readers
    /// such as GDAL and Acrobat), or WKT 2 (2019) for a projection WKT 1 has no name for (Equal
    /// Earth); nil when PROJ can write neither. Made in a context of its own, which opens PROJ's database.
    public func wkt() -> String? {
        guard geobrief_proj_load() == nil, let ctx = gb_proj_context_create() else { return nil }
        defer { gb_proj_context_destroy(ctx) }
        gb_proj_log_level(ctx, PJ_LOG_NONE)
        let text = definition.hasPrefix("+") && !definition.contains("+type=crs") ? definition + " +type=crs" : definition
        guard let crs = gb_proj_create(ctx, text) else { return nil }
        defer { gb_proj_destroy(crs) }
        return (gb_proj_as_wkt(ctx, crs, PJ_WKT1_GDAL, nil) ?? gb_proj_as_wkt(ctx, crs, PJ_WKT2_2019, nil)).map { String(cString: $0) }
    }

    /// Transforms every point (forward: lon/lat into the system; inverse: back); a point PROJ cannot
    /// transform (outside the projection's domain) is nil.
    public func transform(_ points: [Coordinate], inverse: Bool = false) -> [Coordinate?] {
        let n = points.count
        guard n > 0 else { return [] }
        // PROJ's DEG_TO_RAD and RAD_TO_DEG, as its unit conversion applies them.
        let toRadians = radians && !inverse ? 0.017453292519943296 : 1
        var xs = points.map { $0.lon * toRadians }, ys = points.map { $0.lat * toRadians }
        gb_proj_errno_reset(operation)
        xs.withUnsafeMutableBufferPointer { x in
            ys.withUnsafeMutableBufferPointer { y in
                let stride = MemoryLayout<Double>.stride
                // Failed points come back as HUGE_VAL.
                _ = gb_proj_trans_generic(operation, inverse ? PJ_INV : PJ_FWD, x.baseAddress, stride, n, y.baseAddress, stride, n,
                                       nil, 0, 0, nil, 0, 0)
            }
        }
        let toDegrees = radians && inverse ? 57.295779513082321 : 1
        return (0..<n).map { i in
            xs[i].isFinite && ys[i].isFinite && abs(xs[i]) < 1e30 && abs(ys[i]) < 1e30
                ? Coordinate(lon: xs[i] * toDegrees, lat: ys[i] * toDegrees) : nil
        }
    }
}

extension ProjTransform {
    /// The points of many paths transformed forward in one call to PROJ, in place in one buffer
    /// (no copies into separate x and y arrays, no optional per point): a point PROJ cannot
    /// transform is left out of its path. The same numbers as `transform` gives.
    public func transform(paths: [[Coordinate]]) -> [[Coordinate]] {
        var flat: [Coordinate] = []
        flat.reserveCapacity(paths.reduce(0) { $0 + $1.count })
        for path in paths { flat.append(contentsOf: path) }
        guard !flat.isEmpty, let lonAt = MemoryLayout<Coordinate>.offset(of: \Coordinate.lon),
              let latAt = MemoryLayout<Coordinate>.offset(of: \Coordinate.lat) else {
            return paths.map { transform($0).compactMap { $0 } }
        }
        if radians {
            // PROJ's DEG_TO_RAD, as its unit conversion applies it.
            for i in flat.indices { flat[i] = Coordinate(lon: flat[i].lon * 0.017453292519943296, lat: flat[i].lat * 0.017453292519943296) }
        }
        gb_proj_errno_reset(operation)
        let n = flat.count
        flat.withUnsafeMutableBytes { bytes in
            let stride = MemoryLayout<Coordinate>.stride
            // Failed points come back as HUGE_VAL.
            _ = gb_proj_trans_generic(operation, PJ_FWD, (bytes.baseAddress! + lonAt).assumingMemoryBound(to: Double.self), stride, n,
                                      (bytes.baseAddress! + latAt).assumingMemoryBound(to: Double.self), stride, n, nil, 0, 0, nil, 0, 0)
        }
        var out: [[Coordinate]] = []
        out.reserveCapacity(paths.count)
        var i = 0
        for path in paths {
            var kept: [Coordinate] = []
            kept.reserveCapacity(path.count)
            for c in flat[i..<(i + path.count)] where c.lon.isFinite && c.lat.isFinite && abs(c.lon) < 1e30 && abs(c.lat) < 1e30 {
                kept.append(c)
            }
            out.append(kept)
            i += path.count
        }
        return out
    }
}

/// A definition PROJ does not accept, or a transformation it cannot build.
public struct ProjError: Error, CustomStringConvertible {
    public let message: String
    init(_ message: String) { self.message = message }
    public var description: String { "projection: \(message)" }
}

extension ProjTransform {
    /// Starts loading the PROJ library (and the libraries it binds at load, about 9 ms) on a
    /// background thread, for a command that will project: the first transformation then finds it
    /// loaded, or waits for it. Loading happens once whoever asks first.
    public static func preload() {
        DispatchQueue.global(qos: .userInitiated).async { _ = geobrief_proj_load() }
    }
}
