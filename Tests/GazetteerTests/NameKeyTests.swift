import Gazetteer
import GeoCore
import XCTest

final class NameKeyTests: XCTestCase {
    func testFoldingAndTransliteration() {
        XCTAssertEqual(NameKey("Sudža").folded, "sudza")
        XCTAssertEqual(NameKey("Sudža").latin, "sudzha")
        XCTAssertEqual(NameKey("Суджа").latin, "sudzha", "š ž č from ICU become sh zh ch, as when written so")
        XCTAssertEqual(NameKey("원산").latin, "wonsan")
        XCTAssertEqual(NameKey("Rostov-on-Don").folded, "rostov on don")
        XCTAssertEqual(NameKey("Kursk'").folded, "kursk")
    }

    func testRomanizationsShareASkeleton() {
        for group in [["Sudzha", "Sudja", "Soudja", "Sudscha", "Sudža"], ["Kharkiv", "Kharkov"], ["Kyiv", "Kiev"],
                      ["Lviv", "Lvov", "Lwów"], ["Krasnoyarsk", "Krasnojarsk", "Krasnoïarsk"], ["Wonsan", "Wŏnsan"]] {
            let skeletons = Set(group.map { NameKey($0).skeleton })
            XCTAssertEqual(skeletons.count, 1, "\(group): \(skeletons)")
        }
        XCTAssertNotEqual(NameKey("Kursk").skeleton, NameKey("Kirsk").skeleton)
    }

    func testEditDistanceCountsSwapsAsOneAndGivesUpPastTheLimit() {
        func d(_ a: String, _ b: String, _ limit: Int = 3) -> Int { editDistance(Array(a.utf8), Array(b.utf8), limit: limit) }
        XCTAssertEqual(d("krasnoyarsk", "krasnoyarks"), 1)
        XCTAssertEqual(d("blagoveshchensk", "vlagoveshensk"), 3)
        XCTAssertEqual(d("kursk", "kursk"), 0)
        XCTAssertEqual(d("", "abc"), 3)
        XCTAssertEqual(d("abcdefgh", "zzzzzzzz", 2), 3)
    }

    func testRegionWords() {
        XCTAssertTrue(RegionWords.marks("Kursk oblast"))
        XCTAssertTrue(RegionWords.marks("Курская область"))
        XCTAssertFalse(RegionWords.marks("Kursk"))
        XCTAssertEqual(RegionWords.strip("Kangwon-do"), "kangwon")
        XCTAssertEqual(RegionWords.strip("oblast"), "oblast")
    }
}

/// The ASCII fast path of folding agrees with the Foundation path it stands in for.
final class FoldFastPathTests: XCTestCase {
    func testASCIIFoldingEqualsFoundationFolding() {
        let samples = ["Sudzha", "ROSTOV-ON-DON", "Kursk'", "  St. Petersburg ", "Novo_Ivanovka (2)", "a--b", "'", "",
                       "Ust'-Kamenogorsk", "Ho Chi Minh City", "x\ty", "Comma,Separated", "UPPER lower 123"]
        for s in samples {
            XCTAssertEqual(NameKey.foldASCII(s), NameKey.foldUnicode(s), s)
        }
        XCTAssertNil(NameKey.foldASCII("Sudža"), "non-ASCII goes through Foundation")
        // Every printable ASCII character on its own and between letters.
        for b in UInt8(0x20)..<0x7F {
            let s = "ab" + String(UnicodeScalar(b)) + "Cd"
            XCTAssertEqual(NameKey.foldASCII(s), NameKey.foldUnicode(s), s)
        }
    }
}
