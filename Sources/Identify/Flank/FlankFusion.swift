import Foundation

/// One flank side per encounter from what a person said, the direction of travel and the chips.
///
/// A person's side always wins. Otherwise the travel and chip estimates are independent pieces of evidence:
/// their log-odds of the right flank add (naive Bayes), and the sum's probability is decided at `threshold`;
/// the source named is the estimate that contributed the larger part of the evidence. Below the threshold
/// the side is `unknown` (compared with both flanks).
public struct FlankFusion: Sendable {
    /// Least confidence of the fused side.
    public var threshold = 0.5

    public init() {}

    /// The encounter's side.
    public func fuse(person: FlankSide = .unknown, travel: FlankEstimate?, chip: FlankEstimate?) -> FlankEstimate {
        if person != .unknown { return .person(person) }
        let parts = [travel, chip].compactMap { $0 }.filter { $0.source != .none && $0.confidence > 0 }
        guard !parts.isEmpty else { return .none }
        let total = parts.reduce(0) { $0 + $1.logOdds }
        let strongest = parts.max { abs($0.logOdds) < abs($1.logOdds) }!
        return FlankEstimate(rightProbability: 1 / (1 + exp(-total)), source: strongest.source, threshold: threshold)
    }
}
