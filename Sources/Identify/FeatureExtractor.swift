import CRosetteNative

/// Extracts SIFT keypoints with RootSIFT descriptors from chips.
///
/// Keypoints are difference-of-Gaussians (OpenCV has no affine-adapted detector); with `upright` they all
/// get orientation 0, HotSpotter's "gravity vector" assumption for side views of standing animals.
public struct FeatureExtractor: Sendable {
    public struct Options: Sendable, Equatable {
        /// The strongest keypoints kept per chip (0: all).
        public var maxFeatures: Int = 400
        /// No rotation invariance (see the type's summary).
        public var upright: Bool = true

        public init() {}
    }

    public let options: Options

    public init(options: Options = Options()) { self.options = options }

    /// The features of a chip (possibly none, for a featureless chip).
    public func features(of chip: Chip) throws -> FeatureSet {
        var points: UnsafeMutablePointer<Float>?
        var bytes: UnsafeMutablePointer<UInt8>?
        var count: Int32 = 0
        var err = [CChar](repeating: 0, count: 256)
        let status = chip.pixels.withUnsafeBufferPointer {
            rsn_sift_extract($0.baseAddress, Int32(chip.width), Int32(chip.height), chip.width,
                             Int32(options.maxFeatures), options.upright ? 1 : 0, &points, &bytes, &count, &err,
                             Int32(err.count))
        }
        defer {
            rsn_free(points)
            rsn_free(bytes)
        }
        guard status == 0 else { throw IdentifyError.native(operation: "feature extraction", reason: cString(err)) }
        let n = Int(count)
        var keypoints: [FeatureSet.Keypoint] = []
        keypoints.reserveCapacity(n)
        var descriptors: [UInt8] = []
        if n > 0, let points, let bytes {
            for i in 0..<n {
                keypoints.append(.init(x: points[i * 3], y: points[i * 3 + 1], size: points[i * 3 + 2]))
            }
            descriptors = Array(UnsafeBufferPointer(start: bytes, count: n * FeatureSet.descriptorBytes))
        }
        return FeatureSet(chipWidth: chip.width, chipHeight: chip.height, keypoints: keypoints, descriptors: descriptors)
    }
}
