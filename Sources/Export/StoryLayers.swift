import Bindings
import Cartography
import DataCatalog
import Foundation
import GeoCore
import GeoPackage
import Routing
import Scenario
import Scenes
import Symbology

/// A story as GIS layers, one per kind of item: places (with how each was located), route legs
/// (mode, routed and schematic lengths), areas, units, figures (value, range, qualifier, unit,
/// date and sources as attributes) and events; with the attribution of the data they came from.
public struct StoryLayers: Sendable {
    public var layers: [GeoPackageLayer]
    /// The credit line of every dataset the layers were made from.
    public var attribution: String
    public var title: String

    public init(_ resolved: ResolvedScenario, manifest: Manifest?) {
        let s = resolved.scenario
        title = s.title
        func text(_ v: String?) -> SQLiteValue { v.map(SQLiteValue.text) ?? .null }
        func date(_ d: StoryDate?) -> [SQLiteValue] {
            [text(d?.description), text(d.map { StoryDate.iso(day: $0.first) }), text(d.map { StoryDate.iso(day: $0.last) })]
        }
        let dateColumns: [(name: String, type: GeoPackageLayer.ColumnType)] = [("date", .text), ("date_begin", .text), ("date_end", .text)]
        func sources(_ ids: [String]) -> SQLiteValue {
            ids.isEmpty ? .null : .text(ids.map { id in s.sources.first { $0.id == id }.map { src in
                [src.publisher, src.title, src.date?.description, src.url].compactMap { $0 }.joined(separator: ", ") } ?? id }.joined(separator: "; "))
        }

        var places: [(geometry: Geometry, values: [SQLiteValue])] = []
        for p in s.places {
            guard let at = resolved.places[p.id] else { continue }
            places.append((.point(at.coordinate), [.text(p.id), .text(p.name), .text(resolved.label(of: p)), .text(p.kind.rawValue), .text(at.origin)]))
        }

        var legs: [(geometry: Geometry, values: [SQLiteValue])] = []
        var modes = Set<String>()
        for r in s.routes {
            for (i, leg) in (resolved.routes[r.id] ?? []).enumerated() {
                let lines = Geometry.cutAtAntimeridian(leg.parts.map(\.coordinates).filter { $0.count >= 2 })
                guard !lines.isEmpty else { continue }
                if leg.routedKm > 0 { modes.insert(leg.mode) }
                let parts = leg.parts.map { "\($0.routed ? "routed" : "schematic") \(FigureValue.format($0.km.rounded())) km" }.joined(separator: ", ")
                legs.append((.multiLineString(lines), [.text(r.id), text(r.label), .integer(Int64(i + 1)), .text(leg.from), .text(leg.to), .text(leg.mode),
                                                        .real(Self.km(leg.totalKm)), .real(Self.km(leg.routedKm)), .real(Self.km(leg.schematicKm)), .text(parts),
                                                        .text(r.affiliation.rawValue)] + date(r.date)))
            }
        }

        var areas: [(geometry: Geometry, values: [SQLiteValue])] = []
        for a in s.areas {
            guard let polygons = resolved.areas[a.id], !polygons.isEmpty else { continue }
            areas.append((.multiPolygon(polygons), [.text(a.id), text(a.label), .integer(a.approximate ? 1 : 0), .text(a.affiliation.rawValue)] + date(a.date)))
        }

        var units: [(geometry: Geometry, values: [SQLiteValue])] = []
        for u in s.units {
            guard let at = u.at.flatMap({ resolved.places[$0]?.coordinate }) else { continue }
            units.append((.point(at), [.text(u.id), .text(u.name), .text(u.affiliation.rawValue), text(u.echelon?.rawValue), .text(u.type.rawValue),
                                       text(u.strength), text(u.at)] + date(u.date)))
        }

        var figures: [(geometry: Geometry, values: [SQLiteValue])] = []
        for f in s.figures {
            guard let id = f.attachedTo, let at = resolved.anchor(of: id) else { continue }
            figures.append((.point(at), [.text(f.id), .text(f.quantity), .text(f.value.description), .real(f.value.min), .real(f.value.max),
                                         .text(f.value.qualifier.rawValue), text(f.unit), sources(f.sources), text(f.confidence?.rawValue), .text(id),
                                         text(f.note)] + date(f.date)))
        }

        var events: [(geometry: Geometry, values: [SQLiteValue])] = []
        for e in s.events {
            guard let at = e.place.flatMap({ resolved.anchor(of: $0) }) else { continue }
            events.append((.point(at), [.text(e.text), text(e.place), sources(e.sources)] + date(e.date)))
        }

        // The gazetteer located the places; the networks of routed legs gave their lines.
        let datasets = ["gazetteer"] + modes.sorted().compactMap { NetworkDataset.byMode[$0] }
        attribution = (try? manifest?.attribution(of: datasets)) ?? ""
        let credit = " Data: \(attribution)."
        layers = [
            GeoPackageLayer(name: "places", geometryType: "POINT", description: "The story's places and how each was located." + credit,
                            columns: [("id", .text), ("name", .text), ("label", .text), ("kind", .text), ("located_by", .text)], features: places),
            GeoPackageLayer(name: "route_legs", geometryType: "MULTILINESTRING",
                            description: "Each leg of each route: mode, length, routed (over a network) and schematic parts, in km." + credit,
                            columns: [("route", .text), ("route_label", .text), ("leg", .integer), ("from_place", .text), ("to_place", .text), ("mode", .text),
                                      ("length_km", .real), ("routed_km", .real), ("schematic_km", .real), ("parts", .text), ("affiliation", .text)] + dateColumns,
                            features: legs),
            GeoPackageLayer(name: "areas", geometryType: "MULTIPOLYGON", description: "Areas; approximate = 1 when drawn from a figure, not surveyed." + credit,
                            columns: [("id", .text), ("label", .text), ("approximate", .integer), ("affiliation", .text)] + dateColumns, features: areas),
            GeoPackageLayer(name: "units", geometryType: "POINT", description: "Units at their places." + credit,
                            columns: [("id", .text), ("name", .text), ("affiliation", .text), ("echelon", .text), ("type", .text), ("strength", .text),
                                      ("place", .text)] + dateColumns, features: units),
            GeoPackageLayer(name: "figures", geometryType: "POINT", description: "Reported figures at what they describe, with their sources." + credit,
                            columns: [("id", .text), ("quantity", .text), ("value", .text), ("value_min", .real), ("value_max", .real), ("qualifier", .text),
                                      ("unit", .text), ("sources", .text), ("confidence", .text), ("attached_to", .text), ("note", .text)] + dateColumns,
                            features: figures),
            GeoPackageLayer(name: "events", geometryType: "POINT", description: "Dated events at their places." + credit,
                            columns: [("text", .text), ("place", .text), ("sources", .text)] + dateColumns, features: events),
        ]
    }

    /// Kilometres to one decimal.
    static func km(_ v: Double) -> Double { (v * 10).rounded() / 10 }
}
