import Graphics
import Bindings
import Cartography
import Foundation

/// Paper sizes in points.
public enum Paper: String, CaseIterable, Sendable {
    case a4, letter
    /// Portrait width and height in points.
    public var size: (width: Double, height: Double) {
        switch self {
        case .a4: return (595.28, 841.89)
        case .letter: return (612, 792)
        }
    }
}

/// Pages of a PDF with a running header and footer, and text that flows from page to page:
/// paragraphs wrap (and split between pages at word boundaries), tables repeat their header row.
final class PageFlow {
    let surface: Surface
    let canvas: Canvas
    let paper: Paper
    let header: String
    let markings: String?
    let dateLine: String?
    private(set) var page = 0
    /// The body's top-left and size on the current page; `y` is where the next block goes.
    private(set) var body = Rect(x: 0, y: 0, width: 0, height: 0)
    var y = 0.0
    /// Texts that no installed font could draw, for warnings.
    private(set) var missing: [String] = []
    let margin = 50.0

    init(path: String, paper: Paper, header: String, markings: String?, dateLine: String?) throws {
        surface = try Surface.pdf(path: path, width: paper.size.width, height: paper.size.height)
        canvas = try Canvas(surface)
        self.paper = paper
        self.header = header
        self.markings = markings
        self.dateLine = dateLine
    }

    var bottom: Double { body.y + body.height }
    var remaining: Double { bottom - y }

    /// Ends the current page (if any) and starts the next, portrait or landscape.
    func newPage(landscape: Bool = false) throws {
        if page > 0 { canvas.showPage() }
        let (w, h) = paper.size
        surface.setPageSize(width: landscape ? h : w, height: landscape ? w : h)
        page += 1
        body = Rect(x: margin, y: margin + 18, width: surface.width - 2 * margin, height: surface.height - 2 * margin - 40)
        y = body.y
        try drawRunningHeadAndFoot()
    }

    private func drawRunningHeadAndFoot() throws {
        let small = TextStyle(size: 7.5, color: Color(hex: "#555555")!)
        let red = TextStyle(size: 7.5, bold: true, color: Color(hex: "#a4161a")!)
        let w = surface.width, h = surface.height
        let left = try layout(header, small, width: w * 0.55)
        left.draw(x: margin, y: margin - 14)
        if let markings {
            let m = try layout(markings, red, width: w * 0.4, alignment: .right)
            m.draw(x: w - margin - w * 0.4, y: margin - 14)
            m.draw(x: w - margin - w * 0.4, y: h - margin + 8)
        }
        canvas.withState {
            canvas.setColor(Color(hex: "#9a9a9a")!)
            canvas.setLineWidth(0.5)
            canvas.newPath()
            canvas.move(to: margin, margin - 2)
            canvas.line(to: w - margin, margin - 2)
            canvas.move(to: margin, h - margin + 4)
            canvas.line(to: w - margin, h - margin + 4)
            canvas.stroke()
        }
        let n = try layout("Page \(page)", small.with(bold: true), width: 120, alignment: .center)
        n.draw(x: w / 2 - 60, y: h - margin + 8)
        if let dateLine { try layout(dateLine, small, width: w * 0.3).draw(x: margin, y: h - margin + 8) }
    }

    /// A laid-out text; records texts with characters no font covers.
    func layout(_ text: String, _ style: TextStyle, width: Double? = nil, alignment: TextLayout.Alignment = .left) throws -> TextLayout {
        let t = try TextLayout(text, style: style, on: canvas, width: width, alignment: alignment)
        if t.missingGlyphs > 0 { missing.append(String(text.prefix(40))) }
        return t
    }

    /// Starts a new page when fewer than `height` points are left.
    func ensure(_ height: Double) throws {
        if y + height > bottom { try newPage() }
    }

    /// Adds a section heading (and its outline entry) and returns nothing; keeps 80 pt after it
    /// on the same page so that a heading never ends a page.
    func heading(_ text: String, level: Int = 1, outlineParent: Int32 = 0) throws -> Int32 {
        let style = level == 1 ? TextStyle(size: 16, bold: true, color: Color(hex: "#1d1d1d")!) : TextStyle(size: 12, bold: true, color: Color(hex: "#1d1d1d")!)
        let t = try layout(text, style, width: body.width)
        try ensure(t.extents.height + 80)
        if y > body.y { y += level == 1 ? 10 : 6 }
        t.draw(x: body.x, y: y)
        let id = surface.addOutline(text, page: page, parent: outlineParent)
        y += t.extents.height + (level == 1 ? 8 : 4)
        return id
    }

