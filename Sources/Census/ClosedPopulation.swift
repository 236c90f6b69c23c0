import Foundation

/// Estimators of population size for closed populations (Otis et al. 1978; Chao 1987).
///
/// Likelihood models (M0, Mt, Mb, Mh2) maximise log N!/(N−Mt+1)! + Σ_histories log Pr(ω) over a continuous N
/// (parameterised as log f0, f0 = N − Mt+1) and logit probabilities; SEs come from the observed information
/// (numerical Hessian on those link scales). Intervals for N follow ``ClosedInterval``; probabilities get
/// Wald intervals on the logit scale.
public enum ClosedPopulation {
    /// Fits one model.
    ///
    /// - Throws: ``CensusError/noRecaptures(model:reason:)`` when no animal was caught twice,
    ///   ``CensusError/invalidArgument(_:)`` when Mt or Mb is asked for without histories,
    ///   ``CensusError/notConverged(model:iterations:reason:)`` when the likelihood has no interior maximum.
    public static func fit(model: ClosedModel, data: ClosedCaptureData, interval: ClosedInterval = .chao1987,
                           confidenceLevel: Double = 0.95) throws -> ClosedFit {
        guard data.animals > 0 else {
            throw CensusError.noRecaptures(model: model.rawValue, reason: "no animals were caught")
        }
        guard data.recapturedAnimals > 0 else {
            throw CensusError.noRecaptures(model: model.rawValue, reason:
                "no animal was caught more than once, so capture probability and N cannot be separated (N̂ would be infinite)")
        }
        if model.needsHistories, data.histories == nil {
            throw CensusError.invalidArgument(
                "model \(model.rawValue) needs capture histories, not only capture frequencies")
        }
        let z = Numerics.criticalValue(level: confidenceLevel)
        switch model {
        case .mhJackknife: return jackknife(data, z: z)
        case .chao: return try chaoLowerBound(data, z: z)
        default: return try likelihoodFit(model, data: data, interval: interval, z: z)
        }
    }

    /// Fits a likelihood model and builds the estimates.
    static func likelihoodFit(_ model: ClosedModel, data: ClosedCaptureData, interval: ClosedInterval,
                              z: Double) throws -> ClosedFit {
        let n = Double(data.animals)
        let objective = logLikelihood(model, data: data)
        var best: NewtonMaximizer.Result?
        for start in startingValues(model, data: data) {
            let result = NewtonMaximizer(maxIterations: 200, h: 1e-4).maximize(start: start, objective)
            if result.converged, result.value > (best?.value ?? -.infinity) { best = result }
        }
        guard let result = best else {
            throw CensusError.notConverged(model: model.rawValue, iterations: 200,
                                           reason: "no interior maximum of the likelihood was found (N̂ may be unbounded)")
        }
        guard let covariance = Numerics.inverseSPD(result.hessian.map { $0.map { -$0 } }) else {
            throw CensusError.notConverged(model: model.rawValue, iterations: result.iterations,
                                           reason: "the Hessian is not negative definite at the estimate")
        }
        var beta = result.beta
        var cov = covariance
        if model == .mh2, beta[2] < beta[3] {   // label the mixture so that p1 ≥ p2
            beta = [beta[0], -beta[1], beta[3], beta[2]]
            let order = [0, 1, 3, 2], sign = [1.0, -1, 1, 1]
            cov = order.indices.map { i in order.indices.map { j in sign[i] * sign[j] * covariance[order[i]][order[j]] } }
        }
        let se = cov.indices.map { cov[$0][$0].squareRoot() }
        let f0 = exp(beta[0]), seLogF0 = se[0]
        let population: Estimate
        switch interval {
        case .logF0Wald:
            population = Estimate(estimate: n + f0, se: f0 * seLogF0,
                                  lcl: n + exp(beta[0] - z * seLogF0), ucl: n + exp(beta[0] + z * seLogF0))
        case .chao1987:
            population = chaoInterval(animals: n, estimate: n + f0, se: f0 * seLogF0, z: z)
        }
        let names = parameterNames(model, occasions: data.occasions)
        let parameters = names.indices.map { j in
            NamedEstimate(name: names[j], value: Estimate.logitLink(beta: beta[j + 1], seBeta: se[j + 1], z: z))
        }
        let k = beta.count
        return ClosedFit(model: model, population: population, parameters: parameters, logLik: result.value,
                         parameterCount: k, aic: -2 * result.value + 2 * Double(k), animals: data.animals,
                         occasions: data.occasions, interval: interval,
                         note: f0 < 1e-3 ? "f0 → 0: N̂ is at its lower bound Mt+1, so its SE and interval are not informative" : nil)
    }

    /// Chao (1987) log-normal interval on f0 = N̂ − Mt+1.
    static func chaoInterval(animals n: Double, estimate: Double, se: Double, z: Double) -> Estimate {
        let f0 = estimate - n
        guard f0 > 0, se > 0 else { return Estimate(estimate: estimate, se: se, lcl: estimate, ucl: estimate) }
        let c = exp(z * log1p(se * se / (f0 * f0)).squareRoot())
        return Estimate(estimate: estimate, se: se, lcl: n + f0 / c, ucl: n + f0 * c)
    }

    static func parameterNames(_ model: ClosedModel, occasions t: Int) -> [String] {
        switch model {
        case .m0: ["p"]
        case .mt: (1...t).map { "p\($0)" }
        case .mb: ["p", "c"]
        case .mh2: ["pi", "p1", "p2"]
        case .mhJackknife, .chao: []
        }
    }
}
