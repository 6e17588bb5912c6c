import Scenes
import Briefing
import DataCatalog
import Foundation
import TestSupport
import XCTest

/// The names of cities on a map: the basemap's (cities, not the districts of a larger one) and the
/// story's own (in the map's language).
final class ReferenceCityTests: TemporaryFolderTestCase {
    /// Seen on a map of the Gulf of Finland (400 km across): Saint Petersburg came with three of
    /// its districts as cities of their own — Petrogradka, Kalininskiy, Vasyl'evsky Ostrov (GeoNames
    /// gives them populations, and no feature code survives in the data). A district is left out of
    /// maps wider than a city; on a city's own map it is named.
    func testARegionalMapNamesACityNotItsDistricts() throws {
        let scenario = """
        title: Gulf of Finland
        as_of: 2024-12-28
        places:
          - {id: hel, name: Helsinki, lat: 60.1695, lon: 24.9354, kind: capital}
          - {id: tal, name: Tallinn, lat: 59.437, lon: 24.7535, kind: capital}
          - {id: ust, name: Ust-Luga, lat: 59.6675, lon: 28.2871, kind: village}
        views:
          - {name: gulf, bbox: [22.5, 58.8, 31.5, 61.3], size: 1600x1000}
          - {name: city, bbox: [30.1, 59.85, 30.55, 60.05], size: 1200x900}
        """
        let loaded = try load(scenario, "gulf.yaml")
        let renderer = ViewRenderer(resolved: loaded.resolved, data: loaded.data, style: loaded.style)
        let gulf = try renderer.render(try loaded.view("gulf"), to: dir.appendingPathComponent("gulf.png").path).labels.map(\.text)
        XCTAssertTrue(gulf.contains("Saint Petersburg"), "\(gulf)")
        for district in ["Petrogradka", "Kalininskiy", "Vasyl'evsky Ostrov", "Krasnogvargeisky", "Akademicheskoe"] {
            XCTAssertFalse(gulf.contains(district), "\(district) is a district of Saint Petersburg: \(gulf)")
        }
        XCTAssertTrue(gulf.contains("Vantaa"), "a city of its own beside Helsinki, 15 km out: \(gulf)")
        XCTAssertFalse(gulf.contains("East Helsinki"), "a district of Helsinki: \(gulf)")
        let city = try renderer.render(try loaded.view("city"), to: dir.appendingPathComponent("city.png").path).labels.map(\.text)
        XCTAssertTrue(city.contains("Petrogradka") || city.contains("Kalininskiy"), "a city's own map names its districts: \(city)")
    }

    /// Seen on a Korean map of an evacuation from Kharkiv: the reference cities were in Hangul
    /// (체르니히우, 수미) but the story's own cities, named in English in the scenario, in Latin
    /// letters. The story's cities take the map data's name in its language unless the scenario
    /// labels them; places the data has no such name for keep theirs.
    func testTheStorysCitiesAreNamedInTheMapsLanguage() throws {
        let scenario = """
        title: 하르키우 대피
        as_of: 2024-05-20
        language: ko
        places:
          - {id: kharkiv, name: Kharkiv, country: UA, kind: city}
          - {id: sumy, name: Sumy, country: UA, kind: city, labels: {ko: 수미시}}
          - {id: vovchansk, name: Vovchansk, country: UA, kind: town}
        views:
          - {name: map, fit: [kharkiv, sumy, vovchansk], margin_km: 40, size: 1200x900}
        """
        let loaded = try load(scenario, "ko.yaml")
        let renderer = ViewRenderer(resolved: loaded.resolved, data: loaded.data, style: loaded.style)
        let labels = try renderer.render(try loaded.view("map"), to: dir.appendingPathComponent("ko.png").path).labels.map(\.text)
        XCTAssertTrue(labels.contains("하르키우"), "\(labels)")
        XCTAssertTrue(labels.contains("수미시"), "the scenario's own label wins: \(labels)")
        XCTAssertTrue(labels.contains("Vovchansk"), "no Korean name in the data: its own: \(labels)")
        XCTAssertFalse(labels.contains("Kharkiv"), "\(labels)")
    }
}
