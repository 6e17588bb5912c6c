import Graphics
import Bindings
import GeoCore
import Symbology

extension SceneRenderer {
    /// An annotation: a note beside its point (on a leader when it asks for one), or a name
    /// centred on its point with no symbol. One given for this view must be on the map.
    func drawAnnotation(_ a: SceneAnnotation) throws {
        guard let at = inFrame(a.coordinate) else {
            if let origin = a.required { throw MapError.annotationOffMap(a.text, origin) }
            return
        }
        if a.style == .note {
            try placeText(a.text, style: style.noteLabel, x: at.lon, y: at.lat, gap: 3 * pt, leader: a.leader ? 6 : 0)
            return
        }
        var s: TextStyle
        switch a.style {
        case .water: s = style.waterLabel; s.letterSpacing = 1
        case .front: s = style.frontLabel
        default: s = style.regionLabel.with(size: 8); s.letterSpacing = 1.2
        }
        let cased = a.style == .region && a.text.uppercased() != a.text
        let t = try layout(cased ? a.text.uppercased() : a.text, s)
        let e = t.extents
        guard let spot = placer.placeCentred(a.text, width: e.width, height: e.height, x: at.lon, y: at.lat) else {
            placer.drop(a.text)
            return
        }
        t.draw(x: spot.box.x - e.x, y: spot.box.y - e.y, halo: style.halo.withAlpha(0.8), haloWidth: style.haloWidth * pt)
    }

    /// The basemap's names — countries, capitals and cities, regions — placed after every story
    /// label, where they still fit; a city the story already shows is not named twice.
    func drawReferenceLabels(_ labels: [ReferenceLabel], storyPoints: [Coordinate]) throws {
        let near = 12 * pt
        for l in labels {
            guard let at = inFrame(l.at) else { continue }
            switch l.kind {
            case .country, .region:
                let cased = l.text.uppercased() != l.text
                var s = (l.kind == .country ? style.countryLabel : style.regionLabel).with(size: l.kind == .country ? l.size : nil)
                // Spaced capitals where the script has capitals; Arabic, Han and the like as written.
                if cased { s.letterSpacing = s.size * (l.kind == .country ? 0.18 : 0.12) }
                let t = try layout(cased ? l.text.uppercased() : l.text, s)
                let e = t.extents
                var placed: LabelPlacer.Placement?
                for c in [at] + l.alternatives.compactMap({ inFrame($0) }) where placed == nil {
                    placed = placer.placeCentred(l.text, width: e.width, height: e.height, x: c.lon, y: c.lat)
                }
                guard let spot = placed else { continue }
                t.draw(x: spot.box.x - e.x, y: spot.box.y - e.y, halo: style.halo.withAlpha(0.7), haloWidth: style.haloWidth * 0.8 * pt)
            case .passage:
                // A strait's name in the water style, beside its lane (the lane itself is no obstacle here).
                var s = style.waterLabel.with(size: l.size)
                s.letterSpacing = 0.5
                let t = try layout(l.text, s)
                let e = t.extents
                guard let spot = placer.place(l.text, width: e.width, height: e.height, x: at.lon, y: at.lat, gap: 4 * pt, required: false) else { continue }
                t.draw(x: spot.box.x - e.x, y: spot.box.y - e.y, halo: style.halo.withAlpha(0.8), haloWidth: style.haloWidth * pt)
            case .capital, .city:
                if storyPoints.contains(where: { abs($0.lon - at.lon) < near && abs($0.lat - at.lat) < near }) { continue }
                let r = (l.kind == .capital ? 2.2 : 1.7) * pt
                let dot = Rect(x: at.lon - r, y: at.lat - r, width: 2 * r, height: 2 * r)
                guard placer.fits(dot) else { continue }
                let t = try layout(l.text, style.contextCityLabel.with(size: l.size))
                let e = t.extents
                guard let spot = placer.place(l.text, width: e.width, height: e.height, x: at.lon, y: at.lat, gap: r + 1.5 * pt,
                                              required: false) else { continue }
                placer.block(dot)
                canvas.withState {
                    canvas.newPath()
                    canvas.circle(at.lon, at.lat, radius: r)
                    canvas.setColor(.white)
                    canvas.fillPreserve()
                    canvas.setColor(style.contextCity)
                    canvas.setLineWidth(0.8 * pt)
                    canvas.stroke()
                    if l.kind == .capital {
                        canvas.newPath()
                        canvas.circle(at.lon, at.lat, radius: r * 0.45)
                        canvas.fill()
                    }
                }
                t.draw(x: spot.box.x - e.x, y: spot.box.y - e.y, halo: style.halo, haloWidth: style.haloWidth * pt)
            }
        }
    }
}
