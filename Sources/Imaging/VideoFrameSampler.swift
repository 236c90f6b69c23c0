import CRosetteNative
import Core
import Foundation

/// Samples frames from a video clip at a fixed rate through OpenCV's videoio (FFmpeg), as JPEG bytes.
///
/// The clip is decoded forward once; for each due time k / rate (k = 0, 1, …) the first frame at or after it
/// (within half a frame) is taken, so a clip whose last frame starts at t gives ⌊(t + ½/fps) × rate⌋ + 1 frames:
/// a 4.5 s clip at 10 fps, 1 per second, gives 5 (offsets 0, 1, 2, 3, 4), about ⌈duration × rate⌉.
/// Not shared between threads: make one per clip.
public final class VideoFrameSampler {
    /// One sampled frame.
    public struct Frame: Sendable {
        /// Seconds from the start of the clip (the frame's own time, index / fps).
        public var offset: Double
        public var width: Int
        public var height: Int
        public var jpeg: [UInt8]
    }

    /// What the decoder reports about the stream.
    public struct StreamInfo: Sendable, Equatable {
        public var fps: Double
        public var frameCount: Int
        public var width: Int
        public var height: Int
        public var codec: String
    }

    private let handle: OpaquePointer
    private let name: String
    public let info: StreamInfo

    /// Opens `path`; throws `undecodableVideo` naming `displayPath` when no stream can be decoded.
    public init(path: String, displayPath: String? = nil) throws {
        name = displayPath ?? path
        var err = [CChar](repeating: 0, count: 256)
        var raw = rsn_video_info()
        var out: OpaquePointer?
        guard rsn_video_open(path, &out, &raw, &err, Int32(err.count)) == 0, let out else {
            throw RosetteError.undecodableVideo(path: displayPath ?? path, reason: cMessage(err))
        }
        handle = out
        let codec = withUnsafeBytes(of: raw.codec) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        info = StreamInfo(fps: raw.fps, frameCount: Int(raw.frameCount), width: Int(raw.width), height: Int(raw.height), codec: codec)
    }

    deinit { rsn_video_close(handle) }

    /// Frames decoded so far.
    public var framesRead: Int { Int(rsn_video_frames_read(handle)) }

    /// The next frame at or after `seconds`, or nil at the end of the clip.
    public func frame(atOrAfter seconds: Double, quality: Int = 90) throws -> Frame? {
        var err = [CChar](repeating: 0, count: 256)
        var t = 0.0
        var w: Int32 = 0, h: Int32 = 0
        var out: UnsafeMutablePointer<UInt8>?
        var size = 0
        let status = rsn_video_next_jpeg(handle, seconds, Int32(quality), &t, &w, &h, &out, &size, &err, Int32(err.count))
        if status == 1 { return nil }
        guard status == 0, let out else { throw RosetteError.undecodableVideo(path: name, reason: cMessage(err)) }
        defer { rsn_free(out) }
        return Frame(offset: t, width: Int(w), height: Int(h), jpeg: Array(UnsafeBufferPointer(start: out, count: size)))
    }

    /// Every frame due at `rate` per second, handed to `body` as it is decoded (memory stays one frame).
    /// Throws `undecodableVideo` when the clip yields no frame at all or a frame cannot be decoded.
    public func sample(rate: Double, quality: Int = 90, _ body: (Frame) throws -> Void) throws {
        precondition(rate > 0)
        var k = 0
        var produced = 0
        while let frame = try frame(atOrAfter: Double(k) / rate, quality: quality) {
            try body(frame)
            produced += 1
            // The next due time after this frame (a frame may stand for several due times in a sparse stream).
            // (A frame taken within half a frame before its due time leaves k due once, not twice.)
            k = max(k + 1, Int((frame.offset * rate + 1e-9).rounded(.down)) + 1)
        }
        if produced == 0 { throw RosetteError.undecodableVideo(path: name, reason: "the stream holds no decodable frame") }
    }
}
