import Foundation

/// Entries added to a PDF that Cairo has finished, as an incremental update (ISO 32000-1,
/// 7.5.6): each object amended is written again after the file's end with the entries added,
/// followed by a cross-reference section for those objects and a trailer pointing back to Cairo's.
/// Used for what Cairo cannot write: a page's geospatial viewports and a figure's alternate text.
enum PDFAmendment {
    /// Adds `pageEntries[i]` to the dictionary of page `i` (0-based) and `figureEntries[i]` to the
    /// figure structure element on page `i`. Throws when the file is not laid out as Cairo writes
    /// PDF 1.5 (a classic cross-reference table, pages and structure elements as plain objects).
    static func apply(to path: String, pageEntries: [Int: String], figureEntries: [Int: String]) throws {
        guard !pageEntries.isEmpty || !figureEntries.isEmpty else { return }
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
        func objects(_ type: String) throws -> [(number: Int, body: String)] {
            let e = try NSRegularExpression(pattern: #"(\d+) 0 obj\s*(<<\s*/Type\s*/"# + type + #"\b(?!s).*?)>>\s*endobj"#, options: [.dotMatchesLineSeparators])
            return e.matches(in: text, range: NSRange(location: 0, length: ns.length)).map {
                (number: Int(ns.substring(with: $0.range(at: 1)))!, body: ns.substring(with: $0.range(at: 2)))
            }
        }
        // Pages in file order (Cairo writes them in page order); figures by the page they are on.
        let pages = try objects("Page")
        let pageIndex = Dictionary(pages.enumerated().map { ($0.element.number, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var amended: [(number: Int, body: String, entries: String)] = []
        for (i, page) in pages.enumerated() { if let e = pageEntries[i] { amended.append((page.number, page.body, e)) } }
        var figuresDone = Set<Int>()
        for figure in try objects("StructElem") where figure.body.contains("/S /Figure") {
            guard let pg = match(#"/Pg\s+(\d+)\s+0\s+R"#, in: figure.body).flatMap(Int.init), let i = pageIndex[pg],
                  let e = figureEntries[i], figuresDone.insert(i).inserted else { continue }
            amended.append((figure.number, figure.body, e))
        }
        guard amended.count == pageEntries.count + figureEntries.count else {
            throw problem(path, "\(pages.count) page(s) and \(figuresDone.count) figure(s) found for \(pageEntries.count) page and \(figureEntries.count) figure amendment(s)")
        }
        // A document with alternate texts is a tagged PDF: the catalog says so (Cairo writes the
        // structure tree but marks the document only in some cases).
        if !figureEntries.isEmpty, let catalog = try objects("Catalog").first, !catalog.body.contains("/MarkInfo") {
            amended.append((catalog.number, catalog.body, "/MarkInfo << /Marked true >>"))
        }
        var update = "\n"
        var offsets: [(Int, Int)] = []
        for a in amended {
            offsets.append((a.number, data.count + update.utf8.count))
            update += "\(a.number) 0 obj\n\(a.body) \(a.entries)\n>>\nendobj\n"
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

    /// A PDF literal string (UTF-16 with a byte-order mark when not ASCII, as PDF text strings are).
    static func string(_ s: String) -> String {
        if !s.unicodeScalars.allSatisfy({ $0.isASCII }) {
            return "<FEFF" + s.utf16.map { String(format: "%04X", $0) }.joined() + ">"
        }
        return "(" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)") + ")"
    }

    static func match(_ pattern: String, in text: String) -> String? {
        guard let e = try? NSRegularExpression(pattern: pattern),
              let m = e.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) else { return nil }
        return (text as NSString).substring(with: m.range(at: 1))
    }

    static func problem(_ path: String, _ what: String) -> CairoError {
        CairoError(operation: "amend \(path)", message: "\(what): the PDF was written by a Cairo this version cannot update")
    }
}
