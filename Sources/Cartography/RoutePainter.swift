import Graphics
import Bindings
import Foundation
import GeoCore

/// Draws routes in frame coordinates: each mode in its own line (sea dashed, rail with
/// cross-ticks, road solid, air dotted), schematic stretches finely dotted, arrowheads at leg
/// ends; or one broad curved deployment arrow as on operational maps.
struct RoutePainter {
    let canvas: Canvas
    let style: MapStyle
    let pt: Double

    /// Line pattern of a mode, in points.
    static func dash(for mode: String) -> [Double] {
        switch mode {
        case "sea": return [6, 3]
        case "air": return [0.1, 3]
        case "direct": return [5, 2, 1, 2]
        default: return []
        }
    }

    /// Strokes one mode's paths: a white casing, then the line in `color`, then rail ticks.
    func stroke(_ paths: [[Coordinate]], mode: String, color: Color, routed: Bool) {
        let w = style.routeWidth * pt * (routed ? 1 : 0.75)
        let dash = routed ? RoutePainter.dash(for: mode).map { $0 * pt } : [0.1 * pt, 2.6 * pt]
        canvas.withState {
            canvas.setLineJoin(.round)
            canvas.setLineCap(.round)
            canvas.setColor(style.halo.withAlpha(0.85))
            canvas.setLineWidth(w + 2 * pt)
            addPaths(paths)
            canvas.stroke()
            canvas.setColor(color)
            canvas.setLineWidth(w)
            canvas.setDash(dash)
            addPaths(paths)
            canvas.stroke()
            if routed && mode == "rail" {
                canvas.setDash([])
                canvas.setLineWidth(w * 0.6)
                canvas.setLineCap(.butt)
                for p in paths { ticks(along: p, every: 9 * pt, length: 3.2 * pt + w) }
                canvas.stroke()
            }
        }
    }

    private func addPaths(_ paths: [[Coordinate]]) {
        canvas.newPath()
        for p in paths where p.count >= 2 { canvas.addPath(p, closed: false) }
    }

    /// Short strokes across a line every `spacing` user units (the railway sign).
    private func ticks(along path: [Coordinate], every spacing: Double, length: Double) {
        var carried = spacing / 2
        for (a, b) in zip(path, path.dropFirst()) {
            let dx = b.lon - a.lon, dy = b.lat - a.lat
            let len = (dx * dx + dy * dy).squareRoot()
            guard len > 0 else { continue }
            var t = carried
            while t < len {
                let x = a.lon + dx * t / len, y = a.lat + dy * t / len
                let nx = -dy / len * length / 2, ny = dx / len * length / 2
                canvas.move(to: x - nx, y - ny)
                canvas.line(to: x + nx, y + ny)
                t += spacing
            }
            carried = t - len
        }
    }

    /// A filled arrowhead at the end of `path`, pointing along its last stretch.
    func arrowhead(on path: [Coordinate], color: Color, size: Double) {
        guard let tip = path.last, let back = point(before: path, distance: size) else { return }
        let dx = tip.lon - back.lon, dy = tip.lat - back.lat
        let len = max((dx * dx + dy * dy).squareRoot(), 1e-9)
        let ux = dx / len, uy = dy / len
        canvas.withState {
            canvas.newPath()
            canvas.move(to: tip.lon, tip.lat)
            canvas.line(to: tip.lon - ux * size - uy * size * 0.45, tip.lat - uy * size + ux * size * 0.45)
            canvas.line(to: tip.lon - ux * size + uy * size * 0.45, tip.lat - uy * size - ux * size * 0.45)
            canvas.closePath()
            canvas.setColor(color)
            canvas.fillPreserve()
            canvas.setColor(style.halo)
            canvas.setLineWidth(0.6 * pt)
            canvas.stroke()
        }
    }

    /// The point `distance` back along the path from its end.
    private func point(before path: [Coordinate], distance: Double) -> Coordinate? {
        var left = distance
        for (b, a) in zip(path.reversed(), path.reversed().dropFirst()) {
            let dx = b.lon - a.lon, dy = b.lat - a.lat
            let len = (dx * dx + dy * dy).squareRoot()
            if len >= left { return Coordinate(lon: b.lon - dx * left / len, lat: b.lat - dy * left / len) }
            left -= len
        }
        return path.count >= 2 ? path.first : nil
    }

