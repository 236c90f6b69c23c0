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

    public init(chipWidth: Int, chipHeight: Int, keypoints: [Keypoint], descriptors: [UInt8]) {
        precondition(descriptors.count == keypoints.count * Self.descriptorBytes, "one descriptor per keypoint")
        self.chipWidth = chipWidth
        self.chipHeight = chipHeight
        self.keypoints = keypoints
        self.descriptors = descriptors
    }

    public var count: Int { keypoints.count }

    /// The chip diagonal in pixels.
    public var diagonal: Double { Double(chipWidth * chipWidth + chipHeight * chipHeight).squareRoot() }
}
