import Core

/// A proposed individual for a query photo, best first in a ranking.
public struct Candidate: Sendable, Equatable {
    public var individualID: String
    /// LNBNN score: per query descriptor the best vote this individual got, summed.
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

    public init(individualID: String, score: Double, verifiedScore: Double, inliers: Int, bestEntryKey: String?) {
        self.individualID = individualID
        self.score = score
        self.verifiedScore = verifiedScore
        self.inliers = inliers
        self.bestEntryKey = bestEntryKey
    }
}

