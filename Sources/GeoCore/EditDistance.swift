/// Edit distance counting insertions, deletions, substitutions and swaps of neighbours as one
/// edit each (optimal string alignment), giving up (returning `limit + 1`) once it exceeds `limit`.
public func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
    if abs(a.count - b.count) > limit { return limit + 1 }
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var before = [Int](repeating: 0, count: b.count + 1)
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        var rowMin = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var d = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, before[j - 2] + 1) }
            cur[j] = d
            rowMin = min(rowMin, d)
        }
        if rowMin > limit { return limit + 1 }
        (before, prev, cur) = (prev, cur, before)
    }
    return min(prev[b.count], limit + 1)
}
