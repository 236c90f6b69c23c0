import CRosetteNative
import Core

/// Change boxes of one frame against its camera's background and the other frames of its burst.
public struct MotionDetector: Sendable {
    public var settings: MotionSettings

    public init(settings: MotionSettings) { self.settings = settings }

    /// The settings as the native code takes them, for frames of this size.
    func nativeParams(width: Int, height: Int) -> rsn_motion_params {
        rsn_motion_params(
            threshold: settings.threshold, burstFactor: settings.burstFactor, openIterations: Int32(settings.openIterations),
            closeIterations: Int32(settings.closeIterations),
            minArea: Int32((settings.minAreaFraction * Double(width * height)).rounded()),
            localSigma: settings.localSigma, textureLevel: settings.textureLevel, residualFactor: settings.residualFactor,
            variabilityFactor: settings.variabilityFactor)
    }

    /// Boxes (relative, top-left) of what changed, largest first; `kind` is animal (motion cannot tell more).
    /// `variability` is the camera's per-pixel variability for this background (`MotionBackgrounds.variability`).
    public func detections(frame: MotionFrame, background: MotionFrame?, burst: [MotionFrame], path: String,
                           variability: [UInt8]? = nil) throws -> [Detection] {
        let others = burst.filter { $0.width == frame.width && $0.height == frame.height }
        var params = nativeParams(width: frame.width, height: frame.height)
        var boxes = [rsn_box](repeating: rsn_box(), count: settings.maxBoxes)
        var count: Int32 = 0
        var err = [CChar](repeating: 0, count: 256)
        let status = withPointers(others.map(\.grey)) { pointers in
            frame.grey.withUnsafeBufferPointer { f in
                let variability = background == nil || settings.variabilityFactor <= 0 ? nil
                    : variability.flatMap { $0.count == frame.grey.count ? $0 : nil }
                let call = { (bg: UnsafePointer<UInt8>?) in
                    withOptionalPointer(variability) { v in
                        rsn_motion_boxes(f.baseAddress, bg, v, pointers, Int32(others.count), Int32(frame.width), Int32(frame.height),
                                         &params, &boxes, Int32(boxes.count), &count, &err, Int32(err.count))
                    }
                }
                if let background { return background.grey.withUnsafeBufferPointer { call($0.baseAddress) } }
                return call(nil)
            }
        }
        guard status == 0 else { throw TriageError.imageFailure(path: path, reason: nativeMessage(err)) }
        let w = Double(frame.width), h = Double(frame.height)
        return boxes.prefix(Int(count)).map { b in
            Detection(kind: .animal, confidence: Double(b.score),
                      box: RelativeBox(x: Double(b.x) / w, y: Double(b.y) / h, width: Double(b.width) / w, height: Double(b.height) / h))
        }
    }
}

/// Calls `body` with the buffer's base address, or nil without a buffer.
func withOptionalPointer<R>(_ buffer: [UInt8]?, _ body: (UnsafePointer<UInt8>?) -> R) -> R {
    guard let buffer else { return body(nil) }
    return buffer.withUnsafeBufferPointer { body($0.baseAddress) }
}
