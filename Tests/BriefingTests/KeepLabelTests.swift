import Scenes
import Symbology
import DataCatalog
import Briefing
import Cartography
import Foundation
import DataBuild
import Scenario
import TestSupport
import XCTest

/// `keep: true`: a place's label or a figure's callout is never left off a map; when there is no
/// room for it, the map is not drawn and the error says where it is kept.
final class KeepLabelTests: TemporaryFolderTestCase {
    override class func setUp() {
        super.setUp()
    }

    /// Twelve villages in a few kilometres on a small map: not all their labels fit.
    func scenario(keep: String, size: String = "240x180") -> String {
        var places = ""
        for i in 0..<12 {
            let name = i == 11 ? keep : "Village \(i)"
            places += "  - {id: v\(i), name: \"\(name)\", lat: \(51.0 + Double(i % 4) * 0.01), lon: \(35.0 + Double(i / 4) * 0.015), kind: village\(i == 11 ? ", keep: true, priority: 1" : "")}\n"
        }
        return """
        title: Crowd
        sources: [{id: a, publisher: Agency A}]
        places:
        \(places)views:
          - {name: v, fit: [v0, v11], margin_km: 2, size: \(size), dpi: 72, inset: false}
        """
    }

    func render(_ text: String) throws -> (MapReport, String) {
        let loaded = try load(text, "crowd.yaml")
        let out = dir.appendingPathComponent("crowd.png").path
        return (try render(loaded, to: out), out)
    }

    func testAKeptLabelIsPlacedWhenOthersAreDropped() throws {
        let (report, _) = try render(scenario(keep: "Kept village"))
        XCTAssertTrue(report.labels.contains { $0.text == "Kept village" }, report.labels.map(\.text).description)
        XCTAssertFalse(report.dropped.isEmpty, "the crowd does not all fit, so the test means something")
        XCTAssertFalse(report.dropped.contains("Kept village"))
        // A place whose label was left out shows no nameless symbol.
        for name in report.dropped { XCTAssertFalse(report.symbols.contains(name), "'\(name)' has a symbol but no label") }
        XCTAssertEqual(report.symbols.count, 12 - report.dropped.count)
    }

    func testAnnotationsArePlacedAndOneOffItsViewIsALocatedError() throws {
        let base = scenario(keep: "Kept village", size: "600x450")
        let (report, _) = try render(base.replacingOccurrences(of: "views:", with: """
        annotations:
          - {text: Reported crossing point, at: v0, leader: true}
          - {text: FRONT, lat: 51.05, lon: 35.015, style: front}
        views:
        """))
        XCTAssertTrue(report.labels.contains { $0.text == "Reported crossing point" }, report.labels.map(\.text).description)
        XCTAssertTrue(report.labels.contains { $0.text == "FRONT" }, "dropped: \(report.dropped)")
        XCTAssertThrowsError(try render(base.replacingOccurrences(of: "views:", with: """
        annotations:
          - {text: Far away, lat: 10, lon: 10, views: [v]}
        views:
        """))) { error in
            XCTAssertTrue("\(error)".contains("crowd.yaml:"), "\(error)")
            XCTAssertTrue("\(error)".contains("off this view"), "\(error)")
        }
    }

    func testAKeptLabelWithNoRoomStopsTheMapAndSaysWhere() throws {
        let long = String(repeating: "Very long kept name ", count: 8)
        XCTAssertThrowsError(try render(scenario(keep: long, size: "160x120"))) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("crowd.yaml:"), text)
            XCTAssertTrue(text.contains("keep"), text)
            XCTAssertTrue(text.contains("make the view larger"), text)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("crowd.png").path), "nothing is written")
    }
}

/// Dated frames of one view follow its complete map's label plan: a label keeps its box as long
/// as its feature is shown, and a reference name shown in one frame is shown in the next.
final class FrameStabilityTests: XCTestCase {
    override class func setUp() {
        super.setUp()
    }

