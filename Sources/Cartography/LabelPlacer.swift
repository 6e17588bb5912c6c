import Graphics
import Foundation
import Bindings
import GeoCore

/// Places text boxes next to their anchors so that no two overlap and none covers a symbol or the
/// map furniture: candidate positions around each anchor in a fixed order of preference, then,
/// for items that may have a leader line, rings further out; an item with no room is dropped.
/// Callers place items in priority order, so the least important are the ones dropped.
public final class LabelPlacer {
    /// A placed box: its text (for reports and tests) and where it went.
    public struct Placement: Sendable {
        public var text: String
        public var box: Rect
        /// The point a leader line runs from, when the box is away from its anchor.
        public var leaderFrom: (x: Double, y: Double)?
        /// Placed over a route, because nothing clear of the routes fitted (a story's label only).
        public var overRoute = false
    }

    /// The area boxes must stay inside.
    public let bounds: Rect
    private var obstacles: [Rect] = []
    /// Boxes along the routes: labels keep off them, but a story's own label may go over a route
    /// when nothing else fits (`place`'s fallback), never a reference label.
    private var lineObstacles: [Rect] = []
    public private(set) var placed: [Placement] = []
    public private(set) var dropped: [String] = []
    /// The boxes of another map of the same view (a batch's complete map, in this map's units),
    /// by text: a label goes there first, so that it keeps its place across dated frames; with a
    /// plan, an optional label (a reference name) goes nowhere else.
    public var plan: [String: [Rect]]?

    public init(bounds: Rect) { self.bounds = bounds }

    /// The plan's place for a `width` x `height` box of `text` (its top-left corner: a callout
    /// with fewer figures than in the plan stays inside its planned box), when it fits now.
    private func planned(_ text: String, width: Double, height: Double, overLines: Bool) -> Placement? {
        guard let boxes = plan?[text] else { return nil }
        for p in boxes {
            let r = Rect(x: p.x, y: p.y, width: width, height: height)
            guard fits(r, overLines: overLines) else { continue }
            return accept(Placement(text: text, box: r, leaderFrom: nil, overRoute: overLines && !fits(r)))
        }
        return nil
    }

    /// Records `text` as left out (a label placed by other means that found no room).
    public func drop(_ text: String) { dropped.append(text) }

    /// Marks a rectangle (a symbol, the legend) that no box may cover.
    public func block(_ r: Rect) { obstacles.append(r) }

    /// Marks a line (a route, in the frame's units) that no box may cross: boxes of `width` along it,
    /// but for `clearEnds` around its two ends, where the places it joins are labelled.
    public func block(path: [Coordinate], width: Double, clearEnds: Double = 0) {
        guard let first = path.first, let last = path.last else { return }
        func nearEnd(_ x: Double, _ y: Double) -> Bool {
            let d0 = (x - first.lon) * (x - first.lon) + (y - first.lat) * (y - first.lat)
            let d1 = (x - last.lon) * (x - last.lon) + (y - last.lat) * (y - last.lat)
            return min(d0, d1) < clearEnds * clearEnds
        }
        for c in LabelPlacer.densified(path, step: max(width, 0.5)) {
            let (x, y) = (c.lon, c.lat)
            guard x >= bounds.x - width, y >= bounds.y - width, x <= bounds.maxX + width, y <= bounds.maxY + width,
                  !nearEnd(x, y) else { continue }
            lineObstacles.append(Rect(x: x - width / 2, y: y - width / 2, width: width, height: width))
        }
    }

    /// Places a box centred on (x, y), or nudged by up to half its height or a quarter of its
    /// width (area names: a country, a region). Nil when none fits; an optional label is not
    /// reported as dropped.
    @discardableResult
    public func placeCentred(_ text: String, width w: Double, height h: Double, x: Double, y: Double) -> Placement? {
        if plan != nil { return planned(text, width: w, height: h, overLines: false) }
        for (dx, dy) in [(0.0, 0.0), (0, -0.5 * h), (0, 0.5 * h), (-0.25 * w, 0), (0.25 * w, 0), (0, -h), (0, h)] {
            let r = Rect(x: x - w / 2 + dx, y: y - h / 2 + dy, width: w, height: h)
            if fits(r) { return accept(Placement(text: text, box: r, leaderFrom: nil)) }
        }
        return nil
    }

