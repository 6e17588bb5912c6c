import DataCatalog
import Foundation
import GeoCore
import Routing
import DataBuild

extension RoutingGraph {
    /// The sea-lane network (MARNET) of the data folder.
    public static func sea(data: DataDirectory) throws -> RoutingGraph {
        try lines(path: try data.path(of: "sea"), layer: "sea_lanes")
    }
}
