import Cartography
import Foundation
import DataCatalog
import Scenario

/// Renders views of a resolved scenario to files, one renderer per thread.
public final class ViewRenderer {
    public let renderer: MapRenderer
    public let resolved: ResolvedScenario

    public init(resolved: ResolvedScenario, data: DataDirectory, style: MapStyle, cache: ProjectedLayerCache? = nil) {
        self.resolved = resolved
        renderer = MapRenderer(data: data, style: style, cache: cache)
    }

    /// Renders `view` to `path` (format by extension), at its size or `size`, as of `asOfDay`.
    @discardableResult
    public func render(_ view: View, to path: String, size: (Int, Int)? = nil, dpi: Double? = nil, asOfDay: Int? = nil) throws -> MapReport {
        let builder = SceneBuilder(resolved: resolved, asOfDay: asOfDay)
        let request = try builder.request(for: view, size: size, dpi: dpi)
        return try renderer.render(request, scene: builder.scene(for: view), to: path)
    }
}
