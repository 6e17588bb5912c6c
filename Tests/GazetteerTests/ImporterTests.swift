import Foundation
import Gazetteer
import GazetteerBuild
import GeoCore
import TestSupport
import XCTest

final class ImporterTests: TemporaryFolderTestCase {

    func testSupplementRowsNeedCoordinatesCountryKindAndSource() throws {
        let good = try write(#"""
        name,alternate_names,lat,lon,country,admin1,kind,source
        Malaya Loknya,"Малая Локня|Mala Loknia",51.3325,35.2275,RU,41,village,"Ukrainian Wikipedia ""Мала Локня"""

        """#, "ok.csv")
        let places = try Importers.supplement(good, priority: 2, firstID: 7)
        XCTAssertEqual(places.count, 1)
        XCTAssertEqual(places[0].names, ["Малая Локня", "Mala Loknia"])
        XCTAssertEqual(places[0].source, "supplement: Ukrainian Wikipedia \"Мала Локня\"")
        let cases: [(String, String)] = [
            ("X,,95,35,RU,41,village,src", "bad.csv:2: field 'lat'"),
            ("X,,51,35,Russia,41,village,src", "bad.csv:2: field 'country'"),
            ("X,,51,35,RU,41,castle,src", "bad.csv:2: field 'kind'"),
            ("X,,51,35,RU,41,village,", "bad.csv:2: field 'source'"),
            ("X,\"unterminated,51,35,RU,41,village,src", "bad.csv:2: field ''"),
        ]
        for (row, expected) in cases {
            let bad = try write("name,alternate_names,lat,lon,country,admin1,kind,source\n\(row)\n", "bad.csv")
            XCTAssertThrowsError(try Importers.supplement(bad, priority: 2, firstID: 7)) {
                XCTAssertTrue("\($0)".contains(expected), "\(row): \($0)")
            }
        }
    }

    func testGeoNamesDumpWithAlternateNames() throws {
        let dump = try write([
            "486816\tSudzha\tSudzha\tSudzha,Суджа\t51.191\t35.271\tP\tPPL\tRU\t\t41\t\t\t\t6940\t\t170\tEurope/Moscow\t2012-01-17",
            "538555\tKursk Oblast\tKursk Oblast\t\t51.5\t36.25\tA\tADM1\tRU\t\t41\t\t\t\t1100000\t\t\tEurope/Moscow\t2012-01-17",
            "1\tSome River\tSome River\t\t51\t35\tH\tSTM\tRU\t\t41\t\t\t\t0\t\t\t\t",
        ].joined(separator: "\n") + "\n", "RU.txt")
        let alt = try write("1\t486816\tfr\tSoudja\t\t\t\t\t\t\n2\t486816\tlink\thttps://example.org\t\t\t\t\t\t\n", "alternateNamesV2.txt")
        let places = try Importers.geonamesDump(dump, alternateNames: alt)
        XCTAssertEqual(places.map(\.id), [486816, 538555])
        XCTAssertEqual(places[0].kind, .populated)
        XCTAssertEqual(places[1].kind, .region)
        XCTAssertTrue(places[0].names.contains("Soudja"))
        XCTAssertFalse(places[0].names.contains("https://example.org"))
        let bad = try write("486816\tSudzha\tSudzha\t\tnorth\t35\tP\tPPL\tRU\t\t41\t\t\t\t6940\t\t\t\t\n", "bad.txt")
        XCTAssertThrowsError(try Importers.geonamesDump(bad)) { XCTAssertTrue("\($0)".contains("bad.txt:1: field 'latitude/longitude'"), "\($0)") }
        let invalid = dir.appendingPathComponent("latin1.txt").path
        try Data([0x53, 0x75, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: invalid))
        XCTAssertThrowsError(try Importers.geonamesDump(invalid)) { XCTAssertTrue("\($0)".contains("not valid UTF-8"), "\($0)") }
    }

    func testIndexWriterAndGazetteerRoundTrip() throws {
        let path = dir.appendingPathComponent("tiny.sqlite").path
        let writer = try IndexWriter(path: path)
        try writer.add([
            PlaceRecord(id: 1, name: "Sudzha", names: ["Суджа", "Soudja"], kind: .populated, country: "RU", admin1: "41",
                        population: 6940, coordinate: Coordinate(lon: 35.271, lat: 51.191), source: "test"),
            PlaceRecord(id: 2, name: "Vorozhba", names: [], kind: .populated, country: "UA", admin1: "21",
                        population: 6809, coordinate: Coordinate(lon: 34.227, lat: 51.173), source: "test"),
        ])
        try writer.addAdmin1(country: "RU", code: "41", names: ["Kursk", "Kurskaya oblast'"])
        try writer.finish(sources: ["test"])
        XCTAssertEqual(writer.placeCount, 2)
        let g = try Gazetteer(path: IndexWriter.keysPath(for: path))
        XCTAssertEqual(try g.geocode("Суджа").place?.id, 1)
        XCTAssertEqual(try g.geocode("Sudzha", hints: GeocodeHints(admin1: "Kurskaya oblast")).place?.admin1Name, "Kursk")
        XCTAssertEqual(try g.geocode("Vorozhba", hints: GeocodeHints(admin1: "Kursk")).status, .notFound)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".tmp-\(getpid())"))
    }
}
