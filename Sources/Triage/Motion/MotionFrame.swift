import CRosetteNative
import Imaging

/// A photo reduced to a small smoothed grey frame for motion triage, with how colourful it was.
public struct MotionFrame: Sendable {
    public let width: Int
    public let height: Int
    public let grey: [UInt8]
    /// Mean |R−G|+|G−B| of the decoded colours: near 0 for infrared night frames.
    public let colourfulness: Float

    /// Night frames (infrared, grey) get their own background.
    public func isNight(_ settings: MotionSettings) -> Bool { colourfulness < settings.nightColourfulness }

    /// Decodes a photo DCT-reduced (`settings.reduce`) and smooths it.
    public init(path: String, decoder: ImageDecoder, settings: MotionSettings) throws {
        let view = try decoder.decode(path: path, mode: .color, reduce: settings.reduce)
        let frame: MotionGrey
        do { frame = try MotionGrey(view: view) } catch { throw TriageError.imageFailure(path: path, reason: error.message) }
        self.width = frame.width
        self.height = frame.height
        self.grey = frame.grey
        self.colourfulness = frame.colourfulness
    }

    init(width: Int, height: Int, grey: [UInt8], colourfulness: Float) {
        self.width = width
        self.height = height
        self.grey = grey
        self.colourfulness = colourfulness
    }

    /// The per-pixel median of frames of one size (nil when there are none or sizes differ).
    public static func median(_ frames: [MotionFrame]) -> MotionFrame? {
        guard let first = frames.first, frames.allSatisfy({ $0.width == first.width && $0.height == first.height }) else { return nil }
        var out = [UInt8](repeating: 0, count: first.width * first.height)
        var err = [CChar](repeating: 0, count: 256)
        let status = withPointers(frames.map(\.grey)) { pointers in
            out.withUnsafeMutableBufferPointer {
                rsn_motion_median(pointers, Int32(frames.count), Int32(first.width), Int32(first.height), $0.baseAddress,
                                  &err, Int32(err.count))
            }
        }
        return status == 0 ? MotionFrame(width: first.width, height: first.height, grey: out, colourfulness: first.colourfulness) : nil
    }
}

/// Calls `body` with a C array of pointers to the buffers (valid only during the call).
func withPointers<R>(_ buffers: [[UInt8]], _ body: (UnsafePointer<UnsafePointer<UInt8>?>) -> R) -> R {
    let copies = buffers.map { buffer -> UnsafeMutablePointer<UInt8> in
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, buffer.count))
        p.initialize(from: buffer, count: buffer.count)
        return p
    }
    defer { copies.forEach { $0.deallocate() } }
    let pointers: [UnsafePointer<UInt8>?] = copies.map { UnsafePointer($0) }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}

/// The text of a native error buffer.
func nativeMessage(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
