import Foundation

/// A fitted Cormack–Jolly–Seber model: real-scale φ and p with logit-Wald intervals, −2 log L, K, AICc.
public struct CJSFit: Sendable {
    /// One estimated real parameter and what it covers.
    public struct Parameter: Sendable, Equatable {
        /// The group level it applies to (`nil` when it is common to all groups).
        public var group: String?
        /// The interval(s) (φ, φ·p) or occasion(s) (p) it covers, e.g. "1981–1982", "all" or "1983".
        public var label: String
        /// Value with SE (delta method) and a Wald interval on the logit scale, back-transformed.
        public var value: Estimate
    }

    public var model: CJSModel
    /// Model name with the group variable spelled out (e.g. `phi(sex)p(.)`).
    public var name: String
    public var logLik: Double
    /// −2 log L (no multinomial constant, as MARK).
    public var minus2LogLik: Double { -2 * logLik }
    /// Identifiable parameters (the confounded last φ and p count once, as their product).
    public var parameterCount: Int
    /// Releases before the last occasion (MARK's effective sample size for AICc).
    public var effectiveSampleSize: Int
    public var aic: Double { -2 * logLik + 2 * Double(parameterCount) }
    /// AICc = AIC + 2K(K+1)/(n_eff − K − 1); infinite when n_eff ≤ K + 1.
    public var aicc: Double {
        let k = Double(parameterCount), n = Double(effectiveSampleSize)
        return n - k - 1 > 0 ? aic + 2 * k * (k + 1) / (n - k - 1) : .infinity
    }
    /// Apparent survival per unit of time (a year for survey data), one per distinct parameter.
    public var phi: [Parameter]
    /// Recapture probability, one per distinct parameter.
    public var p: [Parameter]
    /// The product φ·p of the last interval where φ and p are confounded (empty otherwise). Across a gap of
    /// Δ years the product is φ^Δ·p.
    public var phiP: [Parameter]
    public var animals: Int
    public var occasions: Int
    public var iterations: Int
    /// Link-scale estimates and their covariance (inverse of the negative Hessian).
    public var beta: [Double]
    public var covariance: [[Double]]
}

/// One row of a CJS model-selection table.
public struct CJSModelComparison: Sendable {
    public var model: CJSModel
    public var name: String
    public var outcome: Result<CJSFit, CensusError>
    public var deltaAICc: Double?
    public var weight: Double?

    /// Fits every model and ranks the fitted ones by AICc (weights exp(−Δ/2), normalised); models that
    /// could not be fitted come last with their reason.
    public static func table(data: CJSData, models: [CJSModel]) -> [CJSModelComparison] {
        var rows = models.map { model -> CJSModelComparison in
            let outcome: Result<CJSFit, CensusError>
            do { outcome = .success(try model.fit(data)) } catch let error as CensusError {
                outcome = .failure(error)
            } catch {
                outcome = .failure(.invalidArgument("\(error)"))
            }
            return CJSModelComparison(model: model, name: model.name(group: data.groupName), outcome: outcome,
                                      deltaAICc: nil, weight: nil)
        }
        let fitted = rows.compactMap { try? $0.outcome.get().aicc }.filter(\.isFinite)
        if let best = fitted.min() {
            let total = fitted.reduce(0) { $0 + exp(-($1 - best) / 2) }
            for i in rows.indices {
                guard let a = try? rows[i].outcome.get().aicc, a.isFinite else { continue }
                rows[i].deltaAICc = a - best
                rows[i].weight = exp(-(a - best) / 2) / total
            }
        }
        rows.sort { a, b in
            switch (a.deltaAICc, b.deltaAICc) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            default: return false
            }
        }
        return rows
    }
}
