import Foundation

/// A point estimate with its standard error and confidence limits.
public struct Estimate: Sendable, Codable, Equatable {
    /// Point estimate on the natural scale.
    public var estimate: Double
    /// Standard error on the natural scale (`nan` when the covariance could not be obtained).
    public var se: Double
    /// Lower confidence limit.
    public var lcl: Double
    /// Upper confidence limit.
    public var ucl: Double

    /// Creates an estimate.
    public init(estimate: Double, se: Double, lcl: Double, ucl: Double) {
        self.estimate = estimate
        self.se = se
        self.lcl = lcl
        self.ucl = ucl
    }

    /// Wald interval on a log link, back-transformed; real-scale SE as secr computes it for the log link,
    /// exp(β)·sqrt(exp(SE(β)²) − 1) (the log-normal moment form of the delta method; ≈ exp(β)·SE(β)).
    static func logLink(beta: Double, seBeta: Double, z: Double) -> Estimate {
        let value = exp(beta)
        return Estimate(estimate: value, se: value * expm1(seBeta * seBeta).squareRoot(),
                        lcl: exp(beta - z * seBeta), ucl: exp(beta + z * seBeta))
    }

    /// Wald interval on a logit link, back-transformed; SE by the delta method (SE = p(1−p) × SE(logit)).
    static func logitLink(beta: Double, seBeta: Double, z: Double) -> Estimate {
        let value = Numerics.invLogit(beta)
        return Estimate(estimate: value, se: value * (1 - value) * seBeta,
                        lcl: Numerics.invLogit(beta - z * seBeta), ucl: Numerics.invLogit(beta + z * seBeta))
    }

    /// Log-normal interval from an estimate and its SE (secr's `derived()` and Chao 1987):
    /// value / C … value × C with C = exp(z·sqrt(log(1 + SE²/value²))).
    static func logNormal(estimate value: Double, se: Double, z: Double) -> Estimate {
        let c = exp(z * log1p(se * se / (value * value)).squareRoot())
        return Estimate(estimate: value, se: se, lcl: value / c, ucl: value * c)
    }
}
