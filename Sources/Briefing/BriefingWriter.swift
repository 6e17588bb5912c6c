import Scenes
import Symbology
import Graphics
import Bindings
import Cartography
import Foundation
import Scenario

/// What a briefing came to: pages, sections and anything a reader should be warned of.
public struct BriefingReport: Sendable {
    public var pages = 0
    public var sections: [String] = []
    public var warnings: [String] = []
}

/// Writes a scenario's PDF briefing: cover, one map page per view, the figures table with
/// conflicting estimates side by side, a timeline chart, the chronology and the sources appendix,
/// with running header and footer, an outline and fixed metadata. Written atomically.
public struct BriefingWriter {
    public let loaded: LoadedScenario
    public var paper: Paper

    public init(loaded: LoadedScenario, paper: Paper = .a4) {
        self.loaded = loaded
        self.paper = paper
    }

    var scenario: Scenario { loaded.scenario }

    let bodyText = TextStyle(size: 10, color: Color(hex: "#1d1d1d")!)

    @discardableResult
    public func write(to path: String) throws -> BriefingReport {
        var report = BriefingReport()
        let flow = try PageFlow(path: path, paper: paper, header: scenario.title, markings: scenario.markings,
                                dateLine: scenario.asOf.map { "As of \($0.display)" })
        flow.surface.setPDFMetadata(title: scenario.title, author: scenario.author ?? "GeoBrief",
                                    subject: scenario.subtitle ?? "", creationDate: creationDate())
        let trace = RenderTrace()
        try cover(flow)
        report.sections.append("Cover")
        if scenario.views.isEmpty {
            report.warnings.append("the scenario has no views: the briefing has no maps (add one under 'views')")
        } else {
            try maps(flow, report: &report)
            report.sections.append("Maps")
            trace.mark("briefing: maps")
        }
        if !scenario.figures.isEmpty {
            try figuresTable(flow)
            report.sections.append("Figures")
        }
        let groups = TimelineChart.groups(scenario)
        if !groups.isEmpty {
            try flow.newPage()
            _ = try flow.heading("Estimates over time")
            try TimelineChart(flow: flow, scenario: scenario, groups: groups).draw()
            report.sections.append("Estimates over time")
        }
        if !scenario.events.isEmpty {
            // With no estimates to chart, the events' axis heads the chronology, not a page of its own.
            try chronology(flow, axis: groups.isEmpty)
            report.sections.append("Chronology")
        }
        try sourcesAppendix(flow)
        report.sections.append("Sources")
        try flow.canvas.check("draw briefing")
        trace.mark("briefing: tables, chart, text")
        try flow.surface.finish()
        trace.mark("briefing: PDF written")
        report.pages = flow.page
        for text in Set(flow.missing).sorted() {
            report.warnings.append("'\(text)' has characters that no installed font covers; they show as boxes (install a font for that script, e.g. from fonts-noto)")
        }
        return report
    }

    /// The PDF's dates: the scenario's as-of date, so that the same input gives the same bytes.
    private func creationDate() -> String {
        guard let d = scenario.asOf else { return "2024-01-01T00:00:00Z" }
        return StoryDate.iso(day: d.last) + "T00:00:00Z"
    }

