import Bindings
import Foundation
import GeoCore
import GeoPackage
import Graphics
import PosixBindings

/// The formats a story's layers are written in.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// One RFC 7946 FeatureCollection, each feature's layer in its `layer` property.
    case geojson
    /// A GeoPackage with one feature table per layer.
    case gpkg
    /// KML 2.2: a folder per layer, dated items with a `TimeSpan`.
    case kml
}

extension StoryLayers {
    /// Writes the layers to `path` in `format`, atomically: a temporary file beside it, checked,
    /// renamed over it only when complete.
    public func write(_ format: ExportFormat, to path: String) throws {
        switch format {
        case .geojson: try AtomicFile.write(try geoJSON(), to: path)
        case .kml: try AtomicFile.write(Data(kml().utf8), to: path)
        case .gpkg: try AtomicFile.write(to: path) { try GeoPackageWriter.write(layers, to: $0) }
        }
    }

    /// The layers as one GeoJSON FeatureCollection (keys sorted: the same story gives the same bytes).
    public func geoJSON() throws -> Data {
        var features: [[String: Any]] = []
        for layer in layers {
            for f in layer.features {
                var properties: [String: Any] = ["layer": layer.name]
                for (c, v) in zip(layer.columns, f.values) { properties[c.name] = Self.json(v) }
                features.append(["type": "Feature", "geometry": Self.json(f.geometry), "properties": properties])
            }
        }
        let collection: [String: Any] = ["type": "FeatureCollection", "name": title, "attribution": attribution, "features": features]
        return try JSONSerialization.data(withJSONObject: collection, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    static func json(_ v: SQLiteValue) -> Any {
        switch v {
        case .null: return NSNull()
        case .integer(let i): return i
        case .real(let d): return d
        case .text(let t): return t
        case .blob(let b): return b.base64EncodedString()
        }
    }

    static func json(_ g: Geometry) -> [String: Any] {
        func p(_ c: Coordinate) -> [Double] { [c.lon, c.lat] }
        switch g {
        case .point(let c): return ["type": "Point", "coordinates": p(c)]
        case .lineString(let l): return ["type": "LineString", "coordinates": l.map(p)]
        case .polygon(let rings): return ["type": "Polygon", "coordinates": rings.map { $0.map(p) }]
        case .multiPoint(let l): return ["type": "MultiPoint", "coordinates": l.map(p)]
        case .multiLineString(let ls): return ["type": "MultiLineString", "coordinates": ls.map { $0.map(p) }]
        case .multiPolygon(let ps): return ["type": "MultiPolygon", "coordinates": ps.map { $0.map { $0.map(p) } }]
        case .collection(let gs): return ["type": "GeometryCollection", "geometries": gs.map(json)]
        }
    }

    /// The layers as a KML 2.2 document: a folder per layer; a placemark per feature with its
    /// attributes as `ExtendedData` and its dates as a `TimeSpan` (Google Earth's time slider).
    public func kml() -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <kml xmlns="http://www.opengis.net/kml/2.2">
            <Document>
            <name>\(Self.xml(title))</name>
            <description>\(Self.xml("Data: " + attribution))</description>

            """
        for layer in layers {
            out += "<Folder>\n<name>\(Self.xml(layer.name))</name>\n<description>\(Self.xml(layer.description))</description>\n"
            // A dated layer's first and last day (whole days, as xsd:date) make its TimeSpan.
            let begin = layer.columns.firstIndex { $0.name == "date_begin" }, end = layer.columns.firstIndex { $0.name == "date_end" }
            for f in layer.features {
                out += "<Placemark>\n<name>\(Self.xml(Self.name(of: f.values, columns: layer.columns)))</name>\n"
                if let begin, let end, case .text(let b) = f.values[begin], case .text(let e) = f.values[end] {
                    out += "<TimeSpan><begin>\(b)</begin><end>\(e)</end></TimeSpan>\n"
                }
                out += "<ExtendedData>\n"
                for (c, v) in zip(layer.columns, f.values) where v != .null {
                    out += "<Data name=\"\(Self.xml(c.name))\"><value>\(Self.xml(Self.text(v)))</value></Data>\n"
                }
                out += "</ExtendedData>\n\(Self.kml(f.geometry))\n</Placemark>\n"
            }
            out += "</Folder>\n"
        }
        return out + "</Document>\n</kml>\n"
    }

    /// A placemark's name: the first of the columns that name things.
    static func name(of values: [SQLiteValue], columns: [(name: String, type: GeoPackageLayer.ColumnType)]) -> String {
        for key in ["label", "route_label", "name", "text", "quantity", "id"] {
            if let i = columns.firstIndex(where: { $0.name == key }), case .text(let t) = values[i], !t.isEmpty {
                if key == "quantity", let v = columns.firstIndex(where: { $0.name == "value" }) { return "\(t): \(text(values[v]))" }
                if key == "route_label", let leg = columns.firstIndex(where: { $0.name == "leg" }) { return "\(t), leg \(text(values[leg]))" }
                return t
            }
        }
        return ""
    }

    static func text(_ v: SQLiteValue) -> String {
        switch v {
        case .null: return ""
        case .integer(let i): return String(i)
        case .real(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .text(let t): return t
        case .blob(let b): return b.base64EncodedString()
        }
    }

    static func kml(_ g: Geometry) -> String {
        func c(_ points: [Coordinate]) -> String { "<coordinates>" + points.map { "\($0.lon),\($0.lat)" }.joined(separator: " ") + "</coordinates>" }
        func polygon(_ rings: [[Coordinate]]) -> String {
            guard let outer = rings.first else { return "" }
            return "<Polygon><outerBoundaryIs><LinearRing>\(c(outer))</LinearRing></outerBoundaryIs>"
                + rings.dropFirst().map { "<innerBoundaryIs><LinearRing>\(c($0))</LinearRing></innerBoundaryIs>" }.joined() + "</Polygon>"
        }
        switch g {
        case .point(let p): return "<Point>\(c([p]))</Point>"
        case .lineString(let l): return "<LineString><tessellate>1</tessellate>\(c(l))</LineString>"
        case .polygon(let rings): return polygon(rings)
        case .multiPoint(let ps): return "<MultiGeometry>" + ps.map { "<Point>\(c([$0]))</Point>" }.joined() + "</MultiGeometry>"
        case .multiLineString(let ls): return "<MultiGeometry>" + ls.map { "<LineString><tessellate>1</tessellate>\(c($0))</LineString>" }.joined() + "</MultiGeometry>"
        case .multiPolygon(let ps): return "<MultiGeometry>" + ps.map(polygon).joined() + "</MultiGeometry>"
        case .collection(let gs): return "<MultiGeometry>" + gs.map(kml).joined() + "</MultiGeometry>"
        }
    }

    static func xml(_ s: String) -> String { XMLText.escaped(s) }
}
