import PosixBindings
import CCairo
import Foundation

/// An ARGB32 image in memory: made from raster bytes, decoded from a PNG, or read off a surface.
/// Pixels are 0xAARRGGBB, premultiplied as Cairo keeps them.
public final class ImageBuffer {
    let surface: Surface
    public var width: Int { Int(surface.width) }
    public var height: Int { Int(surface.height) }

    init(surface: Surface) { self.surface = surface }

    /// Builds an image from separate 8-bit bands: 1 (grey), 3 (RGB) or 4 (RGBA) of `width*height` bytes each.
    public convenience init(width: Int, height: Int, bands: [[UInt8]]) throws {
        guard [1, 3, 4].contains(bands.count), bands.allSatisfy({ $0.count == width * height }) else {
            throw CairoError(operation: "build image", message: "need 1, 3 or 4 bands of \(width)x\(height) bytes")
        }
        let (r, g, b) = bands.count == 1 ? (bands[0], bands[0], bands[0]) : (bands[0], bands[1], bands[2])
        let alpha = bands.count == 4 ? bands[3] : nil
        let pixels = (0..<width * height).map { i -> UInt32 in
            let a: UInt32 = alpha.map { UInt32($0[i]) } ?? 255
            // Cairo keeps colour premultiplied by alpha (an opaque pixel as it is).
            if a == 255 { return 0xFF00_0000 | (UInt32(r[i]) << 16) | (UInt32(g[i]) << 8) | UInt32(b[i]) }
            return (a << 24) | ((UInt32(r[i]) * a / 255) << 16) | ((UInt32(g[i]) * a / 255) << 8) | (UInt32(b[i]) * a / 255)
        }
        try self.init(width: width, height: height, pixels: pixels)
    }

    /// Decodes a PNG file. Throws naming the file when it is missing or not a PNG.
    public convenience init(png path: String) throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw CairoError(operation: "read PNG \(path)", message: "no such file or not readable")
        }
        let h = cairo_image_surface_create_from_png(path)!
        let status = cairo_surface_status(h)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(h)
            throw CairoError("read PNG \(path)", status: status)
        }
        // Normalise any PNG format (RGB24, A8) to ARGB32 by painting it onto a fresh surface.
        let w = Int(cairo_image_surface_get_width(h)), hh = Int(cairo_image_surface_get_height(h))
        let s = try Surface.image(width: w, height: hh)
        let cr = cairo_create(s.handle)!
        cairo_set_source_surface(cr, h, 0, 0)
        cairo_paint(cr)
        cairo_destroy(cr)
        cairo_surface_destroy(h)
        self.init(surface: s)
    }

    /// A copy of an image surface's pixels.
    public convenience init(copying source: Surface) throws {
        guard source.kind == .image else { throw CairoError(operation: "copy pixels", message: "not an image surface") }
        let s = try Surface.image(width: Int(source.width), height: Int(source.height))
        let cr = cairo_create(s.handle)!
        cairo_set_source_surface(cr, source.handle, 0, 0)
        cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
        cairo_paint(cr)
        cairo_destroy(cr)
        self.init(surface: s)
    }

    /// Every pixel, row by row, as 0xAARRGGBB.
    public var pixels: [UInt32] {
        cairo_surface_flush(surface.handle)
        let stride = Int(cairo_image_surface_get_stride(surface.handle))
        guard let data = cairo_image_surface_get_data(surface.handle) else { return [] }
        var out = [UInt32](); out.reserveCapacity(width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            out.append(contentsOf: UnsafeBufferPointer(start: row, count: width))
        }
        return out
    }

    /// Builds an image from 0xAARRGGBB pixels (premultiplied).
    public convenience init(width: Int, height: Int, pixels: [UInt32]) throws {
        guard pixels.count == width * height else { throw CairoError(operation: "build image", message: "pixel count mismatch") }
        let s = try Surface.image(width: width, height: height)
        cairo_surface_flush(s.handle)
        let stride = Int(cairo_image_surface_get_stride(s.handle))
        let data = cairo_image_surface_get_data(s.handle)!
        for y in 0..<height {
            let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { row[x] = pixels[y * width + x] }
        }
        cairo_surface_mark_dirty(s.handle)
        self.init(surface: s)
    }

    /// Writes the image as PNG, atomically, encoded on up to `threads` threads.
    public func writePNG(to path: String, threads: Threads = .allCores) throws { try surface.writePNG(to: path, threads: threads) }
}

extension ImageBuffer {
    /// Attaches `jpeg` (an encoding of this image's own pixels) as the image's MIME data, so that
    /// PDF and SVG surfaces embed the JPEG instead of recompressing raw pixels (for the soft,
    /// photographic shaded relief: several times smaller and faster). Image (PNG) surfaces ignore it.
    public func attachJPEG(_ jpeg: Data) {
        guard !jpeg.isEmpty, let copy = malloc(jpeg.count) else { return }
        jpeg.withUnsafeBytes { _ = memcpy(copy, $0.baseAddress!, jpeg.count) }
        // Cairo keeps the bytes until the image is destroyed, then frees them.
        let status = cairo_surface_set_mime_data(surface.handle, CAIRO_MIME_TYPE_JPEG, copy.assumingMemoryBound(to: UInt8.self),
                                                 UInt(jpeg.count), free, copy)
        if status != CAIRO_STATUS_SUCCESS { free(copy) }
    }
}
