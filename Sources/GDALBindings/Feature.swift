import CGDAL
import GeoCore

/// The types of attribute GeoBrief reads and writes.
public enum FieldType: Sendable, Equatable {
    case integer, real, string

    init(ogr: OGRFieldType) {
        switch ogr {
        case OFTInteger, OFTInteger64: self = .integer
        case OFTReal: self = .real
        default: self = .string
        }
    }

    var ogrType: OGRFieldType {
        switch self {
        case .integer: return OFTInteger64
        case .real: return OFTReal
        case .string: return OFTString
        }
    }
}

/// A field of a layer: its name and type.
public struct FieldDefinition: Sendable, Equatable {
    public var name: String
    public var type: FieldType
    public init(name: String, type: FieldType) { self.name = name; self.type = type }
}

/// An attribute value.
public enum FieldValue: Sendable, Equatable, Hashable {
    case integer(Int64)
    case real(Double)
    case string(String)
    case null

    /// The value as text ("" for null).
    public var text: String {
        switch self {
        case .integer(let v): return String(v)
        case .real(let v): return String(v)
        case .string(let v): return v
        case .null: return ""
        }
    }

    /// The value as a number, when it is one or reads as one.
    public var number: Double? {
        switch self {
        case .integer(let v): return Double(v)
        case .real(let v): return v
        case .string(let v): return Double(v)
        case .null: return nil
        }
    }
}

/// The kinds of geometry a layer can declare.
public enum GeometryKind: Sendable, Equatable {
    case unknown, point, lineString, polygon, multiPoint, multiLineString, multiPolygon, collection, none

    init(ogr: OGRwkbGeometryType) {
        switch OGR_GT_Flatten(ogr) {
        case wkbPoint: self = .point
        case wkbLineString: self = .lineString
        case wkbPolygon: self = .polygon
        case wkbMultiPoint: self = .multiPoint
        case wkbMultiLineString: self = .multiLineString
        case wkbMultiPolygon: self = .multiPolygon
        case wkbGeometryCollection: self = .collection
        case wkbNone: self = .none
        default: self = .unknown
        }
    }

    var ogrType: OGRwkbGeometryType {
        switch self {
        case .unknown: return wkbUnknown
        case .point: return wkbPoint
        case .lineString: return wkbLineString
        case .polygon: return wkbPolygon
        case .multiPoint: return wkbMultiPoint
        case .multiLineString: return wkbMultiLineString
        case .multiPolygon: return wkbMultiPolygon
        case .collection: return wkbGeometryCollection
        case .none: return wkbNone
        }
    }
}

/// One feature read from or written to a layer: id, attributes and geometry.
public struct Feature: Sendable {
    public var id: Int64
    public var attributes: [String: FieldValue]
    public var geometry: Geometry?

    public init(id: Int64 = -1, attributes: [String: FieldValue] = [:], geometry: Geometry? = nil) {
        self.id = id
        self.attributes = attributes
        self.geometry = geometry
    }

    /// The attribute `name`, `.null` when missing.
    public subscript(_ name: String) -> FieldValue { attributes[name] ?? .null }

    init(handle f: OGRFeatureH, fields: [FieldDefinition]) {
        id = Int64(OGR_F_GetFID(f))
        var attrs: [String: FieldValue] = [:]
        attrs.reserveCapacity(fields.count)
        for (i, field) in fields.enumerated() {
            let idx = Int32(i)
            guard OGR_F_IsFieldSetAndNotNull(f, idx) != 0 else { attrs[field.name] = .null; continue }
            switch field.type {
            case .integer: attrs[field.name] = .integer(Int64(OGR_F_GetFieldAsInteger64(f, idx)))
            case .real: attrs[field.name] = .real(OGR_F_GetFieldAsDouble(f, idx))
            case .string: attrs[field.name] = .string(String(cString: OGR_F_GetFieldAsString(f, idx)))
            }
        }
        attributes = attrs
        geometry = OGR_F_GetGeometryRef(f).flatMap { try? OGRGeometryHandle.geometry(from: $0) }
    }
}
