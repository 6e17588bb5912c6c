import Graphics
import GDALBindings
import Bindings
import GeoCore
import TestSupport
import XCTest

final class RasterTests: XCTestCase {
    func testTranslateGeoreferenceAndWarpIntoLambertWindow() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A 360x180 image: left half dark, right half light, as a 1-degree global raster.
        let s = try Surface.image(width: 360, height: 180)
        let c = try Canvas(s)
        c.setColor(Color(r: 0.2, g: 0.2, b: 0.2)); c.rectangle(0, 0, 180, 180); c.fill()
        c.setColor(Color(r: 0.9, g: 0.9, b: 0.9)); c.rectangle(180, 0, 180, 180); c.fill()
        let png = dir.appendingPathComponent("g.png").path
        try s.writePNG(to: png)

        let tif = dir.appendingPathComponent("g.tif").path
        let src = try Dataset.open(png, kind: .raster)
        let geo = try src.translate(to: tif, options: ["-of", "GTiff", "-a_srs", "EPSG:4326", "-a_ullr", "-180", "90", "180", "-90",
                                                       "-co", "TILED=YES", "-b", "1", "-b", "2", "-b", "3"])
        try geo.close()
        let ds = try Dataset.open(tif, kind: .raster, update: true)
        try ds.buildOverviews(levels: [2, 4])
        XCTAssertEqual(ds.overviewCount, 2)
        let info = try XCTUnwrap(ds.rasterInfo)
        XCTAssertEqual(info.extent, BoundingBox(west: -180, south: -90, east: 180, north: 90))

        let lcc = try SpatialReference(definition: "+proj=lcc +lat_1=45 +lat_2=55 +lat_0=50 +lon_0=0 +datum=WGS84 +units=m")
        let warped = try ds.warped(to: RasterTarget(srs: lcc, minX: -500_000, minY: -300_000, maxX: 500_000, maxY: 300_000,
                                                    width: 100, height: 60))
        XCTAssertEqual(warped.rasterInfo?.width, 100)
        XCTAssertEqual(warped.rasterInfo?.bandCount, 4) // RGB + alpha
        let red = try warped.readBytes(band: 1)
        // West of the central meridian is dark, east is light.
        XCTAssertLessThan(red[30 * 100 + 10], 80)
        XCTAssertGreaterThan(red[30 * 100 + 90], 200)
        XCTAssertThrowsError(try warped.readBytes(band: 9))
        XCTAssertThrowsError(try ds.warped(to: RasterTarget(srs: lcc, minX: 0, minY: 0, maxX: 1, maxY: 1, width: 0, height: 5)))
    }
}
