import Bindings

/// How a basemap looks: colours and line widths in points. A professional, quiet default.
public struct MapStyle: Sendable {
    public var ocean = Color(hex: "#c9dcea")!
    public var land = Color(hex: "#f2efe6")!
    public var landTint = Color(r: 0.96, g: 0.95, b: 0.91, a: 0.55)
    public var lakes = Color(hex: "#c9dceaff")!
    public var reliefAlpha = 0.45
    public var coastline = Color(hex: "#6f8fa8")!
    public var coastlineWidth = 0.5
    public var rivers = Color(hex: "#7fa7c6")!
    public var riverWidth = 0.45
    public var countryBorder = Color(hex: "#5b4b5a")!
    public var countryBorderWidth = 1.1
    public var regionBorder = Color(r: 0.45, g: 0.40, b: 0.45, a: 0.8)
    public var regionBorderWidth = 0.45
    public var regionDash: [Double] = [2.5, 1.5]
    public var rail = Color(hex: "#3d3d3d")!
    public var railWidth = 0.7
    public var road = Color(r: 0.80, g: 0.50, b: 0.25, a: 0.85)
    public var roadWidth = 0.6
    public var seaLane = Color(r: 0.25, g: 0.45, b: 0.65, a: 0.7)
    public var seaLaneWidth = 0.5
    public var title = TextStyle(size: 14, bold: true, color: Color(hex: "#1d1d1d")!)
    public var attribution = TextStyle(size: 6, color: Color(hex: "#333333")!)

    public init() {}
}
