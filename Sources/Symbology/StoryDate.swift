import Foundation

/// A date as stories give them: a day, a month or a year, or a span "2024-10/2024-11".
/// Compares by its first day; prints at its own precision.
public struct StoryDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 of the first and last day covered.
    public let first: Int
    public let last: Int
    public let text: String

    /// Parses "YYYY", "YYYY-MM", "YYYY-MM-DD", or two of them joined by "/"; nil otherwise.
    public init?(_ raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let halves = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard halves.count <= 2, let a = StoryDate.span(halves[0]) else { return nil }
        if halves.count == 2 {
            guard let b = StoryDate.span(halves[1]), b.last >= a.first else { return nil }
            first = a.first; last = b.last
        } else {
            first = a.first; last = a.last
        }
        self.text = text
    }

    /// The first and last day of one "YYYY[-MM[-DD]]".
    private static func span(_ s: String) -> (first: Int, last: Int)? {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let y = Int(parts[0]), (1000...9999).contains(y) else { return nil }
        // Digits only: Int() would also read "+1".
        guard parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let ints = parts.map { Int($0) }
        guard !ints.contains(nil), parts.dropFirst().allSatisfy({ $0.count == 2 }) else { return nil }
        let m = parts.count > 1 ? ints[1]! : nil
        if let m, !(1...12).contains(m) { return nil }
        if parts.count == 3 {
            let d = ints[2]!
            guard let day = days(y, m!, d) else { return nil }
            return (day, day)
        }
        if let m {
            let start = days(y, m, 1)!
            let next = m == 12 ? days(y + 1, 1, 1)! : days(y, m + 1, 1)!
            return (start, next - 1)
        }
        return (days(y, 1, 1)!, days(y + 1, 1, 1)! - 1)
    }

    /// Days since 1970-01-01 of a valid Gregorian date; nil for "2024-02-30".
    static func days(_ y: Int, _ m: Int, _ d: Int) -> Int? {
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[m - 1]).contains(d) else { return nil }
        // Howard Hinnant's days_from_civil.
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public var description: String { text }

    /// "23 Oct 2024", "Nov 2024", "2024", "Oct–Nov 2024".
    public var display: String {
        let halves = text.split(separator: "/").map(String.init)
        let shown = halves.map(StoryDate.show)
        if shown.count == 2 {
            // "Oct 2024–Nov 2024" -> "Oct–Nov 2024" when the years agree.
            let a = shown[0].split(separator: " "), b = shown[1].split(separator: " ")
            if a.count == 2, b.count == 2, a[1] == b[1] { return "\(a[0])–\(shown[1])" }
            return shown.joined(separator: "–")
        }
        return shown[0]
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static func show(_ s: String) -> String {
        let p = s.split(separator: "-").map(String.init)
        switch p.count {
        case 3: return "\(Int(p[2])!) \(months[Int(p[1])! - 1]) \(p[0])"
        case 2: return "\(months[Int(p[1])! - 1]) \(p[0])"
        default: return p[0]
        }
    }

    public static func < (a: StoryDate, b: StoryDate) -> Bool { (a.first, a.last) < (b.first, b.last) }

    /// Whether the date began on or before `day` (days since 1970).
    public func began(byDay day: Int) -> Bool { first <= day }
}

extension StoryDate {
    /// The day `day` (days since 1970-01-01) as a date: "2024-10-23".
    public static func iso(day: Int) -> String {
        // Howard Hinnant's civil_from_days.
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// The day `day` for people: "23 Oct 2024" (the ISO form outside the years 1000-9999).
    public static func display(day: Int) -> String { StoryDate(iso(day: day))?.display ?? iso(day: day) }

    /// Year and month of a day.
    static func yearMonth(day: Int) -> (Int, Int) {
        let p = iso(day: day).split(separator: "-")
        return (Int(p[0]) ?? 1970, Int(p[1]) ?? 1)
    }

    /// The first days of the months from `d0` through `d1` with their labels ("Oct 2024"), at
    /// most `maxCount` of them: over a long span every 3rd, 6th, 12th ... month ("2024").
    public static func monthStarts(from d0: Int, through d1: Int, maxCount: Int = 240) -> [(day: Int, label: String)] {
        guard d1 >= d0 else { return [] }
        let (y0, m0) = yearMonth(day: d0), (y1, m1) = yearMonth(day: d1)
        let total = (y1 - y0) * 12 + (m1 - m0) + 1
        var step = 1
        for s in [1, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000] where total / s <= maxCount { step = s; break }
        if total / step > maxCount { step = total / maxCount + 1 }
        var out: [(day: Int, label: String)] = []
        var index = ((y0 * 12 + m0 - 1) + step - 1) / step * step   // months since year 0, aligned to the step
        while true {
            let y = index / 12, m = index % 12 + 1
            guard (1000...9999).contains(y), let day = days(y, m, 1) else { break }
            if day > d1 { break }
            if day >= d0 { out.append((day, step < 12 ? "\(months[m - 1]) \(y)" : String(y))) }
            index += step
        }
        return out
    }
}
