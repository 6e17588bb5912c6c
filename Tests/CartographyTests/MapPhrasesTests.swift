import Cartography
import XCTest

/// The map's own words exist in every language a map can be drawn in.
final class MapPhrasesTests: XCTestCase {
    func testEveryPhraseHasEveryLanguage() {
        for phrase in MapPhrase.allCases {
            let row = MapPhrase.table[phrase] ?? [:]
            XCTAssertEqual(Set(row.keys), Set(MapPhrase.languages), "\(phrase)")
            for (language, text) in row { XCTAssertFalse(text.isEmpty, "\(phrase) \(language)") }
        }
        XCTAssertEqual(Set(MapPhrase.months.keys), Set(MapPhrase.languages))
        XCTAssertTrue(MapPhrase.months.values.allSatisfy { $0.count == 12 })
    }

    func testLegendAndDateLineInTheStorysLanguage() throws {
        XCTAssertEqual(MapPhrase.byRail.text("fr"), "Par rail (réseau ferré)")
        XCTAssertEqual(MapPhrase.capital.text("ko"), "수도")
        XCTAssertEqual(MapPhrase.capital.text("xx"), "Capital", "English for a language without a table")
        let day = 20_080 // 2024-12-23
        XCTAssertEqual(MapPhrase.asOf(day: day, "en"), "As of 23 Dec 2024")
        XCTAssertEqual(MapPhrase.asOf(day: day, "de"), "Stand: 23. Dez. 2024")
        XCTAssertEqual(MapPhrase.asOf(day: day, "ko"), "2024년 12월 23일 기준")
        XCTAssertEqual(MapPhrase.mode("sea", "uk"), "море")
    }
}
