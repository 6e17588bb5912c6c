import PosixBindings
import CCairo
import Foundation

/// A Cairo drawing surface: an in-memory image, or a PDF or SVG file written atomically
/// (to a temporary file renamed over `path` by `finish()`).
public final class Surface {
    /// What the surface draws to.
    public enum Kind: Sendable, Equatable { case image, pdf, svg }

    let handle: OpaquePointer
    public let kind: Kind
    /// Width and height in user units: pixels for images, points (1/72 in) for PDF and SVG.
    public private(set) var width: Double
    public private(set) var height: Double
    /// Dots per inch that text is laid out for: the image's DPI, 72 for PDF and SVG.
    public let dpi: Double
    /// Final path of a PDF or SVG.
    public let path: String?
    private let temporaryPath: String?
    private var finished = false
    /// SVG only: drawings put under this surface's own (the basemap's layers, each a named group).
    public private(set) var svgUnderlays: [SVGPart] = []
    /// SVG only: texts as `<text>` elements, put over everything (`TextLayout` writes them here
    /// instead of drawing glyph outlines).
    private(set) var svgTexts: [String] = []

    /// PDF only: the map frames to georeference, written into the file by `finish()`.
    private(set) var georeferences: [PDFGeoreference] = []
    /// PDF only: the page being drawn (0-based).
    public internal(set) var page = 0

    /// PDF only: the alternate text of each page's figure (`Canvas.figure`), by page.
    private(set) var figureTexts: [Int: String] = [:]

    /// SVG only: the document's `<title>` and `<desc>`.
    private(set) var svgDescription: (title: String, description: String)?

    /// Gives an SVG document a `<title>` and `<desc>` (what screen readers announce).
    public func setSVGDescription(title: String, description: String) { svgDescription = (title, description) }

    func addGeoreference(_ g: PDFGeoreference) { georeferences.append(g) }
    func setFigureText(_ text: String, page: Int) { figureTexts[page] = text }

    /// Puts `part` under this SVG's own drawing, after the parts added before.
    public func addSVGUnderlay(_ part: SVGPart) { svgUnderlays.append(part) }

    /// Adds a `<text>` element over the drawing.
    func addSVGText(_ element: String) { svgTexts.append(element) }

    /// The resolution text is laid out for on PDF and SVG surfaces (their user unit is the point).
    public static let vectorDPI = 72.0

    /// Cairo's hard limit on an image side.
    public static let maxImageSide = 32_767

