import ArgumentParser
import DataCatalog
import Foundation
import Gazetteer

/// `geobrief geocode`: names to places, or a coordinate to the place and region there.
struct GeocodeCommand: ParsableCommand {
    static let configuration = GeocodeOptions.configuration

    @OptionGroup var options: GeocodeOptions

    func run() throws {
        guard let point = try options.reversePoint() else { return try GeocodeRunner.run(options) }
        let r = try ReverseGeocoder(data: try DataDirectory.locate()).reverse(point)
        if options.json {
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try enc.encode(r), as: UTF8.self))
        } else {
            if let p = r.nearest {
                print("nearest place: \(p.name) (\(p.country)\(p.admin1Name.isEmpty ? "" : ", \(p.admin1Name)"), pop. \(p.population)), \(String(format: "%.1f", r.nearestKm ?? 0)) km away, geonameid \(p.id)")
            } else {
                print("nearest place: none within \(Int(ReverseGeocoder.radiusKm)) km")
            }
            if let w = r.water {
                print("water: \(w.note)" + (w.nearestPassage.map { String(format: "; %@ is %.0f km away", $0, w.passageKm ?? 0) } ?? ""))
            } else {
                print("region: \(r.region.map { "\($0.name) (\($0.country))" } ?? "none (on land outside any first-level region)")")
            }
        }
    }
}
