import GeoCore

/// One thing wrong with a scenario, at a file position, naming the field and what to do.
public struct ScenarioProblem: Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    /// A path into the document: "places[3].name".
    public var field: String
    public var message: String

    public init(_ location: SourceLocation, field: String, _ message: String) {
        self.location = location
        self.field = field
        self.message = message
    }

    public var description: String { "\(location): \(field): \(message)" }
}

/// Every problem found in a scenario; `validate` prints them all, `render` refuses to draw.
public struct ScenarioError: Error, CustomStringConvertible {
    public var problems: [ScenarioProblem]
    public init(_ problems: [ScenarioProblem]) { self.problems = problems }
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}

/// The closest of `candidates` to `word` by edit distance, when close enough to be a likely typo;
/// else the only candidate of which it is a whole word ('crossing': 'border-crossing').
public func nearest(_ word: String, in candidates: [String]) -> String? {
    let w = Array(word.lowercased().utf8)
    let limit = max(2, w.count / 3)
    let scored = candidates.map { ($0, editDistance(Array($0.lowercased().utf8), w, limit: limit + 1)) }
    if let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= limit { return best.0 }
    let containing = candidates.filter { $0.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " }).contains { $0 == word.lowercased() } }
    return containing.count == 1 ? containing[0] : nil
}
