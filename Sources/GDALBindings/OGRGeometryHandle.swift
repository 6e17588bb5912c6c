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
    /// An invalid input (a self-touching ring, as GMT exports produce) is made valid first, unless
    /// the caller knows it is valid (`validate: false` skips the costly check).
    public static func clip(_ geometry: Geometry, to box: BoundingBox, validate: Bool = true) throws -> Geometry? {
        var g = try OGRGeometryHandle(geometry)
        if validate, OGR_G_IsValid(g.handle) == 0, let valid = OGR_G_MakeValid(g.handle) { g = OGRGeometryHandle(owning: valid) }
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

extension GeometryOperations {
    /// Cuts `geometry` at the meridians `west` and `west + 360` and shifts every piece into
    /// `west...west+360`, so that nothing spans a projection's seam. `margin` keeps pieces a hair
    /// off the seam, where a projection could place a point on either edge.
    /// Returns nil when nothing is left.
    public static func wrap(_ geometry: Geometry, west: Double, margin: Double = 0) throws -> Geometry? {
        guard let box = geometry.boundingBox else { return nil }
        let east = west + 360
        if box.west >= west + margin && box.east <= east - margin { return geometry }
        var pieces: [Geometry] = []
        let kMin = Int(((box.west - west) / 360).rounded(.down)), kMax = Int(((box.east - west) / 360).rounded(.down))
        guard kMax - kMin <= 4 else {
            throw GDALError(operation: "wrap geometry", message: "longitudes span \(box.width) degrees; more than 4 turns of the globe")
        }
        for k in kMin...kMax {
            let shift = 360 * Double(k)
            let window = BoundingBox(west: west + shift + margin, south: -90, east: east + shift - margin, north: 90)
            if let part = try clip(geometry, to: window) {
                pieces.append(shift == 0 ? part : part.map { Coordinate(lon: $0.lon - shift, lat: $0.lat) })
            }
        }
        return combine(pieces)
    }

    /// Longitudes past ±180 cut at the antimeridian and brought back into -180...180.
    public static func splitAtAntimeridian(_ geometry: Geometry) throws -> Geometry? {
        try wrap(geometry, west: -180)
    }

    /// Joins pieces into one multi-geometry of the richest kind they share.
    static func combine(_ pieces: [Geometry]) -> Geometry? {
        guard !pieces.isEmpty else { return nil }
        if pieces.count == 1 { return pieces[0] }
        let polys = pieces.flatMap(\.polygons)
        if !polys.isEmpty { return .multiPolygon(polys) }
        let lines = pieces.flatMap(\.paths)
        if !lines.isEmpty { return .multiLineString(lines) }
        return .multiPoint(pieces.flatMap(\.coordinates))
    }
}

extension GeometryOperations {
    /// A point guaranteed to lie inside a polygon (GEOS PointOnSurface), for label and centre points.
    public static func pointOnSurface(_ geometry: Geometry) throws -> Coordinate? {
        let g = try OGRGeometryHandle(geometry)
        guard let p = OGR_G_PointOnSurface(g.handle) else { return nil }
        if case .point(let c) = try OGRGeometryHandle(owning: p).geometry { return c }
        return nil
    }
}

extension GeometryOperations {
    /// Cuts polygons along a grid of `cell`-degree squares aligned on multiples of `cell`, returning
    /// each non-empty piece with its square. Halves the box recursively, so that each cut works on
    /// an already small piece (cutting Eurasia cell by cell would clip the whole continent each time).
    public static func gridPieces(_ geometry: Geometry, cell: Double) throws -> [(square: BoundingBox, piece: Geometry)] {
        guard cell > 0, let b = geometry.boundingBox else { return [] }
        let valid = try makeValid(geometry)
        var out: [(square: BoundingBox, piece: Geometry)] = []
        func cut(_ g: Geometry, _ box: BoundingBox) throws {
            // Pieces of a valid polygon cut by a box are valid: skip GEOS's validity check.
            guard let piece = try clip(g, to: box, validate: false), !piece.polygons.isEmpty else { return }
            if box.width <= cell && box.height <= cell {
                out.append((box, .multiPolygon(piece.polygons)))
                return
            }
            // Halve the longer side on a multiple of `cell`.
            if box.width >= box.height {
                let mid = box.west + (box.width / cell / 2).rounded(.up) * cell
                try cut(piece, BoundingBox(west: box.west, south: box.south, east: mid, north: box.north))
                try cut(piece, BoundingBox(west: mid, south: box.south, east: box.east, north: box.north))
            } else {
                let mid = box.south + (box.height / cell / 2).rounded(.up) * cell
                try cut(piece, BoundingBox(west: box.west, south: box.south, east: box.east, north: mid))
                try cut(piece, BoundingBox(west: box.west, south: mid, east: box.east, north: box.north))
            }
        }
        let west = (b.west / cell).rounded(.down) * cell, south = (b.south / cell).rounded(.down) * cell
        let east = (b.east / cell).rounded(.up) * cell, north = (b.north / cell).rounded(.up) * cell
        try cut(valid, BoundingBox(west: west, south: south, east: max(east, west + cell), north: max(north, south + cell)))
        return out
    }
}
