import Graphics
import Bindings
import Foundation
import GeoCore
import PosixBindings
import DataCatalog
import Symbology

/// What drawing a scene produced: every label and callout box placed, what had no room, the
/// legend and the attribution, for reports and tests.
public struct MapReport: Sendable {
    public var labels: [LabelPlacer.Placement] = []
    public var dropped: [String] = []
    /// The places whose symbols were drawn (each labelled), by label.
    public var symbols: [String] = []
    /// The bands the title block and the footer took at the top and bottom, in user units.
    public var band: (top: Double, bottom: Double) = (0, 0)
    /// The routes as drawn, in the map's user units, with each line's width: what labels keep off.
    public var routes: [(path: [Coordinate], width: Double)] = []
    public var legend: [String] = []
    public var attribution = ""
    public var warnings: [String] = []
    /// Where the inset map was drawn, in user units; nil for a map without one.
    public var inset: Rect?
}

/// The data folder's dataset of each routed mode's network (for attributions).
public enum NetworkDataset {
    public static let byMode = ["sea": "sea", "rail": "rail", "road": "road"]
}

/// Draws a `MapScene` over a basemap already on the canvas: graticule, areas, routes, symbols,
/// then the furniture, then labels and callouts placed clear of each other and of the furniture.
final class SceneRenderer {
    let data: DataDirectory
    let style: MapStyle
    let canvas: Canvas
    let frame: MapFrame
    let painter: GeometryPainter
    let placer: LabelPlacer
    var pt: Double { canvas.surface.dpi / 72 }
    var legend = Set<LegendItem>()
    private var warnings: [String] = []
    /// Frame points of what the map shows (route vertices, symbols), to keep the legend off them.
    var content: [Coordinate] = []
    /// The networks (dataset ids) of the routed legs drawn, for the attribution.
    var routedDatasets: [String] = []
    /// The scene's language, for the words the map adds.
    var language = "en"
    /// The routes' lines in frame units, which labels keep off.
    var routePaths: [(path: [Coordinate], width: Double)] = []

    let cache: ProjectedLayerCache?
    /// Threads the inset's basemap is drawn on.
    let threads: Threads

    init(data: DataDirectory, style: MapStyle, canvas: Canvas, frame: MapFrame, cache: ProjectedLayerCache? = nil, threads: Threads = .allCores) {
        self.cache = cache
        self.threads = threads
        self.data = data
        self.style = style
        self.canvas = canvas
        self.frame = frame
        // Thinned by a tolerance in points, not pixels: the routes, which labels keep off, then
        // have the same vertices in PNG, PDF and SVG, and so do the labels' places.
        var painter = GeometryPainter(frame: frame, canvas: canvas)
        painter.tolerance = 0.35 * canvas.surface.dpi / 72
        self.painter = painter
        placer = LabelPlacer(bounds: Rect(x: 0, y: 0, width: frame.width, height: frame.height).insetBy(2 * canvas.surface.dpi / 72))
    }

