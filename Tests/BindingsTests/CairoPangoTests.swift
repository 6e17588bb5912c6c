import Graphics
import Foundation
import Bindings
import GeoCore
import TestSupport
import XCTest
import PosixBindings

final class CairoPangoTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws { dir = try temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// Drawing in bands on all cores gives the very pixels of drawing the whole at once.
    func testBandsDrawTheSamePixels() throws {
        var rng = SystemRandomNumberGenerator()
        let paths = (0..<400).map { _ in (0..<6).map { _ in Coordinate(lon: .random(in: -20...620, using: &rng), lat: .random(in: -20...520, using: &rng)) } }
        func draw(_ canvas: Canvas) {
            canvas.setColor(Color(r: 0.9, g: 0.9, b: 0.85, a: 1))
            canvas.paint()
            canvas.setEvenOddFill(true)
            canvas.setColor(Color(r: 0.2, g: 0.4, b: 0.8, a: 0.5))
            canvas.newPath()
            for p in paths.prefix(50) { canvas.addPath(p, closed: true) }
            canvas.fill()
            for (width, dash) in [(0.55, [Double]()), (1.7, [4.0, 3.0]), (6.0, [])] {
                canvas.setColor(Color(r: 0.3, g: 0.1, b: 0.1, a: 0.8))
                canvas.setLineWidth(width)
                canvas.setDash(dash)
                canvas.newPath()
                for p in paths { canvas.addPath(p, closed: false) }
                canvas.stroke()
            }
        }
        // Once over the whole image, once inside a clip (which every band must keep).
        for clip in [nil, (x: 30.0, y: 45.0, w: 420.0, h: 380.0)] {
            let whole = try Canvas(try Surface.image(width: 600, height: 500))
            let banded = try Canvas(try Surface.image(width: 600, height: 500))
            for c in [whole, banded] {
                if let clip { c.rectangle(clip.x, clip.y, clip.w, clip.h); c.clip() }
            }
            draw(whole)
            var calls = 0
            let lock = NSLock()
            try banded.inBands { c in lock.lock(); calls += 1; lock.unlock(); draw(c) }
            XCTAssertEqual(calls, min(ProcessInfo.processInfo.activeProcessorCount, 3), "one call per band")
            let a = try ImageBuffer(copying: whole.surface).pixels, b = try ImageBuffer(copying: banded.surface).pixels
            XCTAssertEqual(a, b, "clip \(String(describing: clip))")
            if clip != nil { XCTAssertEqual(b[10 * 600 + 10], 0, "outside the clip stays clear") }
        }
    }

    /// Fonts preloaded on another thread lay text out and draw it exactly as fonts loaded on demand.
    func testPreloadedFontsDrawTheSame() throws {
        let styles = [TextStyle(size: 9), TextStyle(size: 13.5, bold: true), TextStyle(size: 7, italic: true, language: "ko")]
        func draw() throws -> ([Rect], [UInt32]) {
            let canvas = try Canvas(try Surface.image(width: 300, height: 120, dpi: 150))
            var boxes: [Rect] = []
            for (i, s) in styles.enumerated() {
                let t = try TextLayout("Суджа Sudzha 원산 1,234 km", style: s, on: canvas)
                t.draw(x: 4, y: Double(4 + 36 * i))
                boxes.append(t.extents)
            }
            return (boxes, try ImageBuffer(copying: canvas.surface).pixels)
        }
        let onDemand = try draw()
        FontPreload.start(styles: styles, targets: [.init(kind: .image, imageDPI: 150), .init(kind: .pdf, imageDPI: 150)])
        let preloaded = try draw()
        XCTAssertEqual(onDemand.0, preloaded.0)
        XCTAssertEqual(onDemand.1, preloaded.1)
        XCTAssertGreaterThan(onDemand.0[1].width, onDemand.0[0].width, "bigger, bolder text is wider")
    }

    func testCyrillicUkrainianAndHangulLabelsHaveNoMissingGlyphs() throws {
        let canvas = try Canvas(try Surface.image(width: 400, height: 100))
        for text in ["Суджа", "Запоріжжя, Київ, ґанок, є, ї", "원산", "Wŏnsan Sudža Krasnoïarsk", "Курск 쿠르스크 Kursk"] {
            let layout = try TextLayout(text, style: TextStyle(size: 12), on: canvas)
            XCTAssertEqual(layout.missingGlyphs, 0, "missing glyphs in '\(text)': install fonts-noto-core and fonts-noto-cjk")
            XCTAssertGreaterThan(layout.extents.width, 10)
        }
    }

