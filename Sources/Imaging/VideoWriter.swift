import CRosetteNative
import Core
import Foundation

/// Writes a video file through OpenCV's videoio (fixtures, simulated clips).
public final class VideoWriter {
    private var handle: OpaquePointer?
    public let width: Int
    public let height: Int

    /// Opens `path` for frames of `width` x `height` RGB at `fps`; `fourcc` e.g. "MJPG" (.avi) or "mp4v" (.mp4).
    public init(path: String, fourcc: String, fps: Double, width: Int, height: Int) throws {
        var err = [CChar](repeating: 0, count: 256)
        var out: OpaquePointer?
        guard rsn_video_writer_open(path, fourcc, fps, Int32(width), Int32(height), &out, &err, Int32(err.count)) == 0, let out else {
            throw RosetteError.imageFailure(path: path, reason: "cannot write video: \(cMessage(err))")
        }
        handle = out
        self.width = width
        self.height = height
    }

    /// Appends one frame of interleaved RGB (width × height × 3 bytes).
    public func write(rgb: [UInt8]) throws {
        guard let handle else { throw RosetteError.imageFailure(path: "(video)", reason: "writer already finished") }
        precondition(rgb.count >= width * height * 3)
        var err = [CChar](repeating: 0, count: 256)
        let status = rgb.withUnsafeBufferPointer { rsn_video_writer_write(handle, $0.baseAddress, width * 3, &err, Int32(err.count)) }
        guard status == 0 else { throw RosetteError.imageFailure(path: "(video)", reason: cMessage(err)) }
    }

    /// Completes the file.
    public func finish() {
        if let handle { rsn_video_writer_close(handle) }
        handle = nil
    }

    deinit { finish() }
}
