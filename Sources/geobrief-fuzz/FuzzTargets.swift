import Scenes
import Symbology
import DataCatalog
import Export
import Foundation
import Gazetteer
import GeoCore
import GeoPackage
import PosixBindings
import Routing
import Scenario

/// The fuzz targets: each takes arbitrary bytes and must return or throw, never trap, hang or
/// grow without bound. `make fuzz` runs them under libFuzzer; the crash-replay test and the smoke
/// run of `make test` call them in an ordinary build.
enum FuzzTargets {
    /// Name -> target, in the order `make fuzz` runs them.
    static let all: [(name: String, run: @Sendable (Data) throws -> Void)] = [
        ("scenario", scenario), ("theme", theme), ("figure", figure), ("date", date), ("wkb", wkb), ("gpkg-blob", gpkgBlob),
        ("key-table", keyTable), ("graph-cache", graphCache), ("latlon", latLon), ("vector-file", vectorFile), ("scene", scene),
    ]

    static func named(_ name: String) -> (@Sendable (Data) throws -> Void)? { all.first { $0.name == name }?.run }

    /// The YAML reader, the scenario parser and its checks.
    static func scenario(_ data: Data) throws {
        _ = try ScenarioParser.parse(String(decoding: data, as: UTF8.self), file: "fuzz.yaml")
    }

    /// Theme files through the same YAML reader.
    static func theme(_ data: Data) throws {
        let path = scratch("theme.yaml")
        try data.write(to: URL(fileURLWithPath: path))
        defer { unlink(path) }
        _ = try ThemeFile.read(path, colorKeys: ["ocean", "land"], numberKeys: ["coastline_width", "title_size"],
                               textKeys: ["font_family"], layerRows: ["borders", "rivers"])
    }

    static func figure(_ data: Data) throws {
        let v = try FigureValue.parse(String(decoding: data.prefix(256), as: UTF8.self))
        _ = v.description
    }

    static func date(_ data: Data) throws {
        if let d = StoryDate(String(decoding: data.prefix(64), as: UTF8.self)) {
            _ = d.display
            _ = StoryDate.monthStarts(from: d.first, through: d.last)
        }
    }

    static func wkb(_ data: Data) throws { _ = try Geometry(wkb: [UInt8](data)) }

    static func gpkgBlob(_ data: Data) throws { _ = try GeoPackageFile.decodeBlob(data) }

    /// A key table as the gazetteer maps it, sealed so that the reader behind the checksum is reached.
    static func keyTable(_ data: Data) throws {
        let path = scratch("keys")
        try FileSeal.sealed(data).write(to: URL(fileURLWithPath: path))
        defer { unlink(path) }
        let g = try Gazetteer(path: path)
        for q in ["Kursk", "Soudja", "Blagoveshchensk", "Москва", "日本"] { _ = try? g.geocode(q) }
    }

    /// A routing graph cache, sealed likewise, then a path across it.
    static func graphCache(_ data: Data) throws {
        let path = scratch("graph")
        try FileSeal.sealed(data).write(to: URL(fileURLWithPath: path))
        defer { unlink(path) }
        let g = try RoutingGraphFile.read(path)
        _ = try? g.leg(mode: "rail", from: Coordinate(lon: 36, lat: 51), named: "a", to: Coordinate(lon: 37, lat: 55), named: "b", maxSnapKm: 5_000)
    }

    static func latLon(_ data: Data) throws {
        let text = String(decoding: data.prefix(128), as: UTF8.self)
        _ = Coordinate(latLon: text)
        _ = Coordinate.looksLikeLatLon(text)
    }

    /// A user's GeoJSON (areas, `--avoid`, `--network`) through the reader, then as avoided areas.
    static func vectorFile(_ data: Data) throws {
        let path = scratch("areas.geojson")
        try data.write(to: URL(fileURLWithPath: path))
        defer { unlink(path) }
        _ = try? VectorFile.geometries(path: path)
        _ = try? RoutingGraph.areas(from: path)
    }

    /// The whole scene pipeline: a scenario loaded as `validate` loads it (parsed, checked, places
    /// located, legs routed, views framed) on the built data, then every view drawn small into an
    /// image, as `render` would, described in words, and exported as layers (GeoJSON, KML).
    /// Whatever loads must draw and export without a trap. No data folder: a no-op.
    static func scene(_ data: Data) throws {
        guard let folder = try? DataDirectory.locate() else { return }
        let path = scratch("scene.yaml")
        try data.write(to: URL(fileURLWithPath: path))
        defer { unlink(path) }
        let loaded = try LoadedScenario.load(path, data: folder)
        let renderer = ViewRenderer(resolved: loaded.resolved, data: folder, style: loaded.style)
        for view in loaded.scenario.views.prefix(4) {
            _ = try renderer.plan(for: view, size: (160, 120), dpi: 72)
            _ = renderer.altText(for: view)
        }
        let layers = StoryLayers(loaded.resolved, manifest: nil)
        _ = try layers.geoJSON()
        _ = layers.kml()
    }

    /// A file name of this process's own in the temporary folder.
    static func scratch(_ what: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("geobrief-fuzz-\(getpid())-\(what)").path
    }
}
