import Graphics
import Bindings
import Foundation
import GeoCore
import Symbology

/// The furniture of a map: title block, legend, scale bar, north arrow and the footer with
/// source notes and attribution. Each piece draws itself on a white panel and returns the box it
/// took, which labels then keep clear of.
struct MapFurniture {
    let canvas: Canvas
    let style: MapStyle
    let frame: MapFrame
    /// The language of its words (`MapPhrase`).
    var language = "en"
    /// User units per point.
    var pt: Double { canvas.surface.dpi / 72 }
    var margin: Double { 8 * pt }

    func panel(_ r: Rect) {
        canvas.withState {
            canvas.newPath()
            canvas.rectangle(r.x, r.y, r.width, r.height)
            canvas.setColor(style.panel)
            canvas.fillPreserve()
            canvas.setColor(style.panelBorder)
            canvas.setLineWidth(0.5 * pt)
            canvas.stroke()
        }
    }

    /// Title, subtitle, date line and markings, top left; wraps within 45 % of the width.
    func titleBlock(title: String?, subtitle: String?, dateLine: String?, markings: String?, draw: Bool = true, warn: (String) -> Void) throws -> Rect? {
        let width = max(frame.width * 0.45, 160 * pt)
        var items: [(TextLayout, Double)] = []
        func add(_ text: String?, _ s: TextStyle, gap: Double) throws {
            guard let text, !text.isEmpty else { return }
            let t = try TextLayout(text, style: s, on: canvas, width: width)
            if t.missingGlyphs > 0 {
                warn("'\(text.prefix(40))' has \(t.missingGlyphs) character(s) that no installed font covers; they show as boxes (install a font for that script, e.g. from fonts-noto)")
            }
            items.append((t, gap))
        }
        try add(markings, style.markings, gap: 2 * pt)
        try add(title, style.title, gap: 2 * pt)
        try add(subtitle, style.subtitle, gap: 2 * pt)
        try add(dateLine, style.subtitle.with(italic: true), gap: 0)
        guard !items.isEmpty else { return nil }
        let pad = 6 * pt
        let w = items.map { $0.0.extents.width }.max()! + 2 * pad
        let h = items.reduce(0) { $0 + $1.0.extents.height + $1.1 } + 2 * pad
        let box = Rect(x: margin, y: margin, width: w, height: h)
        guard draw else { return box }
        panel(box)
        var y = box.y + pad
        for (t, gap) in items {
            t.draw(x: box.x + pad - t.extents.x, y: y)
            y += t.extents.height + gap
        }
        return box
    }

    /// The footer band across the bottom: numbered sources and notes on the left, attribution on
    /// the right.
    func footer(notes: String, attribution: String, draw: Bool = true) throws -> Rect {
        let pad = 4 * pt
        let left = notes.isEmpty ? nil : try TextLayout(notes, style: style.notes, on: canvas, width: frame.width * 0.62 - 2 * pad)
        let right = try TextLayout(attribution, style: style.attribution, on: canvas, width: frame.width * 0.34 - 2 * pad, alignment: .right)
        let h = max(left?.extents.height ?? 0, right.extents.height) + 2 * pad
        let box = Rect(x: 0, y: frame.height - h, width: frame.width, height: h)
        guard draw else { return box }
        canvas.withState {
            canvas.newPath()
            canvas.rectangle(box.x, box.y, box.width, box.height)
            canvas.setColor(style.panel)
            canvas.fill()
            canvas.setColor(style.panelBorder)
            canvas.setLineWidth(0.5 * pt)
            canvas.move(to: 0, box.y)
            canvas.line(to: frame.width, box.y)
            canvas.stroke()
        }
        left?.draw(x: pad, y: box.y + pad)
        let re = right.extents
        right.draw(x: frame.width - pad - frame.width * 0.34 + 2 * pad + (frame.width * 0.34 - 2 * pad - re.width) - re.x, y: box.y + pad)
        return box
    }

    /// The legend's layout: texts, row height, width and height; nil when empty.
    private func legendLayout(_ items: [LegendItem]) throws -> (layouts: [TextLayout], rowH: Double, w: Double, h: Double)? {
        guard !items.isEmpty else { return nil }
        let pad = 5 * pt, sw = 20 * pt, gap = 4 * pt
        let layouts = try items.map { try TextLayout($0.text(in: language), style: style.legendText, on: canvas) }
        let rowH = max(11 * pt, layouts.map { $0.extents.height }.max()! + 2 * pt)
        return (layouts, rowH, sw + gap + layouts.map { $0.extents.width }.max()! + 2 * pad, rowH * Double(items.count) + 2 * pad)
    }

    /// The legend's width and height.
    func legendSize(_ items: [LegendItem]) throws -> (Double, Double)? {
        try legendLayout(items).map { ($0.w, $0.h) }
    }

    /// The legend in a panel with its bottom-left corner at (x, bottom).
    func legend(_ items: [LegendItem], x: Double, bottom: Double, swatch: (LegendItem, Rect) throws -> Void) throws -> Rect? {
        guard let (layouts, rowH, w, h) = try legendLayout(items) else { return nil }
        let pad = 5 * pt, sw = 20 * pt, gap = 4 * pt
        let box = Rect(x: x, y: bottom - h, width: w, height: h)
        panel(box)
        for (i, (item, t)) in zip(items, layouts).enumerated() {
            let y = box.y + pad + rowH * Double(i)
            try swatch(item, Rect(x: box.x + pad, y: y, width: sw, height: rowH))
            t.draw(x: box.x + pad + sw + gap - t.extents.x, y: y + (rowH - t.extents.height) / 2)
        }
        return box
    }