    /// One broad curved arrow along `path` (frame coordinates): the line smoothed, a band that
    /// widens from tail to head, a head of twice its width.
    func broadArrow(_ path: [Coordinate], color: Color) {
        let width = style.arrowWidth * pt
        let diagonal = (canvas.surface.width * canvas.surface.width + canvas.surface.height * canvas.surface.height).squareRoot()
        var line = thinned(path, tolerance: diagonal * 0.02)
        guard line.count >= 2 else { return }
        for _ in 0..<3 { line = chaikin(line) }
        let headLength = width * 1.6
        guard let neck = point(before: line, distance: headLength) else { return }
        // Cut the band at the neck.
        var body: [Coordinate] = []
        var travelled = 0.0
        let total = length(line)
        for (i, p) in line.enumerated() {
            if i > 0 { travelled += hypot(p.lon - line[i - 1].lon, p.lat - line[i - 1].lat) }
            if travelled >= total - headLength { break }
            body.append(p)
        }
        body.append(neck)
        guard body.count >= 2, let tip = line.last else { return }
        var left: [Coordinate] = [], right: [Coordinate] = []
        var run = 0.0
        let bodyLength = max(length(body), 1e-9)
        for (i, p) in body.enumerated() {
            if i > 0 { run += hypot(p.lon - body[i - 1].lon, p.lat - body[i - 1].lat) }
            let a = body[max(0, i - 1)], b = body[min(body.count - 1, i + 1)]
            let dx = b.lon - a.lon, dy = b.lat - a.lat
            let len = max(hypot(dx, dy), 1e-9)
            let half = width / 2 * (0.55 + 0.45 * run / bodyLength)
            left.append(Coordinate(lon: p.lon - dy / len * half, lat: p.lat + dx / len * half))
            right.append(Coordinate(lon: p.lon + dy / len * half, lat: p.lat - dx / len * half))
        }
        let a = body[body.count - 2], b = neck
        let dx = b.lon - a.lon, dy = b.lat - a.lat
        let len = max(hypot(dx, dy), 1e-9)
        let headHalf = width
        let outline = left + [Coordinate(lon: neck.lon - dy / len * headHalf, lat: neck.lat + dx / len * headHalf), tip,
                              Coordinate(lon: neck.lon + dy / len * headHalf, lat: neck.lat - dx / len * headHalf)] + right.reversed()
        canvas.withState {
            canvas.newPath()
            canvas.addPath(outline, closed: true)
            canvas.setColor(color.withAlpha(0.45))
            canvas.fillPreserve()
            canvas.setColor(color)
            canvas.setLineWidth(1.0 * pt)
            canvas.setLineJoin(.round)
            canvas.stroke()
        }
    }

    private func chaikin(_ p: [Coordinate]) -> [Coordinate] {
        guard p.count > 2 else { return p }
        var out = [p[0]]
        for (a, b) in zip(p, p.dropFirst()) {
            out.append(Coordinate(lon: 0.75 * a.lon + 0.25 * b.lon, lat: 0.75 * a.lat + 0.25 * b.lat))
            out.append(Coordinate(lon: 0.25 * a.lon + 0.75 * b.lon, lat: 0.25 * a.lat + 0.75 * b.lat))
        }
        out.append(p[p.count - 1])
        return out
    }
}

/// Length of a frame path in user units.
func length(_ path: [Coordinate]) -> Double {
    zip(path, path.dropFirst()).reduce(0) { $0 + hypot($1.1.lon - $1.0.lon, $1.1.lat - $1.0.lat) }
}

/// The point halfway along a frame path.
func midpoint(_ path: [Coordinate]) -> Coordinate? { point(along: path, at: 0.5) }

/// The point at `fraction` (0...1) of a frame path's length.
func point(along path: [Coordinate], at fraction: Double) -> Coordinate? {
    guard let first = path.first else { return nil }
    var left = length(path) * fraction
    for (a, b) in zip(path, path.dropFirst()) {
        let len = hypot(b.lon - a.lon, b.lat - a.lat)
        if len >= left, len > 0 { return Coordinate(lon: a.lon + (b.lon - a.lon) * left / len, lat: a.lat + (b.lat - a.lat) * left / len) }
        left -= len
    }
    return first
}
