import PosixBindings
import CCairo
import Dispatch
import Foundation

extension Canvas {
    /// Runs `body` on up to `threads` threads (at most 4), once per horizontal band of this image
    /// canvas, each time with a canvas over only that band's rows of the same pixels, in the same
    /// user units. Cairo draws every band as it would the whole (rasterizing is the same under an
    /// integer shift), so the pixels are those of one `body(self)`; drawing many thin lines then
    /// takes a fraction of the time. Each band keeps this canvas's clip. PDF and SVG canvases,
    /// canvases with a transform or a clip that is not rectangles, and small images run `body(self)`.
    public func inBands(threads: Threads = .allCores, _ body: (Canvas) throws -> Void) throws {
        var matrix = cairo_matrix_t()
        cairo_get_matrix(handle, &matrix)
        let identity = matrix.xx == 1 && matrix.yy == 1 && matrix.xy == 0 && matrix.yx == 0 && matrix.x0 == 0 && matrix.y0 == 0
        let w = Int(surface.width), h = Int(surface.height)
        let count = min(threads.count, 4, h / 128)
        // The current clip, which every band keeps too; a clip that is not a set of rectangles
        // (a polygon) is drawn the plain way.
        guard surface.kind == .image, identity, count > 1, let list = cairo_copy_clip_rectangle_list(handle),
              let data = cairo_image_surface_get_data(surface.handle) else { return try body(self) }
        let clipStatus = list.pointee.status
        let rectangles = (0..<Int(list.pointee.num_rectangles)).map { list.pointee.rectangles[$0] }
        cairo_rectangle_list_destroy(list)
        guard clipStatus == CAIRO_STATUS_SUCCESS else { return try body(self) }
        cairo_surface_flush(surface.handle)
        let stride = Int(cairo_image_surface_get_stride(surface.handle))
        let dpi = surface.dpi
        nonisolated(unsafe) let pixels = data
        nonisolated(unsafe) let work = body
        nonisolated(unsafe) let clip = rectangles
        nonisolated(unsafe) var errors = [Error?](repeating: nil, count: count)
        errors.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: count) { i in
                let y0 = h * i / count, y1 = h * (i + 1) / count
                do {
                    // An image surface of its own over rows y0..<y1: nothing of Cairo's is shared.
                    let band = try Surface.imageRows(pixels + y0 * stride, width: w, rows: y1 - y0, stride: stride, dpi: dpi)
                    let canvas = try Canvas(band)
                    canvas.translate(0, -Double(y0))
                    canvas.newPath()
                    for r in clip { canvas.rectangle(r.x, r.y, r.width, r.height) }
                    canvas.clip()
                    try work(canvas)
                    try canvas.check("draw band")
                    cairo_surface_flush(band.handle)
                } catch {
                    slots[i] = error
                }
            }
        }
        cairo_surface_mark_dirty(surface.handle)
        if let e = errors.compactMap({ $0 }).first { throw e }
    }
}
