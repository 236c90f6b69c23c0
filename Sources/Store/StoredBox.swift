import Core

/// A detector's box as stored: which observation, which photo, where (relative 0–1, top-left) and how sure.
public struct StoredBox: Sendable, Hashable {
    /// The detection's observationID.
    public var observationID: Int64
    public var mediaID: Int64
    /// The detector that found it (`classifiedBy`).
    public var detector: String
    /// [x, y, width, height], relative to the image, origin top-left.
    public var bbox: [Double]
    public var confidence: Double

    public init(observationID: Int64, mediaID: Int64, detector: String, bbox: [Double], confidence: Double) {
        self.observationID = observationID
        self.mediaID = mediaID
        self.detector = detector
        self.bbox = bbox
        self.confidence = confidence
    }
}

/// What one classifier concluded about one photo's boxes: species observations (each carrying its box), or why
/// the photo could not be processed.
public struct ClassifierMediaResult: Sendable, Equatable {
    public var mediaID: Int64
    public var observations: [Observation]
    public var boxes: Int
    public var failure: String?

    public init(mediaID: Int64, observations: [Observation], boxes: Int, failure: String? = nil) {
        self.mediaID = mediaID
        self.observations = observations
        self.boxes = boxes
        self.failure = failure
    }
}
