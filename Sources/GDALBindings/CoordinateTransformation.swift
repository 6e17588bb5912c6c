import CGDAL
import GeoCore

/// Converts coordinates between two reference systems (both in traditional GIS order).
public final class CoordinateTransformation {
    private let handle: OGRCoordinateTransformationH
    /// Kept alive because GDAL may refer to them while the transformation lives.
    public let source: SpatialReference
    public let target: SpatialReference

    /// Throws when PROJ finds no operation between the two systems.
    public init(from source: SpatialReference, to target: SpatialReference) throws {
        GDALRuntime.reset()
        guard let h = OCTNewCoordinateTransformation(source.handle, target.handle) else {
            throw GDALRuntime.error("coordinate transformation", fallback: "no transformation between the two reference systems")
        }
        handle = h
        self.source = source
        self.target = target
    }

    /// A transformation along a given PROJ pipeline (from `source` to `target`, or the pipeline's
    /// inverse with `reverse`), without PROJ's search of its database for candidate operations,
    /// which costs tens of milliseconds for each new pair of systems.
    public init(from source: SpatialReference, to target: SpatialReference, pipeline: String, reverse: Bool) throws {
        GDALRuntime.reset()
        guard let options = OCTNewCoordinateTransformationOptions() else {
            throw GDALRuntime.error("coordinate transformation", fallback: "cannot allocate options")
        }
        defer { OCTDestroyCoordinateTransformationOptions(options) }
        guard OCTCoordinateTransformationOptionsSetOperation(options, pipeline, reverse ? 1 : 0) != 0,
              let h = OCTNewCoordinateTransformationEx(source.handle, target.handle, options) else {
            throw GDALRuntime.error("coordinate transformation", fallback: "PROJ rejects the pipeline \(pipeline)")
        }
        handle = h
        self.source = source
        self.target = target
    }

    deinit { OCTDestroyCoordinateTransformation(handle) }

    /// Transforms every point; a point PROJ cannot transform (outside the projection's domain) is nil.
    public func transform(_ points: [Coordinate]) -> [Coordinate?] {
        let n = points.count
        guard n > 0 else { return [] }
        var xs = points.map(\.lon), ys = points.map(\.lat)
        var ok = [Int32](repeating: 0, count: n)
        xs.withUnsafeMutableBufferPointer { x in
            ys.withUnsafeMutableBufferPointer { y in
                ok.withUnsafeMutableBufferPointer { s in
                    // Returns FALSE when any point failed; per-point results are in `s`.
                    _ = OCTTransformEx(handle, Int32(n), x.baseAddress, y.baseAddress, nil, s.baseAddress)
                }
            }
        }
        return (0..<n).map { i in
            ok[i] != 0 && xs[i].isFinite && ys[i].isFinite ? Coordinate(lon: xs[i], lat: ys[i]) : nil
        }
    }

    /// Transforms one point, throwing when it lies outside the target's domain.
    public func transform(_ point: Coordinate) throws -> Coordinate {
        guard let p = transform([point])[0] else {
            throw GDALError(operation: "transform", message: "point \(point) cannot be transformed into the target system")
        }
        return p
    }
}
