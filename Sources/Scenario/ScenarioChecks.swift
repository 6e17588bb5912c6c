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
        for p in s.places { unique(p.id, p.location, "places[\(p.id)].id") }
        for u in s.units { unique(u.id, u.location, "units[\(u.id)].id") }
        for x in s.routes { unique(x.id, x.location, "routes[\(x.id)].id") }
        for a in s.areas { unique(a.id, a.location, "areas[\(a.id)].id") }

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
        // Items are named by id: an item that failed to parse would shift list positions.
        for f in s.figures {
            checkSources(f.sources, f.location, "figures[\(f.id)].sources")
            if let a = f.attachedTo { checkItem(a, f.location, "figures[\(f.id)].attach", kinds: [.place, .unit, .route, .area]) }
        }
        for u in s.units {
            if let at = u.at { checkItem(at, u.location, "units[\(u.id)].at", kinds: [.place]) }
        }
        for a in s.areas {
            if let c = a.center { checkItem(c, a.location, "areas[\(a.id)].center", kinds: [.place]) }
        }
        for (i, e) in s.events.enumerated() {
            checkSources(e.sources, e.location, "events[\(i)].sources")
            if let p = e.place { checkItem(p, e.location, "events[\(i)].place", kinds: [.place]) }
        }
        for (i, a) in s.annotations.enumerated() {
            if let at = a.at { checkItem(at, a.location, "annotations[\(i)].at", kinds: [.place]) }
            for name in a.views where !s.views.contains(where: { $0.name == name }) {
                r.problem(at: a.location, "annotations[\(i)].views", "no view is named '\(name)'; views: \(s.views.map(\.name).joined(separator: ", "))")
            }
        }
        var viewNames = Set<String>()
        for (i, v) in s.views.enumerated() {
            if !viewNames.insert(v.name).inserted { r.problem(at: v.location, "views[\(i)].name", "two views are named '\(v.name)'") }
            for id in v.fit { checkItem(id, v.location, "views[\(i)].fit", kinds: [.place, .unit, .route, .area]) }
            for id in v.hide { checkItem(id, v.location, "views[\(i)].hide", kinds: [.place, .unit, .route, .area]) }
        }
        for (i, a) in s.annotations.enumerated() {
            if let at = a.at, s.places.first(where: { $0.id == at })?.unlocated == true {
                r.problem(at: a.location, "annotations[\(i)].at", "'\(at)' is unlocated: give the annotation 'lat' and 'lon', or another place")
            }
        }
        for p in s.places where p.unlocated {
            for u in s.units where u.at == p.id {
                r.problem(at: u.location, "units[\(u.id)].at", "'\(p.id)' is unlocated: a unit cannot be drawn there")
            }
        }
    }
}
