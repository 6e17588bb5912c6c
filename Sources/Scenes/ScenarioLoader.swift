import Bindings
import Cartography
import Foundation
import Gazetteer
import DataCatalog
import Routing
import Scenario

/// Reads, checks and resolves a scenario file with the built data: everything `render`,
/// `validate`, `brief` and `batch` start from.
public struct LoadedScenario: Sendable {
    public var resolved: ResolvedScenario
    public var style: MapStyle
    public var data: DataDirectory
    /// Resolution notes (names settled by context), for the user to confirm.
    public var notes: [String] { resolved.notes }
    public var scenario: Scenario { resolved.scenario }

    /// Loads `path`; `theme` overrides the scenario's own theme file. Throws `ScenarioError`
    /// with every problem found. `parsed` sees the scenario and style as read, before any place is
    /// located or route found.
    public static func load(_ path: String, theme: String? = nil, data: DataDirectory,
                            parsed: (Scenario, MapStyle) throws -> Void = { _, _ in }) throws -> LoadedScenario {
        let trace = RenderTrace()
        let scenario = try ScenarioParser.parse(file: path)
        var style = MapStyle()
        let themePath = theme ?? scenario.theme.map { t in
            t.hasPrefix("/") ? t : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(t).path
        }
        if let themePath { style = try Theme.load(themePath) }
        trace.mark("load: parse")
        // PROJ loads on the other core while places are located and routes found.
        if !scenario.views.isEmpty { ProjTransform.preload() }
        try parsed(scenario, style)
        let needsGazetteer = scenario.places.contains { $0.coordinate == nil && !$0.unlocated }
        let gazetteer = needsGazetteer ? try Gazetteer(data: data) : nil
        var resolved = try ScenarioResolver(gazetteer: gazetteer, planner: RoutePlanner(data: data), trace: trace).resolve(scenario)
        // The story's cities in the map's language where the scenario gives no label in it.
        let unnamed = scenario.places.filter { $0.labels[scenario.language] == nil && $0.label == nil }.compactMap { p in
            resolved.places[p.id].flatMap { at in at.geonameid.map { (p.id, $0, at.coordinate) } }
        }
        for (id, name) in try LocalCityLabels.names(of: unnamed, language: scenario.language, data: data) { resolved.places[id]?.localName = name }
        // A view that cannot be framed is a problem of the scenario, found before anything is drawn.
        var problems: [ScenarioProblem] = []
        let builder = SceneBuilder(resolved: resolved)
        for v in scenario.views {
            do {
                let request = try builder.request(for: v)
                _ = try request.frame(width: Double(request.width), height: Double(request.height))
            } catch let e as ScenarioError {
                problems += e.problems
            } catch {
                problems.append(ScenarioProblem(v.location, field: "views.\(v.name)", "\(error): choose another projection or extent"))
            }
        }
        guard problems.isEmpty else { throw ScenarioError(problems) }
        trace.mark("load: views framed")
        return LoadedScenario(resolved: resolved, style: style, data: data)
    }

    /// The view named `name`, or an error naming the views there are.
    public func view(_ name: String) throws -> View {
        if let v = scenario.views.first(where: { $0.name == name }) { return v }
        let names = scenario.views.map(\.name)
        let hint = nearest(name, in: names).map { "did you mean '\($0)'? " } ?? ""
        throw ScenarioError([ScenarioProblem(SourceLocation(file: scenario.file, line: 0, column: 0), field: "view",
                                             "no view is named '\(name)'; \(hint)views: \(names.joined(separator: ", "))")])
    }
}
