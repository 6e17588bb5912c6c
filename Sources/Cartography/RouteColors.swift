import Graphics
import Bindings
import Symbology

/// The colour of each route of a map: its own when the scenario gives one, else its side's for
/// the first route of that side, then the next of the style's palette (apart in hue and
/// lightness, and under the common colour-vision deficiencies), so that routes compared on one map
/// (before and after a diversion) never share a colour.
public enum RouteColors {
    /// One colour per route, in order.
    public static func colors(of routes: [SceneRoute], style: MapStyle) -> [Color] {
        var count: [Affiliation: Int] = [:]
        return routes.map { r in
            if let given = r.color, let c = style.givenColors.apply(given) { return c }
            let k = count[r.affiliation, default: 0]
            count[r.affiliation] = k + 1
            return k == 0 ? style.color(of: r.affiliation) : style.routePalette[(k - 1) % max(1, style.routePalette.count)]
        }
    }
}

extension MapStyle {
    /// A side's colour: frames, routes, areas.
    public func color(of a: Affiliation) -> Color {
        switch a {
        case .friendly: return friendly
        case .hostile: return hostile
        case .neutral: return neutral
        case .unknown: return unknown
        }
    }
}
