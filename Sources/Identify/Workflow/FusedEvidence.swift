import Foundation
import Store

/// One individual's evidence summed over several query chips (an encounter's frames, a partner's chips).
///
/// Verified and LNBNN scores add up; the proposal keeps the query whose match had the most inliers, with its
/// best reference photo and keypoint pairs.
struct FusedEvidence {
    var score = 0.0
    var verified = 0.0
    var inliers = 0
    /// The frame of the query with the most inliers.
    var frame: Int64?
    var candidate: Candidate?

    /// Adds one query's candidate for this individual.
    mutating func absorb(_ c: Candidate, frame: Int64?) {
        score += c.score
        verified += c.verifiedScore
        if candidate == nil || c.inliers > inliers {
            inliers = c.inliers
            self.frame = frame
            candidate = c
        }
    }

    /// Each candidate of `candidates` absorbed into its individual's evidence in `fused`.
    static func absorb(_ candidates: [Candidate], frame: Int64?, into fused: inout [String: FusedEvidence]) {
        for c in candidates { fused[c.individualID, default: FusedEvidence()].absorb(c, frame: frame) }
    }

    /// The proposal at `rank` for `individualID`, its reference photo looked up in `gallery`.
    func proposal(individualID: String, rank: Int, gallery: CatalogGallery) -> MatchProposal {
        MatchProposal(individualID: individualID, rank: rank, score: score, verifiedScore: verified, inliers: inliers,
                      referencePhotoID: candidate?.bestEntryKey.flatMap { gallery.referenceOf[$0]?.id },
                      frameID: frame, pairs: candidate?.matches ?? [], scenePairs: candidate?.scenePairs ?? [])
    }
}
