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

    /// Fewer frames than this make no background (a median of two is mostly the animals in them).
    public static let minimumFrames = 3

    /// Medians of the sample frames, grouped by day/night and size.
    public init(sample: [MotionFrame], settings: MotionSettings) {
        let groups = Dictionary(grouping: sample) { Key(night: $0.isNight(settings), width: $0.width, height: $0.height) }
        for (key, frames) in groups where frames.count >= MotionBackgrounds.minimumFrames {
            medians[key] = MotionFrame.median(frames)
            counts[key] = frames.count
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

    public var isEmpty: Bool { medians.isEmpty }
}
