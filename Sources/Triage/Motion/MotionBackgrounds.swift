import CRosetteNative
import Store

/// A camera's backgrounds: the per-pixel median of its own day frames and of its night frames.
public struct MotionBackgrounds: Sendable {
    struct Key: Hashable, Sendable {
        var night: Bool
        var width: Int
        var height: Int
    }

    private var medians: [Key: MotionFrame] = [:]
    private var counts: [Key: Int] = [:]
    private var variabilities: [Key: [UInt8]] = [:]

    /// Fewer frames than this make no background (a median of two is mostly the animals in them).
    public static let minimumFrames = 3

    /// Medians of the sample frames, grouped by day/night and size.
    public init(sample: [MotionFrame], settings: MotionSettings) {
        let groups = Dictionary(grouping: sample) { Key(night: $0.isNight(settings), width: $0.width, height: $0.height) }
        for (key, frames) in groups where frames.count >= MotionBackgrounds.minimumFrames {
            guard let median = MotionFrame.median(frames) else { continue }
            medians[key] = median
            counts[key] = frames.count
            variabilities[key] = MotionBackgrounds.variability(of: frames, against: median, settings: settings)
        }
    }

    /// The backgrounds as stored with the survey (for masking the static scene in identification).
    public func stored(deploymentID: String) -> [CameraBackground] {
        medians.keys.sorted { ($0.night ? 1 : 0, $0.width) < ($1.night ? 1 : 0, $1.width) }.map { key in
            CameraBackground(deploymentID: deploymentID, night: key.night, width: key.width, height: key.height,
                             grey: medians[key]!.grey, frames: counts[key] ?? 0)
        }
    }

    /// The background for a frame: same size and light (day or night), else any of the same size.
    public func background(for frame: MotionFrame, settings: MotionSettings) -> MotionFrame? {
        let night = frame.isNight(settings)
        return medians[Key(night: night, width: frame.width, height: frame.height)]
            ?? medians[Key(night: !night, width: frame.width, height: frame.height)]
    }

    /// The per-pixel variability (grey levels) that goes with `background(for:settings:)`: how much each pixel of
    /// the camera's sample usually differs from that background (median over the sample), so swaying vegetation
    /// needs a bigger change.
    public func variability(for frame: MotionFrame, settings: MotionSettings) -> [UInt8]? {
        let night = frame.isNight(settings)
        return variabilities[Key(night: night, width: frame.width, height: frame.height)]
            ?? variabilities[Key(night: !night, width: frame.width, height: frame.height)]
    }

    /// Per-pixel median of the frames' change against `median`, as the detector measures it (nil on failure).
    static func variability(of frames: [MotionFrame], against median: MotionFrame, settings: MotionSettings) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: median.width * median.height)
        var err = [CChar](repeating: 0, count: 256)
        var params = MotionDetector(settings: settings).nativeParams(width: median.width, height: median.height)
        let status = withPointers(frames.map(\.grey)) { pointers in
            median.grey.withUnsafeBufferPointer { bg in
                out.withUnsafeMutableBufferPointer {
                    rsn_motion_variability(pointers, Int32(frames.count), bg.baseAddress, Int32(median.width), Int32(median.height),
                                           &params, $0.baseAddress, &err, Int32(err.count))
                }
            }
        }
        return status == 0 ? out : nil
    }

    public var isEmpty: Bool { medians.isEmpty }
}
