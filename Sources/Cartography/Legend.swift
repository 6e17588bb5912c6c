import Graphics
import Bindings
import GeoCore
import Symbology

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
    /// An area's style, named by its label when it has one.
    case area(approximate: Bool, Color, Affiliation, label: String?)
    case callout

    /// The entries with areas named by their labels only where two area entries would read alike
    /// ("Area" and "Area" for two sides' zones); a lone area style keeps its plain name.
    static func areasToldApart(_ items: Set<LegendItem>) -> Set<LegendItem> {
        func plain(_ item: LegendItem) -> LegendItem {
            guard case .area(let approx, let c, let side, _) = item else { return item }
            return .area(approximate: approx, c, side, label: nil)
        }
        var alike: [String: Int] = [:]
        for item in items { if case .area = item { alike[plain(item).text, default: 0] += 1 } }
        return Set(items.map { item in
            guard case .area = item, alike[plain(item).text, default: 0] < 2 else { return item }
            return plain(item)
        })
    }

    /// The entry's text in English (for ordering and reports).
    var text: String { text(in: "en") }

    /// The entry's text in `language` (`MapPhrase`).
    func text(in language: String) -> String {
        switch self {
        case .arrow(let label, _): return label
        case .namedRoute(let text, _, _, _): return text
        case .route(let mode): return MapPhrase.phrases(ofMode: mode).legend.text(language)
        case .schematic: return MapPhrase.schematic.text(language)
        case .unit(let a):
            let side: MapPhrase = a == .friendly ? .friendly : a == .hostile ? .hostile : a == .neutral ? .neutral : .unknown
            return MapPhrase.unit.text(language).replacingOccurrences(of: "%@", with: side.text(language))
        case .place(let k):
            switch k {
            case .capital: return MapPhrase.capital.text(language)
            case .city: return MapPhrase.city.text(language)
            case .town: return MapPhrase.town.text(language)
            case .village: return MapPhrase.village.text(language)
            case .port: return MapPhrase.port.text(language)
            case .training: return MapPhrase.training.text(language)
            case .base: return MapPhrase.base.text(language)
            case .border: return MapPhrase.border.text(language)
            }
        case .area(let approx, _, _, let label): return label ?? (approx ? MapPhrase.areaApproximate : MapPhrase.area).text(language)
        case .callout: return MapPhrase.figure.text(language)
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
