import Foundation

/// A reported number: exact, approximate, a range, or bounded on one side ("at least 30",
/// "more than 3,000", "up to 10,000").
public struct FigureValue: Sendable, Hashable, CustomStringConvertible {
    public enum Qualifier: String, Sendable { case exact, about, atLeast = "at-least", moreThan = "more-than", upTo = "up-to" }
    public var min: Double
    public var max: Double
    public var qualifier: Qualifier

    public init(min: Double, max: Double, qualifier: Qualifier = .exact) {
        self.min = min
        self.max = max
        self.qualifier = qualifier
    }

    /// Parses "1500", "1,500", "~50,000", "10,000-12,000", ">= 30", "> 3,000", "up to 10,000",
    /// "at least 30", "about 1,100", "8 million". Throws a reason when it cannot.
    public static func parse(_ raw: String) throws -> FigureValue {
        var s = raw.trimmingCharacters(in: .whitespaces).lowercased()
        var q = Qualifier.exact
        for (prefix, qual) in [("up to", Qualifier.upTo), ("at least", .atLeast), ("more than", .moreThan), ("about", .about),
                               (">=", .atLeast), ("≥", .atLeast), (">", .moreThan), ("~", .about), ("≈", .about), ("<=", .upTo), ("≤", .upTo)]
        where s.hasPrefix(prefix) {
            q = qual
            s = String(s.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        let bounds = s.replacingOccurrences(of: "–", with: "-").split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard bounds.count <= 2, let lo = number(bounds[0]) else {
            throw FigureValueError(text: raw)
        }
        if bounds.count == 2 {
            guard let hi = number(bounds[1]) else { throw FigureValueError(text: raw) }
            return FigureValue(min: lo, max: hi, qualifier: q)
        }
        return FigureValue(min: lo, max: lo, qualifier: q)
    }

    /// "1,500", "8 million", "0.5".
    static func number(_ s: String) -> Double? {
        var t = s.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "\u{202F}", with: "")
        var factor = 1.0
        for (word, f) in [("million", 1e6), ("thousand", 1e3)] where t.hasSuffix(word) {
            factor = f
            t = String(t.dropLast(word.count)).trimmingCharacters(in: .whitespaces)
        }
        // Decimal digits only: Double() would also take "0x10", "1e5", "nan" and "inf".
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let v = Double(t) else { return nil }
        let value = v * factor
        guard value.isFinite, value <= FigureValue.limit else { return nil }
        return value
    }

    /// The largest value a figure may have (a thousand trillion): beyond it, a typo.
    public static let limit = 1e15

    public var isRange: Bool { min != max }

    /// "1,500", "~50,000", "10,000–12,000", "≥30", ">3,000", "up to 10,000", "8 million".
    public var description: String {
        let body = isRange ? "\(FigureValue.format(min))–\(FigureValue.format(max))" : FigureValue.format(min)
        switch qualifier {
        case .exact: return body
        case .about: return "~" + body
        case .atLeast: return "≥" + body
        case .moreThan: return ">" + body
        case .upTo: return "up to " + body
        }
    }

    /// Grouped thousands; millions in words from 1 million up when round.
    public static func format(_ v: Double) -> String {
        if v >= 1e6, (v / 1e5).rounded() == v / 1e5 {
            let m = v / 1e6
            return (m == m.rounded() ? format(m) : String(format: "%.1f", m)) + " million"
        }
        if v != v.rounded() { return String(format: "%.1f", v) }
        let digits = String(format: "%.0f", v)
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}

/// A figure value that could not be read.
public struct FigureValueError: Error, CustomStringConvertible {
    public var text: String
    public var description: String {
        "cannot read '\(text)' as a figure: write 1500, \"1,500\", \"10,000-12,000\", \"~50,000\", \">= 30\", \"> 3,000\" or \"up to 10,000\" (decimal digits, at most 10^15)"
    }
}
