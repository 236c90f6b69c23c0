import CRosetteNative

/// Extracts SIFT keypoints with RootSIFT descriptors from chips.
///
/// Keypoints are difference-of-Gaussians (OpenCV has no affine-adapted detector); with `upright` they all
/// get orientation 0, HotSpotter's "gravity vector" assumption for side views of standing animals.
///
/// Blur-matched features: camera traps photograph animals walking past, so many frames (most at night, with
/// long infrared exposures) are smeared horizontally, and a smeared flank shares few descriptors with a
/// sharp one. With `blurredFeatures` > 0 the chip is also described after a horizontal motion blur of
/// `blurFraction` × its width, and those keypoints are appended to the chip's own. A sharp photo's blurred
/// copy then looks like a smeared photo of the same flank and the other way round, whichever of the two is
/// the query; matching, voting and verification treat all of a photo's keypoints alike (their positions are
/// unchanged by the blur).
public struct FeatureExtractor: Sendable {
    public struct Options: Sendable, Equatable {
        /// The strongest keypoints kept per chip (0: all).
        public var maxFeatures: Int = 400
        /// No rotation invariance (see the type's summary).
        public var upright: Bool = true
        /// The strongest keypoints kept from the chip's motion-blurred copy (0: no copy).
        public var blurredFeatures: Int = 200
        /// Length of the copy's horizontal blur as a fraction of the chip width.
        public var blurFraction: Double = 0.0225

        public init() {}

        /// The blur length in pixels for a chip `width` pixels wide (at least 2).
        public func blurLength(chipWidth width: Int) -> Int { max(2, Int((blurFraction * Double(width)).rounded())) }
    }

    public let options: Options

    public init(options: Options = Options()) { self.options = options }

    /// The features of a chip (possibly none, for a featureless chip).
    public func features(of chip: Chip) throws -> FeatureSet {
        var set = try Self.extract(chip.pixels, width: chip.width, height: chip.height, maxFeatures: options.maxFeatures,
                                   upright: options.upright)
        if options.blurredFeatures > 0 {
            let blurred = try chip.motionBlurred(length: options.blurLength(chipWidth: chip.width))
            let extra = try Self.extract(blurred.pixels, width: chip.width, height: chip.height,
                                         maxFeatures: options.blurredFeatures, upright: options.upright)
            set.keypoints += extra.keypoints
            set.descriptors += extra.descriptors
        }
        set.placement = chip.placement
        return set
    }

    /// SIFT/RootSIFT on one grey image.
    private static func extract(_ pixels: [UInt8], width: Int, height: Int, maxFeatures: Int, upright: Bool) throws -> FeatureSet {
        var points: UnsafeMutablePointer<Float>?
        var bytes: UnsafeMutablePointer<UInt8>?
        var count: Int32 = 0
        var err = [CChar](repeating: 0, count: 256)
        let status = pixels.withUnsafeBufferPointer {
            rsn_sift_extract($0.baseAddress, Int32(width), Int32(height), width, Int32(maxFeatures), upright ? 1 : 0,
                             &points, &bytes, &count, &err, Int32(err.count))
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
        return FeatureSet(chipWidth: width, chipHeight: height, keypoints: keypoints, descriptors: descriptors)
    }
}
