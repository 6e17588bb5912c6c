import Scenes
import Symbology
import Cartography
import Foundation
import DataCatalog
import Scenario

/// A size to export: a named preset or WIDTHxHEIGHT, in pixels at a DPI.
public struct ExportSize: Sendable, Hashable {
    public var name: String
    public var width: Int
    public var height: Int
    /// nil: the view's own DPI.
    public var dpi: Double?

    /// The presets of graphics desks: web 1200x675, square 1080x1080, story 1080x1920 (at 144 dpi),
    /// a4 and a3 landscape at 300 dpi.
    public static let presets: [String: ExportSize] = [
        "web": ExportSize(name: "web", width: 1200, height: 675, dpi: 144),
        "square": ExportSize(name: "square", width: 1080, height: 1080, dpi: 144),
        "story": ExportSize(name: "story", width: 1080, height: 1920, dpi: 144),
        "a4": ExportSize(name: "a4", width: 3508, height: 2480, dpi: 300),
        "a3": ExportSize(name: "a3", width: 4961, height: 3508, dpi: 300),
    ]

    /// A preset by name, or "WIDTHxHEIGHT" within the view limits; nil otherwise.
    public static func parse(_ s: String) -> ExportSize? {
        if let p = presets[s.lowercased()] { return p }
        guard let (w, h) = ViewSize.parse(s) else { return nil }
        return ExportSize(name: "\(w)x\(h)", width: w, height: h, dpi: nil)
    }
}

/// One output of a batch: a view of a scenario at a size, in a format, perhaps as of a date.
public struct BatchItem: Sendable {
    public var scenario: String
    public var view: String
    public var size: ExportSize
    public var format: MapFormat
    /// Frame number (1-based) and its day, for timeline frames.
    public var frame: (number: Int, day: Int)?
    /// The file name inside the output folder.
    public var name: String
    /// Why the item cannot be made, found while planning (it is reported, the rest go on).
    public var problem: String?

    /// The label plan a dated frame follows: its view's complete map at its size (nil for an
    /// item that is not a frame). Items with the same key share one plan.
    var planKey: String? {
        frame.map { _ in "\(scenario)|\(view)|\(size.width)x\(size.height)@\(size.dpi ?? 0)" }
    }
}

/// Expands jobs into items: scenarios x views x sizes x formats x frames, each with a safe,
/// unique file name inside the output folder.
public struct BatchPlan: Sendable {
    public private(set) var items: [BatchItem] = []
    /// Scenarios that loaded, by path.
    public private(set) var scenarios: [String: LoadedScenario] = [:]

    /// Frames at most per job.
    public static let maxFrames = 1_000
    /// The order workers take the items in: the first item of every label plan, then the second,
    /// and so on, so that workers make different plans at once and none waits for another's; in
    /// each round the largest first, so that a batch ends on its smallest items, not with one
    /// worker drawing a large map while the others have nothing left to do.
    public var workOrder: [Int] {
        var seen: [String: Int] = [:]
        let rank = items.map { item in item.planKey.map { key in seen[key, default: 0] += 1; return seen[key]! - 1 } ?? 0 }
        let pixels = items.map { $0.size.width * $0.size.height }
        return items.indices.sorted { (rank[$0], -pixels[$0], $0) < (rank[$1], -pixels[$1], $1) }
    }

    /// Items at most per batch.
    public static let maxItems = 100_000

    /// Every scenario of `jobs` loaded once (a failure is kept as its message), then planned.
    public static func loading(_ jobs: [BatchManifest.Job], data: DataDirectory) -> BatchPlan {
        var loads: [String: Result<LoadedScenario, BatchError>] = [:]
        for job in jobs where loads[job.scenario] == nil {
            loads[job.scenario] = Result { try LoadedScenario.load(job.scenario, data: data) }
                .mapError { BatchError("scenario \(job.scenario) cannot be used:\n\($0)") }
        }
        return BatchPlan(jobs: jobs, scenarios: loads)
    }

