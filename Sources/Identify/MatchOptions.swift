/// Parameters of one-vs-many matching (METHODS.md, "Individual identification by coat pattern").
public struct MatchOptions: Sendable, Equatable {
    /// How an individual's evidence is gathered from its photos.
    public enum Aggregation: String, Sendable, CaseIterable {
        /// Per query descriptor the best vote among all the individual's photos, summed (HotSpotter's name
        /// scoring). An individual with many photos collects votes from all of them: it favours large galleries.
        case union
        /// Votes per photo; the individual scores with its best photos only (`photosCounted`), and among a
        /// descriptor's neighbours every individual is represented by its own nearest ones, so a much-photographed
        /// animal can neither crowd the others out of the vote nor win by sheer numbers.
        case bestPhotos = "best-photos"
    }

    /// Neighbours that vote per query descriptor (K); with `.bestPhotos`, per individual.
    public var k: Int = 4
    /// Neighbours after the K voters from which the normaliser distance is taken (Knorm).
    public var kNorm: Int = 1
    /// Extra neighbours requested to allow for excluded photos (same encounter, other flank); more are
    /// fetched when they do not suffice.
    public var extraNeighbours: Int = 8
    /// kd-trees in the forest; 0 searches exactly (slow, for tests and small galleries).
    public var trees: Int = 8
    /// kd-tree leaves checked per search. METHODS.md suggests about 800; with the blur-matched keypoints
    /// (`FeatureExtractor.Options.blurredFeatures`) a query has about 1.6× as many descriptors, and 500 keeps a
    /// query against 10k photos within 200 ms on 2 cores.
    public var checks: Int = 500
    /// Individuals whose matches are spatially verified and re-ranked.
    public var shortlist: Int = 10
    /// Inlier tolerance as a fraction of the gallery chip's diagonal.
    public var inlierTolerance: Double = 0.1
    /// Allowed ratio between a correspondence's scale change and the hypothesis's.
    public var scaleRatio: ClosedRange<Double> = 0.5...2
    /// Fewest inliers for a verified match.
    public var minimumInliers: Int = 4
    /// Correspondences (the heaviest) tried as hypotheses per photo pair.
    public var maximumHypotheses: Int = 60
    /// Threads sharing one query's nearest-neighbour searches (its descriptors split in chunks). 1 when
    /// many queries already run in parallel (evaluation); the cores when one person waits for one query.
    public var searchThreads: Int = 1

    /// How votes become an individual's score.
    public var aggregation: Aggregation = .bestPhotos
    /// Individuals that vote per query descriptor with `.bestPhotos` (the nearest distinct individuals; the next
    /// one's distance normalises).
    public var votingIndividuals: Int = 2
    /// With `.bestPhotos`: an individual's photos (the best by votes) that are spatially verified.
    public var photosVerified: Int = 6
    /// With `.bestPhotos`: an individual's photos whose scores are summed into its score.
    public var photosCounted: Int = 1

    /// Drop scene matches: a correspondence between two photos of the same camera whose keypoints sit at the same
    /// place in the frame (within `sceneTolerance`) and at the same size is the fixed scene, not the animal.
    public var sceneSuppression = true
    /// The scene tolerance as a fraction of the frame diagonal.
    public var sceneTolerance: Double = 0.012
    /// Allowed ratio of the two keypoints' sizes in frame pixels for a scene match.
    public var sceneScaleRatio: ClosedRange<Double> = 0.67...1.5

    /// Below this best summed verified score an encounter whose side was estimated (not a person's) is also ranked as
    /// the other flank (0: never). Wrong sides are the workflow's commonest miss on single frames.
    public var sideRescueBelow: Double = 10
    /// The other flank's best must be at least this many times the estimated side's best to replace it.
    public var sideRescueRatio: Double = 2

    public init() {}

    /// Exact search (no kd-trees): deterministic, for tests.
    public static var exact: MatchOptions {
        var o = MatchOptions()
        o.trees = 0
        return o
    }
}
