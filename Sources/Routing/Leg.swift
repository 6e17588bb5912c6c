import Foundation
import GeoCore

/// A stretch of a leg: followed over a network (routed) or drawn as a plain line (schematic).
public struct LegPart: Sendable, Codable, Equatable {
    public var routed: Bool
    public var coordinates: [Coordinate]
    public var km: Double
}

/// One leg of a route: its parts, and how much of it is routed and how much schematic.
public struct Leg: Sendable, Codable {
    public var from: String
    public var to: String
    public var mode: String
    public var parts: [LegPart]
    /// Network edges followed.
    public var edges: Int
    /// Average speed in km/h when one was given; then `durationHours` is set.
    public var speedKmh: Double?
    /// The countries the network's nodes along the routed parts lie in, in the order crossed (one
    /// left and entered again is listed again; none for schematic legs).
    public var countries: [String] = []

    /// Time the leg takes at `speedKmh`, hours.
    public var durationHours: Double? { speedKmh.map { totalKm / $0 } }

    /// Length over networks by their own edge lengths (track length), km.
    public var routedKm: Double { parts.filter(\.routed).reduce(0) { $0 + $1.km } }
    /// Length of the schematic parts: connectors to the network, air and direct legs, km.
    public var schematicKm: Double { parts.filter { !$0.routed }.reduce(0) { $0 + $1.km } }
    public var totalKm: Double { routedKm + schematicKm }
    /// Every point of the leg, in order.
    public var coordinates: [Coordinate] { parts.flatMap(\.coordinates) }
}

/// Why a leg could not be routed.
public enum RoutingError: Error, CustomStringConvertible, Equatable {
    case tooFarFromNetwork(place: String, mode: String, km: Double, limit: Double)
    case disconnected(NetworkCut)
    case badGraphFile(String, reason: String)
    case badLegs(String, reason: String)
    /// A leg whose two ends are one place.
    case sameEnds(from: String, to: String)
    /// A polygon file (areas to avoid or to draw) that cannot be used.
    case badAreaFile(String, reason: String)
    /// A sea passage the data does not mark, with those it does.
    case unknownPassage(String, known: [String])

    public var description: String {
        switch self {
        case .tooFarFromNetwork(let place, let mode, let km, let limit):
            return String(format: "%@ is %.0f km from the nearest %@ node, beyond the %.0f km limit: route that part by another mode or as 'direct'", place, km, mode, limit)
        case .disconnected(let cut):
            return cut.description
        case .badGraphFile(let p, let r):
            return "routing graph \(p): \(r)"
        case .unknownPassage(let name, let known):
            return "no sea passage '\(name)': the sea lanes mark \(known.joined(separator: ", ")) (see `geobrief route --passages`)"
        case .badLegs(_, let r):
            return "--legs: \(r)"
        case .sameEnds(let a, let b):
            return "'\(a)' > '\(b)' starts and ends at the same place: drop the leg or name another end"
        case .badAreaFile(let p, let r):
            return "\(p): \(r)"
        }
    }
}

extension RoutingGraph {
    /// Routes from `a` to `b`, snapping each to its nearest node within `maxSnapKm`; the connectors
    /// from the true points to the network are schematic parts.
    /// With `bridge`, a network cut is crossed by a schematic segment between the closest nodes of
    /// the two pieces instead of failing.
    /// `trace`, when given, hears how long snapping and the path search took (ms).
    public func leg(mode: String, from a: Coordinate, named aName: String, to b: Coordinate, named bName: String,
                    maxSnapKm: Double, allowed: ((Int32) -> Bool)? = nil, bridge: Bool = false,
                    trace: ((_ snapMs: Double, _ pathMs: Double) -> Void)? = nil) throws -> Leg {
        let clock = ContinuousClock()
        let snapStart = clock.now
        let ends = nearestNodes(to: [a, b])
        guard var s = ends[0], s.km <= maxSnapKm else {
            throw RoutingError.tooFarFromNetwork(place: aName, mode: mode, km: ends[0]?.km ?? .infinity, limit: maxSnapKm)
        }
        guard var e = ends[1], e.km <= maxSnapKm else {
            throw RoutingError.tooFarFromNetwork(place: bName, mode: mode, km: ends[1]?.km ?? .infinity, limit: maxSnapKm)
        }
        let pathStart = clock.now
        defer {
            func ms(_ d: Duration) -> Double { Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1000 }
            trace?(ms(pathStart - snapStart), ms(clock.now - pathStart))
        }
        var parts: [LegPart] = []
        var edgeCount = 0
        var countries: [String] = []
        func follow(_ path: GraphPath) {
            parts.append(LegPart(routed: true, coordinates: path.nodes.map { nodes[Int($0)] }, km: path.lengthKm))
            edgeCount += path.nodes.count - 1
            for n in path.nodes {
                let c = country(of: n)
                if !c.isEmpty, countries.last != c { countries.append(c) }
            }
        }
        var path = shortestPath(from: s.node, to: e.node, allowed: allowed)
        // The network's pieces, found once when no path is (to move an end, then to say where it is cut).
        let comp = path == nil ? components() : []
        if path == nil, let (s2, e2) = resnapped(a, b, s, e, pieces: comp, maxSnapKm: maxSnapKm) {
            (s, e) = (s2, e2)
            path = shortestPath(from: s.node, to: e.node, allowed: allowed)
        }
        if s.km > 0 { parts.append(LegPart(routed: false, coordinates: [a, nodes[Int(s.node)]], km: s.km)) }
        if let path {
            follow(path)
        } else {
            let fc = comp[Int(s.node)], tc = comp[Int(e.node)]
            var cut = NetworkCut(mode: mode, from: aName, to: bName, fromPiece: fc, toPiece: tc,
                                 fromSize: comp.filter { $0 == fc }.count, toSize: comp.filter { $0 == tc }.count)
            guard fc != tc else { throw RoutingError.disconnected(cut) }
            // The start piece's node nearest the end, and the end piece's node nearest that one: the gap
            // a bridge would cross, and what the message offers.
            let n1 = nearestNode(to: b, among: { comp[Int($0)] == fc })!, n2 = nearestNode(to: nodes[Int(n1)], among: { comp[Int($0)] == tc })!
            cut.gap = (nodes[Int(n1)], nodes[Int(n2)])
            guard bridge, let p1 = shortestPath(from: s.node, to: n1, allowed: allowed),
                  let p2 = shortestPath(from: n2, to: e.node, allowed: allowed) else {
                throw RoutingError.disconnected(cut)
            }
            follow(p1)
            parts.append(LegPart(routed: false, coordinates: [nodes[Int(n1)], nodes[Int(n2)]],
                                 km: nodes[Int(n1)].greatCircleKm(to: nodes[Int(n2)])))
            follow(p2)
        }
        if e.km > 0 { parts.append(LegPart(routed: false, coordinates: [nodes[Int(e.node)], b], km: e.km)) }
        return Leg(from: aName, to: bName, mode: mode, parts: parts, edges: edgeCount, speedKmh: nil, countries: countries)
    }