    /// Draws `scene`; `reference` holds the basemap's names when they were read ahead.
    /// `inset`, when given, is the inset map started ahead (`InsetMap.start`).
    func draw(_ scene: MapScene, basemapDatasets: [String], reference pending: ReferenceLabelReader.Pending? = nil,
              inset started: InsetMap? = nil) throws -> MapReport {
        placer.plan = scene.plan?.scaled(by: pt)
        language = scene.language
        painter.stroke(Graticule.lines(covering: frame.coveringBox), color: style.graticule, width: style.graticuleWidth * pt)
        for area in scene.areas { drawArea(area) }
        let legLabels = drawRoutes(scene.routes)
        // No label may cross a route.
        for (path, width) in routePaths { placer.block(path: path, width: width, clearEnds: style.symbolSize * pt) }
        let symbols = Symbols(canvas: canvas, style: style, pt: pt)
        let points = scene.points.enumerated().compactMap { i, p -> (Int, ScenePoint, Coordinate)? in
            guard let at = inFrame(p.coordinate) else { return nil }
            return (i, p, at)
        }
        // A place's symbol is drawn once its label is placed: a dropped label leaves no symbol
        // without a name (its room is kept all the same).
        for (_, p, at) in points {
            content.append(at)
            placer.block(symbols.box(x: at.lon, y: at.lat))
            legend.insert(.place(p.symbol))
        }
        var labelled = Set<Int>()

        // Furniture, so that labels keep clear of it.
        var furniture = MapFurniture(canvas: canvas, style: style, frame: frame)
        furniture.language = scene.language
        if let t = try furniture.titleBlock(title: scene.title, subtitle: scene.subtitle, dateLine: scene.dateLine,
                                           markings: scene.markings, warn: { self.warnings.append($0) }) {
            placer.block(t)
        }
        var datasets = basemapDatasets
        let trace = RenderTrace()
        let reference = !scene.reference ? [] : try pending?.wait()
            ?? ReferenceLabelReader(data: data).labels(for: frame, pointsAcross: frame.width / pt, language: scene.language,
                                                       storyPoints: scene.storyPoints)
        trace.mark("reference labels: read \(reference.count)")
        if !reference.isEmpty { datasets.append("labels") }
        // Straits are named where the sea-lane data marks them.
        if reference.contains(where: { $0.kind == .passage }), !datasets.contains("sea") { datasets.append("sea") }
        // A routed leg credits the network it follows, drawn or not.
        for id in routedDatasets where !datasets.contains(id) { datasets.append(id) }
        // The inset is credited and kept clear now, and drawn last, over the map: its layers are
        // read on the other core meanwhile (the footer and labels need not wait for them).
        var inset: (map: InsetMap, box: Rect)?
        if scene.inset {
            let box = InsetMap.box(main: frame, pt: pt, margin: furniture.margin)
            let map = started ?? InsetMap(data: data, style: style, canvas: canvas, cache: cache, threads: threads)
            for id in try map.datasets(in: box, main: frame) where !datasets.contains(id) {
                datasets.append(id)
            }
            placer.block(box.insetBy(-2 * pt))
            inset = (map, box)
        }
        let notes = SceneRenderer.footerNotes(scene)
        let attribution = try data.manifest().attribution(of: datasets)
        let footer = try furniture.footer(notes: notes, attribution: attribution)
        placer.block(footer)
        // The legend goes to the bottom corner that hides less of the map; the scale bar to the other.
        for u in scene.units where inFrame(u.coordinate) != nil { legend.insert(.unit(u.affiliation)) }
        if !scene.callouts.isEmpty { legend.insert(.callout) }
        let items = LegendItem.areasToldApart(legend).sorted()
        content += scene.units.compactMap { inFrame($0.coordinate) } + scene.callouts.compactMap { inFrame($0.anchor) }
        let bottom = footer.y - furniture.margin
        // Its room is kept for every entry; it is drawn once the labels are placed, without the
        // kinds of place none of whose symbols is drawn (a place is drawn only with its label).
        var legendOnLeft = true
        if let (w, h) = try furniture.legendSize(items) {
            let left = Rect(x: furniture.margin, y: bottom - h, width: w, height: h)
            let right = Rect(x: frame.width - furniture.margin - w, y: bottom - h, width: w, height: h)
            legendOnLeft = covered(left) <= covered(right)
            placer.block(legendOnLeft ? left : right)
        }
        if let s = try furniture.scaleBar(x: legendOnLeft ? nil : furniture.margin, right: frame.width - furniture.margin, bottom: bottom) {
            placer.block(s)
        }

        // What the scenario keeps comes first, on a leader if need be; no room for it is an error.
        for (i, p, at) in points where p.keep != nil {
            guard try label(p, at: at, leader: 6) else { throw MapError.noRoomToKeep(p.label, p.keep!) }
            labelled.insert(i)
        }
        for c in scene.callouts where c.keep != nil {
            guard try drawCallout(c) else { throw MapError.noRoomToKeep(c.heading, c.keep!) }
        }

        // Units before labels: their symbols take the best spots near their places.
        for u in scene.units { try drawUnit(u, symbols: symbols) }

        let ranked = points.sorted { ($0.1.priority, -$0.0) > ($1.1.priority, -$1.0) }
        // Major places and the places figures point at first; callouts can go out on leaders.
        let anchors = Set(scene.callouts.map { "\($0.anchor.lon),\($0.anchor.lat)" })
        let first = ranked.filter { $0.1.keep == nil && ($0.1.priority >= 70 || anchors.contains("\($0.1.coordinate.lon),\($0.1.coordinate.lat)")) }
        for (i, p, at) in first where try label(p, at: at) { labelled.insert(i) }
        for c in scene.callouts.sorted(by: { $0.priority > $1.priority }) where c.keep == nil { try drawCallout(c) }
        let firstIndices = Set(first.map(\.0))
        for (i, p, at) in ranked where !firstIndices.contains(i) && p.keep == nil {
            if try label(p, at: at) { labelled.insert(i) }
        }
        var symbolsDrawn: [String] = []
        for (i, p, at) in points where labelled.contains(i) {
            symbols.place(p.symbol, x: at.lon, y: at.lat)
            symbolsDrawn.append(p.label)
        }
        let shown = Set(points.filter { labelled.contains($0.0) }.map(\.1.symbol))
        let legendItems = items.filter { item in
            if case .place(let symbol) = item { return shown.contains(symbol) }
            return true
        }
        if let (w, _) = try furniture.legendSize(legendItems) {
            _ = try furniture.legend(legendItems, x: legendOnLeft ? furniture.margin : frame.width - furniture.margin - w, bottom: bottom,
                                     swatch: drawSwatch)
        }
        for a in scene.annotations { try drawAnnotation(a) }
        // The countries the story's places lie in are named before the route labels, which can move.
        let storyCountries = reference.filter(\.story)
        try drawReferenceLabels(storyCountries, storyPoints: points.map(\.2))
        for routeLabel in legLabels {
            let (text, anchors, gap) = (routeLabel.text, routeLabel.anchors, routeLabel.gap)
            // Along the route's own stretch, from its middle outwards, next to the line, never on it.
            let t = try layout(text, style.legLabel)
            let e = t.extents
            for at in anchors {
                guard let spot = placer.place(text, width: e.width, height: e.height, x: at.lon, y: at.lat, gap: gap,
                                              required: at == anchors.last) else { continue }
                t.draw(x: spot.box.x - e.x, y: spot.box.y - e.y, halo: style.halo, haloWidth: style.haloWidth * pt)
                break
            }
        }
        for area in scene.areas {
            guard let text = area.label, let ring = area.polygons.first?.first,
                  let c = BoundingBox(enclosing: ring)?.center, let at = inFrame(c) else { continue }
            try placeText(text, style: style.townLabel.with(italic: true), x: at.lon, y: at.lat, gap: 2 * pt, leader: 3)
        }
        trace.mark("story labels")
        try drawReferenceLabels(reference.filter { !$0.story }, storyPoints: points.map(\.2))
        trace.mark("reference labels: placed")
        if let inset { try inset.map.draw(in: inset.box, main: frame) }
        try canvas.check("draw scene")
        return MapReport(labels: placer.placed, dropped: placer.dropped, symbols: symbolsDrawn, routes: routePaths, legend: legendItems.map { $0.text(in: scene.language) },
                         attribution: attribution, warnings: warnings, inset: inset?.box)
    }

