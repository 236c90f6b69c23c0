import Foundation

/// Fuses the local-feature ranking with the global descriptor's similarity by a calibrated rule.
///
/// Each source is mapped to the log-odds that the query shows the candidate individual, by a Platt
/// (logistic) calibration fitted on the gallery itself (see `DescriptorRanker.calibrate`):
/// - local: features log(1 + verified score) and log(1 + LNBNN score) of the candidate (both 0 when it got
///   no votes);
/// - global: the cosine similarity of the query to the individual's best allowed photo.
/// Assuming the two independent given the label, the fused log-odds is local + global − prior (the prior
/// log-odds of the calibration sample, counted once). Candidates are re-ranked by it; individuals with only
/// global evidence enter the list (with zero local scores and their best photo as `bestEntryKey`). Ties keep the
/// local order, then the individual ID.
public struct DescriptorFusion: Sendable, Equatable {
    /// One labelled pair of the calibration sample.
    public struct Sample: Sendable, Equatable {
        public var verified: Double
        public var score: Double
        /// Nil when the individual has no embedded photo for this query.
        public var similarity: Double?
        public var same: Bool

        public init(verified: Double, score: Double, similarity: Double?, same: Bool) {
            self.verified = verified
            self.score = score
            self.similarity = similarity
            self.same = same
        }
    }

    public var local: PlattCalibration
    public var global: PlattCalibration
    /// Log-odds of "same individual" in the sample, before any evidence.
    public var prior: Double
    /// Pairs the calibration was fitted on (same, different).
    public var sampleCounts: (same: Int, different: Int) { (sameCount, differentCount) }
    private var sameCount = 0, differentCount = 0

    public init(local: PlattCalibration, global: PlattCalibration, prior: Double) {
        self.local = local
        self.global = global
        self.prior = prior
    }

    /// The calibration on `samples`; nil unless it holds both same- and different-individual pairs.
    public static func fit(_ samples: [Sample]) -> DescriptorFusion? {
        let same = samples.filter(\.same).count
        guard same > 0, same < samples.count else { return nil }
        let local = PlattCalibration.fit(features: samples.map(localFeatures), labels: samples.map(\.same))
        let withGlobal = samples.filter { $0.similarity != nil }
        let global = PlattCalibration.fit(features: withGlobal.map { [$0.similarity!] }, labels: withGlobal.map(\.same))
        var fusion = DescriptorFusion(local: local, global: global,
                                      prior: log((Double(same) + 1) / (Double(samples.count - same) + 1)))
        fusion.sameCount = same
        fusion.differentCount = samples.count - same
        return fusion
    }

    static func localFeatures(_ s: Sample) -> [Double] { [log1p(max(0, s.verified)), log1p(max(0, s.score))] }

    /// The fused log-odds for one candidate's local scores and global similarity (nil: no global evidence).
    public func logOdds(verified: Double, score: Double, similarity: Double?) -> Double {
        let l = local.logOdds(Self.localFeatures(Sample(verified: verified, score: score, similarity: nil, same: false)))
        guard let similarity else { return l }
        return l + global.logOdds([similarity]) - prior
    }

    /// `candidates` (a local ranking, best first) re-ranked with the global matches of the same query.
    public func rerank(_ candidates: [Candidate], matches: [String: GlobalGallery.Match]) -> [Candidate] {
        var pool = candidates
        let present = Set(candidates.map(\.individualID))
        for (id, match) in matches.sorted(by: { $0.key < $1.key }) where !present.contains(id) {
            pool.append(Candidate(individualID: id, score: 0, verifiedScore: 0, inliers: 0, bestEntryKey: match.entryKey))
        }
        let scored = pool.enumerated().map { position, c in
            (c, position, logOdds(verified: c.verifiedScore, score: c.score, similarity: matches[c.individualID]?.similarity))
        }
        return scored.sorted {
            if $0.2 != $1.2 { return $0.2 > $1.2 }
            if $0.1 != $1.1 { return $0.1 < $1.1 }
            return $0.0.individualID < $1.0.individualID
        }.map(\.0)
    }

    public static func == (a: DescriptorFusion, b: DescriptorFusion) -> Bool {
        a.local == b.local && a.global == b.global && a.prior == b.prior
    }
}