    /// Places a `width` x `height` box near (x, y), `gap` away; with `leader`, tries rings up to
    /// `leader` gaps out. Returns the box, or nil (and records `text` as dropped when `required`).
    @discardableResult
    public func place(_ text: String, width: Double, height: Double, x: Double, y: Double, gap: Double, leader: Int = 0,
                      required: Bool = true) -> Placement? {
        if let p = planned(text, width: width, height: height, overLines: required) { return p }
        if plan != nil && !required { return nil }
        if let p = candidates(text, width: width, height: height, x: x, y: y, gap: gap, leader: leader, overLines: false) { return p }
        // A story's label (required) may go over a route when nothing clear of them fits.
        if required, !lineObstacles.isEmpty,
           let p = candidates(text, width: width, height: height, x: x, y: y, gap: gap, leader: leader, overLines: true) { return p }
        if required { dropped.append(text) }
        return nil
    }

    /// The first candidate position that fits, accepted; nil when none does.
    private func candidates(_ text: String, width: Double, height: Double, x: Double, y: Double, gap: Double, leader: Int,
                            overLines: Bool) -> Placement? {
        let w = width, h = height
        let d = gap * 0.7071
        // Right, upper right, lower right, left, upper left, lower left, above, below.
        let near: [(Double, Double)] = [(x + gap, y - h / 2), (x + d, y - d - h), (x + d, y + d), (x - gap - w, y - h / 2),
                                        (x - d - w, y - d - h), (x - d - w, y + d), (x - w / 2, y - gap - h), (x - w / 2, y + gap)]
        for (bx, by) in near {
            let r = Rect(x: bx, y: by, width: w, height: h)
            if fits(r, overLines: overLines) { return accept(Placement(text: text, box: r, leaderFrom: nil, overRoute: overLines)) }
        }
        if leader > 0 {
            for ring in 2...max(2, leader) {
                let dist = gap * Double(ring) * 1.6
                for k in 0..<16 {
                    let a = Double(k) * .pi / 8
                    let cx = x + cos(a) * (dist + w / 2), cy = y - sin(a) * (dist + h / 2)
                    let r = Rect(x: cx - w / 2, y: cy - h / 2, width: w, height: h)
                    if fits(r, overLines: overLines) { return accept(Placement(text: text, box: r, leaderFrom: (x, y), overRoute: overLines)) }
                }
            }
        }
        return nil
    }

    /// Whether `r` is inside the bounds and clear of obstacles and placed boxes (and of the
    /// routes, unless `overLines`).
    public func fits(_ r: Rect, overLines: Bool = false) -> Bool {
        guard r.x >= bounds.x, r.y >= bounds.y, r.maxX <= bounds.maxX, r.maxY <= bounds.maxY else { return false }
        for o in obstacles where o.intersects(r) { return false }
        if !overLines { for o in lineObstacles where o.intersects(r) { return false } }
        for p in placed where p.box.intersects(r) { return false }
        return true
    }

    private func accept(_ p: Placement) -> Placement {
        placed.append(p)
        return p
    }
}

extension LabelPlacer {
    /// The points of `path` with extra points at most `step` apart on each segment.
    static func densified(_ path: [Coordinate], step: Double) -> [Coordinate] {
        guard var previous = path.first else { return [] }
        var out = [previous]
        for c in path.dropFirst() {
            let d = ((c.lon - previous.lon) * (c.lon - previous.lon) + (c.lat - previous.lat) * (c.lat - previous.lat)).squareRoot()
            let n = max(1, Int((d / max(step, 1e-9)).rounded(.up)))
            if n > 1 { for i in 1..<n { let t = Double(i) / Double(n); out.append(Coordinate(lon: previous.lon + (c.lon - previous.lon) * t, lat: previous.lat + (c.lat - previous.lat) * t)) } }
            out.append(c)
            previous = c
        }
        return out
    }
}

/// Where a leader line from (x, y) meets the border of `r` (its nearest point).
func nearestPoint(of r: Rect, to x: Double, _ y: Double) -> (Double, Double) {
    (min(max(x, r.x), r.maxX), min(max(y, r.y), r.maxY))
}
