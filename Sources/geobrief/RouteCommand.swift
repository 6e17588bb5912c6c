import ArgumentParser
import Foundation
import Gazetteer
import GeoCore
import GeoData
import Routing

/// `geobrief route`: the shortest path between two places over the rail or road network.
struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Route between two places over the rail or road network.",
        discussion: "FROM and TO are place names (geocoded; they must be unambiguous) or LAT,LON."
    )

    @Argument(help: "Start: a place name or LAT,LON.") var from: String
    @Argument(help: "End: a place name or LAT,LON.") var to: String
    @Option(help: "Network: rail or road.") var mode = "rail"
    @Option(help: "Farthest a place may lie from the network, km.") var maxSnap: Double?
    @Option(help: "Stay within these countries (comma-separated ISO codes, e.g. RU).") var within: String?
    @Flag(help: "Answer as JSON.") var json = false

    func validate() throws {
        guard ["rail", "road"].contains(mode) else { throw ValidationError("--mode '\(mode)': expected rail or road") }
    }

    func run() throws {
        let data = try DataDirectory.locate()
        let gazetteer = try Gazetteer(data: data)
        let a = try locate(from, gazetteer), b = try locate(to, gazetteer)
        let graph = try RoutingGraph.cached(mode, data: data)
        let countries = within.map { Set($0.uppercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
        let leg = try graph.leg(mode: mode, from: a, named: from, to: b, named: to, maxSnapKm: maxSnap ?? (mode == "rail" ? 60 : 40),
                                allowed: countries.map(graph.within))
        if json {
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys]
            print(String(decoding: try enc.encode(leg), as: UTF8.self))
        } else {
            print(String(format: "%@ > %@ by %@: %.0f km over the network (%d edges), connectors %.1f + %.1f km (schematic)",
                         from, to, mode, leg.routedKm, leg.edges, leg.connectorKm[0], leg.connectorKm[1]))
        }
    }

    private func locate(_ text: String, _ gazetteer: Gazetteer) throws -> Coordinate {
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        if parts.count == 2, let lat = parts[0], let lon = parts[1], abs(lat) <= 90, abs(lon) <= 180 {
            return Coordinate(lon: lon, lat: lat)
        }
        let r = try gazetteer.geocode(text)
        guard let p = r.place else { throw ValidationError("'\(text)' is \(r.status.rawValue): \(r.message)") }
        return p.coordinate
    }
}
