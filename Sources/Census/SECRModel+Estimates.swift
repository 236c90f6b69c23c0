import Foundation

extension SECRModel {
    /// Builds the reported estimates from the optimiser result and link-scale covariance.
    func makeFit(_ result: NewtonMaximizer.Result, covariance: [[Double]], likelihood: SECRLikelihood,
                 histories: CaptureHistories, mask: HabitatMask) -> SECRFit {
        let z = Numerics.criticalValue(level: confidenceLevel)
        let beta = result.beta
        let se = covariance.indices.map { covariance[$0][$0].squareRoot() }
        let offset = conditional ? 0 : 1
        let intercept = detectionFunction.interceptIsHazard
            ? Estimate.logLink(beta: beta[offset], seBeta: se[offset], z: z)
            : Estimate.logitLink(beta: beta[offset], seBeta: se[offset], z: z)
        let sigma = Estimate.logLink(beta: beta[offset + 1], seBeta: se[offset + 1], z: z)
        let detectionBeta = Array(beta[offset...])
        let cells = Double(mask.count) * mask.cellAreaHectares
        let esa = likelihood.components(detectionLink: detectionBeta).pdot * cells
        let n = Double(histories.animals)

        let density: Estimate
        if conditional {
            // Derived D = n / a(θ) with var = Σ 1/a² (Poisson n) + gᵀ V g, g = ∂D/∂θ on the link scale.
            let d = n / esa
            var gradient: [Double] = []
            let h = 1e-4
            for j in 0..<detectionBeta.count {
                var up = detectionBeta, down = detectionBeta
                up[j] += h
                down[j] -= h
                let dUp = n / (likelihood.components(detectionLink: up).pdot * cells)
                let dDown = n / (likelihood.components(detectionLink: down).pdot * cells)
                gradient.append((dUp - dDown) / (2 * h))
            }
            var quadratic = 0.0
            for i in gradient.indices {
                for j in gradient.indices { quadratic += gradient[i] * covariance[i][j] * gradient[j] }
            }
            let variance = n / (esa * esa) + quadratic
            density = Estimate.logNormal(estimate: d, se: variance.squareRoot(), z: z)
        } else {
            density = Estimate.logLink(beta: beta[0], seBeta: se[0], z: z)
        }
        let k = Double(likelihood.parameterCount)
        let aic = -2 * result.value + 2 * k
        let aicc = n - k - 1 > 0 ? aic + 2 * k * (k + 1) / (n - k - 1) : .nan
        return SECRFit(model: self, logLik: result.value, parameterCount: likelihood.parameterCount,
                       aic: aic, aicc: aicc, density: density, intercept: intercept, sigma: sigma,
                       effectiveArea: esa, animals: histories.animals, detections: histories.detections,
                       maskPoints: mask.count, maskAreaHectares: mask.areaHectares, maskSpacing: mask.spacing,
                       converged: true, iterations: result.iterations, linkEstimates: beta,
                       linkCovariance: covariance)
    }
}