    func testLabelsKeepTheirPlacesAcrossDatedFrames() throws {
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples")
        let loaded = try LoadedScenario.load(examples.appendingPathComponent("nk-deployment.yaml").path, data: try DataDirectory.locate())
        let renderer = ViewRenderer(resolved: loaded.resolved, data: loaded.data, style: loaded.style)
        let view = try loaded.view("overview")
        let plan = try renderer.plan(for: view, size: (1000, 700), dpi: 72)
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var frames: [MapReport] = []
        for date in ["2024-10-20", "2024-11-15", "2024-12-20"] {
            let day = try XCTUnwrap(StoryDate(date)).first
            frames.append(try renderer.render(view, to: dir.appendingPathComponent("\(date).png").path, size: (1000, 700), dpi: 72,
                                              asOfDay: day, plan: plan))
        }
        XCTAssertNotEqual(frames[0].labels.count, frames[2].labels.count, "the frames show different items, so the test means something")
        // Every label of the plan is at its planned place in every frame that shows it.
        for (f, frame) in frames.enumerated() {
            for l in frame.labels {
                guard let boxes = plan.boxes[l.text] else { continue }
                XCTAssertTrue(boxes.contains { $0.x == l.box.x && $0.y == l.box.y }, "frame \(f): '\(l.text)' is off its planned place \(boxes) vs \(l.box); near: \(frame.labels.filter { o in boxes.contains { $0.intersects(o.box) } }.map { "\($0.text) \($0.box)" })")
            }
        }
        // The basemap's names do not come and go.
        let countries = frames.map { Set($0.labels.map(\.text).filter { ["Russia", "Mongolia", "Kazakhstan", "China", "Ukraine"].contains($0) }) }
        XCTAssertFalse(countries[0].isEmpty)
        XCTAssertEqual(countries[0], countries[1])
        XCTAssertEqual(countries[1], countries[2])
    }
}

/// A scenario's place is a settlement: a name shared with a country (Djibouti, Singapore) is the
/// city, and validation says it chose.
final class SettlementPreferenceTests: TemporaryFolderTestCase {
    func testAPortNamedLikeItsCountryIsTheCityNotTheCountry() throws {
        let loaded = try load("""
        title: Ports
        places:
          - {id: dj, name: Djibouti, kind: port}
          - {id: kw, name: Kuwait, kind: city}
        views: [{name: v, fit: [dj, kw]}]
        """, "ports.yaml")
        // Djibouti city (11.59 N, 43.15 E), not the country's centre (11.98 N, 42.50 E).
        let dj = try XCTUnwrap(loaded.resolved.places["dj"]?.coordinate)
        XCTAssertEqual(dj.lat, 11.589, accuracy: 0.05)
        XCTAssertEqual(dj.lon, 43.145, accuracy: 0.05)
        let kw = try XCTUnwrap(loaded.resolved.places["kw"]?.coordinate)
        XCTAssertEqual(kw.lat, 29.37, accuracy: 0.1, "Kuwait City, on the coast")
        XCTAssertTrue(loaded.resolved.notes.contains { $0.contains("'Djibouti' is also the country") }, loaded.resolved.notes.description)
    }
}

extension SettlementPreferenceTests {
    /// A city named like its region (Kursk, Khabarovsk, Yangon: most cities of Russia) is what
    /// `kind: city` means; saying so at every run of the example was noise that buried the warnings
    /// that matter. A country's name is another matter (above).
    func testACityNamedLikeItsRegionNeedsNoNote() throws {
        let loaded = try load("""
        title: Kursk
        places:
          - {id: k, name: Kursk, kind: city}
          - {id: y, name: Yangon, kind: city}
        views: [{name: v, fit: [k, y]}]
        """, "kursk.yaml")
        let k = try XCTUnwrap(loaded.resolved.places["k"]?.coordinate)
        XCTAssertEqual(k.lat, 51.73, accuracy: 0.05, "Kursk the city")
        XCTAssertEqual(loaded.resolved.notes, [])
    }
}

/// A place found only by a typo-tolerant match is drawn where the gazetteer put it, and the
/// validation says which place that is: a misspelt name must not move a place in silence.
final class TypoMatchNoteTests: TemporaryFolderTestCase {
    func testAPlaceFoundByATypoMatchIsReported() throws {
        let loaded = try load("""
        title: Donbas
        places:
          - {id: b, name: Bakhmut, kind: city}
          - {id: k, name: Kramatosk, kind: city}
        views: [{name: v, fit: [b, k]}]
        """, "typo.yaml")
        let k = try XCTUnwrap(loaded.resolved.places["k"]?.coordinate)
        XCTAssertEqual(k.lat, 48.72, accuracy: 0.1, "Kramatorsk")
        let note = loaded.resolved.notes.first { $0.contains("'Kramatosk'") }
        XCTAssertNotNil(note, "no note on the typo match: \(loaded.resolved.notes)")
        XCTAssertTrue(note?.contains("Kramatorsk (UA") == true, note ?? "")
        XCTAssertFalse(loaded.resolved.notes.contains { $0.contains("'Bakhmut'") }, "an exact match needs no note")
    }
}

