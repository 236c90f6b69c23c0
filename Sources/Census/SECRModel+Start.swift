import Foundation

extension SECRModel {
    /// Link-scale starting values [intercept link, log σ] for the detection parameters.
    ///
    /// σ is first guessed from the root pooled spatial variance of each animal's detection locations
    /// (or the detector spacing), then a small grid of (intercept, σ) values is scored by the conditional
    /// likelihood and the best point is used.
    func startingValues(_ ch: CaptureHistories, likelihood: SECRLikelihood) -> [Double] {
        let sigma0 = Self.rpsv(ch) ?? Self.nearestDetectorSpacing(ch.traps) ?? 1
        let intercepts: [Double] = [0.03, 0.1, 0.3]
        let scales: [Double] = [0.5, 1, 1.5, 2.5]
        var best = [0.0, log(sigma0)]
        var bestValue = -Double.infinity
        for a in intercepts {
            for f in scales {
                let beta = [detectionFunction.interceptIsHazard ? log(a) : Numerics.logit(a), log(sigma0 * f)]
                let value = likelihood.conditionalLogLikelihood(detectionLink: beta)
                if value > bestValue {
                    bestValue = value
                    best = beta
                }
            }
        }
        return best
    }

    /// Root pooled spatial variance of detection locations: sqrt(Σ|x − x̄ᵢ|² / (2 Σ(nᵢ − 1))).
    static func rpsv(_ ch: CaptureHistories) -> Double? {
        var sumSquares = 0.0, degrees = 0.0
        for i in 0..<ch.animals {
            var xs: [Double] = [], ys: [Double] = []
            for s in 0..<ch.occasions {
                for k in 0..<ch.detectors {
                    let y = ch[animal: i, occasion: s, detector: k]
                    for _ in 0..<y { xs.append(ch.traps.x[k]); ys.append(ch.traps.y[k]) }
                }
            }
            guard xs.count > 1 else { continue }
            let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
            for j in xs.indices { sumSquares += (xs[j] - mx) * (xs[j] - mx) + (ys[j] - my) * (ys[j] - my) }
            degrees += Double(xs.count - 1)
        }
        guard degrees > 0, sumSquares > 0 else { return nil }
        return (sumSquares / (2 * degrees)).squareRoot()
    }

    /// Median distance from each detector to its nearest neighbour.
    static func nearestDetectorSpacing(_ traps: TrapLayout) -> Double? {
        guard traps.count > 1 else { return nil }
        var nearest: [Double] = []
        for k in 0..<traps.count {
            var best = Double.infinity
            for j in 0..<traps.count where j != k {
                let dx = traps.x[k] - traps.x[j], dy = traps.y[k] - traps.y[j]
                best = min(best, (dx * dx + dy * dy).squareRoot())
            }
            if best > 0, best.isFinite { nearest.append(best) }
        }
        guard !nearest.isEmpty else { return nil }
        return nearest.sorted()[nearest.count / 2]
    }
}
