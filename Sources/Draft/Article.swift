import Foundation

/// One news article as plain text, split into sentences with their offsets: what every extracted
/// item points back to. HTML and Markdown are reduced to their text first; offsets count
/// characters of that text.
public struct Article: Sendable {
    /// The file it was read from ("-" for standard input).
    public let file: String
    public let text: String
    public let sentences: [Sentence]

    /// The largest article read (a long feature is ~50 KB of text).
    public static let maxBytes = 2 << 20

    /// One sentence: its text, and where it lies in the article (character offsets, end excluded).
    public struct Sentence: Sendable {
        public let index: Int
        public let text: String
        public let start: Int
        public let end: Int
        /// The paragraph it belongs to (0-based), for context that spans sentences.
        public let paragraph: Int
    }

    public init(file: String, text raw: String) {
        self.file = file
        let lower = raw.prefix(2000).lowercased()
        let plain: String
        if lower.contains("<html") || lower.contains("<p>") || lower.contains("<body") || lower.contains("<div") {
            plain = Article.textOfHTML(raw)
        } else if file.lowercased().hasSuffix(".md") || raw.hasPrefix("#") {
            plain = Article.textOfMarkdown(raw)
        } else {
            plain = raw
        }
        text = plain.replacingOccurrences(of: "\r\n", with: "\n")
        sentences = Article.split(text)
    }

    /// Reads `path` ("-": standard input), refusing what is not text or too large.
    public static func read(_ path: String) throws -> Article {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readData(ofLength: maxBytes + 1)
        } else {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
                throw DraftError("\(path): no such file")
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size > 0 else { throw DraftError("\(path): the file is empty") }
            guard size <= maxBytes, let d = FileManager.default.contents(atPath: path) else {
                throw DraftError("\(path): larger than \(maxBytes >> 20) MB of text; give one article at a time")
            }
            data = d
        }
        guard data.count <= maxBytes else { throw DraftError("\(path): larger than \(maxBytes >> 20) MB of text") }
        guard let text = String(data: data, encoding: .utf8), !text.contains("\u{0}") else {
            throw DraftError("\(path): not UTF-8 text; save the article as plain text, Markdown or HTML in UTF-8")
        }
        return Article(file: path, text: text)
    }

    /// Sentences: paragraphs (lines) cut after ".", "!" or "?" followed by a space and a capital
    /// letter, a quote or a digit; abbreviations and initials are not ends.
    static func split(_ text: String) -> [Sentence] {
        var out: [Sentence] = []
        let chars = Array(text)
        var start = 0, paragraph = 0
        func emit(_ end: Int) {
            var s = start, e = end
            while s < e, chars[s].isWhitespace { s += 1 }
            while e > s, chars[e - 1].isWhitespace { e -= 1 }
            if e > s { out.append(Sentence(index: out.count, text: String(chars[s..<e]), start: s, end: e, paragraph: paragraph)) }
            start = end
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\n" {
                emit(i)
                if out.last?.paragraph == paragraph { paragraph += 1 }
            } else if ".!?".contains(c), i + 2 < chars.count, chars[i + 1] == " " {
                let next = chars[i + 2]
                let word = Article.wordBefore(chars, i)
                let abbreviation = ["mr", "mrs", "ms", "dr", "gen", "col", "lt", "st", "no", "vs", "etc", "e.g", "i.e", "u.s", "jr", "sr"]
                    .contains(word.lowercased()) || (word.count == 1 && word.first?.isUppercase == true)
                if !abbreviation, next.isUppercase || next.isNumber || "“\"«‘'".contains(next) {
                    emit(i + 1)
                }
            }
            i += 1
        }
        emit(chars.count)
        return out
    }

    private static func wordBefore(_ chars: [Character], _ i: Int) -> String {
        var j = i
        while j > 0, chars[j - 1].isLetter || chars[j - 1] == "." { j -= 1 }
        return String(chars[j..<i])
    }

    /// The text of an HTML page: scripts, styles and tags dropped, block ends as new lines,
    /// the common entities decoded.
    static func textOfHTML(_ html: String) -> String {
        var s = html
        for tag in ["script", "style", "noscript"] {
            while let open = s.range(of: "<\(tag)", options: .caseInsensitive),
                  let close = s.range(of: "</\(tag)>", options: .caseInsensitive, range: open.upperBound..<s.endIndex) {
                s.removeSubrange(open.lowerBound..<close.upperBound)
            }
        }
        var out = ""
        var inTag = false, tagName = ""
        for c in s {
            if c == "<" { inTag = true; tagName = ""; continue }
            if inTag {
                if c == ">" {
                    inTag = false
                    let t = tagName.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "/"))
                    if ["p", "br", "div", "h1", "h2", "h3", "h4", "li", "tr", "blockquote", "article", "section"].contains(t) { out.append("\n") }
                } else if !c.isWhitespace || tagName.isEmpty { if tagName.count < 12 && !c.isWhitespace { tagName.append(c) } }
                continue
            }
            out.append(c)
        }
        for (entity, value) in [("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"),
                                ("&rsquo;", "’"), ("&lsquo;", "‘"), ("&ldquo;", "“"), ("&rdquo;", "”"), ("&ndash;", "–"), ("&mdash;", "—")] {
            out = out.replacingOccurrences(of: entity, with: value)
        }
        return out
    }

    /// The text of Markdown: heading marks, emphasis and link targets dropped.
    static func textOfMarkdown(_ md: String) -> String {
        md.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var l = String(line)
            while l.hasPrefix("#") || l.hasPrefix(">") { l.removeFirst() }
            l = l.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
            // [text](target) -> text
            while let open = l.range(of: "]("), let close = l.range(of: ")", range: open.upperBound..<l.endIndex),
                  let bracket = l.range(of: "[", options: .backwards, range: l.startIndex..<open.lowerBound) {
                let label = String(l[bracket.upperBound..<open.lowerBound])
                l.replaceSubrange(bracket.lowerBound..<close.upperBound, with: label)
            }
            return l.trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}

/// A draft that cannot be made, and what to do.
public struct DraftError: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}
