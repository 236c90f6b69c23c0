/// Parameters of one-vs-many matching (METHODS.md, "Individual identification by coat pattern").
public struct MatchOptions: Sendable, Equatable {
    /// Neighbours that vote per query descriptor (K).
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

    public init() {}

    /// Exact search (no kd-trees): deterministic, for tests.
    public static var exact: MatchOptions {
        var o = MatchOptions()
        o.trees = 0
        return o
    }
}
