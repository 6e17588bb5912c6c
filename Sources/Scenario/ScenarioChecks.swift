/// Checks that need the whole scenario: unique ids, and every id a figure, unit, area, event or
/// view names exists.
enum ScenarioChecks {
    static func crossReferences(_ s: Scenario, _ r: YAMLReader) {
        var seen: [String: SourceLocation] = [:]
        func unique(_ id: String, _ at: SourceLocation, _ field: String) {
            if let first = seen[id] {
                r.problem(at: at, field, "the id '\(id)' is already used at line \(first.line): ids must be unique across places, units, routes and areas")
            } else { seen[id] = at }
        }
        for (i, p) in s.places.enumerated() { unique(p.id, p.location, "places[\(i)].id") }
        for (i, u) in s.units.enumerated() { unique(u.id, u.location, "units[\(i)].id") }
        for (i, x) in s.routes.enumerated() { unique(x.id, x.location, "routes[\(i)].id") }
        for (i, a) in s.areas.enumerated() { unique(a.id, a.location, "areas[\(i)].id") }

        var sourceIDs: [String: SourceLocation] = [:]
        for (i, src) in s.sources.enumerated() {
            if let first = sourceIDs[src.id] {
                r.problem(at: src.location, "sources[\(i)].id", "the source id '\(src.id)' is already used at line \(first.line)")
            } else { sourceIDs[src.id] = src.location }
        }
        let sourceList = s.sources.map(\.id)
        func checkSources(_ ids: [String], _ at: SourceLocation, _ field: String) {
            for id in ids where sourceIDs[id] == nil {
                let hint = nearest(id, in: sourceList).map { "did you mean '\($0)'? " } ?? ""
                r.problem(at: at, field, "no source has the id '\(id)'; \(hint)add it under 'sources'")
            }
        }
        let itemIDs = Array(seen.keys).sorted()
        func checkItem(_ id: String, _ at: SourceLocation, _ field: String, kinds: Set<Scenario.ItemKind>) {
            guard let kind = s.item(id) else {
                let hint = nearest(id, in: itemIDs).map { "did you mean '\($0)'? " } ?? ""
                r.problem(at: at, field, "nothing has the id '\(id)'; \(hint)ids are those of places, units, routes and areas")
                return
            }
            if !kinds.contains(kind) {
                r.problem(at: at, field, "'\(id)' is a \(kind.rawValue); expected a \(kinds.map(\.rawValue).sorted().joined(separator: " or "))")
            }
        }
        for (i, f) in s.figures.enumerated() {
            checkSources(f.sources, f.location, "figures[\(i)].sources")
            if let a = f.attachedTo { checkItem(a, f.location, "figures[\(i)].attach", kinds: [.place, .unit, .route, .area]) }
        }
        for (i, u) in s.units.enumerated() {
            if let at = u.at { checkItem(at, u.location, "units[\(i)].at", kinds: [.place]) }
        }
        for (i, a) in s.areas.enumerated() {
            if let c = a.center { checkItem(c, a.location, "areas[\(i)].center", kinds: [.place]) }
        }
        for (i, e) in s.events.enumerated() {
            checkSources(e.sources, e.location, "events[\(i)].sources")
            if let p = e.place { checkItem(p, e.location, "events[\(i)].place", kinds: [.place]) }
        }
        var viewNames = Set<String>()
        for (i, v) in s.views.enumerated() {
            if !viewNames.insert(v.name).inserted { r.problem(at: v.location, "views[\(i)].name", "two views are named '\(v.name)'") }
            for id in v.fit { checkItem(id, v.location, "views[\(i)].fit", kinds: [.place, .unit, .route, .area]) }
            for id in v.hide { checkItem(id, v.location, "views[\(i)].hide", kinds: [.place, .unit, .route, .area]) }
        }
        for (i, p) in s.places.enumerated() where p.unlocated {
            for (j, u) in s.units.enumerated() where u.at == p.id {
                r.problem(at: u.location, "units[\(j)].at", "'\(p.id)' (places[\(i)]) is unlocated: a unit cannot be drawn there")
            }
        }
    }
}
