import Bindings
import PosixBindings
import Cartography
import Foundation
import DataCatalog
import Scenario

/// Renders views of a resolved scenario to files, one renderer per thread.
public final class ViewRenderer {
    public let renderer: MapRenderer
    public let resolved: ResolvedScenario

    /// `threads`: how many a map is drawn on (see `MapRenderer.threads`).
    public init(resolved: ResolvedScenario, data: DataDirectory, style: MapStyle, cache: ProjectedLayerCache? = nil,
                threads: Threads = .allCores) {
        self.resolved = resolved
        renderer = MapRenderer(data: data, style: style, cache: cache)
        renderer.threads = threads
    }

    /// Renders `view` to `path` (format by extension), at its size or `size`, as of `asOfDay`,
    /// its labels where `plan` put them when given.
    @discardableResult
    public func render(_ view: View, to path: String, size: (Int, Int)? = nil, dpi: Double? = nil, asOfDay: Int? = nil,
                       plan: LabelPlan? = nil) throws -> MapReport {
        let builder = SceneBuilder(resolved: resolved, asOfDay: asOfDay)
        var request = try builder.request(for: view, size: size, dpi: dpi)
        var scene = builder.scene(for: view)
        scene.plan = plan
        request.altText = MapDescription.text(of: scene, view: view, resolved: resolved)
        return try renderer.render(request, scene: scene, to: path)
    }

    /// The alternate text of `view`'s map as of `asOfDay` (everything, when nil).
    public func altText(for view: View, asOfDay: Int? = nil) -> String {
        MapDescription.text(of: SceneBuilder(resolved: resolved, asOfDay: asOfDay).scene(for: view), view: view, resolved: resolved)
    }

    /// The label layout of `view`'s complete map (everything shown, whatever its date) at its
    /// size or `size`: dated frames given it keep every label where it is here.
    public func plan(for view: View, size: (Int, Int)? = nil, dpi: Double? = nil) throws -> LabelPlan {
        let builder = SceneBuilder(resolved: resolved)
        let request = try builder.request(for: view, size: size, dpi: dpi)
        let report = try renderer.labelLayout(request, scene: builder.scene(for: view))
        return LabelPlan(report, unitsPerPoint: request.dpi / 72)
    }
}
