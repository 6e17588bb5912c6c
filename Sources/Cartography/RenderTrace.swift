import Foundation

/// Wall-time of each drawing step, printed to stderr when `GEOBRIEF_TRACE=1`, so that slow layers
/// show up without a profiler.
public final class RenderTrace {
    public static let enabled = ProcessInfo.processInfo.environment["GEOBRIEF_TRACE"] == "1"
    private var last = Date()

    public init() {}

    /// Notes the time since the previous mark under `step`.
    public func mark(_ step: String) {
        guard RenderTrace.enabled else { return }
        let now = Date()
        let label = step.count < 28 ? step + String(repeating: " ", count: 28 - step.count) : step
        FileHandle.standardError.write(Data(String(format: "trace: %@ %7.1f ms\n", label, now.timeIntervalSince(last) * 1000).utf8))
        last = now
    }
}
