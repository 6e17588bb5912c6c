import DataCatalog
import Foundation

extension RoutingGraph {
    /// The cached graph of dataset `id` ("rail", "road", "sea"), as `data build` wrote it.
    public static func cached(_ id: String, data: DataDirectory) throws -> RoutingGraph {
        try RoutingGraphFile.read(data.file("transport/\(id).graph"))
    }
}
