#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A value behind a POSIX mutex, the lock every module shares. It stands in for the standard
/// library's `Synchronization.Mutex`, whose Linux implementation (a futex the sanitizers do not
/// intercept) ThreadSanitizer cannot see: every access under it was reported as a race, so that
/// `make sanitize` could find no real one.
public final class Locked<Value>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    public init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the value, the lock held.
    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