/// The legend lists only the symbols the map shows: a place whose label found no room is not
/// drawn, and its kind's entry went on listing it (a "Port" with no port on the map).
final class LegendOfDrawnSymbolsTests: TemporaryFolderTestCase {
    func testAKindWhosePlacesAreAllLeftOutHasNoLegendEntry() throws {
        // Kyaukpyu lies inside the frame but under the footer, where no label has room.
        let loaded = try load("""
        title: Rakhine
        places:
          - {id: b, name: Buthidaung, kind: city}
          - {id: s, name: Sittwe, kind: city}
          - {id: c, name: "Cox's Bazar", kind: city}
          - {id: k, name: Kyaukpyu, kind: port}
        views: [{name: v, fit: [b, s, c], margin_km: 60, size: 1600x1200}]
        """, "rakhine.yaml")
        let report = try render(loaded, to: dir.appendingPathComponent("v.png").path)
        XCTAssertTrue(report.dropped.contains("Kyaukpyu"), "the port's label must find no room here for this test to mean anything: \(report.dropped)")
        XCTAssertFalse(report.symbols.contains("Kyaukpyu"))
        XCTAssertTrue(report.legend.contains("City"), report.legend.description)
        XCTAssertFalse(report.legend.contains("Port"), "no port is drawn: \(report.legend)")
    }
}

/// A broad arrow stands for its whole route: its label gives the route's length, not its first
/// leg's ("road 38 km" on an arrow of 38 km schematic and 80 km of road).
final class ArrowLabelTests: TemporaryFolderTestCase {
    func testAnArrowOfSeveralLegsIsLabelledWithTheWholeRoute() throws {
        let loaded = try load("""
        title: Rakhine
        places:
          - {id: b, name: Buthidaung, kind: city}
          - {id: t, name: Teknaf, kind: city}
          - {id: c, name: "Cox's Bazar", kind: city}
        routes:
          - {id: r, label: Refugees, legs: "b>t:direct, t>c:road", style: arrow, date: 2017-09}
        views: [{name: v, fit: [b, t, c], margin_km: 60, size: 1600x1200}]
        """, "arrow.yaml")
        let legs = try XCTUnwrap(loaded.resolved.routes["r"])
        XCTAssertEqual(legs.count, 2)
        let total = Int(legs.reduce(0) { $0 + $1.totalKm }.rounded()), first = Int(legs[0].totalKm.rounded())
        let report = try render(loaded, to: dir.appendingPathComponent("v.png").path)
        let label = try XCTUnwrap(report.labels.first { $0.text.hasPrefix("Refugees") }?.text, "\(report.labels.map(\.text))")
        XCTAssertTrue(label.hasSuffix(" \(total) km"), "\(label): the route is \(total) km")
        XCTAssertFalse(label.contains("direct"), "the first leg's mode is not the route's: \(label)")
        XCTAssertNotEqual(total, first)
    }
}

/// Seen on a map of the Chornobyl zone: two labelled areas were "Area" and "Area" in the legend.
final class AreaLegendTests: TemporaryFolderTestCase {
    func testAreasAreNamedInTheLegendByTheirLabels() throws {
        let loaded = try load("""
        title: Zones
        places:
          - {id: c, name: Chornobyl, country: UA}
          - {id: k, name: Kyiv, country: UA, kind: capital}
        areas:
          - {id: r, label: 30 km zone, center: c, radius_km: 30}
          - {id: q, center: k, radius_km: 20, affiliation: unknown}
        views: [{name: v, fit: [c, k], size: 1400x1000}]
        """, "areas.yaml")
        let report = try render(loaded, to: dir.appendingPathComponent("v.png").path)
        XCTAssertTrue(report.legend.contains("30 km zone"), "\(report.legend)")
        XCTAssertEqual(report.legend.filter { $0 == "Area" }.count, 1, "the unlabelled one: \(report.legend)")
    }
}

/// The scale of reference names is the map's, not its requested extent's: a view fitted to two
/// places one above the other (Rotterdam, Cape Town) is widened to its frame's shape, and was
/// read as ten times larger in scale, so that 116 islets and territories were named on a map of
/// half the world (Saint Pierre and Miquelon, Isle of Man, Åland).
final class ReferenceScaleTests: TemporaryFolderTestCase {
    func testANarrowFitWidenedToItsFrameNamesNoIslets() throws {
        let loaded = try load("""
        title: Around Africa
        places:
          - {id: r, name: Rotterdam, kind: port}
          - {id: c, name: Cape Town, kind: port}
        views: [{name: v, fit: [r, c], size: 1600x1200}]
        """, "tall.yaml")
        let report = try render(loaded, to: dir.appendingPathComponent("v.png").path)
        let texts = Set(report.labels.map(\.text))
        for big in ["South Africa", "Brazil", "Algeria"] { XCTAssertTrue(texts.contains(big), "\(big) missing: \(texts.sorted())") }
        for islet in ["Saint Pierre and Miquelon", "Isle of Man", "Åland", "Bermuda", "Saint Helena"] {
            XCTAssertFalse(texts.contains(islet), "\(islet) named at this scale")
        }
        // Nor are first-level borders drawn, which are for regional maps (a mesh over every
        // continent here); the layers are the SVG's groups.
        let svg = dir.appendingPathComponent("v.svg").path
        try render(loaded, to: svg)
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        XCTAssertTrue(text.contains("id=\"basemap-borders\""))
        XCTAssertFalse(text.contains("id=\"basemap-regions\""), "first-level borders on a map of half the world")
    }
}


