import Core
import Foundation

/// A candidate individual the matcher proposed for a photo, as stored for review.
public struct MatchProposal: Sendable, Equatable {
    public var id: Int64?
    public var individualID: String
    public var rank: Int
    public var score: Double
    public var verifiedScore: Double
    public var inliers: Int
    public var referencePhotoID: Int64?
    /// The encounter frame whose match was best (encounter proposals only).
    public var frameID: Int64?
    /// The verified keypoint pairs between that frame's chip and the reference photo's chip.
    public var pairs: [KeypointPair]
    /// Correspondences between the same two chips dropped as the camera's fixed scene (not counted as evidence).
    public var scenePairs: [KeypointPair]

    public init(id: Int64? = nil, individualID: String, rank: Int, score: Double, verifiedScore: Double, inliers: Int,
                referencePhotoID: Int64?, frameID: Int64? = nil, pairs: [KeypointPair] = [], scenePairs: [KeypointPair] = []) {
        self.frameID = frameID
        self.pairs = pairs
        self.scenePairs = scenePairs
        self.id = id
        self.individualID = individualID
        self.rank = rank
        self.score = score
        self.verifiedScore = verifiedScore
        self.inliers = inliers
        self.referencePhotoID = referencePhotoID
    }
}

/// What a person decided about a photo's proposals.
public enum ReviewDecisionKind: String, Sendable, CaseIterable {
    /// The photo shows the given (proposed or other) catalogued individual.
    case confirmed
    /// The photo shows an individual not yet in the catalog (created with the decision).
    case newIndividual
    /// None of the proposals, identity left open.
    case rejected
    /// Not identifiable (pattern hidden, blurred).
    case unidentifiable
    /// Not the target species after all (e.g. a tiger or a deer the triage took for a leopard).
    case notTarget
}
