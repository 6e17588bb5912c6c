/// The edit distance of `editDistance` (insertions, deletions, substitutions and swaps of
/// neighbours, optimal string alignment) from one pattern to many texts, computed 64 cells at a
/// time with bit vectors (Myers 1999, with Hyyrö's 2003 transposition term). Patterns longer than
/// 64 bytes fall back to the plain dynamic programme.
public struct BitParallelDistance: Sendable {
    public let pattern: [UInt8]
    private var peq = [UInt64](repeating: 0, count: 256)

    public init(pattern: [UInt8]) {
        self.pattern = pattern
        if pattern.count <= 64 {
            for (i, b) in pattern.enumerated() { peq[Int(b)] |= 1 << UInt64(i) }
        }
    }

    /// Distance to `text` (read through `length` and `byte`), or `limit + 1` once it exceeds `limit`.
    @inline(__always)
    public func distance(length n: Int, limit: Int, byte: (Int) -> UInt8) -> Int {
        let m = pattern.count
        if abs(m - n) > limit { return limit + 1 }
        if m == 0 { return n }
        if n == 0 { return m }
        guard m <= 64 else { return editDistance(pattern, (0..<n).map(byte), limit: limit) }
        let high: UInt64 = 1 << UInt64(m - 1)
        var pv: UInt64 = ~0, mv: UInt64 = 0
        var d0: UInt64 = 0, previousEq: UInt64 = 0
        var score = m
        for j in 0..<n {
            let eq = peq[Int(byte(j))]
            let transposed = ((~d0 & eq) << 1) & previousEq
            d0 = (((eq & pv) &+ pv) ^ pv) | eq | mv | transposed
            var hp = mv | ~(d0 | pv)
            var hn = d0 & pv
            if hp & high != 0 { score += 1 } else if hn & high != 0 { score -= 1 }
            // What is left of the text can lower the score by at most one per byte.
            if score - (n - 1 - j) > limit { return limit + 1 }
            hp = (hp << 1) | 1
            hn <<= 1
            pv = hn | ~(d0 | hp)
            mv = hp & d0
            previousEq = eq
        }
        return score <= limit ? score : limit + 1
    }

    /// Distance to an array of bytes.
    public func distance(to text: [UInt8], limit: Int) -> Int {
        distance(length: text.count, limit: limit) { text[$0] }
    }
}
