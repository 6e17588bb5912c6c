import Foundation
import GeoCore

#if FUZZING
import CFuzzer

/// Under `make fuzz` (-DFUZZING, coverage instrumentation, libFuzzer linked): libFuzzer drives the
/// target named by GEOBRIEF_FUZZ_TARGET; an error thrown is a fine answer, a trap is a finding.
@main
struct FuzzEntry {
    static func main() {
        // No verification stamps in the user's cache for the fuzzer's scratch files.
        setenv("HOME", "", 1)
        guard let name = ProcessInfo.processInfo.environment["GEOBRIEF_FUZZ_TARGET"], FuzzTargets.named(name) != nil else {
            FileHandle.standardError.write(Data("set GEOBRIEF_FUZZ_TARGET to one of \(FuzzTargets.all.map(\.name).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
    }
}

/// One input through the chosen target (also libFuzzer's named entry, whichever main runs).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let name = ProcessInfo.processInfo.environment["GEOBRIEF_FUZZ_TARGET"], let target = FuzzTargets.named(name) else { return 0 }
    _ = try? target(bytes.map { Data(bytes: $0, count: size) } ?? Data())
    return 0
}
#else
/// `geobrief-fuzz replay TARGET FILE...` runs kept inputs (crashes found before, seeds) through a
/// target; `geobrief-fuzz smoke SECONDS FOLDER` mutates each target's seeds at random for a
/// while: the quick check of `make test`, without libFuzzer.
@main
struct FuzzEntry {
    static func main() {
        setenv("HOME", "", 1)
        let args = Array(CommandLine.arguments.dropFirst())
        switch args.first {
        case "replay" where args.count >= 2:
            guard let target = FuzzTargets.named(args[1]) else { fail("no target \(args[1]): \(names)") }
            for file in args.dropFirst(2) {
                guard let data = FileManager.default.contents(atPath: file) else { fail("cannot read \(file)") }
                _ = try? target(data)
            }
            print("replayed \(args.count - 2) input(s) through \(args[1])")
        case "smoke" where args.count >= 3:
            guard let seconds = Double(args[1]) else { fail("smoke SECONDS CORPUS [TARGET=FOLDER...]") }
            // More seed folders for a target: scenario=examples.
            var extra: [String: String] = [:]
            for a in args.dropFirst(3) { let kv = a.split(separator: "=", maxSplits: 1).map(String.init); if kv.count == 2 { extra[kv[0]] = kv[1] } }
            smoke(seconds: seconds, corpus: args[2], extra: extra)
        case "seeds" where args.count == 2: Seeds.write(into: args[1])
        case "list": print(names)
        default: fail("usage: geobrief-fuzz replay TARGET FILE... | smoke SECONDS CORPUS-FOLDER [TARGET=FOLDER...] | seeds CORPUS-FOLDER | list")
        }
    }

    static var names: String { FuzzTargets.all.map(\.name).joined(separator: " ") }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("geobrief-fuzz: \(message)\n".utf8))
        exit(2)
    }

    /// Random mutations (flips, cuts, splices, repeats) of each target's seeds in CORPUS/TARGET,
    /// for `seconds` in all, with a fixed random seed so that a run repeats.
    static func smoke(seconds: Double, corpus: String, extra: [String: String]) {
        var rng = SplitMix(seed: 0x6765_6F62_7269_6566)
        let each = seconds / Double(FuzzTargets.all.count)
        for (name, target) in FuzzTargets.all {
            var seeds: [Data] = []
            for folder in [(corpus as NSString).appendingPathComponent(name)] + (extra[name].map { [$0] } ?? []) {
                seeds += ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
                    .compactMap { FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent($0)) }
            }
            let pool = seeds.isEmpty ? [Data("seed".utf8)] : seeds
            let end = Date().addingTimeInterval(each)
            var runs = 0
            while Date() < end {
                var d = [UInt8](pool[Int(rng.next() % UInt64(pool.count))])
                for _ in 0..<(1 + Int(rng.next() % 8)) { mutate(&d, &rng, pool) }
                _ = try? target(Data(d))
                runs += 1
            }
            print("smoke \(name): \(runs) inputs from \(seeds.count) seed(s), no crash")
        }
    }

    static func mutate(_ d: inout [UInt8], _ rng: inout SplitMix, _ pool: [Data]) {
        let n = d.count
        switch rng.next() % 6 {
        case 0 where n > 0: d[Int(rng.next() % UInt64(n))] ^= UInt8(1 << (rng.next() % 8))
        case 1 where n > 0: d.removeSubrange(Int(rng.next() % UInt64(n))..<n)
        case 2 where n > 0: d[Int(rng.next() % UInt64(n))] = [0, 0xFF, 0x7F, 0x80, 0x30, 0x2D, 0x3A, 0x0A][Int(rng.next() % 8)]
        case 3:
            let other = [UInt8](pool[Int(rng.next() % UInt64(pool.count))])
            if !other.isEmpty { d.insert(contentsOf: other.prefix(1 + Int(rng.next() % UInt64(other.count))), at: n == 0 ? 0 : Int(rng.next() % UInt64(n))) }
        case 4 where n > 0:
            let i = Int(rng.next() % UInt64(n)), len = min(n - i, 1 + Int(rng.next() % 16))
            d.insert(contentsOf: d[i..<i + len], at: i)
        default:
            let specials = ["9999-12-31", "1e308", "NaN", "-0", "\u{0}", "1000000000000000000000", "[[[[[[", "{{", "&a *a", "'"]
            let s = Array(specials[Int(rng.next() % UInt64(specials.count))].utf8)
            d.insert(contentsOf: s, at: n == 0 ? 0 : Int(rng.next() % UInt64(n)))
        }
        if d.count > 1 << 20 { d.removeLast(d.count - (1 << 20)) }
    }
}

#endif
