import Foundation

/// Where a flank side came from.
public enum FlankSource: String, Sendable, Codable, CaseIterable {
    /// A person said so (`--side`, a tag, a reviewer's correction): always wins.
    case person
    /// The animal's direction of travel across the burst.
    case travel
    /// The chip's head-end model.
    case chip
    /// Nothing could tell.
    case none
}

/// A flank side with how sure it is and what said so.
///
/// `rightProbability` is the estimator's belief that the photo shows the animal's RIGHT flank (heading towards
/// the image's right edge); `confidence` is `|2p − 1|`; `side` is `unknown` when the confidence is below the
/// threshold the estimate was made with (such a photo is compared with both flanks).
public struct FlankEstimate: Sendable, Equatable {
    public var side: FlankSide
    public var confidence: Double
    public var source: FlankSource
    public var rightProbability: Double

    /// An estimate from a probability of the right flank, decided when its confidence reaches `threshold`.
    public init(rightProbability p: Double, source: FlankSource, threshold: Double) {
        let q = min(1, max(0, p.isFinite ? p : 0.5))
        rightProbability = q
        confidence = abs(2 * q - 1)
        self.source = source
        side = confidence >= threshold && confidence > 0 ? (q > 0.5 ? .right : .left) : .unknown
    }

    /// What a person said: certain, and `unknown` stays unknown.
    public static func person(_ side: FlankSide) -> FlankEstimate {
        var e = FlankEstimate(rightProbability: side == .right ? 1 : side == .left ? 0 : 0.5, source: .person, threshold: 0)
        e.side = side
        e.confidence = side == .unknown ? 0 : 1
        return e
    }

    /// Nothing to go on.
    public static let none = FlankEstimate(rightProbability: 0.5, source: .none, threshold: 1)

    /// The estimate's evidence as a log-odds of the right flank (clamped to ±12).
    public var logOdds: Double {
        let p = min(1 - 1e-6, max(1e-6, rightProbability))
        return log(p / (1 - p))
    }
}
