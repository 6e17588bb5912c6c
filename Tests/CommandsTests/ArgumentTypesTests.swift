import ArgumentParser
import Cartography
import Commands
import XCTest

/// The command layer's values, parsed once when the command line is read.
final class ArgumentTypesTests: XCTestCase {
    func testSizesBoxesShardsAndFormats() throws {
        XCTAssertEqual(try PixelSize.parse("1600x1200"), PixelSize(width: 1600, height: 1200))
        for bad in ["1600", "0x0", "40000x10", "16x16x16", "axb", "-5x100", ""] {
            XCTAssertThrowsError(try PixelSize.parse(bad), bad) { XCTAssertTrue("\($0)".contains("WIDTHxHEIGHT"), "\($0)") }
        }
        let box = try LonLatBox.parse("170,50,-170,60")
        XCTAssertTrue(box.box.crossesAntimeridian, "WEST > EAST crosses the antimeridian")
        for bad in ["1,2,3", "30,60,40,50", "a,b,c,d", "1,2,3,4,5", "0,-95,10,0", "nan,1,2,3"] {
            XCTAssertThrowsError(try LonLatBox.parse(bad), bad) { XCTAssertTrue("\($0)".contains("WEST,SOUTH,EAST,NORTH"), "\($0)") }
        }
        let shard = try Shard.parse("2/4")
        XCTAssertEqual([shard.index, shard.count], [2, 4])
        for bad in ["0/4", "5/4", "2", "2/0", "a/b", "1/20000"] { XCTAssertThrowsError(try Shard.parse(bad), bad) }
        XCTAssertEqual(try FormatList.parse("png, PDF,svg,png").formats, [.png, .pdf, .svg])
        XCTAssertThrowsError(try FormatList.parse("png,gif")) { XCTAssertTrue("\($0)".contains("png, pdf, svg"), "\($0)") }
        XCTAssertThrowsError(try FormatList.parse(""))
    }

    /// The root command knows every run-time subcommand, `data` among them (run by geobrief-data).
    func testEverySubcommandParsesFromTheRoot() throws {
        let names = GeoBriefCommand.configuration.subcommands.map { $0.configuration.commandName ?? "" }
        XCTAssertEqual(names, ["data", "geocode", "map", "route", "render", "validate", "brief", "batch", "animate", "export", "draft"])
        XCTAssertTrue(try GeoBriefCommand.parseAsRoot(["render", "x.yaml", "--format", "png,svg", "--size", "800x600"]) is RenderCommand)
        XCTAssertThrowsError(try GeoBriefCommand.parseAsRoot(["render", "x.yaml", "--format", "gif"]))
        XCTAssertThrowsError(try GeoBriefCommand.parseAsRoot(["batch", "x.yaml", "--shard", "3/2"]))
        XCTAssertTrue(try GeoBriefCommand.parseAsRoot(["map", "--bbox", "33.5,50.4,38.6,52.5", "-o", "k.png"]) is MapCommand)
    }
}
