import Foundation

/// The SECR activity centre of a detected individual: its posterior over the habitat mask (secr's `fxi`).
///
/// Pr(x_m | ω_i) = π_m Pr(ω_i | x_m) / Σ_m' π_m' Pr(ω_i | x_m'), with π uniform over the mask (homogeneous
/// density) and Pr(ω_i | x_m) the capture-history probability of the fitted model (the likelihood's own terms).
/// The 95% region is the smallest set of mask cells holding at least 95% of the posterior.
public struct ActivityCentre: Sendable {
    public var individualID: String
    /// Posterior probability of each mask point (sums to 1).
    public var posterior: [Double]
    /// Posterior mean (m).
    public var meanX: Double, meanY: Double
    /// Mask point of highest posterior (m).
    public var modeX: Double, modeY: Double
    /// Mask indices of the 95% region.
    public var region95: [Int]
    /// Area of the 95% region (cells × cell area), km².
    public var region95SquareKilometres: Double

    /// Activity centres of every animal in `histories`, at given detection parameters (real scale).
    public static func compute(histories: CaptureHistories, mask: HabitatMask, detector: DetectorType = .proximity,
                               detectionFunction: DetectionFunction, intercept: Double, sigma: Double) -> [ActivityCentre] {
        let link = [detectionFunction.interceptIsHazard ? log(intercept) : log(intercept / (1 - intercept)), log(sigma)]
        let likelihood = SECRLikelihood(histories: histories, mask: mask, detector: detector, detectfn: detectionFunction, conditional: true)
        let logP = likelihood.logHistoryProbabilities(detectionLink: link)
        return histories.animalIDs.enumerated().map { i, id in centre(id, logP[i], mask) }
    }

    /// Activity centres from a fitted model (its detection parameters at the estimate).
    public static func compute(histories: CaptureHistories, mask: HabitatMask, fit: SECRFit) -> [ActivityCentre] {
        compute(histories: histories, mask: mask, detector: fit.model.detector, detectionFunction: fit.model.detectionFunction,
                intercept: fit.intercept.estimate, sigma: fit.sigma.estimate)
    }

    static func centre(_ id: String, _ logP: [Double], _ mask: HabitatMask) -> ActivityCentre {
        let top = logP.max() ?? 0
        var w = logP.map { top.isFinite ? exp($0 - top) : 1 }
        let total = w.reduce(0, +)
        w = w.map { $0 / total }
        var mx = 0.0, my = 0.0
        for m in w.indices { mx += w[m] * mask.x[m]; my += w[m] * mask.y[m] }
        let mode = w.indices.max { w[$0] < w[$1] } ?? 0
        let order = w.indices.sorted { w[$0] > w[$1] }
        var sum = 0.0, region: [Int] = []
        for m in order {
            guard sum < 0.95 else { break }
            sum += w[m]
            region.append(m)
        }
        return ActivityCentre(individualID: id, posterior: w, meanX: mx, meanY: my, modeX: mask.x[mode], modeY: mask.y[mode],
                              region95: region, region95SquareKilometres: Double(region.count) * mask.spacing * mask.spacing / 1e6)
    }

    /// Outline of the 95% region: the union of its mask cells (see ``GridOutline``).
    public func regionOutline(mask: HabitatMask) -> [[[PlanarGeometry.Point]]] {
        guard let x0 = mask.x.min(), let y0 = mask.y.min() else { return [] }
        let cells = region95.map { (i: Int(((mask.x[$0] - x0) / mask.spacing).rounded()), j: Int(((mask.y[$0] - y0) / mask.spacing).rounded())) }
        return GridOutline.polygons(cells: cells, originX: x0, originY: y0, spacing: mask.spacing)
    }
}
