import Bindings
import GeoCore

extension Leg {
    /// An `air` leg: the geodesic from `a` to `b` (PROJ, Karney), densified every 50 km so that it
    /// curves on any projection. Schematic: no network is followed.
    public static func air(from a: Coordinate, named aName: String, to b: Coordinate, named bName: String) -> Leg {
        let g = Geodesic()
        let points = g.densify(a, b, maxSpacing: 50_000)
        return Leg(from: aName, to: bName, mode: "air",
                   parts: [LegPart(routed: false, coordinates: points, km: g.distance(a, b) / 1000)], edges: 0, speedKmh: nil)
    }

    /// A `direct` leg: a straight line on the map between the two points; its length is the geodesic one.
    public static func direct(from a: Coordinate, named aName: String, to b: Coordinate, named bName: String) -> Leg {
        Leg(from: aName, to: bName, mode: "direct",
            parts: [LegPart(routed: false, coordinates: [a, b], km: Geodesic().distance(a, b) / 1000)], edges: 0, speedKmh: nil)
    }
}
