import Gazetteer
import Bindings

/// The gazetteer's SQLite schema: places, their names in every normalized form, a trigram index
/// over name skeletons for typos, an R*Tree for reverse geocoding, and admin-1 names for hints.
/// Any SQLite client can read it.
enum IndexSchema {
    static let version = 2

    static func create(_ db: SQLiteDatabase) throws {
        try db.execute("""
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE place (
                id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT NOT NULL,
                admin1 TEXT NOT NULL, population INTEGER NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
                west REAL, south REAL, east REAL, north REAL, source TEXT NOT NULL, priority INTEGER NOT NULL);
            CREATE TABLE skeleton (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
            CREATE TABLE name (
                place INTEGER NOT NULL, variant TEXT NOT NULL, folded TEXT NOT NULL, latin TEXT NOT NULL,
                skeleton INTEGER NOT NULL);
            CREATE TABLE admin1 (country TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, skeleton TEXT NOT NULL);
            CREATE VIRTUAL TABLE place_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
            CREATE VIRTUAL TABLE skeleton_grams USING fts5(text, content='skeleton', content_rowid='id', tokenize='trigram');
            """)
    }

    /// Indexes made after the bulk insert (much faster than maintaining them row by row).
    static func finish(_ db: SQLiteDatabase) throws {
        try db.execute("""
            CREATE INDEX name_variant ON name(variant);
            CREATE INDEX name_folded ON name(folded);
            CREATE INDEX name_latin ON name(latin);
            CREATE INDEX name_skeleton ON name(skeleton);
            CREATE INDEX name_place ON name(place);
            CREATE INDEX admin1_skeleton ON admin1(skeleton);
            CREATE INDEX admin1_code ON admin1(country, code);
            INSERT INTO skeleton_grams(skeleton_grams) VALUES('rebuild');
            """)
    }
}