    /// How much longer than its nearest a connector may grow to reach the piece of the network the
    /// other end lies on, km: a town whose nearest node is a fragment of the data beside the main
    /// network (Kharkiv, a kilometre from it) is on the main network; an island's is not.
    static let resnapSlackKm = 10.0

    /// Ends on different pieces of the network, one moved onto the other's piece when that piece
    /// lies within the snap limit and `resnapSlackKm` of its nearest node (the end that moves
    /// least); nil when neither can.
    /// `comp` is `components()`.
    func resnapped(_ a: Coordinate, _ b: Coordinate, _ s: (node: Int32, km: Double), _ e: (node: Int32, km: Double),
                   pieces comp: [Int32], maxSnapKm: Double) -> ((node: Int32, km: Double), (node: Int32, km: Double))? {
        let (fc, tc) = (comp[Int(s.node)], comp[Int(e.node)])
        guard fc != tc else { return nil }
        func onto(_ c: Coordinate, piece: Int32, from nearest: Double) -> (node: Int32, km: Double)? {
            guard let n = nearestNode(to: c, among: { comp[Int($0)] == piece }) else { return nil }
            let km = c.greatCircleKm(to: nodes[Int(n)])
            return km <= maxSnapKm && km <= nearest + Self.resnapSlackKm ? (n, km) : nil
        }
        let moveA = onto(a, piece: tc, from: s.km), moveB = onto(b, piece: fc, from: e.km)
        switch (moveA, moveB) {
        case let (x?, y?): return x.km - s.km <= y.km - e.km ? (x, e) : (s, y)
        case let (x?, nil): return (x, e)
        case let (nil, y?): return (s, y)
        case (nil, nil): return nil
        }
    }
}

/// Where a network is cut between a leg's two ends, and what would route it.
public struct NetworkCut: Equatable, Sendable, CustomStringConvertible {
    public var mode, from, to: String
    /// Connected pieces of the network (0 is the largest) and their node counts.
    public var fromPiece, toPiece: Int32
    public var fromSize, toSize: Int
    /// The closest nodes of the two pieces, when the ends lie on different pieces.
    public var gap: (Coordinate, Coordinate)?

    public var gapKm: Double? { gap.map { $0.0.greatCircleKm(to: $0.1) } }

    public static func == (a: NetworkCut, b: NetworkCut) -> Bool { a.description == b.description }

    public var description: String {
        guard let gap, let km = gapKm else {
            return "no \(mode) path from \(from) to \(to) that keeps to the countries and out of the areas asked for: "
                + "every path crosses them; drop or widen --within / --avoid, or route that part by another mode"
        }
        func at(_ c: Coordinate) -> String { String(format: "%.4f,%.4f", c.lat, c.lon) }
        return "no \(mode) path from \(from) to \(to): they lie on separate pieces of the \(mode) network "
            + "(#\(fromPiece), \(fromSize) nodes, and #\(toPiece), \(toSize) nodes; #0 is the largest): the network is cut between them. "
            + String(format: "The pieces come closest between %@ and %@, %.0f km apart: ", at(gap.0), at(gap.1), km)
            + "the network data has no \(mode) line there, though a real one may exist. "
            + "To route it: --bridge (cross the gap with a schematic segment), a leg by another mode "
            + "(road, or sea between ports), or 'direct' for that part"
    }
}