    /// A paragraph wrapped to the body width, split between pages at a word boundary when it
    /// does not fit.
    func paragraph(_ text: String, _ style: TextStyle, after: Double = 6) throws {
        var rest = text
        while !rest.isEmpty {
            let t = try layout(rest, style, width: body.width)
            if t.extents.height <= remaining {
                t.draw(x: body.x, y: y)
                y += t.extents.height + after
                return
            }
            // The longest run of words that fits what is left of this page.
            let words = rest.split(separator: " ", omittingEmptySubsequences: false)
            var lo = 0, hi = words.count
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                let h = try TextLayout(words[..<mid].joined(separator: " "), style: style, on: canvas, width: body.width).extents.height
                if h <= remaining { lo = mid } else { hi = mid - 1 }
            }
            if lo == 0 {
                guard y > body.y else { throw CairoError(operation: "lay out text", message: "a word is taller than a page") }
                try newPage()
                continue
            }
            let head = words[..<lo].joined(separator: " ")
            try layout(head, style, width: body.width).draw(x: body.x, y: y)
            rest = words[lo...].joined(separator: " ")
            try newPage()
        }
    }
}

/// A table drawn row by row: a header row repeated on every page, cells wrapped to their
/// column, group rows spanning the width, and rows never split (a row moves whole to the next page).
struct TableWriter {
    let flow: PageFlow
    /// Column titles and width shares (summing to 1).
    let columns: [(String, Double)]
    let text = TextStyle(size: 8, color: Color(hex: "#1d1d1d")!)
    let bold = TextStyle(size: 8, bold: true, color: Color(hex: "#1d1d1d")!)
    let pad = 3.0

    private func widths() -> [Double] { columns.map { $0.1 * flow.body.width } }

    /// The header row, at the top of the table and of every page it continues on.
    func header() throws {
        try row(columns.map(\.0), style: bold, fill: Color(hex: "#e8e8e8")!, repeatHeader: false)
    }

    /// A row of cells; moves to a new page (repeating the header) when it does not fit.
    func row(_ cells: [String], style: TextStyle? = nil, fill: Color? = nil, repeatHeader: Bool = true, links: [Int: String] = [:]) throws {
        let ws = widths()
        let layouts = try zip(cells, ws).map { try flow.layout($0, style ?? text, width: $1 - 2 * pad) }
        let h = (layouts.map { $0.extents.height }.max() ?? 0) + 2 * pad
        if flow.y + h > flow.bottom {
            try flow.newPage()
            if repeatHeader { try header() }
        }
        draw(layouts, widths: ws, height: h, fill: fill, links: links)
    }

    /// A row spanning the whole width (a group heading).
    func groupRow(_ textValue: String) throws {
        let t = try flow.layout(textValue, bold, width: flow.body.width - 2 * pad)
        let h = t.extents.height + 2 * pad
        if flow.y + h + 20 > flow.bottom {
            try flow.newPage()
            try header()
        }
        draw([t], widths: [flow.body.width], height: h, fill: Color(hex: "#f6efe0")!, links: [:])
    }

    private func draw(_ layouts: [TextLayout], widths ws: [Double], height h: Double, fill: Color?, links: [Int: String]) {
        let canvas = flow.canvas
        let y = flow.y
        canvas.withState {
            if let fill {
                canvas.newPath()
                canvas.rectangle(flow.body.x, y, flow.body.width, h)
                canvas.setColor(fill)
                canvas.fill()
            }
            canvas.setColor(Color(hex: "#c8c8c8")!)
            canvas.setLineWidth(0.4)
            canvas.newPath()
            canvas.move(to: flow.body.x, y + h)
            canvas.line(to: flow.body.x + flow.body.width, y + h)
            canvas.stroke()
        }
        var x = flow.body.x
        for (i, (t, w)) in zip(layouts, ws).enumerated() {
            if let uri = links[i] {
                canvas.link(uri: uri, x: x, y: y, width: w, height: h) { t.draw(x: x + pad, y: y + pad) }
            } else {
                t.draw(x: x + pad, y: y + pad)
            }
            x += w
        }
        flow.y += h
    }
}