    /// Plans `jobs` with their scenarios as loaded (no file is read here).
    public init(jobs: [BatchManifest.Job], scenarios loads: [String: Result<LoadedScenario, BatchError>]) {
        var names: [String: Int] = [:]
        for (path, result) in loads { if case .success(let l) = result { scenarios[path] = l } }
        for job in jobs {
            let base = URL(fileURLWithPath: job.scenario).deletingPathExtension().lastPathComponent
            var loaded: LoadedScenario?
            var loadProblem: String?
            switch loads[job.scenario] {
            case .success(let l): loaded = l
            case .failure(let p): loadProblem = p.description
            case nil: loadProblem = "scenario \(job.scenario) was not loaded"
            }
            let viewNames = job.views.isEmpty ? (loaded?.scenario.views.map(\.name) ?? ["(all)"]) : job.views
            let sizes = job.sizes.isEmpty ? ["view"] : job.sizes
            var frames: [(Int, Int)?] = [nil]
            var frameProblem: String?
            if let spec = job.frames, let loaded {
                do { frames = try BatchPlan.frames(spec, scenario: loaded.scenario).enumerated().map { ($0.offset + 1, $0.element) } } catch {
                    frameProblem = "\(error)"
                }
            }
            for view in viewNames {
                for sizeName in sizes {
                    for formatName in job.formats {
                        for frame in frames {
                            var problem = loadProblem ?? frameProblem
                            let size = sizeName == "view" ? loaded?.scenario.views.first { $0.name == view }
                                .map { ExportSize(name: "view", width: $0.width, height: $0.height, dpi: $0.dpi) } : ExportSize.parse(sizeName)
                            if problem == nil, let loaded, !loaded.scenario.views.contains(where: { $0.name == view }) {
                                let known = loaded.scenario.views.map(\.name)
                                let hint = nearest(view, in: known).map { "did you mean '\($0)'? " } ?? ""
                                problem = "view '\(view)' does not exist in \(job.scenario); \(hint)views: \(known.joined(separator: ", "))"
                            }
                            if problem == nil && size == nil {
                                problem = "size '\(sizeName)' is not a preset (\(ExportSize.presets.keys.sorted().joined(separator: ", "))) or WIDTHxHEIGHT within 16...\(ViewSize.maxSide)"
                            }
                            let format = MapFormat(rawValue: formatName.lowercased())
                            if problem == nil && format == nil { problem = "format '\(formatName)' is not png, pdf or svg" }
                            let sizePart = size.map { $0.name == "view" ? "" : "-\($0.name)" } ?? "-\(sizeName)"
                            let framePart = frame.map { String(format: "-f%04d", $0.0) } ?? ""
                            let name = "\(base)-\(view)\(sizePart)\(framePart).\(format?.rawValue ?? formatName)"
                            if problem == nil, let why = BatchPlan.unsafe(name) { problem = why }
                            if problem == nil {
                                if let first = names[name] {
                                    problem = "'\(name)' would be written twice: item #\(first + 1) writes it already"
                                } else { names[name] = items.count }
                            }
                            items.append(BatchItem(scenario: job.scenario, view: view, size: size ?? ExportSize(name: sizeName, width: 0, height: 0),
                                                   format: format ?? .png, frame: frame.map { (number: $0.0, day: $0.1) }, name: name, problem: problem))
                            if items.count >= BatchPlan.maxItems { return }
                        }
                    }
                }
            }
        }
    }

    /// Why a file name would leave the output folder or hide in it; nil when it is safe.
    static func unsafe(_ name: String) -> String? {
        if name.contains("/") || name.contains("\\") || name.hasPrefix(".") || name.contains("..") || name.contains("\0") {
            return "the output name '\(name)' would leave the output folder or hide in it: view and scenario names must not hold '/', '..' or start with '.'"
        }
        return nil
    }

    /// The as-of days of a frame spec: "events" (each distinct event date) or "FROM/TO:DAYS".
    public static func frames(_ spec: String, scenario: Scenario) throws -> [Int] {
        if spec == "events" {
            let days = Array(Set(scenario.events.map(\.date.first))).sorted()
            guard !days.isEmpty else { throw BatchError("frames: 'events' but the scenario has no events") }
            return Array(days.prefix(maxFrames))
        }
        let parts = spec.split(separator: ":")
        guard parts.count == 2, let span = StoryDate(String(parts[0])), let step = Int(parts[1]), step >= 1 else {
            throw BatchError("frames: '\(spec)' is not 'events' or FROM/TO:DAYS, e.g. 2024-10-01/2024-12-31:7")
        }
        let days = Array(stride(from: span.first, through: span.last, by: step))
        guard days.count <= maxFrames else { throw BatchError("frames: '\(spec)' makes \(days.count) frames; at most \(maxFrames)") }
        return days
    }

    /// Keeps every N-th item for shard I of N (1-based): shards cover every item exactly once.
    public mutating func keepShard(_ index: Int, of count: Int) {
        items = items.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }
}

/// A batch problem in words.
public struct BatchError: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}
