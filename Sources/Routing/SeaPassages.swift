import Foundation
import DataCatalog
import GeoCore
import GeoPackage

/// The sea passages the sea-lane data marks (its `passage` field: suez, babalmandab, malacca,
/// gibraltar, bosporus, ormuz, panama, bering, northwest, ...) as sets of the sea graph's nodes,
/// so that a route can keep out of them. The Arctic ones are closed unless a leg asks for them.
public struct SeaPassages: Sendable {
    /// Each passage's nodes.
    public let nodes: [String: Set<Int32>]

    /// Passages a sea route keeps out of unless told otherwise: the Arctic routes.
    public static let closedByDefault: Set<String> = ["bering", "northwest"]

    /// The passages of `graph` (the sea graph of `data`): every vertex of a passage's lanes, at
    /// the graph node within a few metres of it.
    public init(graph: RoutingGraph, data: DataDirectory) throws {
        let file = try GeoPackageFile.shared(path: try data.path(of: "sea"))
        var out: [String: Set<Int32>] = [:]
        for f in try file.features(layer: "sea_lanes", in: nil, columns: ["passage"], limit: 100_000, withText: "passage") {
            guard case .text(let code) = f.values[0], !code.isEmpty else { continue }
            let points = f.geometry.coordinates
            for case let (node, km)? in graph.nearestNodes(to: points) where km < 0.05 {
                out[code, default: []].insert(node)
            }
        }
        nodes = out
    }

    /// The passages whose nodes a leg's routed parts pass (its vertices are the graph's nodes).
    public func taken(by leg: Leg, on graph: RoutingGraph) -> Set<String> {
        let points = leg.parts.filter(\.routed).flatMap(\.coordinates)
        let passed = Set(graph.nearestNodes(to: points).compactMap { $0.flatMap { $0.km < 0.05 ? $0.node : nil } })
        return Set(nodes.filter { !$0.value.isDisjoint(with: passed) }.keys)
    }

    /// The middle of a passage: its node with the least distance to the farthest of the others.
    public func middle(of name: String, on graph: RoutingGraph) -> Coordinate? {
        let points = (nodes[name] ?? []).sorted().map { graph.nodes[Int($0)] }
        let farthest = points.map { p in points.map { p.greatCircleKm(to: $0) }.max() ?? 0 }
        return points.indices.min { farthest[$0] < farthest[$1] }.map { points[$0] }
    }

    /// Whether a route in stretches, each ending where the next starts (a passage's middle),
    /// turns back at a junction: it leaves the way it came (within 90°, judged 50 km either
    /// side), as a way "through" Bering does that reaches it from the Pacific and goes back there.
    public static func doublesBack(_ stretches: [Leg]) -> Bool {
        for (before, after) in zip(stretches, stretches.dropFirst()) {
            let came = before.coordinates, goes = after.coordinates
            guard let m = goes.first,
                  let p = came.reversed().first(where: { $0.greatCircleKm(to: m) >= 50 }),
                  let q = goes.first(where: { $0.greatCircleKm(to: m) >= 50 }) else { continue }
            if tangentCosine(at: m, p, q) > 0 { return true }
        }
        return false
    }

    /// The cosine of the angle at `m` between the directions to `p` and to `q` (on the sphere).
    static func tangentCosine(at m: Coordinate, _ p: Coordinate, _ q: Coordinate) -> Double {
        func unit(_ c: Coordinate) -> SIMD3<Double> {
            let (lat, lon) = (c.lat * .pi / 180, c.lon * .pi / 180)
            return SIMD3(cos(lat) * cos(lon), cos(lat) * sin(lon), sin(lat))
        }
        let (um, up, uq) = (unit(m), unit(p), unit(q))
        let tp = up - um * (um * up).sum(), tq = uq - um * (um * uq).sum()
        let n = ((tp * tp).sum() * (tq * tq).sum()).squareRoot()
        return n > 0 ? (tp * tq).sum() / n : 1
    }

    /// The passage names, sorted.
    public var names: [String] { nodes.keys.sorted() }

    /// A node filter keeping out of `closed`; throws naming the passages there are for an unknown one.
    public func avoiding(_ closed: Set<String>) throws -> (Int32) -> Bool {
        if let unknown = closed.first(where: { nodes[$0] == nil }) {
            throw RoutingError.unknownPassage(unknown, known: names)
        }
        let banned = closed.reduce(into: Set<Int32>()) { $0.formUnion(nodes[$1] ?? []) }
        return { !banned.contains($0) }
    }
}
