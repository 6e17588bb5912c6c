import DataCatalog
import Foundation
import GDALBindings
import GeoCore
import DataBuild
import GeoPackage
import XCTest

/// The SQLite-only GeoPackage reader (used by the maps) against GDAL's OGR on the built data, and
/// on damaged input.
final class GeoPackageReaderTests: XCTestCase {
    func testWholeLayersEqualOGR() throws {
        let data = try DataDirectory.locate()
        for (id, layer) in [("basemap", "boundary_lines_small"), ("basemap", "lakes_small"), ("rail", "lines_tiny"), ("sea", "sea_lanes")] {
            let ours = try GeoPackageFile(path: try data.path(of: id)).geometries(layer: layer, in: nil, limit: 1_000_000)
            let ogr = try Dataset.open(try data.path(of: id), kind: .vector).layer(named: layer).geometries(limit: 1_000_000)
            XCTAssertGreaterThan(ours.count, 10, layer)
            XCTAssertEqual(ours, ogr, "\(id)/\(layer)")
        }
    }

    /// `withText` reads the features with text in a column, and only those: the sea lanes that
    /// mark a passage (what the routing's passages and the strait names read), in the same order.
    func testFeaturesWithTextInAColumn() throws {
        let gpkg = try GeoPackageFile(path: try DataDirectory.locate().path(of: "sea"))
        let all = try gpkg.features(layer: "sea_lanes", in: nil, columns: ["passage"], limit: 100_000)
        let marked = all.filter { if case .text(let code) = $0.values[0] { return !code.isEmpty } else { return false } }
        let read = try gpkg.features(layer: "sea_lanes", in: nil, columns: ["passage"], limit: 100_000, withText: "passage")
        XCTAssertGreaterThan(marked.count, 5)
        XCTAssertLessThan(marked.count * 10, all.count)
        XCTAssertEqual(read.map(\.values), marked.map(\.values))
        XCTAssertEqual(read.map(\.geometry), marked.map(\.geometry))
        let box = BoundingBox(west: 20, south: 0, east: 60, north: 40) // Suez, Bab-el-Mandeb, Hormuz
        let inBox = try gpkg.features(layer: "sea_lanes", in: box, columns: ["passage"], limit: 100_000, withText: "passage")
        XCTAssertFalse(inBox.isEmpty)
        XCTAssertLessThan(inBox.count, read.count)
    }

    /// The countries at the generalized levels keep every country and its code, with far fewer
    /// points: the veil and the country names of small-scale maps read them.
    func testGeneralizedCountriesKeepTheirCodesWithFewerPoints() throws {
        let data = try DataDirectory.locate()
        let gpkg = try GeoPackageFile(path: try data.path(of: "basemap"))
        func read(_ layer: String) throws -> (codes: Set<String>, points: Int) {
            let f = try gpkg.features(layer: layer, in: nil, columns: ["iso_a2"], limit: 10_000)
            let codes = f.compactMap { feature -> String? in if case .text(let code) = feature.values[0] { return code } else { return nil } }
            return (Set(codes), f.map { $0.geometry.coordinates.count }.reduce(0, +))
        }
        let full = try read("countries")
        XCTAssertGreaterThan(full.codes.count, 200)
        var last = full.points
        for level in ["_small", "_tiny"] {
            let g = try read("countries" + level)
            XCTAssertEqual(g.codes.subtracting(full.codes), [], level)
            XCTAssertGreaterThanOrEqual(g.codes.count, full.codes.count - 10, "\(level): countries lost: \(full.codes.subtracting(g.codes).sorted())")
            XCTAssertTrue(g.codes.isSuperset(of: ["RU", "UA", "KP", "SD", "EG", "YE"]), level)
            // (QGIS's countries are already coarse: the small level keeps about half their points.)
            XCTAssertLessThan(Double(g.points), Double(last) * (level == "_small" ? 0.7 : 0.5), "\(level): \(g.points) points against \(last)")
            last = g.points
        }
    }