    /// Kilometres per user unit along the horizontal through the frame's centre, geodesic.
    func kilometresPerUnit() -> Double? {
        let cx = frame.width / 2, cy = frame.height / 2
        let span = frame.width * 0.1
        let a = frame.unproject(x: cx - span / 2, y: cy), b = frame.unproject(x: cx + span / 2, y: cy)
        guard let a, let b else { return nil }
        return Geodesic().distance(a, b) / 1000 / span
    }

    /// A scale bar true at the map centre, with a north arrow beside it, above `bottom`: its left
    /// edge at `x` when given, else its right edge at `right`.
    func scaleBar(x: Double? = nil, right: Double, bottom: Double) throws -> Rect? {
        guard let kmPerUnit = kilometresPerUnit(), kmPerUnit > 0 else { return nil }
        let target = frame.width * 0.16 * kmPerUnit
        let power = pow(10, floor(log10(target)))
        let km = [1.0, 2, 2.5, 5, 10].map { $0 * power }.last { $0 <= target } ?? power
        let len = km / kmPerUnit
        let label = try TextLayout("\(FigureValue.format(km)) \(MapPhrase.km.text(language))", style: style.legendText, on: canvas)
        let zero = try TextLayout("0", style: style.legendText, on: canvas)
        let note = try TextLayout(MapPhrase.scaleTrue.text(language), style: style.notes, on: canvas)
        let pad = 5 * pt, barH = 3.5 * pt, north = 22 * pt
        let w = max(len + label.extents.width / 2, note.extents.width) + 2 * pad + north + 6 * pt
        let h = label.extents.height + barH + note.extents.height + 2 * pad + 3 * pt
        let box = Rect(x: x ?? right - w, y: bottom - h, width: w, height: h)
        panel(box)
        let x0 = box.x + pad, yBar = box.y + pad + label.extents.height + 1 * pt
        zero.draw(x: x0 - zero.extents.width / 2, y: box.y + pad)
        label.draw(x: x0 + len - label.extents.width / 2, y: box.y + pad)
        canvas.withState {
            canvas.setLineWidth(0.6 * pt)
            for i in 0..<4 {
                canvas.newPath()
                canvas.rectangle(x0 + len * Double(i) / 4, yBar, len / 4, barH)
                canvas.setColor(i % 2 == 0 ? style.ink : style.panel.withAlpha(1))
                canvas.fillPreserve()
                canvas.setColor(style.ink)
                canvas.stroke()
            }
        }
        note.draw(x: x0, y: yBar + barH + 2 * pt)
        try northArrow(x: box.maxX - pad - north / 2, y: box.y + box.height / 2, size: north * 0.8)
        return box
    }

    /// An arrow pointing to true north at (x, y) (meridians converge in conic projections), or,
    /// off the projection's domain, as at the map's centre.
    func northArrow(x: Double, y: Double, size: Double) throws {
        // Off the projection's domain (the corner of a world map), north as at the map's centre.
        let angle = frame.northAngle(x: x, y: y) ?? frame.northAngle(x: frame.width / 2, y: frame.height / 2) ?? 0
        let n = try TextLayout(MapPhrase.north.text(language), style: style.legendText.with(bold: true), on: canvas)
        canvas.withState {
            canvas.translate(x, y)
            canvas.rotate(angle)
            canvas.newPath()
            canvas.move(to: 0, -size / 2 + n.extents.height * 0.6)
            canvas.line(to: size * 0.22, size / 2)
            canvas.line(to: 0, size * 0.3)
            canvas.line(to: -size * 0.22, size / 2)
            canvas.closePath()
            canvas.setColor(style.ink)
            canvas.fill()
        }
        n.draw(x: x - n.extents.width / 2, y: y - size / 2 - n.extents.height * 0.5)
    }
}

extension TextStyle {
    /// The same style, bold or italic.
    public func with(bold: Bool? = nil, italic: Bool? = nil, size: Double? = nil, color: Color? = nil) -> TextStyle {
        var s = self
        if let bold { s.bold = bold }
        if let italic { s.italic = italic }
        if let size { s.size = size }
        if let color { s.color = color }
        return s
    }
}

extension MapFrame {
    /// The lon/lat under a frame point, or nil off the projection's domain: where the inverse
    /// fails, or answers with a place that the forward projection does not bring back within a
    /// pixel (past the outline of a world map, where some inverses answer all the same).
    public func unproject(x: Double, y: Double) -> Coordinate? {
        unproject([(x, y)])[0]
    }

    /// `unproject(x:y:)` of many frame points in one call to PROJ each way.
    public func unproject(_ points: [(x: Double, y: Double)]) -> [Coordinate?] {
        inverse(points.map { Coordinate(lon: minX + $0.x * unitsPerPixel, lat: maxY - $0.y * unitsPerPixel) })
    }

    /// The direction of true north at a frame point, in radians clockwise from up; nil off the
    /// projection's domain.
    public func northAngle(x: Double, y: Double) -> Double? {
        guard let here = unproject(x: x, y: y),
              let up = frame([Coordinate(lon: here.lon, lat: min(89.9, here.lat + 0.05))]).first else { return nil }
        return atan2(up.lon - x, y - up.lat)
    }
}
