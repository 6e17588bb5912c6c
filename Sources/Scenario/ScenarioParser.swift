import Symbology
import Foundation
import GeoCore
import Yams

/// Reads a scenario YAML file into a `Scenario`, reporting every problem at once with its
/// file:line:column (unknown keys with the nearest valid one, wrong types, bad dates and ranges,
/// dangling ids).
public enum ScenarioParser {
    /// Files larger than this are refused.
    public static let maxBytes = 2_000_000

    /// Parses the file at `path`.
    public static func parse(file path: String) throws -> Scenario {
        try parse(try YAMLDocument.text(path, what: "scenario", maxBytes: maxBytes), file: path)
    }

    /// The keys a scenario may have at its top level.
    public static let topKeys = ["title", "subtitle", "as_of", "author", "markings", "language", "summary", "theme", "sides",
                          "sources", "places", "units", "routes", "figures", "areas", "events", "annotations", "views"]

    /// Parses YAML text; `file` names it in messages.
    public static func parse(_ text: String, file: String) throws -> Scenario {
        guard let root = try YAMLDocument.compose(text, file: file) else {
            throw ScenarioError([ScenarioProblem(SourceLocation(file: file, line: 1, column: 1), field: "document", "the file is empty: start with 'title:'")])
        }
        let r = YAMLReader(file: file)
        guard let top = r.fields(root, "scenario", keys: topKeys, required: ["title"]) else { throw ScenarioError(r.problems) }
        var s = Scenario(file: file, title: top.string("title", maxLength: 300) ?? "")
        s.subtitle = top.string("subtitle", maxLength: 500)
        s.asOf = top.date("as_of")
        s.author = top.string("author", maxLength: 300)
        s.markings = top.string("markings", maxLength: 200)
        s.language = top.string("language", maxLength: 20) ?? "en"
        s.summary = top.string("summary", maxLength: 20_000)
        s.theme = top.string("theme", maxLength: 1_000)
        for (code, side) in top.dictionary("sides").sorted(by: { $0.key < $1.key }) {
            guard let a = Affiliation(rawValue: side.lowercased()), code.count == 2 else {
                r.problem(top.node("sides")!, "sides.\(code)", "expected 'CC: friendly|hostile|neutral|unknown' with a two-letter country code")
                continue
            }
            s.sides[code.uppercased()] = a
        }
        s.sources = r.items(top.node("sources"), "sources").compactMap { source($0.1, $0.0, r) }
        s.places = r.items(top.node("places"), "places").compactMap { place($0.1, $0.0, r) }
        s.units = r.items(top.node("units"), "units").compactMap { unit($0.1, $0.0, r) }.map { u in
            var u = u
            if let c = u.country { u.affiliation = s.sides[c] ?? .unknown }
            return u
        }
        s.routes = r.items(top.node("routes"), "routes").compactMap { route($0.1, $0.0, r) }
        s.figures = r.items(top.node("figures"), "figures").compactMap { figure($0.1, $0.0, r) }
        s.areas = r.items(top.node("areas"), "areas").compactMap { area($0.1, $0.0, r) }
        s.events = r.items(top.node("events"), "events").compactMap { event($0.1, $0.0, r) }
        s.annotations = r.items(top.node("annotations"), "annotations").compactMap { annotation($0.1, $0.0, r) }
        s.views = r.items(top.node("views"), "views", limit: 100).compactMap { view($0.1, $0.0, r) }
        ScenarioChecks.crossReferences(s, r)
        guard r.problems.isEmpty else { throw ScenarioError(r.problems) }
        return s
    }

