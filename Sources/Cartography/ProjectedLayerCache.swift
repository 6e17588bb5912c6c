import Foundation
import GeoCore

/// Basemap layers read and projected once and shared by every map of the same projection and
/// area — the items of one view in a batch, at all their sizes — with the warped relief.
/// Thread-safe; bounded (the oldest entries go first).
public final class ProjectedLayerCache: @unchecked Sendable {
    /// Lines or polygons in projected metres, or relief bands.
    enum Entry {
        case lines([[Coordinate]])
        case polygons([[[Coordinate]]])
        case raster(width: Int, height: Int, bands: [[UInt8]])

        /// The lines held; none for polygons or a raster.
        var lines: [[Coordinate]] {
            if case .lines(let l) = self { return l }
            return []
        }
        /// The polygons held; none for lines or a raster.
        var polygons: [[[Coordinate]]] {
            if case .polygons(let p) = self { return p }
            return []
        }
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var order: [String] = []
    /// Entries kept at most.
    public let capacity: Int

    public init(capacity: Int = 128) { self.capacity = max(1, capacity) }

    /// The entry under `key`, made by `make` when missing (outside the lock: two threads may
    /// both make it; the first stored wins).
    func value(_ key: String, make: () throws -> Entry) rethrows -> Entry {
        lock.lock()
        if let e = entries[key] { lock.unlock(); return e }
        lock.unlock()
        let made = try make()
        lock.lock(); defer { lock.unlock() }
        if let e = entries[key] { return e }
        entries[key] = made
        order.append(key)
        if order.count > capacity { entries[order.removeFirst()] = nil }
        return made
    }

    /// Entries held now.
    public var count: Int {
        lock.lock(); defer { lock.unlock() }
        return entries.count
    }
}

/// A value handed to worker threads that only read it.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