    private init(handle: OpaquePointer, kind: Kind, width: Double, height: Double, dpi: Double, path: String?, temporaryPath: String?) throws {
        let what = path.map { "create \(kind) \($0)" } ?? "create \(kind) surface"
        self.handle = handle
        self.kind = kind
        self.width = width
        self.height = height
        self.dpi = dpi
        self.path = path
        self.temporaryPath = temporaryPath
        let status = cairo_surface_status(handle)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(handle)
            if let temporaryPath { try? FileManager.default.removeItem(atPath: temporaryPath) }
            throw CairoError(what, status: status)
        }
    }

    /// An ARGB image of `width` x `height` pixels, cleared to transparent.
    public static func image(width: Int, height: Int, dpi: Double = 96) throws -> Surface {
        guard width > 0, height > 0, width <= maxImageSide, height <= maxImageSide else {
            throw CairoError(operation: "create image surface",
                             message: "size \(width)x\(height) is outside 1...\(maxImageSide) pixels a side (Cairo's limit)")
        }
        guard dpi >= 10, dpi <= 2400 else {
            throw CairoError(operation: "create image surface", message: "DPI \(dpi) is outside 10...2400")
        }
        // cairo_image_surface_create never returns NULL: an error surface reports through its status.
        let h = onPagesOfItsOwn(width: width, height: height) ?? cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))!
        return try Surface(handle: h, kind: .image, width: Double(width), height: Double(height), dpi: dpi, path: nil, temporaryPath: nil)
    }

    /// The key under which an image surface keeps its pages (an address Cairo compares).
    nonisolated(unsafe) private static let pagesKey = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)

    /// An image surface of a megabyte or more over anonymous pages mapped for it, unmapped when Cairo
    /// frees it; nil for a smaller image, or when the pages cannot be had.
    ///
    /// The kernel gives such pages zeroed, as each is first drawn on (by the bands' threads, in
    /// parallel), where the C heap clears all 11 MB of a 2000x1400 map up front on the thread that
    /// asks: with its top padded (`HeapTuning`), glibc's calloc takes the pixels from the heap and
    /// must clear them (4 ms a map).
    private static func onPagesOfItsOwn(width: Int, height: Int) -> OpaquePointer? {
        let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, Int32(width)))
        let size = stride * height
        guard stride > 0, size >= 1 << 20, let pages = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              pages != MAP_FAILED else { return nil }
        let mapping = UnsafeMutablePointer<Int>.allocate(capacity: 2)
        (mapping[0], mapping[1]) = (Int(bitPattern: pages), size)
        let h = cairo_image_surface_create_for_data(pages.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_ARGB32, Int32(width), Int32(height), Int32(stride))!
        let unmap: cairo_destroy_func_t = { raw in
            guard let mapping = raw?.assumingMemoryBound(to: Int.self) else { return }
            munmap(UnsafeMutableRawPointer(bitPattern: mapping[0]), mapping[1])
            mapping.deallocate()
        }
        guard cairo_surface_status(h) == CAIRO_STATUS_SUCCESS, cairo_surface_set_user_data(h, pagesKey, mapping, unmap) == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(h)
            munmap(pages, size)
            mapping.deallocate()
            return nil
        }
        return h
    }

    /// An image surface over `rows` rows of another's pixels (for `Canvas.inBands`); the pixels
    /// must outlive it.
    static func imageRows(_ pixels: UnsafeMutablePointer<UInt8>, width: Int, rows: Int, stride: Int, dpi: Double) throws -> Surface {
        let h = cairo_image_surface_create_for_data(pixels, CAIRO_FORMAT_ARGB32, Int32(width), Int32(rows), Int32(stride))!
        return try Surface(handle: h, kind: .image, width: Double(width), height: Double(rows), dpi: dpi, path: nil, temporaryPath: nil)
    }

    /// A PDF of one or more pages, `width` x `height` points each, written to `path` on `finish()`.
    public static func pdf(path: String, width: Double, height: Double) throws -> Surface {
        try vector(.pdf, path: path, width: width, height: height)
    }

    /// An SVG document of `width` x `height` points, written to `path` on `finish()`.
    public static func svg(path: String, width: Double, height: Double) throws -> Surface {
        try vector(.svg, path: path, width: width, height: height)
    }

    private static func vector(_ kind: Kind, path: String, width: Double, height: Double) throws -> Surface {
        guard width > 0, height > 0, width <= 14_400, height <= 14_400 else {
            throw CairoError(operation: "create \(kind) surface", message: "page \(width)x\(height) pt is outside 1...14400 pt (PDF's limit)")
        }
        let tmp = try AtomicFile.temporaryPath(for: path)
        let h: OpaquePointer
        switch kind {
        case .pdf:
            h = cairo_pdf_surface_create(tmp, width, height)!
            cairo_pdf_surface_restrict_to_version(h, CAIRO_PDF_VERSION_1_5)
        default:
            h = cairo_svg_surface_create(tmp, width, height)!
            cairo_svg_surface_restrict_to_version(h, CAIRO_SVG_VERSION_1_1)
        }
        return try Surface(handle: h, kind: kind, width: width, height: height, dpi: vectorDPI, path: path, temporaryPath: tmp)
    }

    deinit {
        cairo_surface_destroy(handle)
        // A vector surface never finished leaves no file behind.
        if !finished, let temporaryPath { try? FileManager.default.removeItem(atPath: temporaryPath) }
    }

    /// Draws `draw` onto a new SVG surface of `width` x `height` points and returns what it drew,
    /// as a named part for another SVG (`addSVGUnderlay`). The scratch file is removed.
    public static func svgPart(id: String, width: Double, height: Double, draw: (Canvas) throws -> Void) throws -> SVGPart {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("geobrief-svg-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).svg").path
        let surface = try vector(.svg, path: scratch, width: width, height: height)
        try draw(try Canvas(surface))
        cairo_surface_finish(surface.handle)
        surface.finished = true
        defer { try? FileManager.default.removeItem(atPath: scratch); try? FileManager.default.removeItem(atPath: surface.temporaryPath ?? scratch) }
        let status = cairo_surface_status(surface.handle)
        guard status == CAIRO_STATUS_SUCCESS else { throw CairoError("draw svg part \(id)", status: status) }
        let text = try String(contentsOfFile: surface.temporaryPath ?? scratch, encoding: .utf8)
        guard let (defs, body) = SVGComposer.split(text) else {
            throw CairoError(operation: "draw svg part \(id)", message: "Cairo wrote no SVG document")
        }
        return SVGPart(id: id, defs: defs, body: body)
    }

    /// Document metadata. `creationDate` is fixed (ISO 8601) so that the same input gives the same bytes.
    public func setPDFMetadata(title: String, author: String, subject: String = "", creationDate: String = "2024-01-01T00:00:00Z") {
        guard kind == .pdf else { return }
        cairo_pdf_surface_set_metadata(handle, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(handle, CAIRO_PDF_METADATA_AUTHOR, author)
        cairo_pdf_surface_set_metadata(handle, CAIRO_PDF_METADATA_SUBJECT, subject)
        cairo_pdf_surface_set_metadata(handle, CAIRO_PDF_METADATA_CREATOR, "GeoBrief")
        cairo_pdf_surface_set_metadata(handle, CAIRO_PDF_METADATA_CREATE_DATE, creationDate)
        cairo_pdf_surface_set_metadata(handle, CAIRO_PDF_METADATA_MOD_DATE, creationDate)
    }

    /// Adds an outline (bookmark) entry pointing at `page` (1-based); returns its id for children.
    @discardableResult
    public func addOutline(_ title: String, page: Int, parent: Int32 = 0) -> Int32 {
        guard kind == .pdf else { return 0 }
        return cairo_pdf_surface_add_outline(handle, parent, title, "page=\(page)", CAIRO_PDF_OUTLINE_FLAG_OPEN)
    }

    /// Sets the size of the pages that follow (PDF only; call before drawing on a new page).
    public func setPageSize(width: Double, height: Double) {
        guard kind == .pdf else { return }
        cairo_pdf_surface_set_size(handle, width, height)
        self.width = width
        self.height = height
    }

    /// Throws when Cairo recorded an error while drawing.
    public func check(_ operation: String = "draw") throws {
        let status = cairo_surface_status(handle)
        guard status == CAIRO_STATUS_SUCCESS else { throw CairoError(operation, status: status) }
    }

    /// Ends a PDF or SVG, checks Cairo's status and renames the temporary file over `path`.
    public func finish() throws {
        guard !finished else { return }
        cairo_surface_finish(handle)
        finished = true
        guard let temporaryPath, let path else { return }
        let status = cairo_surface_status(handle)
        guard status == CAIRO_STATUS_SUCCESS else {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            // Cairo reports a failed write (disk full, a size limit) only as this status, after finish.
            if status == CAIRO_STATUS_WRITE_ERROR {
                throw FileWriteError(path: path, reason: "writing failed: the disk is full or the file is over a size limit (ulimit -f); free some space and run it again")
            }
            throw CairoError("write \(kind) \(path)", status: status)
        }
        if kind == .pdf {
            let viewports = Dictionary(grouping: georeferences, by: \.page).mapValues { "/VP [ \($0.map(\.viewport).joined(separator: " ")) ]" }
            do {
                try PDFAmendment.apply(to: temporaryPath, pageEntries: viewports, figureEntries: figureTexts.mapValues { "/Alt \(PDFAmendment.string($0))" })
            } catch {
                try? FileManager.default.removeItem(atPath: temporaryPath)
                throw error
            }
        }
        if kind == .svg {
            do {
                let drawn = try String(contentsOfFile: temporaryPath, encoding: .utf8)
                let composed = try SVGComposer.compose(drawn, underlays: svgUnderlays, texts: svgTexts, description: svgDescription)
                try SVGIdentifiers.normalize(composed).write(toFile: temporaryPath, atomically: false, encoding: .utf8)
            } catch {
                try? FileManager.default.removeItem(atPath: temporaryPath)
                throw CairoError(operation: "write svg \(path)", message: "\(error)")
            }
        }
        do { try AtomicFile.commit(temporaryPath, to: path) } catch {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw error
        }
    }

    /// Encodes an image surface as PNG at `path`, through a temporary file and a rename
    /// (ISA-L level 1, on up to `threads` threads: see `PNGEncoder`).
    public func writePNG(to path: String, threads: Threads = .allCores) throws {
        try PNGEncoder.write(self, to: path, threads: threads)
    }
}