    func testScriptWithoutFontIsCountedAsMissing() throws {
        let canvas = try Canvas(try Surface.image(width: 200, height: 50))
        // Private-use code points: no installed font draws them.
        let layout = try TextLayout("\u{E000}\u{E001}\u{E002}", style: TextStyle(size: 12), on: canvas)
        XCTAssertEqual(layout.missingGlyphs, 3)
    }

    func testPointSizeHoldsAtAnyDPI() throws {
        func height(dpi: Double) throws -> Double {
            let canvas = try Canvas(try Surface.image(width: 100, height: 100, dpi: dpi))
            return try TextLayout("Kursk", style: TextStyle(size: 12), on: canvas).extents.height
        }
        let h72 = try height(dpi: 72), h144 = try height(dpi: 144), h300 = try height(dpi: 300)
        XCTAssertEqual(h144 / h72, 2, accuracy: 0.08)
        XCTAssertEqual(h300 / h72, 300 / 72, accuracy: 0.15)
        // On PDF one unit is a point: 12 pt text has a line height of roughly 12-18 pt.
        let pdf = try Canvas(try Surface.pdf(path: dir.appendingPathComponent("a.pdf").path, width: 100, height: 100))
        let hp = try TextLayout("Kursk", style: TextStyle(size: 12), on: pdf).extents.height
        // Raster layouts round line metrics to whole pixels (hinting): within 1 pt of the PDF's.
        XCTAssertEqual(hp, h72, accuracy: 1.0)
        XCTAssertTrue((12.0...20).contains(hp), "\(hp)")
    }

    func testTextMeasuresTheSameInPointsOnEverySurface() throws {
        // Unhinted metrics: a label's width in points does not depend on the output.
        let text = "Blagoveshchensk · 4,766 km"
        let png = try TextLayout(text, style: TextStyle(size: 8.5), on: try Canvas(try Surface.image(width: 100, height: 100, dpi: 144)))
        let pdf = try TextLayout(text, style: TextStyle(size: 8.5),
                                 on: try Canvas(try Surface.pdf(path: dir.appendingPathComponent("m.pdf").path, width: 100, height: 100)))
        XCTAssertEqual(png.extents.width / 2, pdf.extents.width, accuracy: 0.05)
        XCTAssertEqual(png.extents.height / 2, pdf.extents.height, accuracy: 0.05)
    }

    func testMixedScriptParagraphRunsInTheDirectionOfMostOfItsLetters() throws {
        let canvas = try Canvas(try Surface.image(width: 300, height: 100))
        // Opens with an Arabic name, mostly English: left to right.
        XCTAssertFalse(try TextLayout("الفاشر: the siege of El Fasher, North Darfur", style: TextStyle(), on: canvas).isRightToLeft)
        XCTAssertTrue(try TextLayout("الحرب في السودان (Sudan)", style: TextStyle(), on: canvas).isRightToLeft)
        XCTAssertFalse(try TextLayout("Khartoum — الخرطوم", style: TextStyle(), on: canvas).isRightToLeft)
    }

    func testNamesAreNotBrokenAtTheirHyphens() throws {
        let canvas = try Canvas(try Surface.image(width: 300, height: 100, dpi: 72))
        let style = TextStyle(size: 10)
        let whole = try TextLayout("Rostov-on-Don", style: style, on: canvas).extents.width
        // Narrower than the name: wrapped at the space, never inside the name.
        let t = try TextLayout("to Rostov-on-Don", style: style, on: canvas, width: whole + 2)
        XCTAssertEqual(t.lineCount, 2)
        XCTAssertGreaterThanOrEqual(t.extents.width, whole - 0.5, "the name stays on one line")
    }

    func testWrappingAndOverlongText() throws {
        let canvas = try Canvas(try Surface.image(width: 300, height: 300))
        let long = String(repeating: "North Korean troops moved by sea ", count: 20)
        let wrapped = try TextLayout(long, style: TextStyle(size: 10), on: canvas, width: 200)
        XCTAssertGreaterThan(wrapped.lineCount, 5)
        XCTAssertLessThanOrEqual(wrapped.extents.width, 200.5)
        XCTAssertThrowsError(try TextLayout(String(repeating: "x", count: 200_000), style: TextStyle(), on: canvas))
    }

