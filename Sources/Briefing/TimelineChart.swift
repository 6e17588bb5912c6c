import Symbology
import Graphics
import Bindings
import Foundation
import Scenario

/// Estimates over time, drawn with Cairo: one panel per quantity with at least two dated figures,
/// a mark per figure at its date (a bar across a date span, a vertical bar for a range, an arrow
/// for "at least" or "up to"), labelled with its value and source numbers; events as numbered
/// ticks on a shared time axis.
struct TimelineChart {
    let flow: PageFlow
    let scenario: Scenario
    let groups: [(quantity: String, figures: [Figure])]

    /// The groups worth a panel: quantities with two or more dated figures.
    static func groups(_ s: Scenario) -> [(quantity: String, figures: [Figure])] {
        Scenario.byQuantity(s.figures.filter { $0.date != nil }).filter { $0.figures.count >= 2 }
    }

    /// The days shown: the dated figures, widened to take in events no further out than half
    /// their span (earlier or later events are named under the axis); all events when no figures.
    func span() -> (Int, Int) {
        let figureDays = groups.flatMap { $0.figures.compactMap { $0.date } }.flatMap { [$0.first, $0.last] }
        let eventDays = scenario.events.flatMap { [$0.date.first, $0.date.last] }
        var lo = (figureDays.isEmpty ? eventDays : figureDays).min() ?? 0
        var hi = max((figureDays.isEmpty ? eventDays : figureDays).max() ?? 1, lo + 1)
        let reach = max(15, (hi - lo) / 2)
        for d in eventDays where d >= lo - reach && d <= hi + reach { lo = min(lo, d); hi = max(hi, d) }
        let pad = max(2, (hi - lo) / 30)
        return (lo - pad, hi + pad)
    }

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"]

    func draw() throws {
        let (d0, d1) = span()
        let panelH = 150.0
        let left = flow.body.x + 48, width = flow.body.width - 56
        func x(_ day: Double) -> Double { left + (day - Double(d0)) / Double(d1 - d0) * width }
        for g in groups {
            try flow.ensure(panelH + 40)
            let title = try flow.layout(g.quantity, TextStyle(size: 9, bold: true), width: flow.body.width)
            title.draw(x: flow.body.x, y: flow.y)
            flow.y += title.extents.height + 4
            let top = flow.y, bottom = flow.y + panelH
            let values = g.figures.flatMap { [$0.value.min, $0.value.max] }.filter { $0 > 0 }
            let vmin = values.min() ?? 1, vmax = max(values.max() ?? 10, vmin * 1.5)
            let logScale = vmax / vmin > 20
            let lo = logScale ? pow(10, floor(log10(vmin))) : 0.0
            let hi = logScale ? pow(10, ceil(log10(vmax))) : vmax * 1.15
            func y(_ v: Double) -> Double {
                let t = logScale ? (log10(max(v, lo)) - log10(lo)) / (log10(hi) - log10(lo)) : (v - lo) / (hi - lo)
                return bottom - t * panelH
            }
            try axes(top: top, bottom: bottom, left: left, width: width, ticks: ticks(lo: lo, hi: hi, log: logScale), y: y)
            // The labels drawn so far: two sources' figures of one date and near values would
            // print one label over the other.
            var taken: [Rect] = []
            for (i, f) in g.figures.enumerated() {
                guard let date = f.date else { continue }
                let ref = f.sources.compactMap(scenario.referenceNumber(of:))
                let color = Color(hex: TimelineChart.palette[(ref.first ?? i) % TimelineChart.palette.count])!
                // A day is marked where its events are, at its start; a month or a period at its middle.
                let xa = x(Double(date.first)), xb = x(Double(date.last + 1))
                let oneDay = date.first == date.last
                let xm = oneDay ? xa : (xa + xb) / 2
                let canvas = flow.canvas
                canvas.withState {
                    canvas.setColor(color)
                    canvas.setLineWidth(1.2)
                    canvas.newPath()
                    if !oneDay && xb - xa > 3 { canvas.move(to: xa, y(f.value.max)); canvas.line(to: xb, y(f.value.max)) }
                    if f.value.isRange {
                        canvas.rectangle(xm - 2.5, y(f.value.max), 5, y(f.value.min) - y(f.value.max))
                        canvas.fill()
                    } else {
                        canvas.circle(xm, y(f.value.min), radius: 3)
                        canvas.fill()
                    }
                    // Open-ended claims point the way they are open.
                    let vy = y(f.value.min)
                    switch f.value.qualifier {
                    case .atLeast, .moreThan:
                        canvas.move(to: xm, vy); canvas.line(to: xm, vy - 14)
                        canvas.move(to: xm - 3, vy - 10); canvas.line(to: xm, vy - 14); canvas.line(to: xm + 3, vy - 10)
                        canvas.stroke()
                    case .upTo:
                        canvas.move(to: xm, vy); canvas.line(to: xm, vy + 14)
                        canvas.move(to: xm - 3, vy + 10); canvas.line(to: xm, vy + 14); canvas.line(to: xm + 3, vy + 10)
                        canvas.stroke()
                    default: canvas.stroke()
                    }
                }
                let label = try flow.layout("\(f.value) [\(ref.map(String.init).joined(separator: ","))]", TextStyle(size: 7, color: color))
                let (w, h) = (label.extents.width, label.extents.height)
                let lx = min(xm + 5, left + width - w)
                // Above the mark, else the nearest free spot a line lower or higher, in the panel.
                let above = y(f.value.max) - h - 1
                func free(_ ly: Double) -> Bool {
                    let box = Rect(x: lx, y: ly, width: w, height: h)
                    return ly >= top - h && ly + h <= bottom && !taken.contains { $0.intersects(box) }
                }
                let spots = (0..<16).map { (k: Int) -> Double in
                    let step = Double((k + 1) / 2) * (h + 1)
                    return k % 2 == 1 ? above + step : above - step
                }
                let ly = spots.first(where: free) ?? above
                taken.append(Rect(x: lx, y: ly, width: w, height: h))
                label.draw(x: lx, y: ly, halo: .white, haloWidth: 1.5)
            }
            flow.y = bottom + 22
        }
        try eventAxis(x: x, left: left, width: width, d0: d0, d1: d1)
    }

