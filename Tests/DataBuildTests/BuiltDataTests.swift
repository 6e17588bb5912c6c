import GDALBindings
import Bindings
import GeoCore
import DataBuild
import XCTest

/// Checks on the data `make geodata` built (`make test` builds it first).
final class BuiltDataTests: XCTestCase {
    var data: DataDirectory!
    let kursk = Coordinate(lon: 36.185, lat: 51.727)
    let sudzha = Coordinate(lon: 35.271, lat: 51.191)

    override func setUpWithError() throws { data = try DataDirectory.locate() }

    func testKurskRegionPolygonsContainKurskAndSudzha() throws {
        let ne = try Dataset.open(try data.path(of: "basemap"), kind: .vector)
        let admin1 = try ne.layer(named: "admin1")
        try admin1.setAttributeFilter("admin = 'Russia' AND name = 'Kursk'")
        let region = try XCTUnwrap(admin1.features().first?.geometry, "Natural Earth has no Kursk region")
        XCTAssertTrue(region.contains(kursk))
        XCTAssertTrue(region.contains(sudzha))
        XCTAssertFalse(region.contains(Coordinate(lon: 34.227, lat: 51.173)), "Vorozhba, Sumy oblast (Ukraine) is not in Kursk oblast")

        let dcw = try Dataset.open(try data.path(of: "regions-ru"), kind: .vector)
        let regions = try dcw.layer(named: "ru_regions")
        XCTAssertEqual(regions.featureCount, 83, "DCW has 83 Russian regions")
        try regions.setAttributeFilter("code = 'RU.KRS'")
        let krs = try XCTUnwrap(regions.features().first?.geometry)
        XCTAssertTrue(krs.contains(kursk))
        XCTAssertTrue(krs.contains(sudzha))
    }

    func testRegionsAcrossTheAntimeridianAreSplitAndMoscowIsAHole() throws {
        let dcw = try Dataset.open(try data.path(of: "regions-ru"), kind: .vector)
        let regions = try dcw.layer(named: "ru_regions")
        try regions.setAttributeFilter("code = 'RU.CHU'")
        let chukotka = try XCTUnwrap(regions.features().first?.geometry)
        let lons = chukotka.coordinates.map(\.lon)
        XCTAssertGreaterThanOrEqual(lons.min()!, -180)
        XCTAssertLessThanOrEqual(lons.max()!, 180)
        XCTAssertTrue(lons.contains { $0 < -170 } && lons.contains { $0 > 170 }, "Chukotka lies on both sides of 180")
        try regions.setAttributeFilter("code = 'RU.MOS'")
        let oblast = try XCTUnwrap(regions.features().first?.geometry)
        XCTAssertFalse(oblast.contains(Coordinate(lon: 37.6178, lat: 55.7520)), "Moscow city is a hole in Moscow Oblast")
        XCTAssertTrue(oblast.contains(Coordinate(lon: 38.2, lat: 55.3)))
    }

    func testRailConnectsVladivostokAndMoscow() throws {
        let rail = try Dataset.open(try data.path(of: "rail"), kind: .vector)
        let edges = try rail.layer(named: "edges")
        var parent: [Int: Int] = [:]
        func find(_ x: Int) -> Int {
            var r = x
            while let p = parent[r], p != r { r = p }
            var y = x
            while let p = parent[y], p != r { parent[y] = r; y = p }
            return r
        }
        var position: [Int: Coordinate] = [:]
        var total = 0.0
        for f in edges.features() {
            guard case .integer(let a) = f["from_node"], case .integer(let b) = f["to_node"],
                  case .lineString(let pts)? = f.geometry else { continue }
            position[Int(a)] = pts[0]; position[Int(b)] = pts[1]
            if parent[Int(a)] == nil { parent[Int(a)] = Int(a) }
            if parent[Int(b)] == nil { parent[Int(b)] = Int(b) }
            parent[find(Int(a))] = find(Int(b))
            total += f["length_km"].number ?? 0
        }
        XCTAssertEqual(edges.featureCount, 328_750)
        func nearest(_ c: Coordinate) -> (Int, Double) {
            let g = Geodesic()
            let best = position.filter { abs($0.value.lat - c.lat) < 0.5 && abs($0.value.lon - c.lon) < 0.8 }
                .min { g.distance($0.value, c) < g.distance($1.value, c) }!
            return (best.key, g.distance(best.value, c))
        }
        let (vvo, dv) = nearest(Coordinate(lon: 131.87353, lat: 43.10562))
        let (mow, dm) = nearest(Coordinate(lon: 37.61781, lat: 55.75204))
        XCTAssertLessThan(dv, 5_000)
        XCTAssertLessThan(dm, 5_000)
        XCTAssertEqual(find(vvo), find(mow), "Vladivostok and Moscow are on one rail component")
        let (blg, _) = nearest(Coordinate(lon: 127.52637, lat: 50.27593))
        XCTAssertNotEqual(find(blg), find(mow), "the Blagoveshchensk piece is cut off from the main line in scgraph-data")
    }