    static func yamlProblem(_ error: YamlError, file: String) -> ScenarioProblem {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ScenarioProblem(SourceLocation(file: file, line: mark.line, column: mark.column), field: "yaml",
                                   "malformed YAML: \(problem) (check indentation and quoting near here)")
        default:
            return ScenarioProblem(SourceLocation(file: file, line: 1, column: 1), field: "yaml", "malformed YAML: \(error)")
        }
    }

    static func source(_ n: Node, _ p: String, _ r: YAMLReader) -> Source? {
        guard let f = r.fields(n, p, keys: ["id", "publisher", "title", "date", "url"], required: ["id", "publisher"]),
              let id = f.id("id"), let publisher = f.string("publisher", maxLength: 300) else { return nil }
        let url = f.string("url", maxLength: 2_000)
        if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            r.problem(f.node("url")!, f.path("url"), "'\(url)' is not a web address: start it with https://")
        }
        return Source(id: id, publisher: publisher, title: f.string("title", maxLength: 500), date: f.date("date"), url: url, location: f.location)
    }

    static func place(_ n: Node, _ p: String, _ r: YAMLReader) -> Place? {
        guard let f = r.fields(n, p, keys: ["id", "name", "lat", "lon", "country", "admin1", "near", "kind", "label", "labels",
                                            "unlocated", "note", "priority", "keep"], required: ["id", "name"]),
              let id = f.id("id"), let name = f.string("name", maxLength: 200) else { return nil }
        var place = Place(id: id, name: name, location: f.location)
        let lat = f.double("lat", in: -90...90), lon = f.double("lon", in: -180...180)
        if f.has("lat") != f.has("lon") { r.problem(n, p, "give both 'lat' and 'lon', or neither to geocode '\(name)'") }
        if let lat, let lon { place.coordinate = Coordinate(lon: lon, lat: lat) }
        place.country = f.string("country", maxLength: 100)
        place.admin1 = f.string("admin1", maxLength: 100)
        place.near = f.string("near", maxLength: 200)
        place.kind = f.choice("kind", PlaceSymbol.self) ?? .city
        place.label = f.string("label", maxLength: 200)
        place.labels = f.dictionary("labels")
        place.unlocated = f.bool("unlocated") ?? false
        place.note = f.string("note", maxLength: 2_000)
        place.priority = f.int("priority", in: 0...1000)
        place.keep = f.bool("keep") ?? false
        if place.unlocated && place.coordinate != nil {
            r.problem(n, p, "'\(id)' is unlocated and has coordinates: remove one or the other")
        }
        return place
    }

    static func unit(_ n: Node, _ p: String, _ r: YAMLReader) -> Unit? {
        guard let f = r.fields(n, p, keys: ["id", "name", "affiliation", "echelon", "type", "strength", "at", "date"],
                               required: ["id", "name", "affiliation"]),
              let id = f.id("id"), let name = f.string("name", maxLength: 200), let aff = f.string("affiliation", maxLength: 40) else { return nil }
        var affiliation = Affiliation(rawValue: aff.lowercased())
        var country: String?
        if affiliation == nil {
            // A country code: the frame takes that country's side in the scenario's own terms.
            if aff.count == 2, aff.allSatisfy({ $0.isLetter }) {
                country = aff.uppercased()
                affiliation = .unknown // the scenario's `sides` settles it
            } else {
                let hint = nearest(aff, in: Affiliation.allCases.map(\.rawValue)).map { "did you mean '\($0)'? " } ?? ""
                r.problem(f.node("affiliation")!, f.path("affiliation"), "'\(aff)' is not valid; \(hint)use friendly, hostile, neutral, unknown or a two-letter country code")
                return nil
            }
        }
        return Unit(id: id, name: name, affiliation: affiliation!, country: country, echelon: f.choice("echelon", Echelon.self),
                    type: f.choice("type", UnitType.self) ?? .unspecified, strength: f.string("strength", maxLength: 100),
                    at: f.string("at", maxLength: 100), date: f.date("date"), location: f.location)
    }

    static func route(_ n: Node, _ p: String, _ r: YAMLReader) -> Route? {
        guard let f = r.fields(n, p, keys: ["id", "label", "legs", "style", "date", "affiliation", "color"], required: ["id", "legs"]),
              let id = f.id("id") else { return nil }
        let legs = f.strings("legs", limit: 50).flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
        guard !legs.isEmpty else {
            if f.has("legs") { r.problem(f.node("legs")!, f.path("legs"), "no legs: write 'Wonsan>Vladivostok:sea'") }
            return nil
        }
        var color = f.string("color", maxLength: 20)
        if let c = color, !ScenarioParser.isHexColor(c) {
            r.problem(f.node("color")!, f.path("color"), "'\(c)' is not a colour: write it as #rrggbb, e.g. '#1f5fa8'")
            color = nil
        }
        return Route(id: id, label: f.string("label", maxLength: 200), legs: legs, style: f.choice("style", RouteStyle.self) ?? .line,
                     date: f.date("date"), affiliation: f.choice("affiliation", Affiliation.self) ?? .hostile, color: color, location: f.location)
    }

    /// "#rrggbb" or "#rrggbbaa".
    static func isHexColor(_ s: String) -> Bool {
        s.hasPrefix("#") && (s.count == 7 || s.count == 9) && s.dropFirst().allSatisfy(\.isHexDigit)
    }

    static func figure(_ n: Node, _ p: String, _ r: YAMLReader) -> Figure? {
        guard let f = r.fields(n, p, keys: ["id", "quantity", "value", "unit", "date", "sources", "confidence", "attach", "note", "keep"],
                               required: ["id", "quantity", "value", "sources"]),
              let id = f.id("id"), let quantity = f.string("quantity", maxLength: 300), let raw = f.string("value", maxLength: 100) else { return nil }
        let value: FigureValue
        do { value = try FigureValue.parse(raw) } catch {
            r.problem(f.node("value")!, f.path("value"), "\(error)")
            return nil
        }
        if value.min > value.max {
            r.problem(f.node("value")!, f.path("value"), "the range \(FigureValue.format(value.min))-\(FigureValue.format(value.max)) has its minimum above its maximum: swap them")
        }
        let sources = f.strings("sources", limit: 50)
        if sources.isEmpty && f.has("sources") { r.problem(f.node("sources")!, f.path("sources"), "every figure needs at least one source id") }
        return Figure(id: id, quantity: quantity, value: value, unit: f.string("unit", maxLength: 100), date: f.date("date"),
                      sources: sources, confidence: f.choice("confidence", Confidence.self), attachedTo: f.string("attach", maxLength: 100),
                      note: f.string("note", maxLength: 2_000), keep: f.bool("keep") ?? false, location: f.location)
    }

    static func area(_ n: Node, _ p: String, _ r: YAMLReader) -> Area? {
        guard let f = r.fields(n, p, keys: ["id", "label", "file", "center", "radius_km", "approximate", "affiliation", "date"], required: ["id"]),
              let id = f.id("id") else { return nil }
        let area = Area(id: id, label: f.string("label", maxLength: 200), file: f.string("file", maxLength: 1_000), center: f.string("center", maxLength: 100),
                        radiusKm: f.double("radius_km", in: 0.01...5_000), approximate: f.bool("approximate") ?? false,
                        affiliation: f.choice("affiliation", Affiliation.self) ?? .friendly, date: f.date("date"), location: f.location)
        if (area.file == nil) == (area.center == nil) {
            r.problem(n, p, "give either 'file' (a polygon GDAL reads) or 'center' and 'radius_km'")
        } else if area.center != nil && area.radiusKm == nil && !f.has("radius_km") {
            r.problem(n, p, "'radius_km' is missing for the circle around '\(area.center!)'")
        }
        return area
    }

    static func event(_ n: Node, _ p: String, _ r: YAMLReader) -> Event? {
        guard let f = r.fields(n, p, keys: ["date", "place", "text", "sources"], required: ["date", "text"]),
              let date = f.date("date"), let text = f.string("text", maxLength: 2_000) else { return nil }
        return Event(date: date, place: f.string("place", maxLength: 100), text: text, sources: f.strings("sources", limit: 50), location: f.location)
    }

    static func annotation(_ n: Node, _ p: String, _ r: YAMLReader) -> Annotation? {
        guard let f = r.fields(n, p, keys: ["text", "at", "lat", "lon", "leader", "style", "views"], required: ["text"]),
              let text = f.string("text", maxLength: 500) else { return nil }
        var a = Annotation(text: text, location: f.location)
        a.at = f.string("at", maxLength: 100)
        let lat = f.double("lat", in: -90...90), lon = f.double("lon", in: -180...180)
        if f.has("lat") != f.has("lon") { r.problem(n, p, "give both 'lat' and 'lon', or 'at' with a place id") }
        if let lat, let lon { a.coordinate = Coordinate(lon: lon, lat: lat) }
        if (a.at == nil) == (a.coordinate == nil) && f.has("lat") == f.has("lon") {
            r.problem(n, p, "give 'at' (a place id) or 'lat' and 'lon' for where '\(text.prefix(40))' goes, not both")
        }
        a.leader = f.bool("leader") ?? false
        a.style = f.choice("style", AnnotationStyle.self) ?? .note
        a.views = f.strings("views", limit: 100)
        return a
    }

    static func view(_ n: Node, _ p: String, _ r: YAMLReader) -> View? {
        guard let f = r.fields(n, p, keys: ["name", "title", "subtitle", "bbox", "fit", "margin_km", "projection", "size", "paper", "dpi", "layers", "inset", "reference", "hide", "window"],
                               required: ["name"]),
              let name = f.id("name") else { return nil }
        var v = View(name: name, location: f.location)
        v.title = f.string("title", maxLength: 300)
        v.subtitle = f.string("subtitle", maxLength: 500)
        if f.has("bbox") {
            let nums = f.strings("bbox", limit: 4).compactMap(Double.init)
            if nums.count == 4, let box = BoundingBox(checkedWest: nums[0], south: nums[1], east: nums[2], north: nums[3]) {
                v.bbox = box
            } else {
                r.problem(f.node("bbox")!, f.path("bbox"), "expected [west, south, east, north] in degrees with south < north")
            }
        }
        v.fit = f.strings("fit", limit: 500)
        if f.has("window") {
            let nums = f.strings("window", limit: 4).compactMap(Double.init)
            if nums.count == 4, nums[0] < nums[2], nums[1] < nums[3], nums.allSatisfy({ $0.isFinite }) { v.window = nums } else {
                r.problem(f.node("window")!, f.path("window"), "expected [minX, minY, maxX, maxY] in the projection's units, min < max")
            }
        }
        v.projection = f.string("projection", maxLength: 2_000)
        if v.window != nil && v.projection == nil { r.problem(n, p, "a 'window' is in projected units: give its 'projection' too") }
        if v.bbox == nil && v.fit.isEmpty && v.window == nil && !f.has("bbox") && !f.has("window") {
            r.problem(n, p, "give 'bbox', 'window' or 'fit' (ids of places, routes, areas to show)")
        }
        v.marginKm = f.double("margin_km", in: 0...10_000) ?? 100
        v.dpi = f.double("dpi", in: 36...1200) ?? 144
        if let size = f.string("size", maxLength: 40) {
            if let (w, h) = ViewSize.parse(size) { (v.width, v.height) = (w, h) } else {
                r.problem(f.node("size")!, f.path("size"), "'\(size)' is not a size: write WIDTHxHEIGHT in pixels, each 16...16384, at most 100 million pixels")
            }
        }
        if let paper = f.string("paper", maxLength: 40) {
            if let (w, h) = ViewSize.paper(paper, dpi: v.dpi) { (v.width, v.height) = (w, h) } else {
                r.problem(f.node("paper")!, f.path("paper"), "'\(paper)' is not a paper size: use a4, a3, letter, optionally with -landscape")
            }
        }
        if f.has("layers") { v.layers = f.strings("layers", limit: 20) }
        v.inset = f.bool("inset") ?? true
        v.reference = f.bool("reference") ?? true
        v.hide = f.strings("hide", limit: 500)
        return v
    }
}

