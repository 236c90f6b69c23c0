import Foundation

/// The result of a maximum-likelihood SECR fit.
///
/// Density is in animals per hectare. For a conditional-likelihood fit it is the derived Horvitz–Thompson
/// estimate D̂ = n / a(θ̂) (a = effective sampling area), with variance n/a² + gᵀVg and a log-normal
/// interval, as secr's `derived()` does; otherwise it is the fitted parameter with a Wald interval on the
/// log scale. Detection parameters have Wald intervals on their link scale, back-transformed, and SEs by
/// the delta method.
public struct SECRFit: Sendable {
    /// The model that was fitted.
    public var model: SECRModel
    /// Maximised log-likelihood (including secr's multinomial constant).
    public var logLik: Double
    /// Number of estimated parameters (3 full, 2 conditional).
    public var parameterCount: Int
    /// Akaike's information criterion, −2 logLik + 2K.
    public var aic: Double
    /// Small-sample AIC, AIC + 2K(K+1)/(n−K−1), with n the number of animals.
    public var aicc: Double
    /// Density, animals per hectare (derived for conditional fits).
    public var density: Estimate
    /// g0 (hn, ex) or λ0 (hhn).
    public var intercept: Estimate
    /// Spatial scale σ in metres.
    public var sigma: Estimate
    /// Effective sampling area a(θ̂) in hectares.
    public var effectiveArea: Double
    /// Number of animals detected.
    public var animals: Int
    /// Number of detections.
    public var detections: Int
    /// Number of mask points.
    public var maskPoints: Int
    /// Mask area in hectares.
    public var maskAreaHectares: Double
    /// Mask spacing in metres.
    public var maskSpacing: Double
    /// Whether the optimiser converged (fits that do not converge are thrown as errors).
    public var converged: Bool
    /// Newton iterations used.
    public var iterations: Int
    /// Link-scale estimates: [log D,] logit g0 | log λ0, log σ.
    public var linkEstimates: [Double]
    /// Covariance of the link-scale estimates (inverse of the negative Hessian).
    public var linkCovariance: [[Double]]

    /// Density in animals per 100 km² (1 ha = 0.01 km², so × 10 000).
    public var densityPer100SquareKilometres: Estimate {
        Estimate(estimate: density.estimate * 10_000, se: density.se * 10_000,
                 lcl: density.lcl * 10_000, ucl: density.ucl * 10_000)
    }
}