    /// Within a box, the R*Tree gives every feature OGR's spatial filter gives (and perhaps a few
    /// whose boxes only touch the box, which draw nothing).
    func testBoxQueriesCoverOGRs() throws {
        let data = try DataDirectory.locate()
        let box = BoundingBox(west: 33, south: 50.2, east: 38.5, north: 52.7)
        for (id, layer) in [("rail", "lines_small"), ("basemap", "admin1_lines"), ("regions-ru", "ru_regions")] {
            let ours = try GeoPackageFile(path: try data.path(of: id)).geometries(layer: layer, in: box, limit: 1_000_000)
            let l = try Dataset.open(try data.path(of: id), kind: .vector).layer(named: layer)
            l.setSpatialFilter(box)
            let ogr = try l.geometries(limit: 1_000_000)
            XCTAssertGreaterThan(ogr.count, 0, layer)
            XCTAssertEqual(Set(ogr.map(\.wkb)).subtracting(ours.map(\.wkb)), [], "\(id)/\(layer): OGR finds features we miss")
            for g in ours { XCTAssertTrue(try XCTUnwrap(g.boundingBox).intersects(BoundingBox(west: box.west - 1e-4, south: box.south - 1e-4, east: box.east + 1e-4, north: box.north + 1e-4))) }
        }
    }

    func testMissingFileLayerAndDamagedBlobsAreClearErrors() throws {
        XCTAssertThrowsError(try GeoPackageFile(path: "/nonexistent/x.gpkg")) { e in
            XCTAssertTrue("\(e)".contains("make geodata"), "\(e)")
        }
        let data = try DataDirectory.locate()
        let gpkg = try GeoPackageFile(path: try data.path(of: "rail"))
        XCTAssertThrowsError(try gpkg.geometries(layer: "nope", in: nil, limit: 10)) { e in
            XCTAssertTrue("\(e)".contains("no layer 'nope'") && "\(e)".contains("lines"), "\(e)")
        }
        XCTAssertThrowsError(try gpkg.geometries(layer: "lines", in: nil, limit: 10)) { e in
            XCTAssertTrue("\(e)".contains("more than 10 features"), "\(e)")
        }
        // A text file is not a GeoPackage.
        let text = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-gpkg-\(getpid()).gpkg")
        try Data("hello".utf8).write(to: text)
        defer { try? FileManager.default.removeItem(at: text) }
        XCTAssertThrowsError(try GeoPackageFile(path: text.path)) { e in XCTAssertTrue("\(e)".contains("GeoPackage"), "\(e)") }
    }

    func testBlobHeaders() throws {
        let wkb = Geometry.point(Coordinate(lon: 35.27, lat: 51.19)).wkb
        func blob(flags: UInt8, envelope: Int) -> Data { Data([0x47, 0x50, 0, flags, 0xE6, 0x10, 0, 0] + [UInt8](repeating: 0, count: envelope) + wkb) }
        for (flags, envelope) in [(UInt8(0x01), 0), (0x03, 32), (0x05, 48), (0x07, 48), (0x09, 64)] {
            XCTAssertEqual(try GeoPackageFile.decodeBlob(blob(flags: flags, envelope: envelope)), .point(Coordinate(lon: 35.27, lat: 51.19)))
        }
        XCTAssertNil(try GeoPackageFile.decodeBlob(blob(flags: 0x11, envelope: 0)), "the empty flag")
        XCTAssertThrowsError(try GeoPackageFile.decodeBlob(Data("XP\0\u{1}\0\0\0\0".utf8) + Data(wkb)))
        XCTAssertThrowsError(try GeoPackageFile.decodeBlob(blob(flags: 0x0B, envelope: 0)), "envelope code 5 is invalid")
        XCTAssertThrowsError(try GeoPackageFile.decodeBlob(blob(flags: 0x09, envelope: 8)), "truncated")
    }
}
