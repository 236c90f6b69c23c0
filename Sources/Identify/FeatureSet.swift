/// The pattern features of one chip: keypoints and their quantised RootSIFT descriptors.
public struct FeatureSet: Sendable, Equatable {
    /// Bytes per descriptor.
    public static let descriptorBytes = 128

    /// One detected keypoint in chip pixels.
    public struct Keypoint: Sendable, Equatable {
        public var x: Float
        public var y: Float
        /// Diameter of the keypoint's region in pixels (its scale).
        public var size: Float

        public init(x: Float, y: Float, size: Float) {
            self.x = x
            self.y = y
            self.size = size
        }
    }

    public var chipWidth: Int
    public var chipHeight: Int
    public var keypoints: [Keypoint]
    /// `keypoints.count × descriptorBytes` bytes, one descriptor after another.
    public var descriptors: [UInt8]
    /// Where the chip lies in its camera frame (nil when unknown: scene suppression then leaves the photo alone).
    public var placement: FramePlacement?

    public init(chipWidth: Int, chipHeight: Int, keypoints: [Keypoint], descriptors: [UInt8], placement: FramePlacement? = nil) {
        precondition(descriptors.count == keypoints.count * Self.descriptorBytes, "one descriptor per keypoint")
        self.chipWidth = chipWidth
        self.chipHeight = chipHeight
        self.keypoints = keypoints
        self.descriptors = descriptors
        self.placement = placement
    }

    /// The same features without the keypoints at `indices` (e.g. those on the camera's static background).
    public func removing(_ indices: Set<Int>) -> FeatureSet {
        guard !indices.isEmpty else { return self }
        var points: [Keypoint] = []
        var bytes: [UInt8] = []
        points.reserveCapacity(count - indices.count)
        bytes.reserveCapacity((count - indices.count) * Self.descriptorBytes)
        for i in 0..<count where !indices.contains(i) {
            points.append(keypoints[i])
            bytes.append(contentsOf: descriptors[(i * Self.descriptorBytes)..<((i + 1) * Self.descriptorBytes)])
        }
        return FeatureSet(chipWidth: chipWidth, chipHeight: chipHeight, keypoints: points, descriptors: bytes, placement: placement)
    }

    public var count: Int { keypoints.count }

    /// The chip diagonal in pixels.
    public var diagonal: Double { Double(chipWidth * chipWidth + chipHeight * chipHeight).squareRoot() }
}