    private func ticks(lo: Double, hi: Double, log: Bool) -> [Double] {
        if log {
            var out: [Double] = [], v = lo
            while v <= hi * 1.0001 { out.append(v); v *= 10 }
            return out
        }
        let step = pow(10, floor(log10(max(hi, 1) / 4)))
        let nice = [1.0, 2, 5, 10].map { $0 * step }.first { hi / $0 <= 6 } ?? step * 10
        return stride(from: 0, through: hi, by: nice).map { $0 }
    }

    private func axes(top: Double, bottom: Double, left: Double, width: Double, ticks: [Double], y: (Double) -> Double) throws {
        let canvas = flow.canvas
        canvas.withState {
            canvas.setColor(Color(hex: "#f7f7f7")!)
            canvas.newPath()
            canvas.rectangle(left, top, width, bottom - top)
            canvas.fill()
            canvas.setColor(Color(hex: "#dddddd")!)
            canvas.setLineWidth(0.4)
            for t in ticks {
                canvas.newPath()
                canvas.move(to: left, y(t)); canvas.line(to: left + width, y(t))
                canvas.stroke()
            }
            canvas.setColor(.black)
            canvas.setLineWidth(0.6)
            canvas.newPath()
            canvas.move(to: left, top); canvas.line(to: left, bottom); canvas.line(to: left + width, bottom)
            canvas.stroke()
        }
        for t in ticks {
            let l = try flow.layout(FigureValue.format(t), TextStyle(size: 6.5, color: Color(hex: "#444444")!), width: 44, alignment: .right)
            l.draw(x: left - 48, y: y(t) - l.extents.height / 2)
        }
    }

    /// Month ticks along the bottom, events as numbered marks (E1, E2, ... as in the chronology).
    private func eventAxis(x: (Double) -> Double, left: Double, width: Double, d0: Int, d1: Int) throws {
        try flow.ensure(70)
        let canvas = flow.canvas
        let axisY = flow.y + 10
        canvas.withState {
            canvas.setColor(.black)
            canvas.setLineWidth(0.8)
            canvas.newPath()
            canvas.move(to: left, axisY); canvas.line(to: left + width, axisY)
            canvas.stroke()
        }
        // Month starts (every few months, or years, over a long span).
        var lastLabelX = -Double.infinity
        for (day, label) in StoryDate.monthStarts(from: d0, through: d1) {
            let px = x(Double(day))
            canvas.withState {
                canvas.setColor(.black)
                canvas.newPath(); canvas.move(to: px, axisY); canvas.line(to: px, axisY + 4); canvas.stroke()
            }
            if px - lastLabelX > 34 {
                let l = try flow.layout(label, TextStyle(size: 6.5))
                l.draw(x: px - l.extents.width / 2, y: axisY + 5)
                lastLabelX = px
            }
        }
        let events = scenario.events.sorted { $0.date < $1.date }
        var lastX = -Double.infinity, row = 0
        var outside: [String] = []
        for (i, e) in events.enumerated() {
            guard e.date.first >= d0 && e.date.first <= d1 else {
                outside.append("E\(i + 1) (\(e.date.display))")
                continue
            }
            let px = x(Double(e.date.first))
            row = px - lastX < 16 ? row + 1 : 0
            lastX = px
            let l = try flow.layout("E\(i + 1)", TextStyle(size: 6.5, bold: true, color: Color(hex: "#a4161a")!))
            let ly = axisY - 12 - Double(row % 3) * 9
            canvas.withState {
                canvas.setColor(Color(hex: "#a4161a")!)
                canvas.setLineWidth(0.6)
                canvas.newPath(); canvas.move(to: px, axisY); canvas.line(to: px, ly + l.extents.height); canvas.stroke()
            }
            l.draw(x: px - l.extents.width / 2, y: ly)
        }
        flow.y = axisY + 24
        let beyond = outside.isEmpty ? "" : " Outside the period shown: \(outside.joined(separator: ", "))."
        let marks = groups.isEmpty ? "E1, E2, … are the events of the chronology."
            : "Marks: a dot is a single figure, a bar a range, an arrow an open-ended claim (\"at least\", \"more than\" up; \"up to\" down); a horizontal line spans a figure's date when it is a month or a period. Numbers in brackets are sources; E1, E2, … are the events of the chronology. Log scale where values differ more than twentyfold."
        let note = try flow.layout(marks + beyond,
                                   TextStyle(size: 7, italic: true, color: Color(hex: "#444444")!), width: flow.body.width)
        note.draw(x: flow.body.x, y: flow.y)
        flow.y += note.extents.height + 8
    }
}
