/// One reference photo in a gallery: whose it is, which flank, which encounter, and its features.
public struct GalleryEntry: Sendable {
    /// Identifies the photo (and box), e.g. a dataset image_id or a survey media/box key.
    public var key: String
    public var individualID: String
    public var side: FlankSide
    /// Photos of one encounter (same station and day, or one burst) are never matched against each other.
    public var encounter: String?
    public var features: FeatureSet

    public init(key: String, individualID: String, side: FlankSide, encounter: String? = nil, features: FeatureSet) {
        self.key = key
        self.individualID = individualID
        self.side = side
        self.encounter = encounter
        self.features = features
    }
}
