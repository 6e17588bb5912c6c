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
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        guard let startAt = lastIndex(of: "startxref", in: bytes), let trailerAt = lastIndex(of: "trailer", in: bytes), startAt > trailerAt else {
            throw problem(path, "no classic trailer (a cross-reference stream?)")
        }
        let trailer = String(decoding: bytes[trailerAt..<startAt], as: UTF8.self)
        let tail = String(decoding: bytes[(startAt + 9)...], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let previous = Int(tail.prefix { $0.isNumber }), let size = Int(match(#"/Size\s+(\d+)"#, in: trailer) ?? ""),
              let root = match(#"/Root\s+(\d+\s+\d+\s+R)"#, in: trailer) else {
            throw problem(path, "the trailer lacks /Size, /Root or startxref")
        }
        let info = match(#"/Info\s+(\d+\s+\d+\s+R)"#, in: trailer)
        // The plain dictionary objects, in file order (Cairo writes pages in page order).
        let objects = dictionaries(in: bytes)
        func of(_ type: String) -> [(number: Int, body: String)] {
            objects.filter { o in
                guard let r = o.body.range(of: "/Type /" + type) else { return false }
                let after = o.body[r.upperBound...].first
                return after == nil || !(after!.isLetter || after!.isNumber)
            }
        }
        let pages = of("Page")
        let pageIndex = Dictionary(pages.enumerated().map { ($0.element.number, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var amended: [(number: Int, body: String, entries: String)] = []
        for (i, page) in pages.enumerated() { if let e = pageEntries[i] { amended.append((page.number, page.body, e)) } }
        var figuresDone = Set<Int>()
        // Figures by the page they are on (/Pg).
        for figure in of("StructElem") where figure.body.contains("/S /Figure") {
            guard let pg = match(#"/Pg\s+(\d+)\s+0\s+R"#, in: figure.body).flatMap(Int.init), let i = pageIndex[pg],
                  let e = figureEntries[i], figuresDone.insert(i).inserted else { continue }
            amended.append((figure.number, figure.body, e))
        }
        guard amended.count == pageEntries.count + figureEntries.count else {
            throw problem(path, "\(pages.count) page(s) and \(figuresDone.count) figure(s) found for \(pageEntries.count) page and \(figureEntries.count) figure amendment(s)")
        }
        // A document with alternate texts is a tagged PDF: the catalog says so (Cairo writes the
        // structure tree but marks the document only in some cases).
        if !figureEntries.isEmpty, let catalog = of("Catalog").first, !catalog.body.contains("/MarkInfo") {
            amended.append((catalog.number, catalog.body, "/MarkInfo << /Marked true >>"))
        }
        var update = "\n"
        var offsets: [(Int, Int)] = []
        for a in amended {
            offsets.append((a.number, bytes.count + update.utf8.count))
            update += "\(a.number) 0 obj\n\(a.body) \(a.entries)\n>>\nendobj\n"
        }
        let xrefAt = bytes.count + update.utf8.count
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

    /// Every object of the file that is a bare dictionary ("N 0 obj << ... >> endobj", no stream):
    /// its number and its dictionary without the closing ">>". Streams are stepped over by their
    /// `endobj`, so that their bytes are never read as syntax.
    static func dictionaries(in bytes: [UInt8]) -> [(number: Int, body: String)] {
        let obj = Array(" 0 obj".utf8), end = Array("endobj".utf8)
        var out: [(number: Int, body: String)] = []
        var i = 0
        while let at = index(of: obj, in: bytes, from: i) {
            var n = at, number = 0, scale = 1
            while n > 0, (48...57).contains(bytes[n - 1]) { n -= 1; number += Int(bytes[n] - 48) * scale; scale *= 10 }
            guard n < at, let close = index(of: end, in: bytes, from: at + obj.count) else { break }
            i = close + end.count
            // Only bare dictionaries: "<<" first, ">>" last, no stream.
            var a = at + obj.count
            while a < close, [9, 10, 13, 32].contains(bytes[a]) { a += 1 }
            var b = close
            while b > a, [9, 10, 13, 32].contains(bytes[b - 1]) { b -= 1 }
            guard b - a >= 4, bytes[a] == 60, bytes[a + 1] == 60, bytes[b - 1] == 62, bytes[b - 2] == 62 else { continue }
            let body = bytes[a..<(b - 2)]
            guard index(of: Array("stream".utf8), in: Array(body), from: 0) == nil else { continue }
            out.append((number, String(decoding: body, as: UTF8.self)))
        }
        return out
    }

    /// The first index of `needle` in `bytes` at or after `from`.
    static func index(of needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var i = from
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first {
                var k = 1
                while k < needle.count && bytes[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    static func lastIndex(of text: String, in bytes: [UInt8]) -> Int? {
        let needle = Array(text.utf8)
        var i = bytes.count - needle.count
        while i >= 0 {
            if bytes[i] == needle[0], Array(bytes[i..<(i + needle.count)]) == needle { return i }
            i -= 1
        }
        return nil
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
