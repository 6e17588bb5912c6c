import Bindings
import Cartography
import Foundation
import Graphics
import Scenario
import Scenes

/// Draws a view of a resolved scenario frame by frame into a video: the basemap drawn once, each
/// frame's scene over it as of its moment (routes growing along their dates, units, areas and
/// figures appearing on theirs, the date in the title block), labels where the complete map put
/// them, every route in the complete map's colour.
public struct Animator {
    public let views: ViewRenderer

    public init(views: ViewRenderer) { self.views = views }

    /// What was written.
    public struct Report: Sendable {
        public var frames: Int
        public var width: Int, height: Int
        public var seconds: Double
    }

    /// Writes the animation of `view` along `timeline` to `path` in `format`, at the view's size or `size`.
    @discardableResult
    public func animate(_ view: View, timeline: AnimationTimeline, format: VideoFormat, size: (Int, Int)? = nil,
                        to path: String) throws -> Report {
        let resolved = views.resolved
        let complete = SceneBuilder(resolved: resolved)
        var request = try complete.request(for: view, size: size, dpi: nil)
        if format.needsEvenSize { request.width -= request.width % 2; request.height -= request.height % 2 }
        // A video smaller than 1280 pixels across lays its map out for a page no narrower than
        // 0.6 of that, so that the title block, legend and footer fit (smaller type in pixels).
        request.dpi *= min(1, max(0.6, Double(request.width) / 1280))
        let (w, h) = (request.width, request.height)
        // The complete map decides where every label goes and each route's colour.
        let plan = try views.plan(for: view, size: (w, h), dpi: request.dpi)
        var full = complete.scene(for: view)
        full.plan = plan
        let colors = Dictionary(zip(full.routes.map(\.id), RouteColors.colors(of: full.routes, style: views.renderer.style)),
                                uniquingKeysWith: { a, _ in a })
        let snapshot = try views.renderer.snapshot(request, scene: full)
        let encoder = try VideoEncoder(path: path, format: format, width: w, height: h, fps: timeline.fps, frames: timeline.frameCount)
        let surface = try Surface.image(width: w, height: h, dpi: request.dpi)
        let canvas = try Canvas(surface)
        for i in 0..<timeline.frameCount {
            let moment = timeline.moment(ofFrame: i)
            var builder = SceneBuilder(resolved: resolved, asOfDay: Int(moment.rounded(.down)))
            builder.moment = (moment, timeline.minimumDrawDays)
            var scene = builder.scene(for: view)
            scene.plan = plan
            for j in scene.routes.indices { scene.routes[j].color = colors[scene.routes[j].id] ?? scene.routes[j].color }
            try views.renderer.draw(scene, over: snapshot, on: canvas)
            try encoder.add(surface)
        }
        try encoder.finish()
        return Report(frames: timeline.frameCount, width: w, height: h, seconds: Double(timeline.frameCount) / Double(timeline.fps))
    }
}
