import Graphics
import Bindings
import GeoCore
import Symbology

extension SceneRenderer {
    /// A route's label and where it may go: points along its own stretch, and its distance from the line.
    struct RouteLabel {
        var text: String
        var anchors: [Coordinate]
        var gap: Double
    }

    /// Draws every route; returns the leg labels with their anchors, each on a stretch of its
    /// route that no other route shares (so that two routes' labels never land on a common leg).
    func drawRoutes(_ routes: [SceneRoute]) -> [RouteLabel] {
        let colors = RouteColors.colors(of: routes, style: style)
        var drawn: [[[Coordinate]]] = []
        for (i, route) in routes.enumerated() { drawn.append(drawRoute(route, color: colors[i], order: i, of: routes)) }
        // Where another route runs within a few points, a stretch is shared.
        let cell = 6 * pt
        func key(_ c: Coordinate) -> Int64 { Int64(saturating: (c.lon / cell).rounded(.down)) &* 1_000_003 &+ Int64(saturating: (c.lat / cell).rounded(.down)) }
        var owners: [Int64: Set<Int>] = [:]
        for (i, paths) in drawn.enumerated() {
            for p in paths { for c in LabelPlacer.densified(p, step: cell / 2) { owners[key(c), default: []].insert(i) } }
        }
        func distinct(_ c: Coordinate, _ i: Int) -> Bool {
            for dx in -1...1 { for dy in -1...1 {
                let k = key(Coordinate(lon: c.lon + Double(dx) * cell, lat: c.lat + Double(dy) * cell))
                if let o = owners[k], o.contains(where: { $0 != i }) { return false }
            } }
            return true
        }
        var labels: [RouteLabel] = []
        var given = Set<String>()
        for (i, route) in routes.enumerated() {
            // A broad arrow carries its route's label beside it; a line, each leg's.
            let legs: [(String?, [[Coordinate]])] = route.style == .arrow
                ? [(route.label.map { l in route.legs.first?.label.map { $0.hasPrefix(l) ? $0 : "\(l): \($0)" } ?? l }, drawn[i])]
                : route.legs.map { leg in (leg.label, leg.parts.flatMap { painter.paths([.lineString($0.coordinates)]) }) }
            let gap = route.style == .arrow ? style.arrowWidth * 0.6 * pt + 2 * pt : 3 * pt
            for (label, legPaths) in legs {
                guard let text = label else { continue }
                let paths = legPaths.filter(visible)
                // The middle of the longest run of this route's own points; else of the longest path.
                var best: [Coordinate] = [], run: [Coordinate] = []
                for p in paths {
                    for c in LabelPlacer.densified(p, step: cell / 2) {
                        if distinct(c, i) { run.append(c) } else { if length(run) > length(best) { best = run }; run = [] }
                    }
                    if length(run) > length(best) { best = run }
                    run = []
                }
                if length(best) < 20 * pt {
                    // Shared throughout: one label for the shared leg is enough.
                    if given.contains(text) { continue }
                    best = paths.max { length($0) < length($1) } ?? []
                }
                given.insert(text)
                let anchors = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8].compactMap { point(along: best, at: $0) }
                if !anchors.isEmpty { labels.append(RouteLabel(text: text, anchors: anchors, gap: gap)) }
            }
        }
        return labels
    }

    /// Draws a route in `color`; returns its paths in frame units.
    func drawRoute(_ route: SceneRoute, color c: Color, order: Int, of all: [SceneRoute]) -> [[Coordinate]] {
        let routes = RoutePainter(canvas: canvas, style: style, pt: pt)
        var drawnPaths: [[Coordinate]] = []
        if route.style == .arrow {
            let all = route.legs.flatMap { $0.parts.flatMap(\.coordinates) }
            let paths = painter.paths([.lineString(all)])
            if let longest = paths.max(by: { $0.count < $1.count }) {
                routes.broadArrow(longest, color: c)
                content += longest
                routePaths.append((longest, style.arrowWidth * pt))
                drawnPaths.append(longest)
                if visible(longest) { legend.insert(.arrow(route.label ?? MapPhrase.movement.text(language), c)) }
            }
            return drawnPaths
        }
        var shown = false
        for leg in route.legs {
            var last: [Coordinate]?
            for part in leg.parts {
                let paths = painter.paths([.lineString(part.coordinates)])
                let schematicLeg = leg.mode == "air" || leg.mode == "direct"
                routes.stroke(paths, mode: leg.mode, color: c, routed: part.routed || schematicLeg)
                if paths.contains(where: visible) {
                    shown = true
                    if part.routed, let id = NetworkDataset.byMode[leg.mode], !routedDatasets.contains(id) { routedDatasets.append(id) }
                    if part.routed || schematicLeg { legend.insert(.route(leg.mode)) } else if paths.contains(where: { length($0) > 2 * pt }) { legend.insert(.schematic) }
                }
                if let p = paths.last(where: { $0.count >= 2 }) { last = p }
                content += paths.flatMap { $0 }
                routePaths += paths.map { ($0, style.routeWidth * 1.5 * pt) }
                drawnPaths += paths
            }
            if let last, route.style != .link { routes.arrowhead(on: last, color: c, size: 7 * pt) }
        }
        if shown, let label = route.label {
            // The legend names the route with its length and, when it joins the same two places as
            // the first named route (an alternative to it: around the Cape, not through Suez), the difference.
            let km = MapPhrase.km.text(language)
            var text = "\(label) · \(FigureValue.format(route.totalKm.rounded())) \(km)"
            if let first = all.first(where: { $0.style != .arrow && $0.label != nil }), first.label != route.label || first.totalKm != route.totalKm,
               first.totalKm > 0, let a = first.ends, let b = route.ends,
               a.from.greatCircleKm(to: b.from) < 1, a.to.greatCircleKm(to: b.to) < 1 {
                let d = (route.totalKm - first.totalKm).rounded()
                if d != 0 { text += " (\(d > 0 ? "+" : "−")\(FigureValue.format(abs(d))) \(km))" }
            }
            let mode = route.legs.max { $0.parts.reduce(0) { $0 + $1.coordinates.count } < $1.parts.reduce(0) { $0 + $1.coordinates.count } }?.mode ?? "sea"
            legend.insert(.namedRoute(text, c, mode: mode, order: order))
        }
        return drawnPaths
    }
}
