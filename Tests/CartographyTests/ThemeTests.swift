import Cartography
import Graphics
import Symbology
import XCTest

/// The built-in themes: complete colour lists, colour-vision-safe sides and routes, the print
/// theme's gamut, hairlines and resolution, the dark theme's contrast, the mono theme's greys.
final class ThemeTests: XCTestCase {
    /// Machado, Oliveira and Fernandes (2009), severity 1: linear-RGB matrices simulating
    /// protanopia and deuteranopia.
    static let deficiencies: [(String, [[Double]])] = [
        ("protanopia", [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
        ("deuteranopia", [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]),
    ]

    static func simulate(_ c: Color, _ m: [[Double]]) -> Color {
        let v = [Color.linear(c.r), Color.linear(c.g), Color.linear(c.b)]
        let o = m.map { row in zip(row, v).reduce(0) { $0 + $1.0 * $1.1 } }
        return Color(r: Color.encoded(o[0]), g: Color.encoded(o[1]), b: Color.encoded(o[2]))
    }

    /// Distinct sides, and the routes one side may have on a map, differ by at least this CIE76
    /// ΔE as seen with normal vision and under each simulated deficiency: apart at a glance for
    /// 2-point lines (a just-noticeable difference is about 2.3).
    static let minimumDeltaE = 12.0

    func testSidesAndRoutesStayApartUnderColourVisionDeficiencies() {
        for theme in BuiltInTheme.allCases {
            let s = theme.style
            let sides = Affiliation.allCases.map { ("side \($0.rawValue)", s.color(of: $0)) }
            // One side's routes: its own colour, then the palette's (RouteColors).
            let routes = [("first route", s.hostile)] + s.routePalette.enumerated().map { ("route \($0.offset + 2)", $0.element) }
            for (group, colors) in [("sides", sides), ("routes", routes)] {
                for (vision, m) in [("normal", [[1.0, 0, 0], [0, 1.0, 0], [0, 0, 1.0]])] + Self.deficiencies {
                    for i in colors.indices { for j in colors.indices where j > i {
                        let a = Self.simulate(colors[i].1, m).lab, b = Self.simulate(colors[j].1, m).lab
                        XCTAssertGreaterThanOrEqual(a.distance(to: b), Self.minimumDeltaE,
                            "\(theme) \(group): \(colors[i].0) and \(colors[j].0) under \(vision): ΔE \(a.distance(to: b))")
                    } }
                }
            }
        }
    }

    func testEveryColourOfTheStyleIsInTheThemesLists() {
        // A colour or text style added to MapStyle must be in the lists the themes change.
        let children = Mirror(reflecting: MapStyle()).children
        XCTAssertEqual(children.filter { $0.value is Color }.count, MapStyle.colorKeyPaths.count)
        XCTAssertEqual(children.filter { $0.value is TextStyle }.count, MapStyle.textKeyPaths.count)
        XCTAssertEqual(Set(MapStyle().textStyles.map(\.size)).isEmpty, false)
    }

    func testPrintColoursLinesAndResolution() {
        let s = BuiltInTheme.print.style
        XCTAssertEqual(s.preferredDPI, 300)
        var colors = MapStyle.colorKeyPaths.map { s[keyPath: $0] } + MapStyle.textKeyPaths.map { s[keyPath: $0].color } + s.routePalette
        colors += s.basemapRules.flatMap { $0.strokes.map(\.color) }
        for c in colors { XCTAssertLessThanOrEqual(c.lab.chroma, BuiltInTheme.printChroma + 0.5, "\(c) chroma \(c.lab.chroma)") }
        // The default has colours a press cannot hold: the theme changed something.
        XCTAssertTrue(MapStyle.colorKeyPaths.contains { MapStyle()[keyPath: $0].lab.chroma > BuiltInTheme.printChroma })
        for k in MapStyle.widthKeyPaths { XCTAssertGreaterThanOrEqual(s[keyPath: k], BuiltInTheme.printHairline) }
        for rule in s.basemapRules {
            for stroke in rule.strokes {
                XCTAssertGreaterThanOrEqual(stroke.width, BuiltInTheme.printHairline, "\(rule.name)")
                if let g = stroke.generalized { XCTAssertGreaterThanOrEqual(stroke.width * g.width, BuiltInTheme.printHairline, "\(rule.name) generalized") }
            }
        }
    }

    func testDarkIsDarkWithLightTextAndMonoIsGrey() {
        let dark = BuiltInTheme.dark.style
        XCTAssertLessThan(dark.ocean.lab.l, 20)
        XCTAssertLessThan(dark.land.lab.l, 25)
        for k in MapStyle.textKeyPaths { XCTAssertGreaterThan(dark[keyPath: k].color.lab.l, 55, "dark text \(k) must read on a dark map") }
        let mono = BuiltInTheme.mono.style
        XCTAssertTrue(mono.sidePatterns)
        for c in MapStyle.colorKeyPaths.map({ mono[keyPath: $0] }) + mono.routePalette { XCTAssertLessThan(c.lab.chroma, 1, "\(c)") }
        // A route's own colour is brought into the theme's rule too.
        let red = Color(hex: "#ff0000")!
        let route = SceneRoute(label: "r", style: .line, affiliation: .hostile, legs: [], color: red)
        XCTAssertEqual(RouteColors.colors(of: [route, route], style: mono), [mono.hostile, mono.routePalette[0]], "mono takes its own greys")
        XCTAssertLessThanOrEqual(RouteColors.colors(of: [route], style: BuiltInTheme.print.style)[0].lab.chroma, BuiltInTheme.printChroma + 0.5)
        XCTAssertEqual(RouteColors.colors(of: [route], style: MapStyle())[0], red)
        let navy = SceneRoute(label: "r", style: .line, affiliation: .hostile, legs: [], color: Color(hex: "#1f2f58")!)
        XCTAssertGreaterThanOrEqual(RouteColors.colors(of: [navy], style: dark)[0].lab.l, 59.5, "a dark route is lightened on the dark ground")
        // Sides hatch differently.
        XCTAssertEqual(Set(Affiliation.allCases.map { SideHatching($0).angles }).count, Affiliation.allCases.count)
    }
}
