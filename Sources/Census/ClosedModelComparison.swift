import Foundation

/// One row of an AIC table of closed-population models.
public struct ClosedModelComparison: Sendable {
    /// The model.
    public var model: ClosedModel
    /// The fit, or why the model could not be fitted.
    public var outcome: Result<ClosedFit, CensusError>
    /// AIC − min AIC among likelihood models (nil for the jackknife, Chao and failed fits).
    public var deltaAIC: Double?
    /// Akaike weight exp(−ΔAIC/2) / Σ exp(−ΔAIC/2).
    public var weight: Double?

    /// Fits every model that the data allow (Mt and Mb only with histories) and ranks the likelihood
    /// models by AIC; the jackknife and Chao's estimator follow without AIC.
    public static func table(data: ClosedCaptureData, interval: ClosedInterval = .chao1987,
                             confidenceLevel: Double = 0.95) -> [ClosedModelComparison] {
        let models = ClosedModel.allCases.filter { !$0.needsHistories || data.histories != nil }
        var rows = models.map { model -> ClosedModelComparison in
            let outcome: Result<ClosedFit, CensusError>
            do {
                outcome = .success(try ClosedPopulation.fit(model: model, data: data, interval: interval,
                                                            confidenceLevel: confidenceLevel))
            } catch let error as CensusError {
                outcome = .failure(error)
            } catch {
                outcome = .failure(.invalidArgument(error.localizedDescription))
            }
            return ClosedModelComparison(model: model, outcome: outcome, deltaAIC: nil, weight: nil)
        }
        let aics: [Double] = rows.compactMap { (try? $0.outcome.get())?.aic }
        if let best = aics.min() {
            let total = aics.reduce(0) { $0 + exp(-($1 - best) / 2) }
            for i in rows.indices {
                if let aic: Double = (try? rows[i].outcome.get())?.aic {
                    rows[i].deltaAIC = aic - best
                    rows[i].weight = exp(-(aic - best) / 2) / total
                }
            }
        }
        return rows.sorted { lhs, rhs in
            switch (lhs.deltaAIC, rhs.deltaAIC) {
            case let (l?, r?): return l < r
            case (.some, nil): return true
            default: return false
            }
        }
    }
}
