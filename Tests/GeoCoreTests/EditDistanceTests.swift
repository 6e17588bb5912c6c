import GeoCore
import XCTest

/// The bit-parallel distance agrees with the plain dynamic programme everywhere.
final class EditDistanceTests: XCTestCase {
    func testBitParallelEqualsDynamicProgrammeOnRandomStrings() {
        var rng = SplitMix(seed: 42)
        for round in 0..<20_000 {
            let alphabet = round % 2 == 0 ? 3 : 26
            let a = (0..<Int(rng.next() % 14)).map { _ in UInt8(97 + rng.next() % UInt64(alphabet)) }
            var b = a
            for _ in 0..<Int(rng.next() % 4) where !b.isEmpty {
                let i = Int(rng.next() % UInt64(b.count))
                switch rng.next() % 4 {
                case 0: b.remove(at: i)
                case 1: b.insert(UInt8(97 + rng.next() % UInt64(alphabet)), at: i)
                case 2: b[i] = UInt8(97 + rng.next() % UInt64(alphabet))
                default: if i + 1 < b.count { b.swapAt(i, i + 1) }
                }
            }
            if round % 3 == 0 { b = (0..<Int(rng.next() % 14)).map { _ in UInt8(97 + rng.next() % UInt64(alphabet)) } }
            let limit = Int(rng.next() % 5)
            XCTAssertEqual(BitParallelDistance(pattern: b).distance(to: a, limit: limit), min(limit + 1, editDistance(a, b, limit: limit)),
                           "\(String(decoding: a, as: UTF8.self)) / \(String(decoding: b, as: UTF8.self)) limit \(limit)")
        }
    }

    func testKnownDistancesAndLongPatterns() {
        let d = { (a: String, b: String, k: Int) in BitParallelDistance(pattern: Array(b.utf8)).distance(to: Array(a.utf8), limit: k) }
        XCTAssertEqual(d("vlagoveSensk", "blagoveSensk", 3), 1)
        XCTAssertEqual(d("abcd", "abdc", 3), 1, "a swap of neighbours is one edit")
        XCTAssertEqual(d("ca", "abc", 3), 3, "optimal string alignment: no edit of a swapped pair")
        XCTAssertEqual(d("kitten", "sitting", 1), 2, "past the limit: limit + 1")
        let long = String(repeating: "novosibirsk", count: 7)
        XCTAssertEqual(d(long + "x", long, 2), 1, "patterns over 64 bytes use the plain programme")
    }
}
