import Bindings
import DataCatalog
import Foundation
import GeoCore
import GeoPackage
import PosixBindings

/// A name the basemap puts on a map for orientation — a country, a region, a city — placed after
/// the story's own labels and at lower priority, so that the story always wins.
struct ReferenceLabel {
    enum Kind: Int, Comparable {
        case country, passage, capital, city, region
        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }
    var kind: Kind
    var text: String
    var at: Coordinate
    /// Other positions to try, in order, when `at` has no room (inside the same country).
    var alternatives: [Coordinate] = []
    /// Size in points (countries by their area on the map; others fixed).
    var size: Double
    /// Higher is placed first within its kind.
    var weight: Double
    /// A country one of the story's places lies in: named before the route labels, which have
    /// more room to move (North Korea on the deployment's overview).
    var story = false
}

/// Chooses the reference labels of a frame from the `labels` dataset, by scale: countries whose
/// Natural Earth label range includes the map's zoom and that are big enough on the map to hold
/// a name, capitals and cities by population thresholds that fall with scale, first-level regions
/// on regional maps.
struct ReferenceLabelReader {
    let data: DataDirectory

    /// At most this many cities and regions are offered to the placer.
    static let maxCities = 60, maxRegions = 40
    /// Maps narrower than this (km) name the districts of a city (`part_of` in the data).
    static let districtsBelowKm = 150.0

    /// The labels of `frame`, drawn `pointsAcross` points wide, in `language` when the data has it.
    func labels(for frame: MapFrame, pointsAcross: Double, language: String, storyPoints: [Coordinate]) throws -> [ReferenceLabel] {
        guard (try? data.manifest().dataset("labels")) != nil else { return [] }
        let km = frame.kmAcross
        let kmPerPoint = max(km / max(pointsAcross, 1), 1e-6)
        // The web-map zoom level of the same scale (a 256-pixel tile of 0.75 pt pixels).
        let zoom = log2(156_543.034 / (kmPerPoint * 1000 * 0.75))
        let file = try GeoPackageFile.shared(path: try data.path(of: "labels"))
        let box = BasemapRenderer.snapped(frame.coveringBox)
        let reader = LayerReader(data: data)
        var out: [ReferenceLabel] = []
        func rows(_ layer: String, _ columns: [String]) throws -> [(Coordinate, [SQLiteValue])] {
            try reader.features(dataset: "labels", layer: layer, in: box, columns: columns, limit: 100_000).compactMap { f in
                guard case .point(let c) = f.geometry else { return nil }
                return (c, f.values)
            }
        }
        let nameColumn = DataDirectory.labelLanguages.contains(language) ? "name_\(language)" : "name_en"
        out += try countries(frame, file: file, box: box, nameColumn: nameColumn, zoom: zoom, kmPerPoint: kmPerPoint, pointsAcross: pointsAcross,
                             storyPoints: storyPoints)
        out += try passages(box: box, language: language)
        // Populated places: fewer the smaller the scale.
        let minimum = km > 5_000 ? 2_000_000 : km > 2_000 ? 750_000 : km > 800 ? 250_000 : 100_000
        var cities: [ReferenceLabel] = []
        for (at, v) in try rows("cities", ["name", "population", "capital", "names", "part_of"]) {
            let population = v[1].number ?? 0, capital = v[2].number == 1
            guard capital || population >= Double(minimum), let name = v[0].string else { continue }
            // A district of a larger city is named on the city's own map only (Saint Petersburg,
            // not Kalininskiy, on a map of the Gulf of Finland).
            if (v[4].number ?? 0) != 0, km >= ReferenceLabelReader.districtsBelowKm { continue }
            let text = Self.localName(v[3].string ?? "", language: language) ?? name
            cities.append(ReferenceLabel(kind: capital ? .capital : .city, text: text, at: at, size: capital ? 7.5 : 7, weight: population))
        }
        out += cities.sorted { $0.weight > $1.weight }.prefix(ReferenceLabelReader.maxCities)
        if km < 2_500 {
            var regions: [ReferenceLabel] = []
            for (at, v) in try rows("regions", ["name", "area_km2", "names"]) {
                let side = v[1].number.map { $0.squareRoot() / kmPerPoint } ?? 0
                guard side >= 70, let name = v[0].string else { continue }
                let text = Self.localName(v[2].string ?? "", language: language) ?? name
                regions.append(ReferenceLabel(kind: .region, text: text, at: at, size: 6.5, weight: side))
            }
            out += regions.sorted { $0.weight > $1.weight }.prefix(ReferenceLabelReader.maxRegions)
        }
        return out.sorted { ($0.kind, -$0.weight) < ($1.kind, -$1.weight) }
    }
}

