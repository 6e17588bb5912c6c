import CMalloc

/// How the C heap grows, set once at start-up.
public enum HeapTuning {
    /// Lets each of glibc's per-thread heaps grow in steps of 32 MB rather than 128 KB.
    ///
    /// A map's worker threads allocate tens of megabytes (pixel bands, projected paths, PNG
    /// rows); with the default step each thread's heap grew by one `mprotect` call per 128 KB,
    /// about 3,000 calls for one 2000x1400 map. The pages are still given by the kernel only when
    /// touched, so the memory used does not change. Elsewhere (macOS) this does nothing.
    public static func growInLargeSteps() {
        #if os(Linux)
        _ = mallopt(M_TOP_PAD, 32 << 20)
        #endif
    }
}
