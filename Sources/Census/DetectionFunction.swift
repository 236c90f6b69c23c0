import Foundation

/// Detection functions of distance from the activity centre (secr's `detectfn`).
public enum DetectionFunction: String, Sendable, CaseIterable, Codable {
    /// Half-normal probability g = g0·exp(−d²/2σ²); hazard h = −log(1 − g).
    case halfNormal = "hn"
    /// Hazard half-normal h = λ0·exp(−d²/2σ²); g = 1 − e^(−h).
    case hazardHalfNormal = "hhn"
    /// Negative exponential probability g = g0·exp(−d/σ); hazard h = −log(1 − g).
    case exponential = "ex"

    /// Whether the intercept is a hazard (λ0, log link) rather than a probability (g0, logit link).
    public var interceptIsHazard: Bool { self == .hazardHalfNormal }

    /// Name of the intercept parameter: `"g0"` or `"lambda0"`.
    public var interceptName: String { interceptIsHazard ? "lambda0" : "g0" }

    /// Hazard at squared distance `d2` for intercept `a` (g0 or λ0) and scale `sigma`.
    @inline(__always)
    func hazard(d2: Double, intercept a: Double, sigma: Double) -> Double {
        switch self {
        case .halfNormal:
            return -log1p(-a * exp(-d2 / (2 * sigma * sigma)))
        case .hazardHalfNormal:
            return a * exp(-d2 / (2 * sigma * sigma))
        case .exponential:
            return -log1p(-a * exp(-d2.squareRoot() / sigma))
        }
    }
}
