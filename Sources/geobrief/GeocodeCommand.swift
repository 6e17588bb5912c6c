import ArgumentParser
import Foundation
import Gazetteer
import GeoCore
import GeoData

/// `geobrief geocode`: names to places, or a coordinate to the place and region there.
struct GeocodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geocode",
        abstract: "Find places by name in any spelling or script, or what lies at a coordinate.",
        discussion: """
        Names come from the arguments, or from standard input one per line (answered as CSV, or JSON \
        lines with --json). Exit status: 0 when every name was found, 2 when any was ambiguous, \
        3 when any was not found (3 wins over 2).
        """
    )

    @Argument(help: "Place names; none to read them from standard input.") var names: [String] = []
    @Option(help: "Country: ISO code (RU, UA, KP) or name.") var country: String?
    @Option(help: "First-level region: name (Kursk, Kurskaya oblast) or GeoNames code (41).") var admin1: String?
    @Option(help: "Prefer places near this place or LAT,LON.") var near: String?
    @Option(help: "Only this kind: city, region, country, port.") var kind: String?
    @Option(help: "Only inside WEST,SOUTH,EAST,NORTH.") var bbox: String?
    @Option(help: "How many candidates to list (1...50).") var limit = 5
    @Flag(help: "Answer as JSON (one object per name).") var json = false
    @Option(help: "Reverse-geocode LAT,LON: the nearest populated place and the region there.") var reverse: String?

    func validate() throws {
        guard (1...50).contains(limit) else { throw ValidationError("--limit \(limit): expected 1...50") }
        if let kind, PlaceKind(word: kind) == nil { throw ValidationError("--kind '\(kind)': expected city, region, country or port") }
        _ = try parsedBox()
    }

    func parsedBox() throws -> BoundingBox? {
        guard let bbox else { return nil }
        let v = bbox.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard v.count == 4, v[1] < v[3] else { throw ValidationError("--bbox '\(bbox)': expected WEST,SOUTH,EAST,NORTH") }
        return BoundingBox(west: v[0], south: v[1], east: v[2], north: v[3])
    }

    func run() throws {
        let data = try DataDirectory.locate()
        let gazetteer = try Gazetteer(data: data)
        if let reverse { return try runReverse(reverse, gazetteer: gazetteer, data: data) }
        let hints = GeocodeHints(country: country, admin1: admin1, kind: kind.flatMap(PlaceKind.init(word:)),
                                 box: try parsedBox(), near: near, limit: limit)
        let fromStdin = names.isEmpty
        var worst: Int32 = 0
        var lineNumber = 0
        func answer(_ name: String) throws {
            lineNumber += 1
            let result: GeocodeResult
            do { result = try gazetteer.geocode(name, hints: hints) } catch let e as GazetteerError {
                if case .badQuery = e, fromStdin {
                    // One bad line does not stop the others.
                    FileHandle.standardError.write(Data("line \(lineNumber): \(e)\n".utf8))
                    worst = max(worst, 3)
                    return
                }
                throw e
            }
            worst = max(worst, result.status == .found ? 0 : result.status == .ambiguous ? 2 : 3)
            print(GeocodeOutput.render(result, json: json, table: !fromStdin))
        }
        if fromStdin {
            if !json { print(GeocodeOutput.csvHeader) }
            while let line = readLine(strippingNewline: true) {
                if line.trimmingCharacters(in: .whitespaces).isEmpty { lineNumber += 1; continue }
                try answer(line)
            }
        } else {
            for name in names { try answer(name) }
        }
        if worst != 0 { throw ExitCode(worst) }
    }

    private func runReverse(_ text: String, gazetteer: Gazetteer, data: DataDirectory) throws {
        guard let point = Coordinate(latLon: text) else {
            throw ValidationError("--reverse '\(text)': expected LAT,LON in degrees, e.g. 51.19,35.27")
        }
        let r = try gazetteer.reverse(point, data: data)
        if json {
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try enc.encode(r), as: UTF8.self))
        } else {
            if let p = r.nearest {
                print("nearest place: \(p.name) (\(p.country)\(p.admin1Name.isEmpty ? "" : ", \(p.admin1Name)"), pop. \(p.population)), \(String(format: "%.1f", r.nearestKm ?? 0)) km away, geonameid \(p.id)")
            } else {
                print("nearest place: none within \(Int(Gazetteer.reverseRadiusKm)) km")
            }
            print("region: \(r.region.map { "\($0.name) (\($0.country))" } ?? "none (at sea or outside any first-level region)")")
        }
    }
}
