import Graphics

/// The themes GeoBrief carries, by name (`--theme dark`): the default; `dark` for dark-mode web
/// pages; `print` (colours within a conservative CMYK-safe chroma, no line under 0.25 pt, 300
/// dpi); `mono` (greys, areas told apart by hatching, units by their APP-6 frames).
public enum BuiltInTheme: String, CaseIterable, Sendable {
    case `default`, dark, print, mono

    /// The largest CIELAB chroma of a `print` colour. Offset inks on coated paper reach further
    /// in most hues (yellow, red); 50 keeps even saturated blues and greens printable, so that
    /// a colour is not shifted by the press's conversion. A stated bound, not an ICC conversion.
    public static let printChroma = 50.0
    /// The thinnest line a press holds.
    public static let printHairline = 0.25

    public var style: MapStyle {
        var s = MapStyle()
        switch self {
        case .default: break
        case .dark:
            s.ocean = Color(hex: "#0f1c2b")!; s.land = Color(hex: "#2a2d31")!; s.lakes = s.ocean
            s.landTint = Color(r: 0.17, g: 0.18, b: 0.19, a: 0.55); s.otherCountries = Color(r: 0, g: 0, b: 0, a: 0.35)
            s.reliefAlpha = 0.18
            s.coastline = Color(hex: "#6f93b0")!; s.rivers = Color(hex: "#3c6a8f")!
            s.countryBorder = Color(hex: "#b7a3b8")!; s.countryBorderBand = Color(r: 0.55, g: 0.45, b: 0.58, a: 0.35)
            s.regionBorder = Color(r: 0.6, g: 0.56, b: 0.62, a: 0.8)
            s.rail = Color(hex: "#9a9a9a")!; s.road = Color(r: 0.85, g: 0.6, b: 0.35, a: 0.6); s.seaLane = Color(r: 0.45, g: 0.65, b: 0.85, a: 0.7)
            s.halo = Color(hex: "#15181b")!
            s.hostile = Color(hex: "#ff6f61")!; s.friendly = Color(hex: "#5fa8ff")!; s.neutral = Color(hex: "#4fc28a")!; s.unknown = Color(hex: "#e6b422")!
            s.hostileFill = Color(hex: "#ff9a90")!; s.friendlyFill = Color(hex: "#9fdcff")!; s.neutralFill = Color(hex: "#a8ecb8")!; s.unknownFill = Color(hex: "#fff2a0")!
            s.placeSymbol = Color(hex: "#e6e6e6")!; s.port = Color(hex: "#7fb2e5")!; s.trainingSite = Color(hex: "#e07a70")!
            s.graticule = Color(r: 0.7, g: 0.75, b: 0.8, a: 0.25)
            s.panel = Color(r: 0.09, g: 0.10, b: 0.12, a: 0.88); s.panelBorder = Color(hex: "#5a5f66")!
            s.contextCity = Color(hex: "#b0b0b0")!; s.ink = Color(hex: "#e6e6e6")!; s.symbolGround = s.halo
            s.routePalette = ["#00bfff", "#f2e14c", "#7b61ff", "#f06aa0", "#ffffff"].compactMap(Color.init(hex:))
            s.givenColors = .lightnessAtLeast(60)
            // Text light on the dark ground: lightness mirrored, and no lighter than 60.
            for k in MapStyle.textKeyPaths { s[keyPath: k].color = s[keyPath: k].color.mirroredLightness.withLightness(atLeast: 60) }
        case .print:
            s.mapColors { $0.withChroma(atMost: BuiltInTheme.printChroma) }
            s.mapWidths { max(BuiltInTheme.printHairline, $0) }
            s.preferredDPI = 300
            s.givenColors = .chromaAtMost(BuiltInTheme.printChroma)
        case .mono:
            // Greys 13 or more apart in lightness: sides, and one side's routes.
            s.hostile = Color(hex: "#111111")!; s.friendly = Color(hex: "#494949")!; s.neutral = Color(hex: "#898989")!; s.unknown = Color(hex: "#acacac")!
            s.hostileFill = Color(hex: "#bdbdbd")!; s.friendlyFill = Color(hex: "#ececec")!; s.neutralFill = Color(hex: "#d6d6d6")!; s.unknownFill = .white
            s.routePalette = ["#686868", "#2c2c2c", "#acacac", "#494949", "#898989"].compactMap(Color.init(hex:))
            s.mapColors { $0.grey }
            s.sidePatterns = true
            s.reliefGrey = true
            s.givenColors = .replaced
        }
        return s
    }
}

extension MapStyle {
    /// Every colour of the style (text colours apart), for themes that change them all.
    nonisolated(unsafe) public static let colorKeyPaths: [WritableKeyPath<MapStyle, Color>] = [
        \.ocean, \.land, \.landTint, \.otherCountries, \.lakes, \.coastline, \.rivers, \.countryBorder, \.countryBorderBand,
        \.regionBorder, \.rail, \.road, \.seaLane, \.contextCity, \.halo, \.hostile, \.friendly, \.neutral, \.unknown,
        \.hostileFill, \.friendlyFill, \.neutralFill, \.unknownFill, \.placeSymbol, \.port, \.trainingSite, \.graticule,
        \.panel, \.panelBorder, \.ink, \.symbolGround,
    ]
    /// Every text style of the style.
    nonisolated(unsafe) public static let textKeyPaths: [WritableKeyPath<MapStyle, TextStyle>] = [
        \.title, \.attribution, \.subtitle, \.markings, \.capitalLabel, \.cityLabel, \.townLabel, \.unitLabel, \.legLabel,
        \.calloutHeading, \.calloutText, \.legendText, \.notes, \.countryLabel, \.regionLabel, \.contextCityLabel,
        \.noteLabel, \.waterLabel, \.frontLabel,
    ]
    /// Every line width of the style, in points.
    nonisolated(unsafe) public static let widthKeyPaths: [WritableKeyPath<MapStyle, Double>] = [
        \.coastlineWidth, \.riverWidth, \.majorRiverWidth, \.countryBorderWidth, \.countryBorderBandWidth, \.regionBorderWidth,
        \.railWidth, \.roadWidth, \.seaLaneWidth, \.routeWidth, \.graticuleWidth,
    ]

    /// Applies `f` to every colour: the style's, its texts' and its route palette's.
    public mutating func mapColors(_ f: (Color) -> Color) {
        for k in MapStyle.colorKeyPaths { self[keyPath: k] = f(self[keyPath: k]) }
        for k in MapStyle.textKeyPaths { self[keyPath: k].color = f(self[keyPath: k].color) }
        routePalette = routePalette.map(f)
    }

    /// Applies `f` to every line width.
    public mutating func mapWidths(_ f: (Double) -> Double) {
        for k in MapStyle.widthKeyPaths { self[keyPath: k] = f(self[keyPath: k]) }
    }
}
