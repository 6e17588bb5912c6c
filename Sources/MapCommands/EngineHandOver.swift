import DataCatalog
import Foundation
import PosixBindings

/// `geobrief-render` links no GDAL; a command of it that meets work needing GDAL, before it has
/// written anything, becomes (exec) `geobrief-engine` beside it with the same arguments.
public enum EngineHandOver {
    /// Hands the command over when this program has no GDAL services; returns when it has them.
    public static func ifWithoutGDAL(because reason: String) {
        guard !GDALServices.available else { return }
        if ProcessInfo.processInfo.environment["GEOBRIEF_TRACE"] == "1" {
            FileHandle.standardError.write(Data("trace: handing over to geobrief-engine: \(reason)\n".utf8))
        }
        run()
    }

    /// Becomes `geobrief-engine` with this process's arguments.
    public static func run() -> Never {
        let engine = (ProcessImage.executableFolder ?? ".") + "/geobrief-engine"
        let reason = ProcessImage.replace(with: engine, arguments: [engine] + CommandLine.arguments.dropFirst())
        FileHandle.standardError.write(Data("geobrief: cannot run \(engine) (\(reason)); rebuild with `make build`\n".utf8))
        exit(127)
    }
}
