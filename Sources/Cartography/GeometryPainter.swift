import Graphics
import Bindings
import GeoCore

/// Turns lon/lat geometries into Cairo paths on a frame: cut at the projection's seam, densified
/// so that lines curve, projected, thinned to output resolution. Projection (in the projection's
/// metres) and framing (to user units, thinned) are separate steps, so that projected layers can
/// be shared between maps of different sizes (`ProjectedLayerCache`).
struct GeometryPainter {
    let frame: MapFrame
    /// nil for a painter that only projects (a prefetching worker).
    var canvas: Canvas!
    /// Longest lon/lat step before projecting, in degrees.
    var maxStep = 0.5
    /// Points closer than this (user units) to the previous one are dropped, then points within
    /// half of it of a straight run (Douglas-Peucker): every line stays within a pixel of its
    /// source while Cairo rasterizes (and PDF writes out) far fewer vertices.
    var tolerance = 0.7
    /// Points within this many degrees of a straight run are dropped before projecting (0: none):
    /// for maps so coarse (a world locator) that even the data's coarsest level is finer than
    /// their pixels, whose projecting would be most of their time.
    var lonLatTolerance = 0.0
    /// How fills and strokes are antialiased. A basemap's layers take `.fast`: their thin lines
    /// and the edges under them look the same at map scale (a 4x zoom shows no difference), in
    /// half of Cairo's time.
    var antialias = Canvas.Antialias.fine

    /// The thinned frame paths of many geometries.
    func paths(_ geometries: [Geometry]) -> [[Coordinate]] {
        framed(projectedPaths(geometries))
    }

    /// The lines of `geometries` in projected metres, all points projected in one call to PROJ
    /// (per-call overhead dominates for the short lines of a network); networks of short edges
    /// joined end to end.
    func projectedPaths(_ geometries: [Geometry]) -> [[Coordinate]] {
        let projected = project(geometries.flatMap { prepared($0)?.paths ?? [] })
        guard projected.count > 1_000 else { return projected }
        return PathChaining.chained(projected, snap: 0.5)
    }

    /// The polygons of `geometries` in projected metres.
    func projectedPolygons(_ geometries: [Geometry]) -> [[[Coordinate]]] {
        geometries.flatMap { g in (prepared(g)?.polygons ?? []).map(project) }
    }

    /// Projected paths to frame coordinates, thinned to the output resolution; paths wholly
    /// outside the frame (layers are read for a box somewhat larger than the map) are left out.
    func framed(_ projected: [[Coordinate]]) -> [[Coordinate]] {
        let margin = 8.0
        let lo = Coordinate(lon: frame.minX - margin * frame.unitsPerPixel, lat: frame.minY - margin * frame.unitsPerPixel)
        let hi = Coordinate(lon: frame.maxX + margin * frame.unitsPerPixel, lat: frame.maxY + margin * frame.unitsPerPixel)
        var out: [[Coordinate]] = []
        out.reserveCapacity(projected.count)
        for path in projected {
            var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
            for c in path {
                minX = Swift.min(minX, c.lon); maxX = Swift.max(maxX, c.lon)
                minY = Swift.min(minY, c.lat); maxY = Swift.max(maxY, c.lat)
            }
            guard maxX >= lo.lon, minX <= hi.lon, maxY >= lo.lat, minY <= hi.lat else { continue }
            out.append(simplified(thinned(path.map(frame.toFrame), tolerance: tolerance), tolerance: tolerance * 0.5))
        }
        return out
    }

    /// Projects lon/lat paths (points the projection cannot take are dropped).
    private func project(_ lonlat: [[Coordinate]]) -> [[Coordinate]] { frame.projection.project(paths: lonlat) }

    /// The geometry cut at the seam (opposite the central meridian), its lines first made
    /// continuous across the antimeridian, and densified; nil when empty.
    /// A geometry that cannot be cut is drawn uncut rather than dropped.
    private func prepared(_ g: Geometry) -> Geometry? {
        let seamWest = frame.projection.centralMeridian - 180
        let cut: Geometry?
        do { cut = try g.unrolled.wrapped(west: seamWest, margin: 1e-7) } catch { cut = g }
        return cut?.simplified(tolerance: lonLatTolerance)?.densified(maxStep: maxStep)
    }

