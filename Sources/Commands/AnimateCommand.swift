import Animation
import ArgumentParser
import Bindings
import Cartography
import Foundation
import PosixBindings
import Scenes
import Symbology

extension VideoFormat: ExpressibleByArgument {}

/// `geobrief animate`: a view drawn along the story's dates into a short video.
public struct AnimateCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "animate",
        abstract: "Animate a view along the story's dates: routes drawn as they happen, units and figures as of their date.",
        discussion: "Example: geobrief animate examples/nk-deployment.yaml --view overview --format mp4 -o output/nk-deployment-overview.mp4"
    )

    @Argument(help: "Scenario YAML file.") var scenario: String
    @Option(help: "The view to animate (default: the first).") var view: String?
    @Option(help: "First day shown, YYYY-MM-DD (default: the earliest dated item).") var from: String?
    @Option(help: "Last day shown, YYYY-MM-DD (default: the latest dated item).") var to: String?
    @Option(help: "Frames a second, \(AnimationTimeline.fpsRange.lowerBound)...\(AnimationTimeline.fpsRange.upperBound).") var fps = 25
    @Option(help: "Length in seconds, \(Int(AnimationTimeline.durationRange.lowerBound))...\(Int(AnimationTimeline.durationRange.upperBound)).") var duration = 10.0
    @Option(help: "Size in pixels, WIDTHxHEIGHT (default: the view's).", transform: PixelSize.parse) var size: PixelSize?
    @Option(help: "mp4, webm, gif or apng (default: by the output's extension, else mp4).") var format: VideoFormat?
    @Option(help: "Theme YAML file or built-in theme, over the scenario's own.") var theme: String?
    @Option(name: .shortAndLong, help: "Output file (default: output/SCENARIO-VIEW.FORMAT).") var output: String?

    /// The format asked for, by --format or the output's extension.
    var chosenFormat: VideoFormat {
        get throws { try outputFormat(format, output: output, fallback: .mp4, what: "an animation format") }
    }

    public func validate() throws {
        _ = try chosenFormat
        do { _ = try AnimationTimeline.frameCount(fps: fps, duration: duration) } catch { throw ValidationError("\(error)") }
        for (flag, text) in [("--from", from), ("--to", to)] {
            if let text, StoryDate(text) == nil { throw ValidationError("\(flag) '\(text)': expected a date, YYYY-MM-DD (or YYYY-MM, YYYY)") }
        }
    }

    public func run() throws {
        let format = try chosenFormat
        let loaded = try ScenarioOutput.load(scenario, theme: theme)
        let s = loaded.scenario
        guard let v = try view.map({ try loaded.view($0) }) ?? s.views.first else {
            ScenarioOutput.warn("\(scenario) has no views: add one under 'views' (see docs/scenario.md)")
            throw ExitCode(1)
        }
        let timeline: AnimationTimeline
        do {
            timeline = try AnimationTimeline(scenario: s, from: from.flatMap(StoryDate.init), to: to.flatMap(StoryDate.init), fps: fps, duration: duration)
        } catch let e as AnimationError {
            FileHandle.standardError.write(Data("error: \(scenario): \(e)\n".utf8))
            throw ExitCode(1)
        }
        let base = URL(fileURLWithPath: scenario).deletingPathExtension().lastPathComponent
        let path = output ?? "output/\(base)-\(v.name).\(format.rawValue)"
        try AtomicFile.prepareFolder(URL(fileURLWithPath: path).deletingLastPathComponent().path)
        let started = Date()
        let views = ViewRenderer(resolved: loaded.resolved, data: loaded.data, style: loaded.style)
        let report = try Animator(views: views).animate(v, timeline: timeline, format: format, size: size.map { ($0.width, $0.height) }, to: path)
        for w in Set(views.renderer.warnings).sorted() { ScenarioOutput.warn(w) }
        print("wrote \(path): \(report.frames) frames, \(report.width)x\(report.height), \(String(format: "%.1f", report.seconds)) s, \(StoryDate.iso(day: timeline.from)) to \(StoryDate.iso(day: timeline.to)) (made in \(String(format: "%.1f", Date().timeIntervalSince(started))) s)")
    }
}
