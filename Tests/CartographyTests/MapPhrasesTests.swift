import Cartography
import Symbology
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
        XCTAssertEqual(MapPhrase.asOf(day: day, "ja"), "2024年12月23日現在")
        XCTAssertEqual(MapPhrase.byRoad.text("ja"), "道路（道路網）")
    }

    /// Callouts, leg labels and source notes printed their dates in English on every map.
    func testDatesOfTheStoryInItsLanguage() throws {
        // ICU puts no-break spaces where a line must not break ("2023 г."): compared as spaces.
        func date(_ s: String, _ language: String) throws -> String {
            String(MapPhrase.date(try XCTUnwrap(StoryDate(s)), language).unicodeScalars.map { $0.properties.generalCategory == .spaceSeparator ? " " : Character($0) })
        }
        XCTAssertEqual(try date("2024-10-23", "en"), "23 Oct 2024", "English as before")
        XCTAssertEqual(try date("2024-10-23", "xx"), "23 Oct 2024", "English for a language without a table")
        XCTAssertEqual(try date("2023-06-24", "ru"), "24 июня 2023 г.")
        XCTAssertEqual(try date("2024-03", "ru"), "март 2024 г.", "a month alone in the nominative")
        XCTAssertEqual(try date("2024-01-01", "ja"), "2024年1月1日")
        XCTAssertEqual(try date("2024", "ko"), "2024년")
        XCTAssertEqual(try date("2023-06-23/2023-06-24", "fr"), "23–24 juin 2023", "a range as the language writes one")
        XCTAssertEqual(try date("2023-04/2024-06-30", "de"), "Apr. 2023–30. Juni 2024", "halves of different precision, each as written")
        XCTAssertEqual(MapPhrase.mode("sea", "uk"), "море")
    }
}
