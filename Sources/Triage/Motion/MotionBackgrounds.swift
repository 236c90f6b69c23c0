/// A camera's backgrounds: the per-pixel median of its own day frames and of its night frames.
public struct MotionBackgrounds: Sendable {
    struct Key: Hashable, Sendable {
        var night: Bool
        var width: Int
        var height: Int
    }

    private var medians: [Key: MotionFrame] = [:]

    /// Fewer frames than this make no background (a median of two is mostly the animals in them).
    public static let minimumFrames = 3

    /// Medians of the sample frames, grouped by day/night and size.
    public init(sample: [MotionFrame], settings: MotionSettings) {
        let groups = Dictionary(grouping: sample) { Key(night: $0.isNight(settings), width: $0.width, height: $0.height) }
        for (key, frames) in groups where frames.count >= MotionBackgrounds.minimumFrames {
            medians[key] = MotionFrame.median(frames)
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
