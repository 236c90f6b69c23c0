import Foundation
import Store

/// One chip to rank against a catalog gallery: its features, which gallery photos it may meet, and its camera.
///
/// An encounter's frames are queries (`EncounterMatcher.rank(_:)`); so are a partner individual's reference chips
/// (features shipped in the partner package, no photo needed).
public struct MatchQuery: Sendable {
    /// The frame the chip was cut from (nil for a chip without a frame in this survey).
    public var frameID: Int64?
    /// What to name in a problem message (the photo's path, the partner chip's ID).
    public var label: String
    public var features: FeatureSet
    public var filter: QueryFilter
    /// The chip's camera, for scene suppression (nil: none).
    public var camera: String?

    public init(frameID: Int64? = nil, label: String, features: FeatureSet, filter: QueryFilter, camera: String? = nil) {
        self.frameID = frameID
        self.label = label
        self.features = features
        self.filter = filter
        self.camera = camera
    }
}

extension EncounterMatcher {
    /// Ranks the catalog's individuals over several query chips: each chip is ranked against the gallery, and per
    /// individual the verified and LNBNN scores are summed; the proposal keeps the query with the most inliers,
    /// its best reference photo and keypoint pairs. The `top` best (at least one), by summed verified score.
    public static func rank(_ queries: [MatchQuery], in gallery: CatalogGallery, top: Int) -> (proposals: [MatchProposal], problems: [String]) {
        var fused: [String: FusedEvidence] = [:]
        var problems: [String] = []
        guard let g = gallery.gallery else { return ([], []) }
        for query in queries where query.features.count > 0 {
            let candidates: [Candidate]
            do { candidates = try g.rank(query.features, filter: query.filter, camera: query.camera) } catch {
                problems.append("\(query.label): \(error)")
                continue
            }
            FusedEvidence.absorb(candidates, frame: query.frameID, into: &fused)
        }
        let ordered = fused.sorted {
            if $0.value.verified != $1.value.verified { return $0.value.verified > $1.value.verified }
            if $0.value.score != $1.value.score { return $0.value.score > $1.value.score }
            return $0.key < $1.key
        }
        let proposals = ordered.prefix(max(1, top)).enumerated().map { i, item in
            item.value.proposal(individualID: item.key, rank: i + 1, gallery: gallery)
        }
        return (proposals, problems)
    }
}
