import Foundation
import Graphics
import Bindings
import Cartography
import Scenario

/// House styles: a theme YAML file's keys applied over the default `MapStyle`.
/// Keys are documented in docs/scenario.md ("Themes").
public enum Theme {
    nonisolated(unsafe) static let colors: [String: WritableKeyPath<MapStyle, Color>] = [
        "ocean": \.ocean, "land": \.land, "coastline": \.coastline, "rivers": \.rivers, "country_border": \.countryBorder,
        "rail": \.rail, "road": \.road, "sea_lane": \.seaLane, "hostile": \.hostile, "friendly": \.friendly,
        "neutral": \.neutral, "unknown": \.unknown, "hostile_fill": \.hostileFill, "friendly_fill": \.friendlyFill,
        "neutral_fill": \.neutralFill, "unknown_fill": \.unknownFill, "place_symbol": \.placeSymbol, "port": \.port,
        "training_site": \.trainingSite, "graticule": \.graticule, "panel": \.panel, "panel_border": \.panelBorder, "halo": \.halo,
        "country_border_band": \.countryBorderBand, "context_city": \.contextCity, "other_countries": \.otherCountries,
    ]
    nonisolated(unsafe) static let numbers: [String: WritableKeyPath<MapStyle, Double>] = [
        "coastline_width": \.coastlineWidth, "river_width": \.riverWidth, "country_border_width": \.countryBorderWidth,
        "rail_width": \.railWidth, "road_width": \.roadWidth, "route_width": \.routeWidth, "arrow_width": \.arrowWidth,
        "symbol_size": \.symbolSize, "unit_size": \.unitSize, "halo_width": \.haloWidth, "relief_alpha": \.reliefAlpha,
        "graticule_width": \.graticuleWidth, "major_river_width": \.majorRiverWidth, "country_border_band_width": \.countryBorderBandWidth,
    ]
    nonisolated(unsafe) static let textSizes: [String: WritableKeyPath<MapStyle, TextStyle>] = [
        "title_size": \.title, "subtitle_size": \.subtitle, "capital_label_size": \.capitalLabel, "city_label_size": \.cityLabel,
        "town_label_size": \.townLabel, "unit_label_size": \.unitLabel, "callout_size": \.calloutText, "legend_size": \.legendText,
        "notes_size": \.notes, "country_label_size": \.countryLabel, "region_label_size": \.regionLabel,
        "context_city_label_size": \.contextCityLabel,
    ]

    /// The style of a built-in theme (`default`, `dark`, `print`, `mono`) when `path` names one
    /// and no file of that name exists; else the default style with the theme file applied.
    public static func load(_ path: String) throws -> MapStyle {
        if let builtIn = BuiltInTheme(rawValue: path), !FileManager.default.fileExists(atPath: path) { return builtIn.style }
        guard FileManager.default.fileExists(atPath: path) else {
            throw ScenarioError([ScenarioProblem(SourceLocation(file: path, line: 0, column: 0), field: "theme",
                "no theme file '\(path)' and no built-in theme of that name; built-in themes: \(BuiltInTheme.allCases.map(\.rawValue).joined(separator: ", "))")])
        }
        let file = try ThemeFile.read(path, colorKeys: colors.keys.sorted(), numberKeys: (numbers.keys.sorted() + textSizes.keys.sorted()),
                                      textKeys: ["font_family"], layerRows: MapStyle.basemapRuleNames)
        var style = MapStyle()
        for (name, row) in file.layerRows {
            style.ruleChanges[name] = BasemapRuleChange(color: row.color.flatMap(Color.init(hex:)), width: row.width, dash: row.dash, visible: row.visible)
        }
        for (k, v) in file.colors { style[keyPath: colors[k]!] = Color(hex: v)! }
        for (k, v) in file.numbers {
            if let p = numbers[k] { style[keyPath: p] = v }
            if let p = textSizes[k] { style[keyPath: p].size = max(1, v) }
        }
        if let families = file.texts["font_family"] {
            // A family no installed font has would fall back silently: say so, where it is given.
            let installed = TextLayout.installedFamilies()
            let named = families.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if let missing = named.first(where: { !installed.contains($0) }), let at = file.textLocations["font_family"] {
                let near = installed.sorted().filter { $0.lowercased().hasPrefix(String(missing.lowercased().prefix(4))) }.prefix(5)
                throw ScenarioError([ScenarioProblem(at, field: "theme.font_family", "no installed font is named '\(missing)'"
                    + (near.isEmpty ? "" : " (installed: \(near.joined(separator: ", ")))") + "; install it (fc-list shows what there is) or name another")])
            }
            for p in MapStyle.textKeyPaths { style[keyPath: p].families = families + ", " + TextStyle.defaultFamilies }
        }
        return style
    }
}
