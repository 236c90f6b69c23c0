import Foundation

/// Closed-population models of Otis et al. (1978) and non-likelihood estimators of N.
public enum ClosedModel: String, Sendable, CaseIterable, Codable {
    /// Constant capture probability p.
    case m0 = "M0"
    /// Capture probability varying by occasion, p_j.
    case mt = "Mt"
    /// Behavioural response: p before first capture, c after.
    case mb = "Mb"
    /// Heterogeneity as a two-point finite mixture (π, p1, p2).
    case mh2 = "Mh2"
    /// Heterogeneity: Burnham–Overton jackknife with CAPTURE's order selection and interpolation.
    case mhJackknife = "Mhjk"
    /// Chao's (1987) lower bound N = Mt+1 + f1²/(2 f2).
    case chao = "chao"

    /// Whether the model is fitted by maximum likelihood (and so has an AIC).
    public var hasLikelihood: Bool { [.m0, .mt, .mb, .mh2].contains(self) }

    /// Whether the model needs full histories rather than capture frequencies.
    public var needsHistories: Bool { self == .mt || self == .mb }
}

/// Confidence-interval conventions for N̂, both log-normal on the number never caught f0 = N̂ − Mt+1.
///
/// The default is ``chao1987`` (MARK, CAPTURE), used for every estimator, with var(N̂) from the observed
/// information for likelihood models; the jackknife and Chao's estimator always use it with their own SEs.
public enum ClosedInterval: String, Sendable, CaseIterable, Codable {
    /// Chao (1987), as in MARK: Mt+1 + f0/C … Mt+1 + f0·C, C = exp(z·sqrt(log(1 + var(N̂)/f0²))). The default.
    case chao1987 = "chao1987"
    /// Wald interval for log f0 from the observed information, back-transformed:
    /// Mt+1 + exp(log f0 ± z·SE(log f0)), SE(log f0) = SE(N̂)/f0 (wiqid's convention).
    case logF0Wald = "log-f0-wald"

    /// Human-readable description for tables.
    public var summary: String {
        switch self {
        case .logF0Wald: "Wald on log(f0), f0 = N − Mt+1 (wiqid)"
        case .chao1987: "log-normal on f0 = N − Mt+1, Chao (1987) (MARK)"
        }
    }
}