    func testRailLinesCarryTheWholeNetwork() throws {
        let rail = try Dataset.open(try data.path(of: "rail"), kind: .vector)
        func total(_ layer: String) throws -> Double {
            try rail.layer(named: layer).features().reduce(0) { $0 + ($1["length_km"].number ?? 0) }
        }
        let edges = try total("edges"), lines = try total("lines")
        XCTAssertEqual(edges, 885_209, accuracy: 1, "scgraph-data holds about 885,000 km of track")
        XCTAssertEqual(lines, edges, accuracy: edges * 1e-9, "the drawing lines hold every edge once")
        XCTAssertLessThan(try rail.layer(named: "lines").featureCount, try rail.layer(named: "edges").featureCount / 2)
    }

    func testSeaLanesReachWonsanAndVladivostokPorts() throws {
        let sea = try Dataset.open(try data.path(of: "sea"), kind: .vector)
        let ports = try sea.layer(named: "ports")
        let lanes = try sea.layer(named: "sea_lanes")
        let g = Geodesic()
        // MARNET is coarse: its nearest lane passes about 98 km off Wonsan (in Yonghung Bay) and 15 km
        // off Vladivostok; routing joins a port to it with a connector marked schematic.
        for (code, reach) in [("KPWON", 110_000.0), ("RUVVO", 30_000.0)] {
            try ports.setAttributeFilter("port = '\(code)'")
            guard case .point(let p)? = ports.features().first?.geometry else { return XCTFail("no port \(code)") }
            lanes.setSpatialFilter(BoundingBox(west: p.lon - 3, south: p.lat - 3, east: p.lon + 3, north: p.lat + 3))
            // Distance to the lines themselves, densified every ~1 km.
            let points = lanes.features().flatMap { $0.geometry?.densified(maxStep: 0.01).coordinates ?? [] }
            let nearest = points.map { g.distance($0, p) }.min() ?? .infinity
            XCTAssertLessThan(nearest, reach, "a sea lane passes within \(Int(reach / 1000)) km of \(code)")
        }
    }

    func testReliefCoversTheGlobeAndWarpsIntoALambertWindow() throws {
        let relief = try Dataset.open(try data.path(of: "relief"), kind: .raster)
        let info = try XCTUnwrap(relief.rasterInfo)
        XCTAssertEqual(info.extent, BoundingBox(west: -180, south: -90, east: 180, north: 90))
        XCTAssertEqual(info.width, 10_800)
        XCTAssertEqual(relief.overviewCount, 5)
        let lcc = try SpatialReference(definition: "+proj=lcc +lat_0=51.5 +lon_0=36 +lat_1=50.5 +lat_2=52.5 +datum=WGS84 +units=m")
        let w = try relief.warped(to: RasterTarget(srs: lcc, minX: -200_000, minY: -120_000, maxX: 200_000, maxY: 120_000, width: 400, height: 240))
        let alpha = try w.readBytes(band: 4)
        XCTAssertTrue(alpha.allSatisfy { $0 == 255 }, "the window is fully covered")
        let red = try w.readBytes(band: 1)
        XCTAssertGreaterThan(Set(red).count, 10, "relief has texture, not a flat fill")
    }

    func testManifestListsEveryLayerWithLicenceAttributionAndRealCounts() throws {
        let manifest = try data.manifest()
        XCTAssertEqual(Set(manifest.datasets.map(\.id)), ["basemap", "detail", "regions-ru", "rail", "road", "sea", "relief", "gazetteer-sources", "gazetteer", "graphs", "labels"])
        XCTAssertEqual(manifest.sources.count, 10)
        for d in manifest.datasets {
            XCTAssertFalse(d.licence.isEmpty, d.id)
            XCTAssertFalse(d.attribution.isEmpty, d.id)
            XCTAssertFalse(d.sources.isEmpty, d.id)
            XCTAssertFalse(d.layers.isEmpty, d.id)
            XCTAssertTrue(FileManager.default.fileExists(atPath: data.file(d.path)), d.path)
            if d.kind == "vector" {
                let ds = try Dataset.open(data.file(d.path), kind: .vector)
                for l in d.layers { XCTAssertEqual(try ds.layer(named: l.name).featureCount, l.features, "\(d.id)/\(l.name)") }
            }
        }
        XCTAssertEqual(try manifest.dataset("rail").attribution, "© OpenStreetMap contributors")
        XCTAssertEqual(try manifest.dataset("road").attribution, "© OpenStreetMap contributors")
        XCTAssertTrue(try manifest.dataset("gazetteer-sources").attribution.contains("GeoNames"))
        XCTAssertThrowsError(try manifest.dataset("nope")) { XCTAssertTrue("\($0)".contains("basemap")) }
    }

    func testMissingDataFolderSaysToRunMakeGeodata() {
        XCTAssertThrowsError(try DataDirectory.locate(environment: ["GEOBRIEF_DATA": "/nonexistent/geodata"])) { error in
            XCTAssertTrue("\(error)".contains("make geodata"), "\(error)")
        }
    }
}
