import Foundation
import GeoCore

/// The geospatial encoding of one map frame on a PDF page (ISO 32000-2, 12.10: a viewport with a
/// geospatial measure dictionary): where the frame is on the page and control points tying page
/// positions to longitude and latitude in the map's reference system. GDAL reads it as the page's
/// coordinate system and geotransform; Acrobat measures distances with it.
public struct PDFGeoreference: Sendable, Equatable {
    /// The page (0-based) and the frame on it, in PDF points with the origin at the bottom left.
    public var page: Int
    public var box: (x0: Double, y0: Double, x1: Double, y1: Double)
    /// Control points: a position in the frame's unit square (origin bottom left) and its place.
    public var points: [(u: Double, v: Double, place: Coordinate)]
    /// The map's reference system as WKT 1.
    public var wkt: String

    public static func == (a: PDFGeoreference, b: PDFGeoreference) -> Bool {
        a.page == b.page && a.box == b.box && a.wkt == b.wkt && a.points.count == b.points.count
            && zip(a.points, b.points).allSatisfy { $0.u == $1.u && $0.v == $1.v && $0.place == $1.place }
    }

    /// The viewport dictionary.
    var viewport: String {
        func n(_ v: Double, _ places: Int = 4) -> String { String(format: "%.\(places)f", v) }
        let gpts = points.map { "\(n($0.place.lat, 9)) \(n($0.place.lon, 9))" }.joined(separator: " ")
        let lpts = points.map { "\(n($0.u, 6)) \(n($0.v, 6))" }.joined(separator: " ")
        let type = wkt.hasPrefix("GEOGCS") || wkt.hasPrefix("GEOGCRS") ? "GEOGCS" : "PROJCS"
        return "<< /Type /Viewport /Name (Map) /BBox [\(n(box.x0)) \(n(box.y0)) \(n(box.x1)) \(n(box.y1))] "
            + "/Measure << /Type /Measure /Subtype /GEO /Bounds [0 0 0 1 1 1 1 0] /GPTS [\(gpts)] /LPTS [\(lpts)] "
            + "/GCS << /Type /\(type) /WKT \(PDFGeoreference.string(wkt)) >> >> >>"
    }

    /// A PDF literal string.
    static func string(_ s: String) -> String {
        "(" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)") + ")"
    }

    /// Adds `references` to the PDF at `path` as an incremental update (ISO 32000-1, 7.5.6): each
    /// page they name written again with its viewports (`/VP`), a cross-reference section for
    /// those objects and a trailer pointing back to Cairo's. Throws when the file is not laid out
    /// as Cairo writes PDF 1.5 (a classic cross-reference table, pages as plain objects).
    static func apply(_ references: [PDFGeoreference], to path: String) throws {
        guard !references.isEmpty else { return }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        // PDF syntax is bytes; Latin-1 maps each to one character, so offsets agree.
        guard let text = String(data: data, encoding: .isoLatin1) else { throw problem(path, "not a PDF") }
        let ns = text as NSString
        let trailerAt = ns.range(of: "trailer", options: .backwards)
        let startAt = ns.range(of: "startxref", options: .backwards)
        guard trailerAt.location != NSNotFound, startAt.location != NSNotFound, startAt.location > trailerAt.location else {
            throw problem(path, "no classic trailer (a cross-reference stream?)")
        }
        let trailer = ns.substring(with: NSRange(location: trailerAt.location, length: startAt.location - trailerAt.location))
        let tail = ns.substring(from: startAt.location + startAt.length).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let previous = Int(tail.prefix { $0.isNumber }), let size = Int(match(#"/Size\s+(\d+)"#, in: trailer) ?? ""),
              let root = match(#"/Root\s+(\d+\s+\d+\s+R)"#, in: trailer) else {
            throw problem(path, "the trailer lacks /Size, /Root or startxref")
        }
        let info = match(#"/Info\s+(\d+\s+\d+\s+R)"#, in: trailer)
        // Page objects in file order (Cairo writes them in page order).
        let pageExpression = try NSRegularExpression(pattern: #"(\d+) 0 obj\s*(<<\s*/Type\s*/Page\b(?!s).*?)>>\s*endobj"#, options: [.dotMatchesLineSeparators])
        let pages = pageExpression.matches(in: text, range: NSRange(location: 0, length: ns.length)).map {
            (number: Int(ns.substring(with: $0.range(at: 1)))!, body: ns.substring(with: $0.range(at: 2)))
        }
        var update = "\n"
        var offsets: [(Int, Int)] = []
        for (index, page) in pages.enumerated() {
            let mine = references.filter { $0.page == index }
            guard !mine.isEmpty else { continue }
            offsets.append((page.number, data.count + update.utf8.count))
            update += "\(page.number) 0 obj\n\(page.body) /VP [ \(mine.map(\.viewport).joined(separator: " ")) ]\n>>\nendobj\n"
        }
        guard offsets.count == Set(references.map(\.page)).count else {
            throw problem(path, "\(pages.count) page object(s) found for georeferences on pages \(Set(references.map(\.page)).sorted())")
        }
        let xrefAt = data.count + update.utf8.count
        update += "xref\n"
        for (number, offset) in offsets.sorted(by: { $0.0 < $1.0 }) {
            update += "\(number) 1\n" + String(format: "%010d 00000 n \n", offset)
        }
        update += "trailer\n<< /Size \(size) /Root \(root)\(info.map { " /Info \($0)" } ?? "") /Prev \(previous) >>\nstartxref\n\(xrefAt)\n%%EOF\n"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(update.utf8))
    }

    static func match(_ pattern: String, in text: String) -> String? {
        guard let e = try? NSRegularExpression(pattern: pattern),
              let m = e.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) else { return nil }
        return (text as NSString).substring(with: m.range(at: 1))
    }

    static func problem(_ path: String, _ what: String) -> CairoError {
        CairoError(operation: "georeference \(path)", message: "\(what): the PDF was written by a Cairo this version cannot update")
    }
}
