import Foundation

/// A log-linear trend through yearly estimates (e.g. SECR densities): log D̂_t = a + b·(t − t₀), fitted by
/// weighted least squares with weights 1/var(log D̂_t); λ = exp(b) is the finite rate of change per year.
///
/// var(log D̂_t) comes from the estimate's interval when it has one, ((log ucl − log lcl) / 2z)² (exact for
/// the Wald-on-log intervals SECR reports), else from its SE as log(1 + (SE/D̂)²) (≈ (SE/D̂)², the
/// log-normal form). The CI of λ is exp(b ± c·se(b)):
/// - 3 or more years: se(b)² = max(1, s²) / Σw(t − t̄)², s² the weighted residual mean square on n − 2 df (so
///   year-to-year scatter beyond the sampling errors widens the interval, and it is never narrower than the
///   sampling errors alone imply), and c the Student t quantile with n − 2 df.
/// - 2 years: the line goes through both points; se(b)² = (v₁ + v₂)/Δt² (the delta method for the ratio
///   (D̂₂/D̂₁)^(1/Δt)), and c the normal quantile.
/// Fewer than 2 years is an error.
public struct PopulationTrend: Sendable {
    /// One year's estimate as used by the fit.
    public struct Point: Sendable, Equatable {
        public var year: Int
        public var estimate: Estimate
        /// var(log D̂) used for the weight.
        public var logVariance: Double
    }

    /// Which interval rule applied.
    public enum IntervalRule: String, Sendable {
        case studentT = "t"
        case normal = "z"
    }

    public var points: [Point]
    /// First year (t₀): the intercept `a` is log D at t₀.
    public var referenceYear: Int
    public var intercept: Double
    public var slope: Double
    public var slopeSE: Double
    /// Weighted residual mean square s² (nan with 2 years).
    public var residualScale: Double
    public var degreesOfFreedom: Int
    public var rule: IntervalRule
    public var criticalValue: Double
    public var confidenceLevel: Double
    /// λ = exp(b) with SE exp(b)·se(b) and the interval exp(b ± c·se(b)).
    public var lambda: Estimate

    /// Fits the trend. `intervalLevel` is the confidence level of the points' own intervals (for their
    /// log variance); `confidenceLevel` that of λ's interval.
    public init(points input: [(year: Int, estimate: Estimate)], confidenceLevel: Double = 0.95,
                intervalLevel: Double = 0.95) throws {
        let years = input.map(\.year)
        guard Set(years).count == years.count else {
            throw CensusError.invalidArgument("trend: year \(years.first { y in years.filter { $0 == y }.count > 1 }!) appears twice")
        }
        guard input.count >= 2 else {
            throw CensusError.invalidArgument("trend: need estimates for at least 2 years (got \(input.count))")
        }
        let zPoints = Numerics.criticalValue(level: intervalLevel)
        var points: [Point] = []
        for (year, e) in input.sorted(by: { $0.year < $1.year }) {
            guard e.estimate > 0, e.estimate.isFinite else {
                throw CensusError.invalidArgument("trend: the estimate for \(year) is \(e.estimate); a log-linear trend needs positive estimates")
            }
            let v: Double
            if e.lcl > 0, e.ucl > e.lcl, e.ucl.isFinite {
                v = pow(log(e.ucl / e.lcl) / (2 * zPoints), 2)
            } else if e.se > 0, e.se.isFinite {
                v = log1p(pow(e.se / e.estimate, 2))
            } else {
                throw CensusError.invalidArgument("trend: the estimate for \(year) has neither a positive SE nor a confidence interval")
            }
            points.append(Point(year: year, estimate: e, logVariance: v))
        }
        let t0 = points[0].year
        let x = points.map { Double($0.year - t0) }, y = points.map { log($0.estimate.estimate) }
        let w = points.map { 1 / $0.logVariance }
        let sw = w.reduce(0, +)
        let xbar = zip(w, x).reduce(0) { $0 + $1.0 * $1.1 } / sw
        let ybar = zip(w, y).reduce(0) { $0 + $1.0 * $1.1 } / sw
        var sxx = 0.0, sxy = 0.0
        for i in points.indices {
            sxx += w[i] * (x[i] - xbar) * (x[i] - xbar)
            sxy += w[i] * (x[i] - xbar) * (y[i] - ybar)
        }
        let b = sxy / sxx, a = ybar - b * xbar
        let n = points.count
        var s2 = Double.nan, se: Double, c: Double, rule: IntervalRule
        if n >= 3 {
            var rss = 0.0
            for i in points.indices { rss += w[i] * pow(y[i] - a - b * x[i], 2) }
            s2 = rss / Double(n - 2)
            se = (max(1, s2) / sxx).squareRoot()
            c = Numerics.studentTQuantile(1 - (1 - confidenceLevel) / 2, df: Double(n - 2))
            rule = .studentT
        } else {
            se = (1 / sxx).squareRoot()
            c = Numerics.criticalValue(level: confidenceLevel)
            rule = .normal
        }
        self.points = points
        self.referenceYear = t0
        self.intercept = a
        self.slope = b
        self.slopeSE = se
        self.residualScale = s2
        self.degreesOfFreedom = max(0, n - 2)
        self.rule = rule
        self.criticalValue = c
        self.confidenceLevel = confidenceLevel
        self.lambda = Estimate(estimate: exp(b), se: exp(b) * se, lcl: exp(b - c * se), ucl: exp(b + c * se))
    }

    /// The fitted trend at a (possibly fractional) year, on the estimates' scale.
    public func fitted(year: Double) -> Double {
        exp(intercept + slope * (year - Double(referenceYear)))
    }

    /// One line on how λ's interval was computed.
    public var intervalSummary: String {
        switch rule {
        case .studentT:
            return String(format: "WLS on log D̂ (weights 1/var(log D̂)); CI exp(b ± t·se(b)), t = %.4f on %d df; "
                          + "se(b) scaled by max(1, s²), s² = %.3f", criticalValue, degreesOfFreedom, residualScale)
        case .normal:
            return String(format: "two years: λ = (D̂₂/D̂₁)^(1/Δt); CI exp(b ± z·se(b)), z = %.4f, "
                          + "se(b)² = (v₁ + v₂)/Δt² (delta method)", criticalValue)
        }
    }
}
