import Core

/// A proposed individual for a query photo, best first in a ranking.
public struct Candidate: Sendable, Equatable {
    public var individualID: String
    /// LNBNN score before verification (see `MatchOptions.Aggregation` for how votes are summed).
    public var score: Double
    /// The same sum over spatially verified correspondences only (0 when not verified or not shortlisted).
    public var verifiedScore: Double
    /// Inliers of the best verified photo pair.
    public var inliers: Int
    /// The gallery photo with the best verified pair (or the most votes when none verified).
    public var bestEntryKey: String?
    /// The verified correspondences with `bestEntryKey`, in chip pixels (query → gallery), heaviest first:
    /// the evidence a person checks by eye. Empty when no photo pair verified.
    public var matches: [KeypointPair] = []
    /// Correspondences with `bestEntryKey` dropped as the fixed scene (same camera, same place in the frame), in chip
    /// pixels, for the review to show what was not counted.
    public var scenePairs: [KeypointPair] = []
    /// Scene correspondences dropped with all this individual's photos.
    public var sceneDropped = 0

    public init(individualID: String, score: Double, verifiedScore: Double, inliers: Int, bestEntryKey: String?) {
        self.individualID = individualID
        self.score = score
        self.verifiedScore = verifiedScore
        self.inliers = inliers
        self.bestEntryKey = bestEntryKey
    }
}

