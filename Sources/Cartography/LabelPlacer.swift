import Foundation
import Bindings

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
    }

    /// The area boxes must stay inside.
    public let bounds: Rect
    private var obstacles: [Rect] = []
    public private(set) var placed: [Placement] = []
    public private(set) var dropped: [String] = []

    public init(bounds: Rect) { self.bounds = bounds }

    /// Marks a rectangle (a symbol, the legend) that no box may cover.
    public func block(_ r: Rect) { obstacles.append(r) }

    /// Places a `width` x `height` box near (x, y), `gap` away; with `leader`, tries rings up to
    /// `leader` gaps out. Returns the box, or nil (and records `text` as dropped).
    @discardableResult
    public func place(_ text: String, width: Double, height: Double, x: Double, y: Double, gap: Double, leader: Int = 0) -> Placement? {
        let w = width, h = height
        let d = gap * 0.7071
        // Right, upper right, lower right, left, upper left, lower left, above, below.
        let near: [(Double, Double)] = [(x + gap, y - h / 2), (x + d, y - d - h), (x + d, y + d), (x - gap - w, y - h / 2),
                                        (x - d - w, y - d - h), (x - d - w, y + d), (x - w / 2, y - gap - h), (x - w / 2, y + gap)]
        for (bx, by) in near {
            let r = Rect(x: bx, y: by, width: w, height: h)
            if fits(r) { return accept(Placement(text: text, box: r, leaderFrom: nil)) }
        }
        if leader > 0 {
            for ring in 2...max(2, leader) {
                let dist = gap * Double(ring) * 1.6
                for k in 0..<16 {
                    let a = Double(k) * .pi / 8
                    let cx = x + cos(a) * (dist + w / 2), cy = y - sin(a) * (dist + h / 2)
                    let r = Rect(x: cx - w / 2, y: cy - h / 2, width: w, height: h)
                    if fits(r) { return accept(Placement(text: text, box: r, leaderFrom: (x, y))) }
                }
            }
        }
        dropped.append(text)
        return nil
    }

    /// Whether `r` is inside the bounds and clear of obstacles and placed boxes.
    public func fits(_ r: Rect) -> Bool {
        guard r.x >= bounds.x, r.y >= bounds.y, r.maxX <= bounds.maxX, r.maxY <= bounds.maxY else { return false }
        for o in obstacles where o.intersects(r) { return false }
        for p in placed where p.box.intersects(r) { return false }
        return true
    }

    private func accept(_ p: Placement) -> Placement {
        placed.append(p)
        return p
    }
}

/// Where a leader line from (x, y) meets the border of `r` (its nearest point).
func nearestPoint(of r: Rect, to x: Double, _ y: Double) -> (Double, Double) {
    (min(max(x, r.x), r.maxX), min(max(y, r.y), r.maxY))
}
