import Foundation
import Store

/// Ranks a partner catalog's individuals against ours: each partner individual's reference chips are the queries
/// (their features as the package shipped them, no re-extraction), each against the reference photos of the same
/// flank side (unknown against both), evidence summed per individual by `EncounterMatcher.rank(_:in:top:)`.
public struct PartnerMatcher {
    /// One partner individual's ranking.
    public struct Outcome: Sendable {
        public var partnerID: String
        public var chips: Int
        public var matches: [CrossMatch]
        /// Chips that could not be used, as messages naming the chip.
        public var problems: [String]
    }

    public let gallery: CatalogGallery
    public var top: Int

    public init(gallery: CatalogGallery, top: Int = 5) {
        self.gallery = gallery
        self.top = top
    }

    /// Ranks every partner individual that has chips, by partner ID. `excluded` pairs (partner ID → our IDs set
    /// apart earlier) are left out of the ranking before the top is taken.
    public func rank(partner: String, chips: [PartnerChip], excluded: [String: Set<String>] = [:]) -> [Outcome] {
        let byIndividual = Dictionary(grouping: chips, by: \.partnerID)
        return byIndividual.keys.sorted().map { partnerID in
            var problems: [String] = []
            var queries: [MatchQuery] = []
            for chip in byIndividual[partnerID] ?? [] {
                guard let features = FeatureSet(binary: [UInt8](chip.features)) else {
                    problems.append("\(PartnerNamespace.qualified(partner, partnerID)) chip \(chip.chipID): unreadable features")
                    continue
                }
                // The partner's chips are of no encounter of ours: nothing is excluded but the other flank.
                queries.append(MatchQuery(label: "\(PartnerNamespace.qualified(partner, partnerID)) chip \(chip.chipID)", features: features,
                                          filter: QueryFilter(side: FlankSide(text: chip.side))))
            }
            let skip = excluded[partnerID] ?? []
            let ranked = EncounterMatcher.rank(queries, in: gallery, top: top + skip.count)
            let kept = ranked.proposals.filter { !skip.contains($0.individualID) }.prefix(max(1, top))
            let matches = kept.enumerated().map { i, p in
                CrossMatch(partner: partner, partnerID: partnerID, individualID: p.individualID, rank: i + 1, score: p.verifiedScore,
                           inliers: p.inliers)
            }
            return Outcome(partnerID: partnerID, chips: queries.count, matches: matches, problems: problems + ranked.problems)
        }
    }
}
