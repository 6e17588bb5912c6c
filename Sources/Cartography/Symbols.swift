import Graphics
import Bindings
import Foundation
import Symbology

/// Draws place symbols and APP-6-style unit symbols at frame positions; each returns the box it
/// covers so that labels keep clear of it.
struct Symbols {
    /// The echelon marks above unit frames.
    static let echelonStyle = TextStyle(size: 6.5, bold: true, color: .black)

    let canvas: Canvas
    let style: MapStyle
    /// User units per point.
    let pt: Double

    /// The symbol of a place kind centred at (x, y).
    @discardableResult
    func place(_ kind: PlaceSymbol, x: Double, y: Double) -> Rect {
        let s = style.symbolSize * pt
        canvas.withState {
            canvas.setLineWidth(0.9 * pt)
            canvas.newPath()
            switch kind {
            case .capital:
                canvas.circle(x, y, radius: s * 1.25)
                fillStroke(fill: style.symbolGround, stroke: style.placeSymbol)
                canvas.circle(x, y, radius: s * 0.6)
                canvas.setColor(style.placeSymbol)
                canvas.fill()
            case .city:
                canvas.circle(x, y, radius: s)
                fillStroke(fill: style.placeSymbol, stroke: style.symbolGround)
            case .town:
                canvas.circle(x, y, radius: s * 0.75)
                fillStroke(fill: style.placeSymbol, stroke: style.symbolGround)
            case .village:
                canvas.circle(x, y, radius: s * 0.6)
                fillStroke(fill: style.symbolGround, stroke: style.placeSymbol)
            case .port:
                canvas.rectangle(x - s, y - s, 2 * s, 2 * s)
                fillStroke(fill: style.port, stroke: style.symbolGround)
                canvas.circle(x, y, radius: s * 0.4)
                canvas.setColor(style.symbolGround)
                canvas.fill()
            case .training:
                triangle(x, y, s * 1.35)
                fillStroke(fill: style.trainingSite, stroke: style.symbolGround)
            case .base:
                canvas.rectangle(x - s, y - s, 2 * s, 2 * s)
                fillStroke(fill: style.symbolGround, stroke: style.trainingSite)
            case .border:
                diamond(x, y, s * 1.2)
                fillStroke(fill: style.symbolGround, stroke: style.placeSymbol)
            }
        }
        return box(x: x, y: y)
    }

    /// The room a place symbol at (x, y) takes.
    func box(x: Double, y: Double) -> Rect {
        let r = style.symbolSize * pt * 1.4
        return Rect(x: x - r, y: y - r, width: 2 * r, height: 2 * r)
    }

    private func fillStroke(fill: Color, stroke: Color) {
        canvas.setColor(fill)
        canvas.fillPreserve()
        canvas.setColor(stroke)
        canvas.stroke()
    }

    private func triangle(_ x: Double, _ y: Double, _ r: Double) {
        canvas.move(to: x, y - r)
        canvas.line(to: x + r * 0.87, y + r * 0.5)
        canvas.line(to: x - r * 0.87, y + r * 0.5)
        canvas.closePath()
    }

    private func diamond(_ x: Double, _ y: Double, _ r: Double) {
        canvas.move(to: x, y - r)
        canvas.line(to: x + r, y)
        canvas.line(to: x, y + r)
        canvas.line(to: x - r, y)
        canvas.closePath()
    }

    func frameColors(_ a: Affiliation) -> (fill: Color, line: Color) {
        switch a {
        case .friendly: return (style.friendlyFill, style.color(of: a))
        case .hostile: return (style.hostileFill, style.color(of: a))
        case .neutral: return (style.neutralFill, style.color(of: a))
        case .unknown: return (style.unknownFill, style.color(of: a))
        }
    }