extension ReferenceLabelReader {
    /// Starts reading the labels of `frame` on another thread (with a projection of its own), for
    /// the caller to take, with `wait`, once it has drawn the basemap meanwhile; reads them at
    /// once on the calling thread when `threads` is one (a batch item, whose siblings keep the
    /// other cores busy: `--jobs 1` uses one core).
    func start(for frame: MapFrame, pointsAcross: Double, language: String, storyPoints: [Coordinate], threads: Threads) -> Pending {
        guard threads.count > 1 else {
            let pending = Pending()
            pending.result = Result { try labels(for: frame, pointsAcross: pointsAcross, language: language, storyPoints: storyPoints) }
            return pending
        }
        let pending = Pending()
        let shared = UncheckedSendable((self, frame.projection.definition, MapFrame(copying: frame, projection: frame.projection)))
        pending.group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            let (reader, definition, copy) = shared.value
            pending.result = Result {
                let own = MapFrame(copying: copy, projection: try MapProjection(definition: definition))
                return try reader.labels(for: own, pointsAcross: pointsAcross, language: language, storyPoints: storyPoints)
            }
            pending.group.leave()
        }
        return pending
    }

    /// Straits and canals where the sea-lane data marks them (the middle of their lane), named
    /// in `language`.
    func passages(box: BoundingBox, language: String) throws -> [ReferenceLabel] {
        guard (try? data.manifest().dataset("sea")) != nil else { return [] }
        var out: [ReferenceLabel] = [], seen = Set<String>()
        for f in try LayerReader(data: data).features(dataset: "sea", layer: "sea_lanes", in: box, columns: ["passage"], limit: 100_000,
                                                      withText: "passage") {
            guard let code = f.values[0].string, let name = PassageNames.name(code, language), seen.insert(code).inserted else { continue }
            let points = f.geometry.coordinates
            guard !points.isEmpty else { continue }
            out.append(ReferenceLabel(kind: .passage, text: name, at: points[points.count / 2], size: 7.5, weight: 1))
        }
        return out
    }

    /// Labels being read on another thread.
    final class Pending: @unchecked Sendable {
        let group = DispatchGroup()
        var result: Result<[ReferenceLabel], Error> = .success([])
        /// Labels already read.
        static func resolved(_ labels: [ReferenceLabel]) -> Pending {
            let p = Pending()
            p.result = .success(labels)
            return p
        }
        /// The labels, once read; rethrows what reading threw.
        func wait() throws -> [ReferenceLabel] {
            group.wait()
            return try result.get()
        }
    }

    /// A city's or region's name in `language` from the labels' `names` column
    /// ("el=Σεούλ|ja=ソウル|ko=서울"), when it has one.
    static func localName(_ names: String, language: String) -> String? {
        let prefix = language + "="
        return names.split(separator: "|").first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    /// Country names: at Natural Earth's label point when it is on the map, or else inside the
    /// largest visible part of the country (where a grid over the frame falls inside it), sized
    /// by the part of the country the map shows.
    func countries(_ frame: MapFrame, file: GeoPackageFile, box: BoundingBox, nameColumn: String, zoom: Double,
                   kmPerPoint: Double, pointsAcross: Double, storyPoints: [Coordinate]) throws -> [ReferenceLabel] {
        var byCode: [String: (name: String, minLabel: Double, area: Double, at: Coordinate)] = [:]
        for f in try file.features(layer: "countries", in: nil, columns: ["iso_a2", "name", nameColumn, "min_label", "area_km2"], limit: 10_000) {
            guard case .point(let at) = f.geometry, let code = f.values[0].string else { continue }
            let name = f.values[2].string ?? f.values[1].string ?? ""
            // Several label points share a code (Australia and its Ashmore and Cartier Islands): the
            // country's own is the largest.
            let area = f.values[4].number ?? 0
            if !name.isEmpty, area >= byCode[code]?.area ?? -1 { byCode[code] = (name, f.values[3].number ?? 10, area, at) }
        }
        // The frame's grid, as lon/lat.
        let columns = 24, rows = max(4, Int((Double(columns) * frame.height / max(frame.width, 1)).rounded()))
        var cells: [(x: Double, y: Double)] = []
        for j in 0..<rows {
            for i in 0..<columns { cells.append(((Double(i) + 0.5) * frame.width / Double(columns), (Double(j) + 0.5) * frame.height / Double(rows))) }
        }
        let grid = zip(cells, frame.unproject(cells)).compactMap { xy, c in c.map { (x: xy.x, y: xy.y, c: $0) } }
        let cellPoints = (frame.width / Double(columns)) * (frame.height / Double(rows)) * pointsAcross / max(frame.width, 1) * pointsAcross / max(frame.width, 1)
        var out: [ReferenceLabel] = []
        var seen = Set<String>()
        /// Whether a point of the frame lies well inside the map (not within 4% of an edge).
        func wellInside(_ p: Coordinate) -> Bool {
            p.lon > frame.width * 0.04 && p.lon < frame.width * 0.96 && p.lat > frame.height * 0.04 && p.lat < frame.height * 0.96
        }
        // The countries' outlines at the level of detail of the map's scale in points, not pixels,
        // so that PNG, PDF and SVG of a map place its names alike (a grid cell is far coarser).
        for f in try LayerReader(data: data).features(dataset: "basemap", layer: "countries" + BasemapRenderer.level(metresPerUnit: kmPerPoint * 1000), in: box,
                                                     columns: ["iso_a2"], limit: 10_000) {
            guard let code = f.values[0].string, let country = byCode[code], !seen.contains(code), country.minLabel <= zoom + 1 else { continue }
            // Each part's box first: most grid points are far from most parts.
            let big = country.area.squareRoot() / kmPerPoint >= 28
            let parts = big ? f.geometry.polygons.compactMap { rings in BoundingBox(enclosing: rings.first ?? []).map { (rings, $0) } } : []
            let whole = BoundingBox(enclosing: parts.flatMap { [Coordinate(lon: $0.1.west, lat: $0.1.south), Coordinate(lon: $0.1.east, lat: $0.1.north)] })
            // Tested at hundreds of grid points (thousands for the story's countries): a part is
            // indexed when a point first falls in its box (most islands never see one).
            var indexes = [PolygonIndex?](repeating: nil, count: parts.count)
            func within(_ c: Coordinate) -> Bool {
                guard whole?.contains(c) == true else { return false }
                for k in parts.indices where parts[k].1.contains(c) {
                    if indexes[k] == nil { indexes[k] = PolygonIndex(parts[k].0) }
                    if indexes[k]!.contains(c) { return true }
                }
                return false
            }
            let story = storyPoints.contains(where: within)
            let inside = grid.filter { within($0.c) }
            // The story's own country is worth a finer search for a spot: a grid four times as
            // fine over the part of the frame it covers, nearest its middle first.
            let fine = story ? Self.middleFirst(finerGrid(frame, over: parts.map(\.0), columns: columns * 4).filter { within($0.c) }) : []
            // A country too small or too scattered for the grid to find it (island states: Tonga,
            // Samoa, Fiji at the scale of the South Pacific; Germany between the points of a world
            // map's grid) is named at its label point, when that lies well inside the map, in the
            // smallest size; the placer moves the name off the islands or leaves it out.
            guard !inside.isEmpty else {
                // Only where Natural Earth would name it two zoom levels sooner: not every islet.
                if country.minLabel <= zoom - 1, let p = frame.frame([country.at]).first, wellInside(p) {
                    seen.insert(code)
                    // Else above or below its islands (a capital's name may be at the label point).
                    let step = 16 * kmPerPoint / 111.2
                    let around = [step, -step, 2 * step, -2 * step].map { Coordinate(lon: country.at.lon, lat: max(-89, min(89, country.at.lat + $0))) }
                    out.append(ReferenceLabel(kind: .country, text: country.name, at: country.at, alternatives: around + fine.prefix(40), size: 7,
                                              weight: country.area.squareRoot() / kmPerPoint, story: story))
                }
                continue
            }
            seen.insert(code)
            // The whole country's side on the map, or the side of what is visible, whichever is less.
            let side = min(country.area.squareRoot() / kmPerPoint, (Double(inside.count) * cellPoints).squareRoot())
            guard side >= 28 else { continue }
            // Inside grid points nearest the middle of the visible part first.
            var at = country.at, alternatives = Array(Self.middleFirst(inside).prefix(8)) + fine.prefix(40)
            if let p = frame.frame([at]).first, !wellInside(p) {
                guard inside.count >= 3 else { continue }
                at = alternatives.removeFirst()
            }
            // In half-point steps, as type is set: each size is one font lookup (~1 ms of fontconfig).
            let size = (min(13, max(7, 7 + 1.4 * log2(max(1, side / 60)))) * 2).rounded() / 2
            out.append(ReferenceLabel(kind: .country, text: country.name, at: at, alternatives: alternatives, size: size, weight: side, story: story))
        }
        return out
    }

    /// The lon/lat of grid points, those nearest the middle of them all first.
    static func middleFirst(_ points: [(x: Double, y: Double, c: Coordinate)]) -> [Coordinate] {
        guard !points.isEmpty else { return [] }
        let mx = points.reduce(0) { $0 + $1.x } / Double(points.count), my = points.reduce(0) { $0 + $1.y } / Double(points.count)
        return points.sorted { ($0.x - mx) * ($0.x - mx) + ($0.y - my) * ($0.y - my) < ($1.x - mx) * ($1.x - mx) + ($1.y - my) * ($1.y - my) }.map(\.c)
    }

    /// Points of a grid `columns` across the frame, within the frame box of the outer rings of
    /// `polygons` (each its rings), as frame positions and lon/lat.
    func finerGrid(_ frame: MapFrame, over polygons: [[[Coordinate]]], columns: Int) -> [(x: Double, y: Double, c: Coordinate)] {
        let projected = frame.frame(polygons.flatMap { $0.first ?? [] })
        guard let west = projected.map(\.lon).min(), let east = projected.map(\.lon).max(),
              let top = projected.map(\.lat).min(), let bottom = projected.map(\.lat).max() else { return [] }
        let step = frame.width / Double(columns)
        var cells: [(x: Double, y: Double)] = []
        var y = max(0, (top / step).rounded(.down) * step + step / 2)
        while y < min(frame.height, bottom) {
            var x = max(0, (west / step).rounded(.down) * step + step / 2)
            while x < min(frame.width, east) {
                cells.append((x, y))
                x += step
            }
            y += step
        }
        return zip(cells, frame.unproject(cells)).compactMap { xy, c in c.map { (x: xy.x, y: xy.y, c: $0) } }
    }
}

extension SQLiteValue {
    /// The value as text, when it is text and not empty.
    var string: String? {
        if case .text(let t) = self, !t.isEmpty { return t }
        return nil
    }

    /// The value as a number, when it is one.
    var number: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .real(let d): return d
        default: return nil
        }
    }
}
