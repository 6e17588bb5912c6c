import ArgumentParser
import Briefing
import Cartography
import Foundation

/// `geobrief brief`: the scenario's multi-page PDF briefing.
public struct BriefCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Write a scenario's PDF briefing: cover, maps, figures, timeline, chronology, sources.",
        discussion: "Example: geobrief brief examples/nk-deployment.yaml -o output/nk-deployment.pdf"
    )

    @Argument(help: "Scenario YAML file.") var scenario: String
    @Option(name: .shortAndLong, help: "Output PDF (default: output/SCENARIO.pdf).") var output: String?
    @Option(help: "Paper: a4 or letter.") var paper = "a4"
    @Option(help: "Theme YAML file, over the scenario's own.") var theme: String?

    public func validate() throws {
        guard Paper(rawValue: paper.lowercased()) != nil else { throw ValidationError("--paper '\(paper)': use a4 or letter") }
        if let output, !output.lowercased().hasSuffix(".pdf") { throw ValidationError("-o '\(output)': a briefing is a .pdf file") }
    }

    public func run() throws {
        let trace = RenderTrace()
        let loaded = try ScenarioOutput.load(scenario, theme: theme)
        trace.mark("load (parse, geocode, route)")
        let path = output ?? "output/" + URL(fileURLWithPath: scenario).deletingPathExtension().lastPathComponent + ".pdf"
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        let report = try BriefingWriter(loaded: loaded, paper: Paper(rawValue: paper.lowercased())!).write(to: path)
        trace.mark("briefing (maps, tables, chart, encode)")
        for w in Set(report.warnings).sorted() { ScenarioOutput.warn(w) }
        print("wrote \(path): \(report.pages) pages (\(report.sections.joined(separator: ", ")))")
    }
}