/// A place matched only by a spelling variant or a typo, far outside the area of the scenario's
/// other places, is an error, not a map: "Galwan" (the valley, which the data lacks) was drawn as
/// Galván, a village in the Dominican Republic, 14,000 km from Leh, with exit 0.
final class FarWeakMatchTests: TemporaryFolderTestCase {
    func testAVariantMatchFarFromTheStoryIsAProblemThatAHintSettles() throws {
        let story = """
        title: Ladakh
        places:
          - {id: l, name: Leh, kind: city}
          - {id: s, name: Srinagar, kind: city}
          - {id: k, name: Kargil, kind: city}
          - {id: g, name: Galwan, kind: village%@}
        views: [{name: v, fit: [l, s, k]}]
        """
        XCTAssertThrowsError(try load(story.replacingOccurrences(of: "%@", with: ""), "galwan.yaml")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("places[3].name") && text.contains("Galván (DO"), text)
            XCTAssertTrue(text.contains("country: DO") && text.contains("lat and lon"), "says what settles it: \(text)")
        }
        // Said on purpose, it is the user's answer.
        let loaded = try load(story.replacingOccurrences(of: "%@", with: ", country: DO"), "galvan.yaml")
        XCTAssertEqual(try XCTUnwrap(loaded.resolved.places["g"]?.coordinate).lon, -71.3, accuracy: 0.1)
    }

    func testAWeakMatchInsideTheStorysAreaStands() throws {
        // Kramatorsk by a typo, among Donbas towns: a note, not an error (TypoMatchNoteTests).
        XCTAssertNotNil(try load("""
        title: Donbas
        places:
          - {id: b, name: Bakhmut, kind: city}
          - {id: s, name: Sloviansk, kind: city}
          - {id: k, name: Kramatosk, kind: city}
        views: [{name: v, fit: [b, k]}]
        """, "typo.yaml").resolved.places["k"])
    }
}

/// A leg the network carries none of is drawn straight and schematic: its label gives its length
/// without the mode ("road 38 km" stood on a dotted line between Buthidaung and Teknaf).
final class SchematicLegLabelTests: TemporaryFolderTestCase {
    func testAWhollySchematicLegIsNotLabelledWithItsMode() throws {
        let loaded = try load("""
        title: Rakhine
        places:
          - {id: b, name: Buthidaung, kind: city}
          - {id: t, name: Teknaf, kind: city}
        routes:
          - {id: r, label: Refugees, legs: "b>t:road", date: 2017-09}
        views: [{name: v, fit: [b, t], margin_km: 60, size: 1600x1200}]
        """, "schematic.yaml")
        let legs = try XCTUnwrap(loaded.resolved.routes["r"])
        XCTAssertEqual(legs.reduce(0) { $0 + $1.routedKm }, 0, "the road network must carry none of it for this test to mean anything")
        let report = try render(loaded, to: dir.appendingPathComponent("v.png").path)
        let label = try XCTUnwrap(report.labels.first { $0.text.hasPrefix("Refugees") }?.text, "\(report.labels.map(\.text))")
        XCTAssertFalse(label.contains("road"), label)
        XCTAssertTrue(label.hasSuffix(" km"), label)
    }
}

/// A region written as a place: the problem says how a region goes on a map, not only which
/// hint picks the town of its name ("Kashmir" fits the region and Cashmere, Washington).
final class RegionAsPlaceTests: TemporaryFolderTestCase {
    func testARegionGivenAsAPlaceIsToldToBeAnAreaOrAnAnnotation() throws {
        let story = """
        title: Kashmir
        places:
          - {id: s, name: Srinagar, kind: city}
          - {id: m, name: Muzaffarabad, kind: city}
          - {id: k, name: Kashmir, kind: city}
        views: [{name: v, fit: [s, m]}]
        """
        XCTAssertThrowsError(try load(story, "kashmir.yaml")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("places[2].name") && text.contains("Cashmere"), text)
            XCTAssertTrue(text.contains("annotation of style region") && text.contains("areas"), "says how a region is drawn: \(text)")
        }
    }
}
