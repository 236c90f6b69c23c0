import Identify

/// Hand-made feature sets for matcher tests: descriptors that are copies of each other match exactly, random ones
/// match nothing, so each test decides precisely which correspondences exist and where they lie.
struct SyntheticFeatures {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    /// A random descriptor (far from every other random one).
    mutating func descriptor() -> [UInt8] { (0..<FeatureSet.descriptorBytes).map { _ in UInt8(truncatingIfNeeded: next() >> 24) } }

    /// A random point in a `width` × `height` chip.
    mutating func point(width: Int = 400, height: Int = 200) -> FeatureSet.Keypoint {
        FeatureSet.Keypoint(x: Float(next() % UInt64(width - 20) + 10), y: Float(next() % UInt64(height - 20) + 10), size: 12)
    }

    /// Features from (keypoint, descriptor) pairs on a 400 × 200 chip placed in the frame at `placement`.
    static func set(_ items: [(FeatureSet.Keypoint, [UInt8])], placement: FramePlacement? = nil) -> FeatureSet {
        FeatureSet(chipWidth: 400, chipHeight: 200, keypoints: items.map(\.0), descriptors: items.flatMap(\.1), placement: placement)
    }

    /// A 400 × 200 chip cut at (`x`, `y`) from a 1920 × 1080 frame at scale 1.
    static func placement(x: Double, y: Double) -> FramePlacement {
        FramePlacement(crop: PixelBox(x: x, y: y, width: 400, height: 200), chipWidth: 400, chipHeight: 200, frameWidth: 1920,
                       frameHeight: 1080)
    }
}
