import Bindings
import Foundation
import GeoCore

/// A feature table to write: its name, geometry type, description and typed columns.
public struct GeoPackageLayer: Sendable {
    /// A column's SQL type.
    public enum ColumnType: String, Sendable { case text = "TEXT", real = "REAL", integer = "INTEGER" }
    public var name: String
    /// POINT, LINESTRING, POLYGON, MULTILINESTRING, MULTIPOLYGON or GEOMETRY.
    public var geometryType: String
    public var description: String
    public var columns: [(name: String, type: ColumnType)]
    /// Each feature's geometry and its values, one per column (nil for none).
    public var features: [(geometry: Geometry, values: [SQLiteValue])]

    public init(name: String, geometryType: String, description: String, columns: [(name: String, type: ColumnType)],
                features: [(geometry: Geometry, values: [SQLiteValue])]) {
        self.name = name
        self.geometryType = geometryType
        self.description = description
        self.columns = columns
        self.features = features
    }
}

/// Writes a GeoPackage (OGC 12-128r18) of feature tables in WGS 84 (EPSG:4326) with SQLite:
/// the required metadata tables, one table per layer, geometries as GeoPackage blobs with
/// their envelope. A new file at `path` (a temporary one the caller renames into place).
public enum GeoPackageWriter {
    /// The GeoPackage application id ("GPKG") and the version written (1.3).
    static let applicationID = 0x4750_4B47, userVersion = 10_300

    public static func write(_ layers: [GeoPackageLayer], to path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        let db = try SQLiteDatabase(path: path, mode: .create)
        try db.execute("PRAGMA application_id = \(applicationID); PRAGMA user_version = \(userVersion);")
        try db.transaction {
            try db.execute("""
                CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
                  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
                CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
                  description TEXT DEFAULT '', last_change DATETIME NOT NULL, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
                  srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
                CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
                  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
                  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
                  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
                """)
            try db.run("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL)")
            try db.run("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL)")
            try db.run("INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, ?, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')",
                       [wgs84WKT])
            for layer in layers {
                let table = GeoPackageFile.quoted(layer.name)
                let columns = layer.columns.map { "\(GeoPackageFile.quoted($0.name)) \($0.type.rawValue)" }
                try db.execute("CREATE TABLE \(table) (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom \(layer.geometryType)\(columns.map { ", " + $0 }.joined()))")
                let box = BoundingBox(enclosing: layer.features.flatMap(\.geometry.coordinates))
                // A fixed change date: the same story gives the same bytes.
                try db.run("INSERT INTO gpkg_contents VALUES (?, 'features', ?, ?, '2000-01-01T00:00:00.000Z', ?, ?, ?, ?, 4326)",
                           [layer.name, layer.name, layer.description, box?.west, box?.south, box?.east, box?.north])
                try db.run("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, 0, 0)", [layer.name, layer.geometryType])
                let insert = try db.prepare("INSERT INTO \(table) (geom\(layer.columns.map { ", " + GeoPackageFile.quoted($0.name) }.joined())) VALUES (?\(String(repeating: ", ?", count: layer.columns.count)))")
                for f in layer.features {
                    try insert.run([SQLiteValue.blob(Data(blob(f.geometry)))] + f.values)
                }
            }
        }
    }

    /// A GeoPackage geometry blob: header (little-endian, SRS 4326, an xy envelope) and WKB.
    public static func blob(_ g: Geometry) -> [UInt8] {
        var out: [UInt8] = [0x47, 0x50, 0, 0x03] // "GP", version 1, little-endian with an xy envelope
        withUnsafeBytes(of: Int32(4326).littleEndian) { out += $0 }
        let box = BoundingBox(enclosing: g.coordinates)
        for v in [box?.west ?? 0, box?.east ?? 0, box?.south ?? 0, box?.north ?? 0] {
            withUnsafeBytes(of: v.bitPattern.littleEndian) { out += $0 }
        }
        return out + g.wkb
    }

    static let wgs84WKT = #"GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]"#
}