    /// The frame position of a lon/lat point, when inside the frame.
    func inFrame(_ c: Coordinate) -> Coordinate? {
        guard let p = frame.frame([c]).first, p.lon >= 0, p.lat >= 0, p.lon <= frame.width, p.lat <= frame.height else { return nil }
        return p
    }

    /// The footer's left text: numbered sources and the places not shown.
    static func footerNotes(_ scene: MapScene) -> String {
        var notes = scene.sourceNotes.isEmpty ? "" : MapPhrase.sources.text(scene.language) + " " + scene.sourceNotes.joined(separator: "  ")
        if !scene.unlocated.isEmpty {
            notes += (notes.isEmpty ? "" : "\n") + "\(MapPhrase.notShown.text(scene.language)) \(scene.unlocated.joined(separator: ", "))."
        }
        return notes
    }

    /// Space the title block takes at the top and the footer at the bottom of a `w` x `h` map,
    /// so that the map's items can be fitted between them.
    static func reservedBand(_ scene: MapScene, style: MapStyle, canvas: Canvas, provisional: MapFrame) throws -> (top: Double, bottom: Double) {
        let f = MapFurniture(canvas: canvas, style: style, frame: provisional)
        let top = try f.titleBlock(title: scene.title, subtitle: scene.subtitle, dateLine: scene.dateLine, markings: scene.markings,
                                   draw: false, warn: { _ in })?.maxY ?? 0
        let bottom = try f.footer(notes: footerNotes(scene), attribution: "Natural Earth · GSHHG (Wessel & Smith) · © OpenStreetMap contributors", draw: false).height
        // Never more than half the height between them.
        let cap = provisional.height * 0.25
        return (min(top + f.margin, cap), min(bottom + f.margin, cap))
    }

