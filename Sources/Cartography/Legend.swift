import Bindings
import GeoCore
import Scenario

/// The legend's entries, collected from what a map actually drew.
enum LegendItem: Hashable, Comparable {
    /// A broad arrow: the route's label (or "Movement") and colour.
    case arrow(String, Color)
    /// A route of the story with a label: its text (label and length), colour and main mode.
    case namedRoute(String, Color, mode: String, order: Int)
    case route(String)
    case schematic
    case unit(Affiliation)
    case place(PlaceSymbol)
    case area(approximate: Bool, Color)
    case callout

    var text: String {
        switch self {
        case .arrow(let label, _): return label
        case .namedRoute(let text, _, _, _): return text
        case .route(let mode):
            switch mode {
            case "sea": return "By sea (sea lanes)"
            case "rail": return "By rail (railway network)"
            case "road": return "By road (road network)"
            case "air": return "By air (great circle)"
            default: return "Direct (schematic)"
            }
        case .schematic: return "Schematic stretch (off network)"
        case .unit(let a): return "Unit, \(a.rawValue) (APP-6 frame)"
        case .place(let k):
            switch k {
            case .capital: return "Capital"
            case .city: return "City"
            case .town: return "Town"
            case .village: return "Village"
            case .port: return "Port"
            case .training: return "Training site"
            case .base: return "Military base"
            case .border: return "Border crossing"
            }
        case .area(let approx, _): return approx ? "Area (approximate)" : "Area"
        case .callout: return "Reported figure [source no.]"
        }
    }

    private var rank: Int {
        switch self {
        case .arrow: return 0
        case .namedRoute: return 1
        case .route: return 1
        case .schematic: return 2
        case .unit: return 3
        case .place: return 4
        case .area: return 5
        case .callout: return 6
        }
    }

    static func < (a: LegendItem, b: LegendItem) -> Bool {
        if a.rank != b.rank { return a.rank < b.rank }
        // Named routes in the story's order, before the modes' entries.
        switch (a, b) {
        case (.namedRoute(_, _, _, let x), .namedRoute(_, _, _, let y)): return x < y
        case (.namedRoute, _): return true
        case (_, .namedRoute): return false
        default: return a.text < b.text
        }
    }
}
