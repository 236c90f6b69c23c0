import Foundation

extension ClosedPopulation {
    /// Log-likelihood on the link scale: β = [log f0, logit of the model's probabilities].
    static func logLikelihood(_ model: ClosedModel, data: ClosedCaptureData) -> ([Double]) -> Double {
        let n = Double(data.animals), t = Double(data.occasions)
        let f = data.frequencies.map(Double.init)
        let captures = Double(data.totalCaptures)
        let nj = (data.capturesPerOccasion ?? []).map(Double.init)
        // Mb: animal-occasions at risk of first capture, and of recapture.
        var marked = 0.0, firstRisk = 0.0, recaptureRisk = 0.0
        for u in data.firstCapturesPerOccasion ?? [] {
            recaptureRisk += marked
            firstRisk -= marked          // Σ_j (N − M_j) = N·t − Σ M_j
            marked += Double(u)
        }
        let recaptures = captures - n
        return { beta in
            let f0 = exp(beta[0])
            guard f0.isFinite else { return -.infinity }
            let bigN = n + f0
            let front = Numerics.logGamma(bigN + 1) - Numerics.logGamma(f0 + 1)
            func ll(_ k: Double, _ p: Double) -> Double { k == 0 ? 0 : k * log(p) }
            switch model {
            case .m0:
                let p = Numerics.invLogit(beta[1])
                return front + ll(captures, p) + ll(bigN * t - captures, 1 - p)
            case .mt:
                var value = front
                for j in nj.indices {
                    let p = Numerics.invLogit(beta[j + 1])
                    value += ll(nj[j], p) + ll(bigN - nj[j], 1 - p)
                }
                return value
            case .mb:
                let p = Numerics.invLogit(beta[1]), c = Numerics.invLogit(beta[2])
                return front + ll(n, p) + ll(bigN * t + firstRisk - n, 1 - p)
                    + ll(recaptures, c) + ll(recaptureRisk - recaptures, 1 - c)
            case .mh2:
                let w = Numerics.invLogit(beta[1])
                let p1 = Numerics.invLogit(beta[2]), p2 = Numerics.invLogit(beta[3])
                var value = front
                for k in 0...data.occasions {
                    let count = k == 0 ? f0 : f[k - 1]
                    guard count > 0 else { continue }
                    let kk = Double(k)
                    let a = log(w) + kk * log(p1) + (t - kk) * log1p(-p1)
                    let b = log1p(-w) + kk * log(p2) + (t - kk) * log1p(-p2)
                    let m = max(a, b)
                    value += count * (m + log(exp(a - m) + exp(b - m)))
                }
                return value
            case .mhJackknife, .chao:
                return .nan
            }
        }
    }

    /// Starting points for the Newton fit (several for the mixture, whose likelihood is multimodal).
    static func startingValues(_ model: ClosedModel, data: ClosedCaptureData) -> [[Double]] {
        let n = Double(data.animals), t = Double(data.occasions)
        let f0 = max(1, 0.3 * n)
        let p = min(0.9, max(0.01, Double(data.totalCaptures) / (t * (n + f0))))
        let lp = Numerics.logit(p)
        switch model {
        case .m0: return [[log(f0), lp]]
        case .mt:
            let nj = data.capturesPerOccasion ?? []
            return [[log(f0)] + nj.map { Numerics.logit(min(0.95, max(0.02, Double($0) / (n + f0)))) }]
        case .mb: return [[log(f0), lp, lp]]
        case .mh2:
            var starts: [[Double]] = []
            for scale in [0.3, 1.0, 3.0] {
                for (w, ratio) in [(0.5, 0.3), (0.2, 0.2), (0.8, 0.5)] {
                    let p1 = min(0.95, p * 2), p2 = p1 * ratio
                    starts.append([log(max(1, scale * n)), Numerics.logit(w), Numerics.logit(p1), Numerics.logit(p2)])
                }
            }
            return starts
        case .mhJackknife, .chao: return []
        }
    }
}