    /// An image of a megabyte or more lies on pages of its own: clear to transparent at first,
    /// drawn on like any other, and given back when the surface goes (300 maps of 4 MB in a row
    /// would hold 1.2 GB otherwise).
    func testLargeImagesStartClearDrawAndAreFreed() throws {
        let (w, h) = (1024, 1024)
        let canvas = try Canvas(try Surface.image(width: w, height: h))
        XCTAssertEqual(Set(try ImageBuffer(copying: canvas.surface).pixels), [0], "cleared to transparent")
        canvas.setColor(Color(r: 1, g: 0, b: 0, a: 1))
        canvas.rectangle(0, 0, 512, 1024)
        canvas.fill()
        let pixels = try ImageBuffer(copying: canvas.surface).pixels
        XCTAssertEqual(pixels[10 * w + 10], 0xFFFF_0000)
        XCTAssertEqual(pixels[10 * w + 900], 0)
        func residentKB() -> Int {
            let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        let before = residentKB()
        for _ in 0..<300 {
            let c = try Canvas(try Surface.image(width: w, height: h))
            c.setColor(Color(r: 0, g: 0, b: 1, a: 1))
            c.paint()
        }
        #if os(Linux)
        XCTAssertLessThan(residentKB() - before, 200_000, "the pages of each image are given back")
        #endif
    }

    func testImageOverCairoLimitIsTypedError() {
        XCTAssertThrowsError(try Surface.image(width: 40_000, height: 10)) { error in
            XCTAssertTrue(error is CairoError)
            XCTAssertTrue("\(error)".contains("32767"), "\(error)")
        }
        XCTAssertThrowsError(try Surface.image(width: 0, height: 10))
    }

    func testPDFTextReadsBackAndHasMetadata() throws {
        let path = dir.appendingPathComponent("text.pdf").path
        try drawSample(pdf: path)
        let text = try XCTUnwrap(runTool("pdftotext", [path, "-"]), "pdftotext is missing: `make setup` installs poppler-utils")
        XCTAssertTrue(text.contains("Sudzha"), text)
        XCTAssertTrue(text.contains("Суджа"), text)
        let info = try XCTUnwrap(runTool("pdfinfo", [path]))
        XCTAssertTrue(info.contains("GeoBrief test"), info)
        XCTAssertTrue(info.contains("2024"), info)
    }

    func testSameInputGivesSameBytes() throws {
        for ext in ["pdf", "png", "svg"] {
            let a = dir.appendingPathComponent("a.\(ext)").path, b = dir.appendingPathComponent("b.\(ext)").path
            if ext == "pdf" { try drawSample(pdf: a); try drawSample(pdf: b) }
            if ext == "png" { try drawSample(png: a); try drawSample(png: b) }
            if ext == "svg" { try drawSample(svg: a); try drawSample(svg: b) }
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: a)), try Data(contentsOf: URL(fileURLWithPath: b)), ext)
        }
    }

    func testUnfinishedPDFLeavesNoFile() throws {
        let path = dir.appendingPathComponent("never.pdf").path
        do {
            let s = try Surface.pdf(path: path, width: 100, height: 100)
            let c = try Canvas(s)
            c.rectangle(0, 0, 10, 10)
            c.fill()
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }

    func testGoldenImageComparisonFindsDifferencesAndWritesDiff() throws {
        let ref = dir.appendingPathComponent("ref.png").path, same = dir.appendingPathComponent("same.png").path
        try drawSample(png: ref)
        try drawSample(png: same)
        let golden = GoldenImage(maxDifferingShare: 0.001, channelTolerance: 8)
        XCTAssertTrue(try golden.compare(actual: same, reference: ref, environment: [:]).passed)
        // Paint a block over one copy: more than 0.1% of pixels change.
        let s = try Surface.image(width: 200, height: 80)
        let c = try Canvas(s)
        c.draw(try ImageBuffer(png: same), x: 0, y: 0, width: 200, height: 80)
        c.setColor(Color(r: 1, g: 0, b: 0))
        c.rectangle(0, 0, 20, 20)
        c.fill()
        let changed = dir.appendingPathComponent("changed.png").path
        try s.writePNG(to: changed)
        let outcome = try golden.compare(actual: changed, reference: ref, environment: [:])
        XCTAssertFalse(outcome.passed)
        XCTAssertEqual(outcome.differingPixels, 400, accuracy: 40)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("ref.diff.png").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("ref.actual.png").path))
    }

    private func drawSample(on canvas: Canvas) throws {
        canvas.setColor(Color(hex: "#c9dcea")!)
        canvas.paint()
        canvas.setColor(Color(r: 0.2, g: 0.2, b: 0.2))
        canvas.setLineWidth(2)
        canvas.addPath([Coordinate(lon: 10, lat: 70), Coordinate(lon: 190, lat: 10)], closed: false)
        canvas.stroke()
        try TextLayout("Sudzha Суджа 원산", style: TextStyle(size: 12), on: canvas).draw(x: 10, y: 10, halo: .white, haloWidth: 2)
        try canvas.check()
    }

    private func drawSample(pdf path: String) throws {
        let s = try Surface.pdf(path: path, width: 200, height: 80)
        s.setPDFMetadata(title: "GeoBrief test", author: "tests", creationDate: "2024-12-23T00:00:00Z")
        try drawSample(on: try Canvas(s))
        try s.finish()
    }

    private func drawSample(png path: String) throws {
        let s = try Surface.image(width: 200, height: 80)
        try drawSample(on: try Canvas(s))
        try s.writePNG(to: path)
    }

    private func drawSample(svg path: String) throws {
        let s = try Surface.svg(path: path, width: 200, height: 80)
        try drawSample(on: try Canvas(s))
        try s.finish()
    }
}

