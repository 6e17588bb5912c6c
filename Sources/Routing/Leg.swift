import Foundation
import GeoCore

/// One leg of a route: its drawn geometry, what is routed over the network and what is schematic.
public struct Leg: Sendable, Codable {
    public var mode: String
    /// The whole line from the true start to the true end, in lon/lat.
    public var coordinates: [Coordinate]
    /// Length over the network by its own edge lengths (track length), km.
    public var routedKm: Double
    /// Straight connectors from the true points to the network (start, end), km; drawn schematic.
    public var connectorKm: [Double]
    public var totalKm: Double { routedKm + connectorKm.reduce(0, +) }
    /// Number of network edges followed.
    public var edges: Int
}

/// Why a leg could not be routed.
public enum RoutingError: Error, CustomStringConvertible, Equatable {
    case tooFarFromNetwork(place: String, mode: String, km: Double, limit: Double)
    case disconnected(mode: String, from: String, to: String, fromComponent: Int32, toComponent: Int32, fromSize: Int, toSize: Int)
    case badGraphFile(String, reason: String)

    public var description: String {
        switch self {
        case .tooFarFromNetwork(let place, let mode, let km, let limit):
            return String(format: "%@ is %.0f km from the nearest %@ node, beyond the %.0f km limit: route that part by another mode or as 'direct'", place, km, mode, limit)
        case .disconnected(let mode, let from, let to, let fc, let tc, let fs, let ts):
            if fc == tc {
                return "no \(mode) path from \(from) to \(to) within the countries asked for: every path leaves them"
            }
            return "no \(mode) path from \(from) to \(to): \(from) lies on network piece #\(fc) (\(fs) nodes) and \(to) on piece #\(tc) (\(ts) nodes; #0 is the largest); the network is cut between them"
        case .badGraphFile(let p, let r):
            return "routing graph \(p): \(r)"
        }
    }
}

extension RoutingGraph {
    /// Routes from `a` to `b`, snapping each to its nearest node within `maxSnapKm`.
    public func leg(mode: String, from a: Coordinate, named aName: String, to b: Coordinate, named bName: String,
                    maxSnapKm: Double, allowed: ((Int32) -> Bool)? = nil) throws -> Leg {
        guard let s = nearestNode(to: a), s.km <= maxSnapKm else {
            throw RoutingError.tooFarFromNetwork(place: aName, mode: mode, km: nearestNode(to: a)?.km ?? .infinity, limit: maxSnapKm)
        }
        guard let e = nearestNode(to: b), e.km <= maxSnapKm else {
            throw RoutingError.tooFarFromNetwork(place: bName, mode: mode, km: nearestNode(to: b)?.km ?? .infinity, limit: maxSnapKm)
        }
        guard let path = shortestPath(from: s.node, to: e.node, allowed: allowed) else {
            let comp = components()
            let fc = comp[Int(s.node)], tc = comp[Int(e.node)]
            throw RoutingError.disconnected(mode: mode, from: aName, to: bName, fromComponent: fc, toComponent: tc,
                                            fromSize: comp.filter { $0 == fc }.count, toSize: comp.filter { $0 == tc }.count)
        }
        var coordinates = [a]
        coordinates += path.nodes.map { nodes[Int($0)] }
        coordinates.append(b)
        return Leg(mode: mode, coordinates: coordinates, routedKm: path.lengthKm, connectorKm: [s.km, e.km], edges: path.nodes.count - 1)
    }
}
