#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Whether standard streams are terminals (progress lines redraw in place only there).
public enum Terminal {
    public static var standardErrorIsTerminal: Bool { isatty(2) == 1 }
}