    private func cover(_ flow: PageFlow) throws {
        try flow.newPage()
        flow.surface.addOutline("Cover", page: flow.page)
        flow.y += 60
        if let m = scenario.markings {
            try flow.paragraph(m, TextStyle(size: 11, bold: true, color: Color(hex: "#a4161a")!), after: 18)
        }
        try flow.paragraph(scenario.title, TextStyle(size: 28, bold: true, color: Color(hex: "#1d1d1d")!), after: 10)
        if let s = scenario.subtitle { try flow.paragraph(s, TextStyle(size: 14, color: Color(hex: "#333333")!), after: 16) }
        var meta: [String] = []
        if let d = scenario.asOf { meta.append("As of \(d.display)") }
        if let a = scenario.author { meta.append(a) }
        if !meta.isEmpty { try flow.paragraph(meta.joined(separator: " · "), TextStyle(size: 10, italic: true, color: Color(hex: "#444444")!), after: 24) }
        if let summary = scenario.summary {
            for p in summary.components(separatedBy: "\n\n") where !p.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                try flow.paragraph(p.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces), bodyText, after: 8)
            }
        }
        flow.y += 10
        // "2 figures from 1 source"; with no figures, the sources are counted on their own.
        let figures = scenario.figures.isEmpty ? "no figures, \(Self.counted(scenario.sources.count, "source"))"
            : "\(Self.counted(scenario.figures.count, "figure")) from \(Self.counted(scenario.sources.count, "source"))"
        let counts = "\(Self.counted(scenario.views.count, "map")), \(figures), \(Self.counted(scenario.events.count, "event"))."
            + (scenario.figures.isEmpty ? "" : " Figures are claims as reported, each with who made it and when; conflicting estimates are shown side by side, never merged.")
        try flow.paragraph(counts, TextStyle(size: 9, italic: true, color: Color(hex: "#444444")!))
    }

    /// "no sources", "1 source", "3 sources".
    static func counted(_ n: Int, _ noun: String) -> String { n == 0 ? "no \(noun)s" : n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    private func maps(_ flow: PageFlow, report: inout BriefingReport) throws {
        let renderer = MapRenderer(data: loaded.data, style: loaded.style)
        let builder = SceneBuilder(resolved: loaded.resolved)
        var parent: Int32 = 0
        for (i, view) in scenario.views.enumerated() {
            try flow.newPage(landscape: true)
            if i == 0 { parent = flow.surface.addOutline("Maps", page: flow.page) }
            let title = view.title ?? scenario.title
            flow.surface.addOutline(title, page: flow.page, parent: parent)
            let box = flow.body
            var request = try builder.request(for: view, size: (Int(box.width), Int(box.height)), dpi: 72)
            let scene = builder.scene(for: view)
            request.altText = MapDescription.text(of: scene, view: view, resolved: loaded.resolved)
            let mapReport = try flow.canvas.withState {
                flow.canvas.translate(box.x, box.y)
                return try renderer.draw(request, scene: scene, on: flow.canvas, width: box.width, height: box.height)
            }
            report.warnings += mapReport.warnings
            flow.canvas.withState {
                flow.canvas.newPath()
                flow.canvas.rectangle(box.x, box.y, box.width, box.height)
                flow.canvas.setColor(Color(hex: "#9a9a9a")!)
                flow.canvas.setLineWidth(0.6)
                flow.canvas.stroke()
            }
        }
    }

    private func figuresTable(_ flow: PageFlow) throws {
        try flow.newPage()
        _ = try flow.heading("Figures")
        try flow.paragraph("Every reported figure, grouped by what it counts. Where sources disagree the group says by how much; the numbers in brackets are the sources listed at the end.",
                           TextStyle(size: 9, italic: true, color: Color(hex: "#444444")!), after: 8)
        let table = TableWriter(flow: flow, columns: [("Id", 0.07), ("Value", 0.15), ("Unit", 0.14), ("Date", 0.13), ("Sources", 0.2), ("Conf.", 0.08), ("Note", 0.23)])
        try table.header()
        for (quantity, figures) in Scenario.byQuantity(scenario.figures) {
            var head = quantity
            if figures.count > 1 {
                let sources = Set(figures.flatMap(\.sources)).count
                head += " — \(figures.count) estimates from \(Self.counted(sources, "source"))"
                // Sources that disagree, not one source's series.
                let lo = figures.map(\.value.min).min() ?? 0, hi = figures.map(\.value.max).max() ?? 0
                if sources > 1, lo > 0, hi / lo >= 1.5 { head += String(format: ", highest %.0f× the lowest", hi / lo) }
            }
            try table.groupRow(head)
            for f in figures.sorted(by: { ($0.date?.first ?? .max) < ($1.date?.first ?? .max) }) {
                let refs: String = f.sources.map { (id: String) -> String in
                    let n = scenario.referenceNumber(of: id) ?? 0
                    return "[\(n)] \(scenario.sources.first { $0.id == id }?.publisher ?? id)"
                }.joined(separator: "; ")
                try table.row([f.id, f.value.description, f.unit ?? "", f.date?.display ?? "—", refs, f.confidence?.rawValue ?? "—", f.note ?? ""])
            }
        }
    }

    private func chronology(_ flow: PageFlow, axis: Bool) throws {
        try flow.newPage()
        _ = try flow.heading("Chronology")
        if axis { try TimelineChart(flow: flow, scenario: scenario, groups: []).draw() }
        let table = TableWriter(flow: flow, columns: [("", 0.06), ("Date", 0.16), ("Place", 0.14), ("Event", 0.5), ("Sources", 0.14)])
        try table.header()
        for (i, e) in scenario.events.sorted(by: { $0.date < $1.date }).enumerated() {
            let place = e.place.flatMap { id in scenario.places.first { $0.id == id }?.name } ?? ""
            let refs = e.sources.compactMap(scenario.referenceNumber(of:)).map { "[\($0)]" }.joined(separator: " ")
            try table.row(["E\(i + 1)", e.date.display, place, e.text, refs])
        }
    }

    private func sourcesAppendix(_ flow: PageFlow) throws {
        try flow.newPage()
        _ = try flow.heading("Sources")
        // A link column only when some source has a link.
        let links = scenario.sources.contains { $0.url != nil }
        let table = TableWriter(flow: flow, columns: links
            ? [("No.", 0.07), ("Publisher or person", 0.35), ("Title", 0.28), ("Date", 0.12), ("Link", 0.18)]
            : [("No.", 0.07), ("Publisher or person", 0.42), ("Title", 0.36), ("Date", 0.15)])
        try table.header()
        for (i, s) in scenario.sources.enumerated() {
            let cited = scenario.figures.filter { $0.sources.contains(s.id) }.map(\.id)
            let parts: [String?] = [s.title, cited.isEmpty ? nil : "figures \(cited.joined(separator: ", "))"]
            let title = parts.compactMap { $0 }.joined(separator: " — ")
            var cells = ["[\(i + 1)]", s.publisher, title, s.date?.display ?? "—"]
            if links { cells.append(s.url ?? "") }
            try table.row(cells, links: s.url.map { [4: $0] } ?? [:])
        }
        flow.y += 12
        _ = try flow.heading("Places", level: 2)
        let places = TableWriter(flow: flow, columns: [("Place", 0.22), ("Latitude, longitude", 0.2), ("Located by", 0.58)])
        try places.header()
        for p in scenario.places {
            let located = loaded.resolved.places[p.id]
            let position = located.map { String(format: "%.4f, %.4f", $0.coordinate.lat, $0.coordinate.lon) } ?? "not located"
            try places.row([p.name, position, located?.origin ?? (p.note ?? "named in reports; no reliable coordinates, so not drawn")])
        }
        flow.y += 12
        _ = try flow.heading("Map data", level: 2)
        let manifest = try loaded.data.manifest()
        let credits = Set(manifest.datasets.map(\.attribution)).sorted().joined(separator: " · ")
        try flow.paragraph(credits, TextStyle(size: 8, color: Color(hex: "#444444")!))
    }
}
