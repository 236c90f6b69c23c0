/// Tuning of the weight-free motion triage; the defaults were chosen on simulated surveys (see `triage validate`).
public struct MotionSettings: Sendable, Equatable {
    /// JPEG DCT reduction while decoding: 8 turns 2048×1536 into 256×192.
    public var reduce = 8
    /// Grey-level change from the background that counts.
    public var threshold: Float = 10
    /// The change against the burst's other frames must exceed threshold × this.
    public var burstFactor: Float = 0.6
    public var openIterations = 1
    public var closeIterations = 3
    /// Smallest box kept, as a share of the frame.
    public var minAreaFraction = 0.0012
    /// Below this colourfulness a frame is an infrared night frame.
    public var nightColourfulness: Float = 4
    /// Frames per camera (and per day/night) used for its background median.
    public var backgroundSample = 31
    /// Photos stored per transaction.
    public var batchSize = 400
    /// The detector name results are stored under.
    public var detectorName = "rosette-motion"
    /// Boxes kept per photo.
    public var maxBoxes = 8

    public init() {}
}
