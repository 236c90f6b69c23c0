/// Tuning of the weight-free motion triage; the defaults were chosen on simulated surveys and, for the local-gain and
/// variability knobs (issue #17), on one real camera (`../shared/data/peru-bursts`; see `triage validate`).
public struct MotionSettings: Sendable, Equatable {
    /// JPEG DCT reduction while decoding: 8 turns 2048×1536 into 256×192.
    public var reduce = 8
    /// Grey-level change from the background that counts.
    public var threshold: Float = 10
    /// The change against the burst's other frames must exceed threshold × this.
    public var burstFactor: Float = 0.6
    /// Window (about a Gaussian of this sigma, in pixels of the reduced frame) over which a local gain is fitted
    /// between a frame and what it is compared with; the residual after that gain is change that light (sun fleck,
    /// shadow, exposure) cannot explain. 0 compares plain grey levels everywhere (the behaviour before issue #17).
    public var localSigma: Float = 4
    /// Local standard deviation of the background (grey levels, same window) above which the local-gain residual is
    /// used; flatter places (dark ground, infrared nights) keep the plain difference, where texture is too weak to
    /// tell light from an object. `.infinity` turns the local-gain comparison off.
    public var textureLevel: Float = 6
    /// Where the local-gain residual is used it must exceed threshold × this (it is smaller than a plain difference:
    /// part of an object's change is absorbed by the fitted gain).
    public var residualFactor: Float = 0.5
    /// Per-pixel history: the change from the background must exceed max(threshold, this × the pixel's variability),
    /// the variability being the median of the pixel's change over the camera's background sample; so swaying
    /// vegetation and places sun flecks often cross need a change bigger than they usually show. 0 turns it off.
    public var variabilityFactor: Float = 0.5
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
