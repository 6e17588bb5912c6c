import Graphics
import Bindings

/// One row of the basemap's layer table: which data a line layer draws, at which scales and level
/// of detail, and how (its strokes, casing first). `BasemapRenderer` draws the rows in order; a
/// theme changes any row by its name (`layers:` in a theme file).
public struct BasemapRule: Sendable {
    /// Where in scale a row is drawn: on regional maps (less than `BasemapRenderer.largeScaleLimitKm`
    /// across), on larger ones, or on both.
    public enum Scale: Sendable { case regional, continental, any }

    /// The row's name: its group in an SVG (`basemap-<name>`) and its key in a theme.
    public var name: String
    /// The switch that shows it (`layers:` of a view, `--layers`); nil for a row always drawn.
    public var layer: BasemapLayer?
    public var dataset: String
    public var source: String
    /// Read the generalized `<source>_small` / `_tiny` levels on small-scale maps.
    public var generalized: Bool
    public var scale: Scale
    /// Drawn on an inset locator map too.
    public var inLocator: Bool
    /// A dense network drawn as faint context: where other rows read `_small`, this reads `_tiny`.
    public var coarser = false
    public var strokes: [Stroke]

    /// One stroke of a row, in points.
    public struct Stroke: Sendable {
        public var color: Color
        public var width: Double
        public var dash: [Double] = []
        public var cap: Canvas.LineStyle = .round
        /// On a generalized level: the colour's alpha and the width multiplied by these, and the
        /// dash dropped (too fine to show, and Cairo's slowest path); nil leaves the stroke out there.
        public var generalized: (alpha: Double, width: Double)? = (1, 1)
    }
}

/// A theme's change to one row of the layer table.
public struct BasemapRuleChange: Sendable {
    public var color: Color?
    public var width: Double?
    public var dash: [Double]?
    public var visible: Bool?
    public init(color: Color? = nil, width: Double? = nil, dash: [Double]? = nil, visible: Bool? = nil) {
        self.color = color
        self.width = width
        self.dash = dash
        self.visible = visible
    }
}

extension BasemapRule {
    /// The layer this row reads on a map whose polygons read level `small` ("", "_small", "_tiny").
    func layer(atLevel small: String) -> String {
        guard generalized else { return source }
        return source + (coarser && small == "_small" ? "_tiny" : small)
    }
}

extension MapStyle {
    /// The basemap's line layers, in drawing order: rivers by rank, regional borders, roads, sea
    /// lanes, rail, international borders and the coastline, each by scale — with the theme's
    /// changes (`ruleChanges`) applied. The colours and widths are the style's own.
    public var basemapRules: [BasemapRule] {
        typealias Rule = BasemapRule
        let band = (alpha: 1.0, width: 1.0)
        var rules: [Rule] = [
            Rule(name: "rivers", layer: .rivers, dataset: "detail", source: "rivers", generalized: false, scale: .regional, inLocator: true,
                 strokes: [.init(color: rivers, width: riverWidth)]),
            Rule(name: "rivers-2", layer: .rivers, dataset: "detail", source: "rivers_2", generalized: false, scale: .regional, inLocator: true,
                 strokes: [.init(color: rivers, width: riverWidth * 1.6)]),
            Rule(name: "rivers-major", layer: .rivers, dataset: "detail", source: "rivers_major", generalized: true, scale: .any, inLocator: true,
                 strokes: [.init(color: rivers, width: majorRiverWidth)]),
            // Natural Earth's first-level lines at every scale (DCW's Russian regions are in `regions-ru`);
            // generalized, they are drawn solid and lighter.
            Rule(name: "regions", layer: .regions, dataset: "basemap", source: "admin1_lines", generalized: true, scale: .any, inLocator: true,
                 strokes: [.init(color: regionBorder, width: regionBorderWidth, dash: regionDash, generalized: (0.6, 1))]),
            Rule(name: "roads", layer: .roads, dataset: "road", source: "lines", generalized: false, scale: .regional, inLocator: true,
                 strokes: [.init(color: road, width: roadWidth)]),
            Rule(name: "sea-lanes", layer: .seaLanes, dataset: "sea", source: "sea_lanes", generalized: false, scale: .any, inLocator: true,
                 strokes: [.init(color: seaLane, width: seaLaneWidth, dash: [3, 2])]),
            // The railway convention: a dark line with a light dash inside; at small scale, faint context.
            Rule(name: "rail", layer: .rail, dataset: "rail", source: "lines", generalized: true, scale: .any, inLocator: true, coarser: true,
                 strokes: [.init(color: rail, width: railWidth, generalized: (0.45, 0.7)),
                           .init(color: .white, width: railWidth * 0.45, dash: [3, 3], cap: .butt, generalized: nil)]),
            // A soft band under a fine line: unlike regional borders (dashed) and rail or roads.
            Rule(name: "borders", layer: .borders, dataset: "detail", source: "borders", generalized: false, scale: .regional, inLocator: true,
                 strokes: [.init(color: countryBorderBand, width: countryBorderBandWidth, generalized: band),
                           .init(color: countryBorder, width: countryBorderWidth)]),
            Rule(name: "borders", layer: .borders, dataset: "basemap", source: "boundary_lines", generalized: true, scale: .continental, inLocator: true,
                 strokes: [.init(color: countryBorderBand, width: countryBorderBandWidth, generalized: band),
                           .init(color: countryBorder, width: countryBorderWidth)]),
            Rule(name: "coastline", layer: nil, dataset: "detail", source: "shorelines", generalized: false, scale: .regional, inLocator: false,
                 strokes: [.init(color: coastline, width: coastlineWidth)]),
            Rule(name: "coastline", layer: nil, dataset: "basemap", source: "coastline", generalized: true, scale: .continental, inLocator: false,
                 strokes: [.init(color: coastline, width: coastlineWidth)]),
        ]
        for (i, rule) in rules.enumerated() {
            guard let change = ruleChanges[rule.name], var main = rule.strokes.last else { continue }
            if let c = change.color { main.color = c }
            if let w = change.width { main.width = w }
            if let d = change.dash { main.dash = d }
            rules[i].strokes[rule.strokes.count - 1] = main
            if change.visible == false { rules[i].strokes = [] }
        }
        return rules
    }

    /// The names of the layer table's rows, as a theme names them.
    public static var basemapRuleNames: [String] {
        var seen = Set<String>()
        return MapStyle().basemapRules.map(\.name).filter { seen.insert($0).inserted }
    }
}
