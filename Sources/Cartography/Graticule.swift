import Bindings
import GeoCore

/// Meridians and parallels at a round interval giving a few lines across the map.
enum Graticule {
    /// Degrees between lines for a box `span` degrees across.
    static func interval(span: Double) -> Double {
        for step in [0.25, 0.5, 1, 2, 5, 10, 15, 20, 30] where span / step <= 8 { return step }
        return 30
    }

    /// The lines covering `box`, densified by the painter when drawn.
    static func lines(covering box: BoundingBox) -> [Geometry] {
        let step = interval(span: max(box.width, box.height))
        var out: [Geometry] = []
        let south = max(-85, box.south), north = min(85, box.north)
        var lon = (box.west / step).rounded(.up) * step
        while lon <= box.west + box.width {
            out.append(.lineString([Coordinate(lon: lon, lat: south), Coordinate(lon: lon, lat: north)]))
            lon += step
        }
        var lat = (south / step).rounded(.up) * step
        while lat <= north {
            out.append(.lineString([Coordinate(lon: box.west, lat: lat), Coordinate(lon: box.west + box.width, lat: lat)]))
            lat += step
        }
        return out
    }
}
