import Scenario
import Symbology

/// When each frame of an animation stands in the story: the dated items' span (or the range
/// given), run through in the first part of the frames, the complete state held in the rest.
public struct AnimationTimeline: Sendable, Equatable {
    /// First and last day shown (days since 1970).
    public let from: Int, to: Int
    public let fps: Int
    public let frameCount: Int
    /// Frames that hold the last day at the end, for a reader to take the map in.
    public let holdFrames: Int

    /// Limits on what an animation may ask for.
    public static let fpsRange = 1...60
    public static let durationRange = 1.0...120.0
    public static let maxFrames = 3_600

    /// The timeline of `scenario` between `from` and `to` (its dated items' span when nil) at
    /// `fps` for `duration` seconds. Throws, saying what to change, when the numbers are out of
    /// bounds or no dated item falls in the range.
    public init(scenario: Scenario, from: StoryDate?, to: StoryDate?, fps: Int, duration: Double) throws {
        let count = try Self.frameCount(fps: fps, duration: duration)
        let days = Self.datedDays(scenario)
        guard let first = days.min(), let last = days.max() else {
            throw AnimationError("the scenario has no dated item (units, routes, areas, figures or events with a date): an animation shows them appearing by date; nothing was written")
        }
        let start = from?.first ?? first, end = to?.last ?? last
        guard end >= start else { throw AnimationError("--to \(StoryDate.iso(day: end)) is before --from \(StoryDate.iso(day: start))") }
        guard days.contains(where: { (start...end).contains($0) }) else {
            throw AnimationError("no dated item falls between \(StoryDate.iso(day: start)) and \(StoryDate.iso(day: end)) (the story's run from \(StoryDate.iso(day: first)) to \(StoryDate.iso(day: last))); nothing was written")
        }
        self.from = start
        self.to = end
        self.fps = fps
        frameCount = max(2, count)
        holdFrames = min(frameCount / 2, max(1, Int((Double(frameCount) * 0.15).rounded())))
    }

    /// The moment of frame `i` (0-based): a fractional day, from the start of `from` to the end of `to`.
    public func moment(ofFrame i: Int) -> Double {
        let moving = frameCount - holdFrames
        let t = moving <= 1 ? 1 : min(1, Double(i) / Double(moving - 1))
        return Double(from) + t * Double(to + 1 - from) - (t == 1 ? 1e-6 : 0)
    }

    /// The fewest days a route takes to draw: a tenth of the span, so that a route of a single
    /// day is seen moving.
    public var minimumDrawDays: Double { max(1, Double(to + 1 - from) / 10) }

    /// The number of frames of `duration` seconds at `fps`; throws when either is out of bounds.
    public static func frameCount(fps: Int, duration: Double) throws -> Int {
        guard Self.fpsRange.contains(fps) else {
            throw AnimationError("--fps \(fps): expected \(Self.fpsRange.lowerBound)...\(Self.fpsRange.upperBound) frames a second")
        }
        guard duration.isFinite, Self.durationRange.contains(duration) else {
            throw AnimationError("--duration \(duration): expected \(Int(Self.durationRange.lowerBound))...\(Int(Self.durationRange.upperBound)) seconds")
        }
        let count = Int((Double(fps) * duration).rounded())
        guard count <= Self.maxFrames else {
            throw AnimationError("\(fps) fps for \(duration) s makes \(count) frames; at most \(Self.maxFrames): lower --fps or --duration")
        }
        return count
    }

    /// The first days of every dated item of `scenario`.
    static func datedDays(_ s: Scenario) -> [Int] {
        let dates: [StoryDate?] = s.units.map(\.date) + s.routes.map(\.date) + s.areas.map(\.date) + s.figures.map(\.date) + s.events.map(\.date)
        return dates.compactMap { $0?.first }
    }
}

/// An animation that cannot be made as asked, in words that say what to change.
public struct AnimationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}