    /// How many content points fall inside `r`.
    private func covered(_ r: Rect) -> Int {
        content.reduce(0) { $0 + ($1.lon >= r.x && $1.lon <= r.maxX && $1.lat >= r.y && $1.lat <= r.maxY ? 1 : 0) }
    }

    /// Whether any point of a frame path lies inside the frame.
    func visible(_ path: [Coordinate]) -> Bool {
        path.contains { $0.lon >= 0 && $0.lat >= 0 && $0.lon <= frame.width && $0.lat <= frame.height }
    }

    func color(_ a: Affiliation) -> Color { Symbols(canvas: canvas, style: style, pt: pt).frameColors(a).line }

    private func drawArea(_ area: SceneArea) {
        let geometry = Geometry.multiPolygon(area.polygons)
        let c = color(area.affiliation)
        let paths = painter.paths([geometry])
        if style.sidePatterns {
            hatch(paths, SideHatching(area.affiliation), color: c)
        } else {
            canvas.setColor(c.withAlpha(0.16))
            painter.fill([geometry])
        }
        painter.stroke([geometry], color: c, width: 1.2 * pt, dash: area.approximate ? [4 * pt, 2.5 * pt] : [])
        if paths.contains(where: visible) { legend.insert(.area(approximate: area.approximate, c, area.affiliation, label: area.label)) }
    }

    /// Fills the closed frame `paths` with `hatching`'s lines in `color`, clipped to them.
    func hatch(_ paths: [[Coordinate]], _ hatching: SideHatching, color: Color) {
        guard let box = BoundingBox(enclosing: paths.flatMap { $0 }) else { return }
        canvas.withState {
            canvas.newPath()
            for p in paths { canvas.addPath(p, closed: true) }
            canvas.setEvenOddFill(true)
            canvas.clip()
            canvas.newPath()
            let spacing = hatching.spacing * pt
            let diagonal = (box.width * box.width + box.height * box.height).squareRoot()
            let (cx, cy) = (box.center.lon, box.center.lat)
            for angle in hatching.angles {
                let (dx, dy) = (cos(angle * .pi / 180), sin(angle * .pi / 180))
                var offset = -diagonal / 2
                while offset <= diagonal / 2 {
                    // A line through the centre's offset point, across the whole box.
                    let (px, py) = (cx - dy * offset, cy + dx * offset)
                    canvas.move(to: px - dx * diagonal, py - dy * diagonal)
                    canvas.line(to: px + dx * diagonal, py + dy * diagonal)
                    offset += spacing
                }
            }
            canvas.setColor(color.withAlpha(0.7))
            canvas.setLineWidth(0.5 * pt)
            canvas.stroke()
        }
    }