/// View sizes: "WIDTHxHEIGHT" in pixels, or paper at a DPI.
public enum ViewSize {
    public static let maxSide = 16_384
    public static let maxPixels = 100_000_000

    /// "2000x1400" -> (2000, 1400), within the limits.
    public static func parse(_ s: String) -> (Int, Int)? {
        let parts = s.lowercased().split(separator: "x").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let w = parts[0], let h = parts[1], valid(w, h) else { return nil }
        return (w, h)
    }

    /// The largest page side PDF allows, in points.
    public static let maxPagePoints = 14_400.0

    /// Why a `w` x `h` pixel view at `dpi` cannot be a PDF or SVG page; nil when it can.
    public static func vectorPageProblem(width w: Int, height h: Int, dpi: Double) -> String? {
        let side = Double(max(w, h)) * 72 / dpi
        guard side > maxPagePoints else { return nil }
        return String(format: "%dx%d at %g dpi is a page of %.0f pt, over the %.0f pt PDF and SVG hold: raise dpi to %.0f or more",
                      w, h, dpi, side, maxPagePoints, (Double(max(w, h)) * 72 / maxPagePoints).rounded(.up))
    }

    public static func valid(_ w: Int, _ h: Int) -> Bool {
        (16...maxSide).contains(w) && (16...maxSide).contains(h) && w * h <= maxPixels
    }

    /// Paper sizes in mm.
    static let papers: [String: (Double, Double)] = ["a4": (210, 297), "a3": (297, 420), "letter": (215.9, 279.4)]

    /// "a4", "a4-landscape" at `dpi`: pixels (the map's points are then the paper's).
    public static func paper(_ name: String, dpi: Double) -> (Int, Int)? {
        let parts = name.lowercased().split(separator: "-")
        guard let first = parts.first, let mm = papers[String(first)], parts.count <= 2 else { return nil }
        var (w, h) = mm
        if parts.count == 2 {
            guard parts[1] == "landscape" else { return nil }
            (w, h) = (h, w)
        }
        let px = { (mm: Double) in Int((mm / 25.4 * dpi).rounded()) }
        guard valid(px(w), px(h)) else { return nil }
        return (px(w), px(h))
    }
}
