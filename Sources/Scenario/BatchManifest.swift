import Foundation

/// A batch manifest: jobs, each a scenario with the views, sizes, formats and timeline frames to
/// export. Read from YAML with every problem located, like a scenario.
public struct BatchManifest: Sendable {
    /// One line of work: the product of its views, sizes, formats and frames.
    public struct Job: Sendable {
        public var scenario: String
        /// Views by name; empty for all.
        public var views: [String]
        /// Preset names ("web", "square", "story", "a4", "a3") or "WIDTHxHEIGHT".
        public var sizes: [String]
        public var formats: [String]
        /// "events", or "FROM/TO:DAYS" (a frame every DAYS days), or nil for one undated map.
        public var frames: String?
        public var location: SourceLocation

        public init(scenario: String, views: [String] = [], sizes: [String] = [], formats: [String] = ["png"], frames: String? = nil,
                    location: SourceLocation) {
            self.scenario = scenario
            self.views = views
            self.sizes = sizes
            self.formats = formats
            self.frames = frames
            self.location = location
        }
    }

    public var output: String?
    public var jobs: [Job] = []

    public init(output: String? = nil, jobs: [Job] = []) {
        self.output = output
        self.jobs = jobs
    }

    /// Reads `path`; scenario paths are taken relative to the manifest's folder.
    public static func parse(file path: String) throws -> BatchManifest {
        let text = try YAMLDocument.text(path, what: "manifest", maxBytes: ScenarioParser.maxBytes)
        guard let root = try YAMLDocument.compose(text, file: path) else { return BatchManifest() }
        let r = YAMLReader(file: path)
        var manifest = BatchManifest()
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        if let top = r.fields(root, "manifest", keys: ["output", "jobs"], required: ["jobs"]) {
            manifest.output = top.string("output", maxLength: 1_000).map { $0.hasPrefix("/") ? $0 : base.appendingPathComponent($0).path }
            for (p, node) in r.items(top.node("jobs"), "jobs", limit: 1_000) {
                guard let f = r.fields(node, p, keys: ["scenario", "views", "sizes", "formats", "frames"], required: ["scenario"]),
                      let s = f.string("scenario", maxLength: 1_000) else { continue }
                let formats = f.strings("formats", limit: 3)
                manifest.jobs.append(Job(scenario: s.hasPrefix("/") ? s : base.appendingPathComponent(s).path,
                                         views: f.strings("views", limit: 100), sizes: f.strings("sizes", limit: 100),
                                         formats: formats.isEmpty ? ["png"] : formats, frames: f.string("frames", maxLength: 100),
                                         location: f.location))
            }
        }
        guard r.problems.isEmpty else { throw ScenarioError(r.problems) }
        return manifest
    }
}