    /// Fills polygons with the current colour, all in one path (even-odd, so holes stay open and
    /// pieces cut from one polygon join without hairline seams).
    func fill(_ geometries: [Geometry]) {
        fill(projected: projectedPolygons(geometries))
    }

    /// Fills polygons given in projected metres.
    func fill(projected polygons: [[[Coordinate]]]) {
        fill(framed: framed(polygons: polygons))
    }

    /// Fills polygons already in frame coordinates.
    func fill(framed polygons: [[[Coordinate]]]) {
        canvas.withState {
            addPolygons(polygons)
            canvas.setAntialias(antialias)
            canvas.fill()
        }
    }

    /// Fills the part of `box` outside polygons already in frame coordinates (with their holes).
    func fill(framed polygons: [[[Coordinate]]], outsideOf box: Rect) {
        canvas.withState {
            addPolygons(polygons)
            canvas.rectangle(box.x, box.y, box.width, box.height)
            canvas.setAntialias(antialias)
            canvas.fill()
        }
    }

    /// Fills polygons already in frame coordinates with `image` stretched over the whole frame
    /// (on an image canvas, its edge pixels extended: as opaque at the frame's edge as inside).
    func fill(framed polygons: [[[Coordinate]]], with image: ImageBuffer) {
        canvas.withState {
            addPolygons(polygons)
            canvas.setAntialias(antialias)
            canvas.fill(with: image, x: 0, y: 0, width: frame.width, height: frame.height, padded: true)
        }
    }

    /// A projected layer in frame coordinates (lines or polygons framed; a raster as it is).
    func framed(_ entry: ProjectedLayerCache.Entry) -> ProjectedLayerCache.Entry {
        switch entry {
        case .lines(let l): return .lines(framed(l))
        case .polygons(let p): return .polygons(framed(polygons: p))
        case .raster: return entry
        }
    }

    /// Polygons in projected metres to frame coordinates: rings thinned, rings out of view dropped.
    func framed(polygons: [[[Coordinate]]]) -> [[[Coordinate]]] {
        polygons.map { framed($0).filter { $0.count >= 3 } }
    }

    /// Starts a new even-odd path holding every ring of the framed polygons.
    private func addPolygons(_ polygons: [[[Coordinate]]]) {
        canvas.setEvenOddFill(true)
        canvas.newPath()
        for polygon in polygons {
            for ring in polygon { canvas.addPath(ring, closed: true) }
        }
    }

    /// Strokes lines and polygon outlines.
    func stroke(_ geometries: [Geometry], color: Color, width: Double, dash: [Double] = [], cap: Canvas.LineStyle = .round) {
        stroke(paths: paths(geometries), color: color, width: width, dash: dash, cap: cap)
    }

    /// Strokes paths already in frame coordinates (to draw one layer twice, as casing and fill).
    func stroke(paths: [[Coordinate]], color: Color, width: Double, dash: [Double] = [], cap: Canvas.LineStyle = .round) {
        canvas.withState {
            canvas.setColor(color)
            canvas.setLineWidth(width)
            // Round joins cost Cairo an arc per vertex; on lines under 2 px they cannot be seen.
            canvas.setLineJoin(width < 2 ? .butt : .round)
            canvas.setLineCap(width < 2 && dash.isEmpty ? .butt : cap)
            canvas.setDash(dash)
            canvas.setAntialias(antialias)
            canvas.newPath()
            var pending = 0
            for p in paths where p.count >= 2 {
                canvas.addPath(p, closed: false)
                pending += p.count
                // Stroke in batches: one huge path is slow for Cairo's tessellator.
                if pending > 20_000 { canvas.stroke(); pending = 0 }
            }
            canvas.stroke()
        }
    }
}