/// PNG files written in parallel deflate blocks decode to exactly the pixels drawn.
final class PNGEncoderTests: XCTestCase {
    func testBlocksJoinIntoOneStreamThatDecodesToThePixels() throws {
        // 1200 x 1000 RGBA: rows of 4,801 bytes, about 4.6 MB raw, so five blocks of 1 MB.
        let w = 1200, h = 1000
        var pixels = [UInt32](repeating: 0, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                // Premultiplied ARGB: opaque noise-like colours, with a translucent band (alpha 128).
                let a: UInt32 = (300..<400).contains(y) ? 128 : 255
                let r = UInt32((x * 7 + y * 3) % 256) * a / 255, g = UInt32((x * y) % 256) * a / 255, b = UInt32((x ^ y) % 256) * a / 255
                pixels[y * w + x] = a << 24 | r << 16 | g << 8 | b
            }
        }
        let image = try ImageBuffer(width: w, height: h, pixels: pixels)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("png-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("blocks.png").path
        try image.writePNG(to: path)
        let back = try ImageBuffer(png: path).pixels
        XCTAssertEqual(back.count, pixels.count)
        var worst: UInt32 = 0
        for (p, q) in zip(pixels, back) {
            for shift in stride(from: 0, through: 24, by: 8) {
                let a = (p >> UInt32(shift)) & 0xFF, b = (q >> UInt32(shift)) & 0xFF
                worst = max(worst, a > b ? a - b : b - a)
            }
        }
        // Straight alpha and back: premultiplied channels may move by one step.
        XCTAssertLessThanOrEqual(worst, 1)
        try image.writePNG(to: path + "2")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), try Data(contentsOf: URL(fileURLWithPath: path + "2")), "same bytes twice")
        // A batch item encodes on one thread: the very same bytes.
        try image.writePNG(to: path + "1", threads: .one)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), try Data(contentsOf: URL(fileURLWithPath: path + "1")), "same bytes on one thread")
    }
}

/// `Threads`: every index once, on the calling thread in order when there is one thread.
final class ThreadsTests: XCTestCase {
    func testEveryIndexRunsOnceOnAnyNumberOfThreads() {
        for n in [1, 2, 3, 8] {
            let seen = Locked([Int](repeating: 0, count: 100))
            Threads(n).forEach(100) { i in seen.withLock { $0[i] += 1 } }
            XCTAssertEqual(seen.withLock { $0 }, [Int](repeating: 1, count: 100), "\(n) threads")
        }
        var none = 0
        Threads(4).forEach(0) { _ in none += 1 }
        XCTAssertEqual(none, 0)
    }

    func testOneThreadRunsInOrderOnTheCaller() {
        let caller = Thread.current
        var order: [Int] = []
        Threads.one.forEach(5) { i in
            XCTAssertTrue(Thread.current === caller)
            order.append(i)
        }
        XCTAssertEqual(order, [0, 1, 2, 3, 4])
        XCTAssertEqual(Threads(0).count, 1, "never fewer than one")
        XCTAssertEqual(Threads(1_000).count, 64)
    }

    /// At most `count` bodies run at once.
    func testNoMoreThanCountAtOnce() {
        let state = Locked((running: 0, most: 0))
        Threads(2).forEach(40) { _ in
            state.withLock { $0.running += 1; $0.most = max($0.most, $0.running) }
            usleep(1_000)
            state.withLock { $0.running -= 1 }
        }
        XCTAssertLessThanOrEqual(state.withLock { $0.most }, 2)
    }
}