    /// A unit symbol centred at (x, y): the frame of its affiliation (rectangle friendly, diamond
    /// hostile, square neutral, quatrefoil-like circle unknown), the type icon inside and the
    /// echelon mark above. Returns the box covered, echelon mark included.
    @discardableResult
    func unit(affiliation: Affiliation, type: UnitType, echelon: Echelon?, x: Double, y: Double) throws -> Rect {
        let h = style.unitSize * pt
        let fill = frameColors(affiliation).fill
        // The icon box: the part of the frame the icon is drawn in.
        var icon: Rect
        var top: Double
        canvas.save()
        canvas.setLineWidth(1.1 * pt)
        canvas.setLineJoin(.butt)
        canvas.newPath()
        switch affiliation {
        case .friendly:
            icon = Rect(x: x - h * 0.75, y: y - h / 2, width: h * 1.5, height: h)
            canvas.rectangle(icon.x, icon.y, icon.width, icon.height)
            top = icon.y
        case .hostile:
            let r = h * 0.72
            diamond(x, y, r)
            icon = Rect(x: x - r / 2, y: y - r / 2, width: r, height: r)
            top = y - r
        case .neutral:
            icon = Rect(x: x - h / 2, y: y - h / 2, width: h, height: h)
            canvas.rectangle(icon.x, icon.y, icon.width, icon.height)
            top = icon.y
        case .unknown:
            canvas.circle(x, y, radius: h * 0.62)
            icon = Rect(x: x - h * 0.42, y: y - h * 0.42, width: h * 0.84, height: h * 0.84)
            top = y - h * 0.62
        }
        fillStroke(fill: fill, stroke: .black)
        canvas.setColor(.black)
        canvas.setLineWidth(0.9 * pt)
        drawIcon(type, in: icon)
        canvas.restore()
        var box = Rect(x: min(icon.x, x - h * 0.75), y: top, width: max(icon.width, h * 1.5), height: y + (y - top) - top)
        if let echelon {
            let t = try TextLayout(echelon.mark, style: Symbols.echelonStyle, on: canvas)
            let e = t.extents
            t.draw(x: x - e.width / 2, y: top - e.height - 0.5 * pt)
            box = Rect(x: box.x, y: top - e.height - 0.5 * pt, width: box.width, height: box.maxY - (top - e.height - 0.5 * pt))
        }
        return box
    }

    private func drawIcon(_ type: UnitType, in r: Rect) {
        canvas.newPath()
        switch type {
        case .infantry:
            canvas.move(to: r.x, r.y); canvas.line(to: r.maxX, r.maxY)
            canvas.move(to: r.x, r.maxY); canvas.line(to: r.maxX, r.y)
            canvas.stroke()
        case .artillery:
            canvas.circle(r.x + r.width / 2, r.y + r.height / 2, radius: min(r.width, r.height) * 0.17)
            canvas.fill()
        case .armour:
            let w = r.width * 0.6, hh = r.height * 0.4
            let x0 = r.x + (r.width - w) / 2, y0 = r.y + (r.height - hh) / 2, rad = hh / 2
            canvas.move(to: x0 + rad, y0); canvas.line(to: x0 + w - rad, y0)
            canvas.move(to: x0 + rad, y0 + hh); canvas.line(to: x0 + w - rad, y0 + hh)
            canvas.stroke()
            canvas.circle(x0 + rad, y0 + rad, radius: rad); canvas.stroke()
            canvas.circle(x0 + w - rad, y0 + rad, radius: rad); canvas.stroke()
        case .reconnaissance:
            canvas.move(to: r.x, r.maxY); canvas.line(to: r.maxX, r.y)
            canvas.stroke()
        case .engineer:
            let w = r.width * 0.5, hh = r.height * 0.3
            let x0 = r.x + (r.width - w) / 2, y0 = r.y + (r.height - hh) / 2
            canvas.move(to: x0, y0 + hh); canvas.line(to: x0, y0); canvas.line(to: x0 + w, y0); canvas.line(to: x0 + w, y0 + hh)
            canvas.move(to: x0 + w / 2, y0); canvas.line(to: x0 + w / 2, y0 + hh)
            canvas.stroke()
        case .specialForces:
            // "SF" is drawn as strokes so the icon needs no font.
            let hh = r.height * 0.4, w = hh * 0.6
            let y0 = r.y + (r.height - hh) / 2, x0 = r.x + r.width / 2 - w - hh * 0.12
            canvas.move(to: x0 + w, y0); canvas.line(to: x0, y0); canvas.line(to: x0, y0 + hh / 2)
            canvas.line(to: x0 + w, y0 + hh / 2); canvas.line(to: x0 + w, y0 + hh); canvas.line(to: x0, y0 + hh)
            let x1 = r.x + r.width / 2 + hh * 0.12
            canvas.move(to: x1 + w, y0); canvas.line(to: x1, y0); canvas.line(to: x1, y0 + hh)
            canvas.move(to: x1, y0 + hh / 2); canvas.line(to: x1 + w * 0.8, y0 + hh / 2)
            canvas.stroke()
        case .airDefence:
            canvas.move(to: r.x + r.width * 0.2, r.maxY)
            canvas.line(to: r.x + r.width * 0.35, r.maxY - r.height * 0.3)
            canvas.line(to: r.x + r.width * 0.65, r.maxY - r.height * 0.3)
            canvas.line(to: r.x + r.width * 0.8, r.maxY)
            canvas.stroke()
        case .headquarters:
            canvas.move(to: r.x, r.y + r.height / 2); canvas.line(to: r.maxX, r.y + r.height / 2)
            canvas.stroke()
        case .logistics:
            canvas.move(to: r.x, r.maxY - r.height / 3); canvas.line(to: r.maxX, r.maxY - r.height / 3)
            canvas.stroke()
        case .unspecified:
            break
        }
    }
}
