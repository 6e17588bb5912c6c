import Cartography
import Foundation
import Scenario
import Symbology

/// The alternate text of a map, made from what it shows: its title, the places marked, each
/// route leg by leg with its mode and length (and how much of it is schematic), units, areas,
/// each figure with its date and sources, and the date the map stands at. For screen readers:
/// the SVG's `<title>` and `<desc>`, the PDF's figure, and `NAME.alt.txt` beside the map.
public enum MapDescription {
    /// The description of `scene`, the scene of `view` drawn from `resolved`.
    public static func text(of scene: MapScene, view: View, resolved: ResolvedScenario) -> String {
        let s = resolved.scenario
        var out: [String] = []
        var head = "Map: \(scene.title ?? s.title)"
        if let sub = scene.subtitle, !sub.isEmpty { head += " — \(sub)" }
        out.append(sentence(head))
        if let d = scene.dateLine { out.append(sentence(d)) }
        // What is inside the view's extent: the scene holds every place of the story.
        let extent = try? SceneBuilder(resolved: resolved).extent(of: view)
        let points = scene.points.filter { extent?.contains($0.coordinate) ?? true }
        if !points.isEmpty {
            let places = points.sorted { $0.priority > $1.priority }.map { "\($0.label) (\(kind($0.symbol)))" }
            out.append(sentence("Places marked: " + list(places)))
        }
        for r in scene.routes {
            guard let id = r.id, let legs = resolved.routes[id] else { continue }
            let shown = legs.filter { !$0.parts.isEmpty }
            let parts = shown.map { leg -> String in
                var t = "\(MapPhrase.mode(leg.mode, "en").lowercased()) from \(name(leg.from, s)) to \(name(leg.to, s)), \(km(leg.totalKm))"
                if leg.schematicKm >= 1 && leg.routedKm > 0 { t += " (\(km(leg.schematicKm)) of it drawn schematically)" }
                else if leg.routedKm == 0 { t += " (drawn schematically, not over a network)" }
                return t
            }
            let route = s.routes.first { $0.id == id }
            var line = "Route \(r.label ?? id)"
            if let d = route?.date { line += ", \(d.display)" }
            line += ", \(r.affiliation.rawValue) side: " + parts.joined(separator: "; then ")
            if shown.count > 1 { line += "; \(km(r.totalKm)) in all" }
            out.append(sentence(line))
        }
        for u in scene.units where extent?.contains(u.coordinate) ?? true {
            out.append(sentence("Unit: \(u.name), \(u.affiliation.rawValue)\(u.strength.map { ", strength \($0)" } ?? "")"))
        }
        for a in scene.areas {
            out.append(sentence("Area: \(a.label ?? "unnamed")\(a.approximate ? ", drawn approximately" : "")"))
        }
        // Figures with their dates and the sources named in full, not by number.
        let sources = Dictionary(s.sources.enumerated().map { ("\($0.offset + 1)", $0.element.publisher) }, uniquingKeysWith: { a, _ in a })
        for c in scene.callouts {
            let lines = c.lines.map { line -> String in
                guard let open = line.lastIndex(of: "["), line.hasSuffix("]") else { return line }
                let refs = line[line.index(after: open)..<line.index(before: line.endIndex)].split(separator: ",").compactMap { sources[String($0)] }
                let value = line[..<open].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " · ", with: ", ")
                return refs.isEmpty ? value : "\(value), according to \(list(refs))"
            }
            out.append(sentence("\(c.heading): " + lines.joined(separator: "; ")))
        }
        if !scene.unlocated.isEmpty { out.append(sentence("Named in reports but not shown: " + list(scene.unlocated))) }
        return out.joined(separator: " ")
    }

    static func kind(_ k: PlaceSymbol) -> String {
        k.rawValue.replacingOccurrences(of: "-", with: " ")
    }

    static func name(_ idOrName: String, _ s: Scenario) -> String {
        s.places.first { $0.id == idOrName }.map { $0.label(in: s.language) } ?? idOrName
    }

    static func km(_ v: Double) -> String { "\(FigureValue.format(v.rounded())) km" }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    static func sentence(_ t: String) -> String {
        let trimmed = t.trimmingCharacters(in: .whitespaces)
        return trimmed.hasSuffix(".") ? trimmed : trimmed + "."
    }
}
