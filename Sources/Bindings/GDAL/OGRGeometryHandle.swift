import CGDAL
import GeoCore

/// An owned OGR geometry, made from a Swift `Geometry` through WKB.
final class OGRGeometryHandle {
    let handle: OGRGeometryH

    init(_ geometry: Geometry) throws {
        var wkb = geometry.wkb
        var h: OGRGeometryH?
        let err = wkb.withUnsafeMutableBytes { buf in
            OGR_G_CreateFromWkb(buf.baseAddress, nil, &h, Int32(buf.count))
        }
        guard err == OGRERR_NONE, let h else {
            throw GDALError(operation: "convert geometry to OGR", message: "OGR rejected the WKB (error \(err))")
        }
        handle = h
    }

    init(owning h: OGRGeometryH) { handle = h }

    deinit { OGR_G_DestroyGeometry(handle) }

    /// This geometry back as a Swift value.
    var geometry: Geometry {
        get throws { try OGRGeometryHandle.geometry(from: handle) }
    }

    /// Reads a geometry GDAL owns (it is not freed here).
    static func geometry(from h: OGRGeometryH) throws -> Geometry {
        let size = Int(OGR_G_WkbSize(h))
        var bytes = [UInt8](repeating: 0, count: size)
        let err = bytes.withUnsafeMutableBufferPointer { OGR_G_ExportToIsoWkb(h, wkbNDR, $0.baseAddress) }
        guard err == OGRERR_NONE else {
            throw GDALError(operation: "convert geometry from OGR", message: "OGR could not export WKB (error \(err))")
        }
        return try Geometry(wkb: bytes)
    }
}

/// Geometry operations that GEOS does for us through OGR.
public enum GeometryOperations {
    /// The part of `geometry` inside `box` (planar), or nil when nothing is left.
    public static func clip(_ geometry: Geometry, to box: BoundingBox) throws -> Geometry? {
        let g = try OGRGeometryHandle(geometry)
        let ring = [Coordinate(lon: box.west, lat: box.south), Coordinate(lon: box.east, lat: box.south),
                    Coordinate(lon: box.east, lat: box.north), Coordinate(lon: box.west, lat: box.north),
                    Coordinate(lon: box.west, lat: box.south)]
        let b = try OGRGeometryHandle(.polygon([ring]))
        GDALRuntime.reset()
        guard let out = OGR_G_Intersection(g.handle, b.handle) else {
            throw GDALRuntime.error("clip geometry", fallback: "GEOS could not intersect")
        }
        let result = OGRGeometryHandle(owning: out)
        if OGR_G_IsEmpty(out) != 0 { return nil }
        return try result.geometry
    }

    /// Simplifies with Douglas-Peucker keeping topology valid; `tolerance` in the geometry's units.
    public static func simplify(_ geometry: Geometry, tolerance: Double) throws -> Geometry {
        let g = try OGRGeometryHandle(geometry)
        guard let out = OGR_G_SimplifyPreserveTopology(g.handle, tolerance) else { return geometry }
        return try OGRGeometryHandle(owning: out).geometry
    }

    /// Adds points so that no segment is longer than `maxLength` (in the geometry's units).
    public static func segmentize(_ geometry: Geometry, maxLength: Double) throws -> Geometry {
        let g = try OGRGeometryHandle(geometry)
        OGR_G_Segmentize(g.handle, maxLength)
        return try g.geometry
    }

    /// A valid version of a geometry (self-intersections resolved), via GEOS MakeValid.
    public static func makeValid(_ geometry: Geometry) throws -> Geometry {
        let g = try OGRGeometryHandle(geometry)
        guard OGR_G_IsValid(g.handle) == 0 else { return geometry }
        guard let out = OGR_G_MakeValid(g.handle) else { return geometry }
        return try OGRGeometryHandle(owning: out).geometry
    }
}
