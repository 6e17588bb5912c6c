import Animation
import Cartography
import GeoCore
import Scenario
import Symbology
import XCTest

/// The timeline of an animation (its range, frames, limits) and routes drawn part of the way.
final class AnimationTimelineTests: XCTestCase {
    func story(dates: [String]) throws -> Scenario {
        let events = dates.enumerated().map { "  - {date: \($0.element), text: e\($0.offset)}" }.joined(separator: "\n")
        return try ScenarioParser.parse("title: T\n" + (dates.isEmpty ? "" : "events:\n\(events)\n"), file: "t.yaml")
    }

    func testRangeDefaultsToTheDatedItemsAndHoldsTheEnd() throws {
        let t = try AnimationTimeline(scenario: try story(dates: ["2024-10-01", "2024-10-20", "2024-11"]), from: nil, to: nil, fps: 25, duration: 10)
        XCTAssertEqual(StoryDate.iso(day: t.from), "2024-10-01")
        XCTAssertEqual(StoryDate.iso(day: t.to), "2024-11-01")
        XCTAssertEqual(t.frameCount, 250)
        XCTAssertEqual(t.holdFrames, 38)
        XCTAssertEqual(t.moment(ofFrame: 0), Double(t.from))
        // The last moving frame reaches the end of the last day, and the held frames stay there.
        let end = t.moment(ofFrame: t.frameCount - t.holdFrames - 1)
        XCTAssertEqual(Int(end.rounded(.down)), t.to)
        XCTAssertEqual(t.moment(ofFrame: t.frameCount - 1), end)
        // Moments never go back.
        for i in 1..<t.frameCount { XCTAssertGreaterThanOrEqual(t.moment(ofFrame: i), t.moment(ofFrame: i - 1)) }
    }

    func testAGivenRangeMustHoldADatedItem() throws {
        let s = try story(dates: ["2024-10-01"])
        XCTAssertThrowsError(try AnimationTimeline(scenario: s, from: StoryDate("2020-01-01"), to: StoryDate("2020-02-01"), fps: 25, duration: 10)) {
            XCTAssertTrue("\($0)".contains("no dated item falls between 2020-01-01 and 2020-02-01"), "\($0)")
            XCTAssertTrue("\($0)".contains("nothing was written"), "\($0)")
        }
        XCTAssertThrowsError(try AnimationTimeline(scenario: try story(dates: []), from: nil, to: nil, fps: 25, duration: 10)) {
            XCTAssertTrue("\($0)".contains("no dated item"), "\($0)")
        }
        XCTAssertThrowsError(try AnimationTimeline(scenario: s, from: StoryDate("2024-10-05"), to: StoryDate("2024-10-01"), fps: 25, duration: 10))
    }

    func testFrameRateAndDurationHaveLimits() {
        XCTAssertThrowsError(try AnimationTimeline.frameCount(fps: 0, duration: 10))
        XCTAssertThrowsError(try AnimationTimeline.frameCount(fps: 61, duration: 10))
        XCTAssertThrowsError(try AnimationTimeline.frameCount(fps: 25, duration: 0.5))
        XCTAssertThrowsError(try AnimationTimeline.frameCount(fps: 25, duration: .nan))
        XCTAssertThrowsError(try AnimationTimeline.frameCount(fps: 60, duration: 120)) { XCTAssertTrue("\($0)".contains("at most 3600"), "\($0)") }
        XCTAssertEqual(try AnimationTimeline.frameCount(fps: 30, duration: 120), 3600)
    }

    func testARouteDrawnPartWayStopsAtItsFractionOfTheLength() {
        // Two legs of about 111 km and 222 km along the equator.
        let a = Coordinate(lon: 0, lat: 0), b = Coordinate(lon: 1, lat: 0), c = Coordinate(lon: 3, lat: 0)
        let route = SceneRoute(label: "r", style: .line, affiliation: .hostile,
                               legs: [SceneLeg(mode: "sea", parts: [(true, [a, b])], label: "sea"),
                                      SceneLeg(mode: "rail", parts: [(true, [b, c])], label: "rail")])
        let half = route.drawn(upTo: 0.5)
        XCTAssertEqual(half.legs[0].parts.first?.coordinates.last, b)
        XCTAssertEqual(half.legs[0].label, "sea", "a complete leg keeps its label")
        XCTAssertEqual(half.legs[1].parts.first?.coordinates.last?.lon ?? 0, 1.5, accuracy: 0.01)
        XCTAssertNil(half.legs[1].label, "a leg under way has no label yet")
        let start = route.drawn(upTo: 0.1)
        XCTAssertEqual(start.legs[0].parts.first?.coordinates.last?.lon ?? 0, 0.3, accuracy: 0.01)
        XCTAssertTrue(start.legs[1].parts.isEmpty)
        XCTAssertEqual(route.drawn(upTo: 1).legs[1].parts.first?.coordinates, [b, c])
        // Across the antimeridian, the short way round.
        let east = Coordinate(lon: 179, lat: 0), west = Coordinate(lon: -179, lat: 0)
        let cross = SceneRoute(label: nil, style: .line, affiliation: .hostile, legs: [SceneLeg(mode: "sea", parts: [(true, [east, west])], label: nil)])
        XCTAssertEqual(cross.drawn(upTo: 0.75).legs[0].parts[0].coordinates.last?.lon ?? 0, -179.5, accuracy: 0.01)
    }
}