    private func drawUnit(_ u: SceneUnit, symbols: Symbols) throws {
        guard let at = inFrame(u.coordinate) else { return }
        let h = style.unitSize * pt
        let size = (w: h * 1.6, h: h * 2.3)
        guard let spot = placer.place(u.name, width: size.w, height: size.h, x: at.lon, y: at.lat, gap: h * 0.5, leader: 4) else { return }
        let cx = spot.box.x + size.w / 2, cy = spot.box.y + h * 1.45
        canvas.withState {
            canvas.newPath()
            canvas.move(to: at.lon, at.lat)
            let (nx, ny) = nearestPoint(of: spot.box, to: at.lon, at.lat)
            canvas.line(to: nx, ny)
            canvas.setColor(style.ink)
            canvas.setLineWidth(0.7 * pt)
            canvas.stroke()
        }
        try symbols.unit(affiliation: u.affiliation, type: u.type, echelon: u.echelon, x: cx, y: cy)
        legend.insert(.unit(u.affiliation))
        let text = [u.name, u.strength].compactMap { $0 }.joined(separator: "\n")
        try placeText(text, style: style.unitLabel, x: cx, y: cy, gap: size.w / 2 + 2 * pt, leader: 0)
    }

    /// Labels a place; false when it found no room.
    @discardableResult
    private func label(_ p: ScenePoint, at: Coordinate, leader: Int = 0) throws -> Bool {
        let s: TextStyle
        switch p.symbol {
        case .capital: s = style.capitalLabel
        case .city, .port, .training, .base: s = style.cityLabel
        default: s = style.townLabel
        }
        return try placeText(p.label, style: s, x: at.lon, y: at.lat, gap: style.symbolSize * pt * 1.6 + 1 * pt, leader: leader)
    }

    /// Lays out and places a text next to (x, y); draws it with a halo when it fits.
    @discardableResult
    func placeText(_ text: String, style s: TextStyle, x: Double, y: Double, gap: Double, leader: Int) throws -> Bool {
        let t = try layout(text, s)
        let e = t.extents
        guard let spot = placer.place(text, width: e.width, height: e.height, x: x, y: y, gap: gap, leader: leader) else { return false }
        if spot.leaderFrom != nil { leaderLine(from: x, y, to: spot.box) }
        t.draw(x: spot.box.x - e.x, y: spot.box.y - e.y, halo: style.halo, haloWidth: style.haloWidth * pt)
        return true
    }

    func layout(_ text: String, _ s: TextStyle) throws -> TextLayout {
        let t = try TextLayout(text, style: s, on: canvas)
        if t.missingGlyphs > 0 {
            warnings.append("'\(text.prefix(40))' has \(t.missingGlyphs) character(s) that no installed font covers; they show as boxes (install a font for that script, e.g. from fonts-noto)")
        }
        return t
    }

    func leaderLine(from x: Double, _ y: Double, to box: Rect) {
        let (nx, ny) = nearestPoint(of: box, to: x, y)
        canvas.withState {
            canvas.newPath()
            canvas.move(to: x, y)
            canvas.line(to: nx, ny)
            canvas.setColor(Color(hex: "#333333")!)
            canvas.setLineWidth(0.6 * pt)
            canvas.stroke()
            canvas.newPath()
            canvas.circle(x, y, radius: 1.3 * pt)
            canvas.fill()
        }
    }

