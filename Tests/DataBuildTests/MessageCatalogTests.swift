import DataCatalog
import DataBuild
import Foundation
import TestSupport
import XCTest

/// The gettext catalog reader (iso-codes' translations of region names) and the region names
/// taken from it.
final class MessageCatalogTests: TemporaryFolderTestCase {
    /// A little-endian `.mo` file holding `messages` (the header first, as msgfmt writes it).
    static func catalog(_ messages: [(String, String)]) -> [UInt8] {
        let all = [("", "Content-Type: text/plain; charset=UTF-8\n")] + messages.sorted { $0.0 < $1.0 }
        func le(_ v: Int) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        let headerSize = 28, tables = 16 * all.count
        var strings: [UInt8] = [], originals: [UInt8] = [], translations: [UInt8] = []
        for (o, _) in all { originals += le(o.utf8.count) + le(headerSize + tables + strings.count); strings += Array(o.utf8) + [0] }
        for (_, t) in all { translations += le(t.utf8.count) + le(headerSize + tables + strings.count); strings += Array(t.utf8) + [0] }
        return le(0x9504_12DE) + le(0) + le(all.count) + le(headerSize) + le(headerSize + 8 * all.count) + le(0) + le(0)
            + originals + translations + strings
    }

    func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testReadsEachTranslationAndSkipsTheHeader() throws {
        let path = try write(Self.catalog([("Kurskaja oblast'", "Курская область"), ("Toyama", "富山")]), "ru.mo")
        let c = try MessageCatalog(path: path)
        XCTAssertEqual(c["Kurskaja oblast'"], "Курская область")
        XCTAssertEqual(c["Toyama"], "富山")
        XCTAssertNil(c["Idlib"])
        XCTAssertNil(c[""], "the header is no message")
    }

    func testAFileThatIsNoCatalogOrIsCutShortIsAnErrorNamingIt() throws {
        let whole = Self.catalog([("Kurskaja oblast'", "Курская область")])
        for (name, bytes, expected) in [("text.mo", Array("not a catalog at all, just text".utf8), "no .mo magic"),
                                        ("cut.mo", Array(whole.prefix(whole.count - 20)), "outside the file"),
                                        ("short.mo", Array(whole.prefix(12)), "too short")] {
            let path = try write(bytes, name)
            XCTAssertThrowsError(try MessageCatalog(path: path), name) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains(path) && text.contains(expected), text)
            }
        }
    }

    /// iso-codes' layout, with three regions translated into Russian and Japanese.
    func testRegionNamesKeepTheLanguagesScriptAbbreviateOblastAndAreNeverShared() throws {
        let root = dir.appendingPathComponent("iso-codes").path
        let table = #"{"3166-2": [{"code": "RU-KRS", "name": "Kurskaja oblast'", "type": "Administrative region"}, {"code": "JP-16", "name": "Toyama", "type": "Prefecture"}, {"code": "SY-ID", "name": "Idlib", "type": "Province"}, {"code": "RU-KYA", "name": "Krasnojarskij kraj", "type": "Administrative territory"}, {"code": "RU-KDA", "name": "Krasnodarskij kraj", "type": "Administrative territory"}]}"#
        _ = try write(Array(table.utf8), "iso-codes/usr/share/iso-codes/json/iso_3166-2.json")
        for locale in ["el", "he", "ja", "ko", "ru", "uk", "zh_CN"] {
            let messages: [(String, String)] = switch locale {
            case "ru": [("Kurskaja oblast'", "Курская область"), ("Toyama", "Тояма"), ("Idlib", "Idlib")]
            case "ja": [("Kurskaja oblast'", "Kurskaja oblast'"), ("Toyama", "富山"), ("Idlib", "イドゥリブ")]
            case "he": [("Toyama", "Toyama-ken")]
            // iso-codes' slip: Krasnoyarsk under Krasnodar's name.
            case "uk": [("Krasnojarskij kraj", "Краснодарський край"), ("Krasnodarskij kraj", "Краснодарський край")]
            default: []
            }
            _ = try write(Self.catalog(messages), "iso-codes/usr/share/locale/\(locale)/LC_MESSAGES/iso_3166-2.mo")
        }
        let names = try RegionNames(isoCodes: root)
        XCTAssertEqual(names.names(iso: "RU-KRS"), "ru=Курская обл.", "Japanese in Latin letters is no Japanese name")
        XCTAssertEqual(names.names(iso: "JP-16"), "ja=富山県|ru=Тояма", "Hebrew in Latin letters is no Hebrew name; a prefecture with its word")
        XCTAssertEqual(names.names(iso: "SY-ID"), "ja=イドゥリブ")
        XCTAssertEqual(names.names(iso: "XX-00"), "")
        XCTAssertEqual(names.names(iso: "RU-KDA"), "uk=Краснодарський край")
        XCTAssertEqual(names.names(iso: "RU-KYA"), "", "a name two regions of a country share goes to the one it reads as")

        try FileManager.default.removeItem(atPath: root + "/usr/share/locale/uk/LC_MESSAGES/iso_3166-2.mo")
        XCTAssertThrowsError(try RegionNames(isoCodes: root)) { error in
            XCTAssertTrue("\(error)".contains("uk/LC_MESSAGES/iso_3166-2.mo"), "\(error)")
        }
    }
}
