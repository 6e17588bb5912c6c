import CCairo
import CVideo
import Foundation
import PosixBindings

/// The containers an animation is written in, each with the codec and settings that suit maps.
public enum VideoFormat: String, CaseIterable, Sendable {
    case mp4, webm, gif, apng

    /// The most memory a GIF's palette may take from frames held until the last one is in: over
    /// it, each frame gets a palette of its own (a larger file, memory that does not grow).
    public static let gifPaletteBufferLimit = 1 << 30

    /// FFmpeg's muxer, encoder, filter graph and encoder options for the format, for `frames`
    /// frames of `width` x `height`.
    func settings(frames: Int, width: Int, height: Int) -> (container: String, encoder: String, filters: String, options: String) {
        switch self {
        // H.264, 4:2:0 for every player; quality-bound, fast preset.
        case .mp4: return ("mp4", "libx264", "format=yuv420p", "preset=veryfast:crf=20:profile=high")
        // VP9, for the web; constant quality, realtime speed.
        case .webm: return ("webm", "libvpx-vp9", "format=yuv420p", "crf=32:b=0:deadline=realtime:cpu-used=8:row-mt=1")
        // A 256-colour palette made from every frame (palettegen holds them all until the last),
        // applied with error diffusion; when that would hold too much, one palette a frame.
        case .gif:
            let whole = frames * width * height * 4 <= VideoFormat.gifPaletteBufferLimit
            return ("gif", "gif", whole ? "split[a][b];[a]palettegen=stats_mode=full[p];[b][p]paletteuse=dither=sierra2_4a"
                                        : "split[a][b];[a]palettegen=stats_mode=single[p];[b][p]paletteuse=new=1:dither=sierra2_4a", "")
        case .apng: return ("apng", "apng", "format=rgb24", "")
        }
    }

    /// Whether the codec needs even sides (4:2:0 chroma).
    public var needsEvenSize: Bool { self == .mp4 || self == .webm }
}

/// Writes an animation frame by frame with FFmpeg's libraries (loaded on first use), atomically:
/// to a temporary file beside `path`, renamed over it by `finish()`; dropped unfinished, it leaves
/// nothing behind.
public final class VideoEncoder {
    public let path: String
    public let width: Int, height: Int
    private let temporary: String
    private var handle: UnsafeMutablePointer<geobrief_video>?
    private var finished = false
    public private(set) var frames = 0

    /// Opens `path` for `frames` frames (what GIF's palette is planned for; more may be added).
    public init(path: String, format: VideoFormat, width: Int, height: Int, fps: Int, frames expected: Int = 250) throws {
        if let problem = geobrief_av_load() { throw VideoError(path: path, reason: String(cString: problem)) }
        guard (16...8192).contains(width), (16...8192).contains(height), (1...120).contains(fps) else {
            throw VideoError(path: path, reason: "size \(width)x\(height) at \(fps) fps is outside 16...8192 pixels a side, 1...120 fps")
        }
        if format.needsEvenSize, width % 2 != 0 || height % 2 != 0 {
            throw VideoError(path: path, reason: "\(format.rawValue) needs even sides; \(width)x\(height) has an odd one")
        }
        self.path = path
        self.width = width
        self.height = height
        temporary = try AtomicFile.temporaryPath(for: path)
        let s = format.settings(frames: expected, width: width, height: height)
        handle = geobrief_video_open(temporary, s.container, s.encoder, s.filters, s.options, Int32(width), Int32(height), Int32(fps))
        guard let handle else { throw VideoError(path: path, reason: "out of memory") }
        let error = String(cString: geobrief_video_error(handle))
        guard error.isEmpty else { close(); throw VideoError(path: path, reason: error) }
    }

    deinit { close() }

    private func close() {
        geobrief_video_free(handle)
        handle = nil
        if !finished { try? FileManager.default.removeItem(atPath: temporary) }
    }

    /// Adds the image surface `frame` (of the encoder's size) as the next frame.
    public func add(_ frame: Surface) throws {
        guard let handle, frame.kind == .image, Int(frame.width) == width, Int(frame.height) == height else {
            throw VideoError(path: path, reason: "a frame must be a \(width)x\(height) image")
        }
        cairo_surface_flush(frame.handle)
        guard let data = cairo_image_surface_get_data(frame.handle) else { throw VideoError(path: path, reason: "a frame has no pixels") }
        guard geobrief_video_add(handle, data, cairo_image_surface_get_stride(frame.handle)) == 0 else {
            throw VideoError(path: path, reason: String(cString: geobrief_video_error(handle)))
        }
        frames += 1
    }

    /// Completes the file and puts it at `path`.
    public func finish() throws {
        guard let handle, frames > 0 else { throw VideoError(path: path, reason: "no frame was added") }
        guard geobrief_video_finish(handle) == 0 else { throw VideoError(path: path, reason: String(cString: geobrief_video_error(handle))) }
        geobrief_video_free(handle)
        self.handle = nil
        try AtomicFile.commit(temporary, to: path)
        finished = true
    }
}

/// An animation that could not be written.
public struct VideoError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "cannot write the animation \(path): \(reason); nothing was written there" }
}