    /// Draws a callout; false when it found no room (a callout whose anchor is off the map needs none).
    @discardableResult
    private func drawCallout(_ c: SceneCallout) throws -> Bool {
        guard let at = inFrame(c.anchor) else { return true }
        let head = try layout(c.heading, style.calloutHeading)
        let body = try layout(c.lines.joined(separator: "\n"), style.calloutText)
        let pad = 3 * pt
        let w = max(head.extents.width, body.extents.width) + 2 * pad
        let h = head.extents.height + body.extents.height + 2 * pad + 1 * pt
        guard let spot = placer.place(c.heading, width: w, height: h, x: at.lon, y: at.lat, gap: 8 * pt, leader: 8) else {
            warnings.append("no room for the callout '\(c.heading)': it is left off this map (the figures stay in tables); try a larger view")
            return false
        }
        leaderLine(from: at.lon, at.lat, to: spot.box)
        MapFurniture(canvas: canvas, style: style, frame: frame).panel(spot.box)
        canvas.withState {
            canvas.newPath()
            canvas.rectangle(spot.box.x, spot.box.y, 2 * pt, spot.box.height)
            canvas.setColor(style.hostile)
            canvas.fill()
        }
        head.draw(x: spot.box.x + pad - head.extents.x, y: spot.box.y + pad)
        body.draw(x: spot.box.x + pad - body.extents.x, y: spot.box.y + pad + head.extents.height + 1 * pt)
        return true
    }

    /// The small picture of a legend entry, drawn in `r`.
    private func drawSwatch(_ item: LegendItem, in r: Rect) throws {
        let cx = r.x + r.width / 2, cy = r.y + r.height / 2
        let symbols = Symbols(canvas: canvas, style: style, pt: pt)
        let line = [Coordinate(lon: r.x + 1 * pt, lat: cy), Coordinate(lon: r.maxX - 1 * pt, lat: cy)]
        let routes = RoutePainter(canvas: canvas, style: style, pt: pt)
        switch item {
        case .place(let k): symbols.place(k, x: cx, y: cy)
        case .unit(let a):
            try canvas.withState {
                canvas.translate(cx, cy)
                canvas.scale(0.6, 0.6)
                canvas.translate(-cx, -cy)
                try symbols.unit(affiliation: a, type: .unspecified, echelon: nil, x: cx, y: cy)
            }
        // A mode's entry shows its line style in a neutral colour: the routes' own colours are theirs.
        case .route(let mode): routes.stroke([line], mode: mode, color: style.legendText.color, routed: true)
        case .namedRoute(_, let c, let mode, _): routes.stroke([line], mode: mode, color: c, routed: true)
        case .schematic: routes.stroke([line], mode: "rail", color: style.legendText.color, routed: false)
        case .arrow(_, let c):
            var s = style
            s.arrowWidth = min(style.arrowWidth, r.height / pt * 0.7)
            RoutePainter(canvas: canvas, style: s, pt: pt).broadArrow(line, color: c)
        case .area(let approx, let c, let side, _):
            let (x0, y0, x1, y1) = (r.x + 2 * pt, r.y + 2 * pt, r.maxX - 2 * pt, r.maxY - 2 * pt)
            if style.sidePatterns {
                hatch([[Coordinate(lon: x0, lat: y0), Coordinate(lon: x1, lat: y0), Coordinate(lon: x1, lat: y1), Coordinate(lon: x0, lat: y1)]],
                      SideHatching(side), color: c)
            }
            canvas.withState {
                canvas.newPath()
                canvas.rectangle(x0, y0, x1 - x0, y1 - y0)
                canvas.setColor(c.withAlpha(style.sidePatterns ? 0 : 0.16))
                canvas.fillPreserve()
                canvas.setColor(c)
                canvas.setLineWidth(1.0 * pt)
                canvas.setDash(approx ? [3 * pt, 2 * pt] : [])
                canvas.stroke()
            }
        case .callout:
            canvas.withState {
                canvas.newPath()
                canvas.rectangle(r.x + 5 * pt, r.y + 1.5 * pt, r.width - 6 * pt, r.height - 3 * pt)
                canvas.setColor(style.panel)
                canvas.fillPreserve()
                canvas.setColor(style.panelBorder)
                canvas.setLineWidth(0.5 * pt)
                canvas.stroke()
                canvas.newPath()
                canvas.rectangle(r.x + 5 * pt, r.y + 1.5 * pt, 2 * pt, r.height - 3 * pt)
                canvas.setColor(style.hostile)
                canvas.fill()
            }
        }
    }
}
