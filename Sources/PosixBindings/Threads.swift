import Dispatch
import Foundation

/// How many threads one piece of work may keep busy. A map drawn alone has every core; each item
/// of a batch whose workers already keep every core busy has one, so that `batch --jobs N` keeps
/// N cores busy and no item's bands, relief warp or PNG blocks compete with another item's.
public struct Threads: Sendable, Equatable, CustomStringConvertible {
    /// At least 1, at most 64.
    public let count: Int

    public init(_ count: Int) { self.count = max(1, min(count, 64)) }

    /// Every core of the machine.
    public static var allCores: Threads { Threads(ProcessInfo.processInfo.activeProcessorCount) }
    /// The calling thread alone.
    public static let one = Threads(1)

    public var description: String { "\(count) thread\(count == 1 ? "" : "s")" }

    /// Calls `body` with every index of `0..<iterations`, on at most `count` threads at once;
    /// in index order on the calling thread when `count` (or `iterations`) is 1. `body` must
    /// only write what its own index owns.
    public func forEach(_ iterations: Int, _ body: (Int) -> Void) {
        let width = min(count, iterations)
        guard width > 1 else {
            for i in 0..<max(0, iterations) { body(i) }
            return
        }
        let next = LockedCounter()
        nonisolated(unsafe) let body = body
        DispatchQueue.concurrentPerform(iterations: width) { _ in
            while let i = next.take(below: iterations) { body(i) }
        }
    }
}

/// A shared counter handing out work items to threads.
public final class LockedCounter: Sendable {
    private let value = Locked(0)

    public init() {}

    /// The next index below `limit`, or nil when all are taken.
    public func take(below limit: Int) -> Int? {
        value.withLock { v in
            guard v < limit else { return nil }
            v += 1
            return v - 1
        }
    }
}
