import XCTest
import GeoCore

final class CountryCodeTests: XCTestCase {
    func testTwoLettersAreACodeAndNaturalEarthsPlaceholdersAreNot() {
        XCTAssertEqual(CountryCode.alpha2("ru"), "RU")
        XCTAssertEqual(CountryCode.alpha2("KP"), "KP")
        // Natural Earth's disputed areas: "-1" is two characters, and no code.
        for text in ["-1", "-99", "", "R", "RUS", "R1", "Éa"] { XCTAssertNil(CountryCode.alpha2(text), text) }
    }
}
