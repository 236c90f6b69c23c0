import Foundation

/// A named estimate such as `p`, `c`, `pi`, `p1`.
public struct NamedEstimate: Sendable, Equatable, Codable {
    /// Parameter name.
    public var name: String
    /// The estimate with SE and interval (Wald on the logit scale for probabilities).
    public var value: Estimate

    /// Creates a named estimate.
    public init(name: String, value: Estimate) {
        self.name = name
        self.value = value
    }
}

/// The result of fitting a closed-population model.
public struct ClosedFit: Sendable, Equatable {
    /// The model.
    public var model: ClosedModel
    /// Population size N̂ with SE and interval (see ``interval``).
    public var population: Estimate
    /// Capture (and recapture, mixture) probabilities; for Mt one `p` per occasion, named `p1`…`pt`.
    public var parameters: [NamedEstimate]
    /// Maximised log-likelihood (likelihood models): log N!/(N−Mt+1)! + Σ log Pr(histories), as in MARK and wiqid.
    public var logLik: Double?
    /// Number of estimated parameters (likelihood models).
    public var parameterCount: Int?
    /// AIC = −2 logLik + 2K (likelihood models).
    public var aic: Double?
    /// Animals caught, Mt+1.
    public var animals: Int
    /// Number of occasions.
    public var occasions: Int
    /// Interval convention used for N̂.
    public var interval: ClosedInterval
    /// Extra information, e.g. the jackknife orders used.
    public var note: String?
}
