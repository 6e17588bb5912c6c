import CGDAL
import GeoCore

/// A vector layer borrowed from its dataset; holds the dataset alive.
public final class Layer {
    let handle: OGRLayerH
    /// The owner: GDAL frees the layer with the dataset, so we keep the dataset.
    public let dataset: Dataset
    /// Field names and types, read once.
    public let fields: [FieldDefinition]

    init(handle: OGRLayerH, dataset: Dataset) {
        self.handle = handle
        self.dataset = dataset
        self.fields = Layer.readFields(handle)
    }

    private static func readFields(_ h: OGRLayerH) -> [FieldDefinition] {
        guard let defn = OGR_L_GetLayerDefn(h) else { return [] }
        return (0..<OGR_FD_GetFieldCount(defn)).compactMap { i in
            guard let fd = OGR_FD_GetFieldDefn(defn, i) else { return nil }
            return FieldDefinition(name: String(cString: OGR_Fld_GetNameRef(fd)), type: FieldType(ogr: OGR_Fld_GetType(fd)))
        }
    }

    public var name: String { String(cString: OGR_L_GetName(handle)) }

    /// Number of features that pass the current filters (counted by the driver when it must).
    public var featureCount: Int { Int(OGR_L_GetFeatureCount(handle, 1)) }

    /// The kind of geometry the layer declares.
    public var geometryKind: GeometryKind { GeometryKind(ogr: OGR_L_GetGeomType(handle)) }

    /// The layer's reference system, if it declares one.
    public var spatialReference: SpatialReference? {
        guard let srs = OGR_L_GetSpatialRef(handle), let clone = OSRClone(srs) else { return nil }
        return SpatialReference(owning: clone)
    }

    /// The extent of every feature, in the layer's own coordinates; nil for an empty layer.
    public var extent: BoundingBox? {
        var env = OGREnvelope()
        guard OGR_L_GetExtent(handle, &env, 1) == OGRERR_NONE, env.MinX <= env.MaxX else { return nil }
        return BoundingBox(west: env.MinX, south: env.MinY, east: env.MaxX, north: env.MaxY)
    }

    /// Restricts reading to features whose envelope meets `box` (nil removes the filter).
    public func setSpatialFilter(_ box: BoundingBox?) {
        if let b = box {
            OGR_L_SetSpatialFilterRect(handle, b.west, b.south, b.east, b.north)
        } else {
            OGR_L_SetSpatialFilter(handle, nil)
        }
    }

    /// Restricts reading with an OGR SQL WHERE clause (nil removes it). Throws on a malformed clause.
    public func setAttributeFilter(_ clause: String?) throws {
        GDALRuntime.reset()
        let what = "attribute filter '\(clause ?? "")' on \(name)"
        guard OGR_L_SetAttributeFilter(handle, clause) == OGRERR_NONE else {
            throw GDALRuntime.error(what, path: dataset.path, fallback: "invalid filter")
        }
        guard clause != nil else { return }
        // Some drivers (GeoPackage) hand the clause to SQLite only when reading: read one feature to
        // surface a malformed clause now rather than as a silently empty layer.
        OGR_L_ResetReading(handle)
        if let f = OGR_L_GetNextFeature(handle) { OGR_F_Destroy(f) }
        OGR_L_ResetReading(handle)
        if CPLGetLastErrorType() == CE_Failure {
            let error = GDALRuntime.error(what, path: dataset.path, fallback: "invalid filter")
            _ = OGR_L_SetAttributeFilter(handle, nil)
            throw error
        }
    }

    /// The geometries of every feature passing the filters, skipping attributes (fast for drawing).
    /// Stops with an error past `limit` features.
    public func geometries(limit: Int) throws -> [Geometry] {
        // Ask the driver not to read any attribute while we only need shapes.
        let names = StringList(fields.map(\.name))
        _ = OGR_L_SetIgnoredFields(handle, UnsafeMutablePointer(OpaquePointer(names.handle)))
        defer { _ = OGR_L_SetIgnoredFields(handle, nil) }
        OGR_L_ResetReading(handle)
        var out: [Geometry] = []
        while let f = OGR_L_GetNextFeature(handle) {
            defer { OGR_F_Destroy(f) }
            if let g = OGR_F_GetGeometryRef(f), let geometry = try? OGRGeometryHandle.geometry(from: g) { out.append(geometry) }
            guard out.count <= limit else {
                throw GDALError(operation: "read layer \(name)", path: dataset.path, message: "more than \(limit) features in view")
            }
        }
        return out
    }

    /// Every feature passing the filters, read lazily from the start of the layer.
    public func features() -> FeatureSequence { FeatureSequence(layer: self) }

    func createField(_ f: FieldDefinition) throws {
        GDALRuntime.reset()
        guard let fd = OGR_Fld_Create(f.name, f.type.ogrType) else {
            throw GDALError(operation: "create field", path: dataset.path, message: "out of memory")
        }
        defer { OGR_Fld_Destroy(fd) }
        guard OGR_L_CreateField(handle, fd, 1) == OGRERR_NONE else {
            throw GDALRuntime.error("create field '\(f.name)' in \(name)", path: dataset.path, fallback: "the driver refused the field")
        }
    }

    /// Appends one feature; attributes not named in the layer's fields are an error.
    public func add(_ feature: Feature) throws {
        guard let defn = OGR_L_GetLayerDefn(handle), let f = OGR_F_Create(defn) else {
            throw GDALError(operation: "add feature", path: dataset.path, message: "out of memory")
        }
        defer { OGR_F_Destroy(f) }
        for (key, value) in feature.attributes {
            let index = OGR_F_GetFieldIndex(f, key)
            guard index >= 0 else {
                throw GDALError(operation: "add feature to \(name)", path: dataset.path, message: "the layer has no field '\(key)'")
            }
            switch value {
            case .integer(let v): OGR_F_SetFieldInteger64(f, index, GIntBig(v))
            case .real(let v): OGR_F_SetFieldDouble(f, index, v)
            case .string(let v): OGR_F_SetFieldString(f, index, v)
            case .null: OGR_F_SetFieldNull(f, index)
            }
        }
        if let g = feature.geometry {
            let og = try OGRGeometryHandle(g)
            OGR_F_SetGeometry(f, og.handle)
        }
        GDALRuntime.reset()
        guard OGR_L_CreateFeature(handle, f) == OGRERR_NONE else {
            throw GDALRuntime.error("add feature to \(name)", path: dataset.path, fallback: "the driver refused the feature")
        }
    }
}

/// Reads a layer's features one at a time, resetting the layer when iteration starts.
public struct FeatureSequence: Sequence {
    let layer: Layer

    /// The first feature passing the filters, or nil.
    public var first: Feature? {
        var it = makeIterator()
        return it.next()
    }

    public func makeIterator() -> Iterator {
        OGR_L_ResetReading(layer.handle)
        return Iterator(layer: layer)
    }

    /// Iterator over the features of a `FeatureSequence`.
    public struct Iterator: IteratorProtocol {
        let layer: Layer

        public mutating func next() -> Feature? {
            guard let f = OGR_L_GetNextFeature(layer.handle) else { return nil }
            defer { OGR_F_Destroy(f) }
            return Feature(handle: f, fields: layer.fields)
        }
    }
}
