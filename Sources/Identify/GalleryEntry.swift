/// One reference photo in a gallery: whose it is, which flank, which encounter, and its features.
public struct GalleryEntry: Sendable {
    /// Identifies the photo (and box), e.g. a dataset image_id or a survey media/box key.
    public var key: String
    public var individualID: String
    public var side: FlankSide
    /// Photos of one encounter (same station and day, or one burst) are never matched against each other.
    public var encounter: String?
    public var features: FeatureSet
    /// The camera that took the photo (cameras do not move: matches at one place in two of its frames are scene).
    public var camera: String?

    public init(key: String, individualID: String, side: FlankSide, encounter: String? = nil, features: FeatureSet,
                camera: String? = nil) {
        self.key = key
        self.individualID = individualID
        self.side = side
        self.encounter = encounter
        self.features = features
        self.camera = camera
    }
}
