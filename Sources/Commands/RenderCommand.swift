import Scenes
import PosixBindings
import ArgumentParser
import Bindings
import Briefing
import Cartography
import Foundation
import DataCatalog
import Scenario

/// `geobrief render`: the views of a scenario file to PNG, PDF and SVG.
public struct RenderCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render the views of a scenario to PNG, PDF and SVG.",
        discussion: "Example: geobrief render examples/nk-deployment.yaml --all-views --format png,pdf,svg -o output"
    )

    @Argument(help: "Scenario YAML file (see docs/scenario.md).") var scenario: String
    @Option(help: "The view to render (default: every view).") var view: String?
    @Flag(help: "Render every view.") var allViews = false
    @Option(help: "Comma-separated formats: png, pdf, svg.", transform: FormatList.parse) var format = FormatList([.png])
    @Option(help: "Size in pixels, WIDTHxHEIGHT (default: the view's).", transform: PixelSize.parse) var size: PixelSize?
    @Option(help: "Dots per inch (default: the view's; with a --size too small for it, lowered so that the layout is at least 520x340 points).") var dpi: Double?
    @Option(help: "Theme: default, dark, print (300 dpi, CMYK-safe colours), mono, or a theme YAML file; over the scenario's own.") var theme: String?
    @Option(name: .shortAndLong, help: "Output folder.") var output = "output"

    public func validate() throws {
        if view != nil && allViews { throw ValidationError("give --view NAME or --all-views, not both") }
        if let dpi, !(36...1200).contains(dpi) { throw ValidationError("--dpi \(dpi): expected 36...1200") }
    }


    /// The size and resolution `view` is drawn at: the command line's, else a theme's preferred
    /// resolution (print: 300 dpi) at the view's physical size, else the view's own.
    func resolution(of view: View, style: MapStyle) -> (size: (Int, Int)?, dpi: Double?) {
        let given = size.map { ($0.width, $0.height) }
        guard dpi == nil, let preferred = style.preferredDPI, preferred != view.dpi else { return (given, dpi) }
        let (w, h) = given ?? (view.width, view.height)
        let k = preferred / view.dpi
        return ((min(Surface.maxImageSide, Int((Double(w) * k).rounded())), min(Surface.maxImageSide, Int((Double(h) * k).rounded()))), preferred)
    }

    public func run() throws {
        // However the command ends (a scenario refused before any map is drawn), not with the
        // preload still running.
        defer { FontPreload.finish() }
        let trace = RenderTrace()
        let formats = format.formats
        let loaded = try ScenarioOutput.load(scenario, theme: theme) { s, style in
            // Fonts load on the other core while places are located and routes found.
            let views = s.views.filter { v in view.map { $0 == v.name } ?? true }
            FontPreload.start(styles: style.textStyles, targets: Set(views.flatMap { v in
                formats.map { FontPreload.Target(kind: $0.surfaceKind, imageDPI: dpi ?? v.dpi) }
            }))
        }
        trace.mark("load (parse, geocode, route)")
        let views = try view.map { [try loaded.view($0)] } ?? loaded.scenario.views
        guard !views.isEmpty else {
            ScenarioOutput.warn("\(scenario) has no views: add one under 'views' (see docs/scenario.md)")
            throw ExitCode(1)
        }
        // A page PDF and SVG cannot hold is refused before anything is written.
        for v in views where formats.contains(where: { $0 != .png }) {
            let (w, h) = size.map { ($0.width, $0.height) } ?? (v.width, v.height)
            if let problem = ViewSize.vectorPageProblem(width: w, height: h, dpi: dpi ?? v.dpi) {
                ScenarioOutput.warn("\(v.location): views.\(v.name).size: \(problem); nothing was written")
                throw ExitCode(1)
            }
        }
        try AtomicFile.prepareFolder(output)
        let base = URL(fileURLWithPath: scenario).deletingPathExtension().lastPathComponent
        let renderer = ViewRenderer(resolved: loaded.resolved, data: loaded.data, style: loaded.style)
        for v in views {
            // What the map shows, in words, beside it (the SVG and PDF carry it too).
            let alt = URL(fileURLWithPath: output).appendingPathComponent("\(base)-\(v.name).alt.txt").path
            try AtomicFile.write(Data((renderer.altText(for: v) + "\n").utf8), to: alt)
            print("wrote \(alt)")
            for f in formats {
                let path = URL(fileURLWithPath: output).appendingPathComponent("\(base)-\(v.name).\(f.rawValue)").path
                let (pixels, resolution) = resolution(of: v, style: loaded.style)
                let report = try renderer.render(v, to: path, size: pixels, dpi: resolution)
                print("wrote \(path)\(report.dropped.isEmpty ? "" : " (\(report.dropped.count) label(s) left out for lack of room: \(report.dropped.map { "'\($0.replacingOccurrences(of: "\n", with: " "))'" }.joined(separator: ", ")); make the view larger, hide items or raise a place's priority)")")
            }
        }
        for w in Set(renderer.renderer.warnings).sorted() { ScenarioOutput.warn(w) }
    }
}

/// `geobrief validate`: every problem of a scenario at once, as file:line:column.
public struct ValidateCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file: syntax, keys, dates, ids, places, routes and views.",
        discussion: "Prints every problem as FILE:LINE:COLUMN: FIELD: MESSAGE and exits 1 when there is any."
    )

    @Argument(help: "Scenario YAML file.") var scenario: String
    @Option(help: "Theme YAML file to check with it.") var theme: String?

    public func run() throws {
        let loaded = try ScenarioOutput.load(scenario, theme: theme)
        let s = loaded.scenario
        for v in s.views {
            if let problem = ViewSize.vectorPageProblem(width: v.width, height: v.height, dpi: v.dpi) {
                ScenarioOutput.warn("\(v.location): views.\(v.name).size: \(problem); PNG only")
            }
        }
        print("\(scenario): valid: \(loaded.resolved.places.count) of \(s.places.count) places located (\(s.places.filter(\.unlocated).count) unlocated), \(s.routes.count) routes, \(s.figures.count) figures, \(s.sources.count) sources, \(s.views.count) views")
    }
}

/// Loading a scenario for a command: problems go to standard error, one per line, and the
/// command exits 1 before writing anything.
enum ScenarioOutput {
    static func load(_ path: String, theme: String?,
                     parsed: (Scenario, MapStyle) -> Void = { _, _ in }) throws -> LoadedScenario {
        do {
            let loaded = try LoadedScenario.load(path, theme: theme, data: try DataDirectory.locate(), parsed: parsed)
            for n in loaded.notes { warn(n) }
            return loaded
        } catch let e as ScenarioError {
            FileHandle.standardError.write(Data((e.description + "\n").utf8))
            FileHandle.standardError.write(Data("\(e.problems.count) problem(s); nothing was written\n".utf8))
            throw ExitCode(1)
        }
    }

    static func warn(_ text: String) {
        FileHandle.standardError.write(Data("warning: \(text)\n".utf8))
    }
}
