import Cartography
import DataCatalog
import Foundation
import PosixBindings

/// `geobrief-render` links no GDAL; a command of it that meets work needing GDAL, before it has
/// written anything, becomes (exec) `geobrief-engine` beside it with the same arguments.
public enum EngineHandOver {
    /// Hands the command over when this program has no GDAL services; returns when it has them.
    public static func ifWithoutGDAL(because reason: String) {
        guard !GDALServices.available else { return }
        if RenderTrace.enabled {
            FileHandle.standardError.write(Data("trace: handing over to geobrief-engine: \(reason)\n".utf8))
        }
        ProcessImage.becomeSibling("geobrief-engine")
    }
}
