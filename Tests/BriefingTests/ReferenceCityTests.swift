import Scenes
import Briefing
import DataCatalog
import Foundation
import TestSupport
import XCTest

/// The basemap's reference cities on a regional map: cities, not the districts of a larger one.
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
        let loaded = try LoadedScenario.load(try write(scenario, "gulf.yaml"), data: try DataDirectory.locate())
        let renderer = ViewRenderer(resolved: loaded.resolved, data: loaded.data, style: loaded.style)
        let gulf = try renderer.render(try loaded.view("gulf"), to: dir.appendingPathComponent("gulf.png").path).labels.map(\.text)
        XCTAssertTrue(gulf.contains("Saint Petersburg"), "\(gulf)")
        for district in ["Petrogradka", "Kalininskiy", "Vasyl'evsky Ostrov", "Krasnogvargeisky", "Akademicheskoe"] {
            XCTAssertFalse(gulf.contains(district), "\(district) is a district of Saint Petersburg: \(gulf)")
        }
        XCTAssertTrue(gulf.contains("Vantaa"), "a city of its own beside Helsinki (half a million is not twice its size): \(gulf)")
        let city = try renderer.render(try loaded.view("city"), to: dir.appendingPathComponent("city.png").path).labels.map(\.text)
        XCTAssertTrue(city.contains("Petrogradka") || city.contains("Kalininskiy"), "a city's own map names its districts: \(city)")
    }
}
