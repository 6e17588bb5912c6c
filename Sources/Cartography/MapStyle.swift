import Graphics
import Bindings

/// The theme of a map: colours, line widths and symbol sizes in points, fonts. A professional,
/// quiet default; a newsroom's house style overrides it from a theme YAML file.
public struct MapStyle: Sendable {
    public var ocean = Color(hex: "#c9dcea")!
    public var land = Color(hex: "#f2efe6")!
    public var landTint = Color(r: 0.96, g: 0.95, b: 0.91, a: 0.55)
    /// The veil over countries the story is not about (when it names its sides).
    public var otherCountries = Color(r: 1, g: 1, b: 1, a: 0.42)
    public var lakes = Color(hex: "#c9dceaff")!
    public var reliefAlpha = 0.45
    public var coastline = Color(hex: "#6f8fa8")!
    public var coastlineWidth = 0.5
    public var rivers = Color(hex: "#7fa7c6")!
    public var riverWidth = 0.45
    public var majorRiverWidth = 1.1
    public var countryBorder = Color(hex: "#6d5a6b")!
    public var countryBorderWidth = 0.8
    public var countryBorderBand = Color(r: 0.72, g: 0.62, b: 0.74, a: 0.45)
    public var countryBorderBandWidth = 3.2
    public var regionBorder = Color(r: 0.45, g: 0.40, b: 0.45, a: 0.8)
    public var regionBorderWidth = 0.45
    public var regionDash: [Double] = [2.5, 1.5]
    public var rail = Color(hex: "#6a6a6a")!
    public var railWidth = 0.65
    public var road = Color(r: 0.80, g: 0.50, b: 0.25, a: 0.55)
    public var roadWidth = 0.6
    public var seaLane = Color(r: 0.25, g: 0.45, b: 0.65, a: 0.7)
    public var seaLaneWidth = 0.5
    public var title = TextStyle(size: 14, bold: true, color: Color(hex: "#1d1d1d")!)
    public var attribution = TextStyle(size: 6, color: Color(hex: "#333333")!)

    // Overlays: labels, symbols, routes, callouts, furniture.
    public var subtitle = TextStyle(size: 9.5, color: Color(hex: "#333333")!)
    public var markings = TextStyle(size: 7.5, bold: true, color: Color(hex: "#a4161a")!)
    public var capitalLabel = TextStyle(size: 10, bold: true, color: Color(hex: "#1d1d1d")!)
    public var cityLabel = TextStyle(size: 8.5, color: Color(hex: "#1d1d1d")!)
    public var townLabel = TextStyle(size: 7.5, color: Color(hex: "#2b2b2b")!)
    public var unitLabel = TextStyle(size: 7.5, bold: true, color: Color(hex: "#1d1d1d")!)
    public var legLabel = TextStyle(size: 7, italic: true, color: Color(hex: "#4a1010")!)
    public var calloutHeading = TextStyle(size: 7, bold: true, color: Color(hex: "#1d1d1d")!)
    public var calloutText = TextStyle(size: 7, color: Color(hex: "#1d1d1d")!)
    public var legendText = TextStyle(size: 7, color: Color(hex: "#1d1d1d")!)
    public var notes = TextStyle(size: 6, color: Color(hex: "#333333")!)
    /// Reference names of the basemap: countries (spaced capitals, sized by area), first-level
    /// regions, and context cities, all quieter than the story's own labels.
    public var countryLabel = TextStyle(size: 10, bold: true, color: Color(hex: "#7a6a78")!)
    public var regionLabel = TextStyle(size: 6.5, color: Color(hex: "#8c8290")!)
    public var contextCityLabel = TextStyle(size: 7, color: Color(hex: "#555555")!)
    public var contextCity = Color(hex: "#666666")!
    /// Annotations: a note beside its point, a water body's name, a front's.
    public var noteLabel = TextStyle(size: 7.5, italic: true, color: Color(hex: "#2b2b2b")!)
    public var waterLabel = TextStyle(size: 8, italic: true, color: Color(hex: "#3d6f99")!)
    public var frontLabel = TextStyle(size: 8, bold: true, italic: true, color: Color(hex: "#a4161a")!)
    /// Every text style a map draws in (for `FontPreload`).
    public var textStyles: [TextStyle] {
        [title, attribution, subtitle, markings, capitalLabel, cityLabel, townLabel, unitLabel, legLabel, calloutHeading,
         calloutText, legendText, notes, countryLabel, regionLabel, contextCityLabel, noteLabel, waterLabel, frontLabel, Symbols.echelonStyle]
    }
    /// A theme's changes to rows of the basemap's layer table, by row name (`basemapRules`).
    public var ruleChanges: [String: BasemapRuleChange] = [:]
    public var halo = Color.white
    public var haloWidth = 1.6
    public var hostile = Color(hex: "#c0392b")!
    public var friendly = Color(hex: "#1f5fa8")!
    public var neutral = Color(hex: "#2e8b57")!
    public var unknown = Color(hex: "#a07800")!
    public var hostileFill = Color(hex: "#ff8080")!
    public var friendlyFill = Color(hex: "#80e0ff")!
    public var neutralFill = Color(hex: "#aaffaa")!
    public var unknownFill = Color(hex: "#ffff80")!
    public var placeSymbol = Color(hex: "#1d1d1d")!
    public var port = Color(hex: "#1f4e79")!
    public var trainingSite = Color(hex: "#7b2d26")!
    public var symbolSize = 3.2
    public var unitSize = 12.0
    public var routeWidth = 2.0
    public var arrowWidth = 12.0
    public var graticule = Color(r: 0.30, g: 0.40, b: 0.50, a: 0.35)
    public var graticuleWidth = 0.35
    public var panel = Color(r: 1, g: 1, b: 1, a: 0.88)
    public var panelBorder = Color(hex: "#9a9a9a")!
    /// Leaders, the scale bar and the north arrow.
    public var ink = Color.black
    /// The ground of place symbols: a capital's ring and a village's disc, the outline of cities and ports.
    public var symbolGround = Color.white
    /// Colours taken by a side's second and later routes, in order (`RouteColors`).
    public var routePalette = ["#e07b00", "#6a3d9a", "#1b7f79", "#333333", "#b8336a"].compactMap(Color.init(hex:))
    /// Areas filled with a hatching of their side (its angle and spacing) instead of a tint:
    /// sides told apart without colour (the `mono` theme).
    public var sidePatterns = false
    /// The shaded relief drawn in greys (the `mono` theme).
    public var reliefGrey = false
    /// What becomes of colours a scenario gives itself (a route's `color`): kept, lightened on a
    /// dark ground (`dark`), brought into the press's chroma (`print`), or replaced by the theme's own (`mono`: its greys are chosen apart,
    /// two given colours may turn into one grey).
    public var givenColors = GivenColors.asGiven
    /// The resolution maps are drawn at when neither the view nor the command line gives one
    /// (the `print` theme's 300 dpi).
    public var preferredDPI: Double?

    public init() {}
}

/// How a theme treats the colours a scenario names itself.
public enum GivenColors: Sendable, Equatable {
    case asGiven, replaced, chromaAtMost(Double)
    /// No darker than this CIELAB lightness (a dark ground), hue and chroma kept.
    case lightnessAtLeast(Double)

    /// The colour drawn for `c`; nil when the theme's own is to be taken instead.
    public func apply(_ c: Color) -> Color? {
        switch self {
        case .asGiven: return c
        case .replaced: return nil
        case .chromaAtMost(let limit): return c.withChroma(atMost: limit)
        case .lightnessAtLeast(let l): return c.withLightness(atLeast: l)
        }
    }
}
