import Foundation

/// A homogeneous-density SECR model fitted by maximum likelihood (Borchers & Efford 2008; secr).
///
/// Links: log D, logit g0 (hn, ex) or log λ0 (hhn), log σ. Fitted by damped Newton with central-difference
/// derivatives on the link scale; the covariance is the inverse of the negative Hessian there.
public struct SECRModel: Sendable, Equatable {
    /// Detector type of the likelihood.
    public var detector: DetectorType
    /// Detection function.
    public var detectionFunction: DetectionFunction
    /// Conditional likelihood (drops the Poisson term for n; D is derived).
    public var conditional: Bool
    /// Confidence level for intervals (0.95 by default).
    public var confidenceLevel: Double
    /// Newton iteration limit; a fit that needs more is reported as not converged.
    public var maxIterations: Int

    /// Creates a model description.
    public init(detector: DetectorType = .proximity, detectionFunction: DetectionFunction = .halfNormal,
                conditional: Bool = false, confidenceLevel: Double = 0.95, maxIterations: Int = 100) {
        self.detector = detector
        self.detectionFunction = detectionFunction
        self.conditional = conditional
        self.confidenceLevel = confidenceLevel
        self.maxIterations = maxIterations
    }

    /// Short description, e.g. `"SECR multi/hn (full likelihood)"`.
    public var name: String {
        "SECR \(detector.rawValue)/\(detectionFunction.rawValue) (\(conditional ? "conditional" : "full") likelihood)"
    }

    /// Fits the model to capture histories on a habitat mask.
    ///
    /// - Throws: ``CensusError/noDetections(file:)`` without data, ``CensusError/noRecaptures(model:reason:)``
    ///   when no animal was detected twice (σ is then not estimable), ``CensusError/notConverged(model:iterations:reason:)``
    ///   when the maximum is not reached or the Hessian is not negative definite.
    public func fit(_ histories: CaptureHistories, mask: HabitatMask) throws -> SECRFit {
        try validate(histories, mask: mask)
        let likelihood = SECRLikelihood(histories: histories, mask: mask, detector: detector,
                                        detectfn: detectionFunction, conditional: conditional)
        let detectionStart = startingValues(histories, likelihood: likelihood)
        var start = detectionStart
        if !conditional {
            let pdot = likelihood.components(detectionLink: detectionStart).pdot
            let esa = pdot * Double(mask.count) * mask.cellAreaHectares
            start.insert(log(Double(histories.animals) / esa), at: 0)
        }
        let optimiser = NewtonMaximizer(maxIterations: maxIterations)
        let result = optimiser.maximize(start: start) { likelihood.logLikelihood($0) }
        guard result.converged else {
            throw CensusError.notConverged(model: name, iterations: result.iterations, reason: result.message)
        }
        guard let covariance = Numerics.inverseSPD(result.hessian.map { $0.map { -$0 } }) else {
            throw CensusError.notConverged(model: name, iterations: result.iterations,
                                           reason: "the Hessian is not negative definite at the estimate")
        }
        return makeFit(result, covariance: covariance, likelihood: likelihood, histories: histories, mask: mask)
    }

    private func validate(_ ch: CaptureHistories, mask: HabitatMask) throws {
        guard ch.animals > 0, ch.detections > 0 else { throw CensusError.noDetections(file: "capture histories") }
        guard mask.count > 0 else { throw CensusError.emptyMask(reason: "no points") }
        guard ch.recapturedAnimals > 0 else {
            throw CensusError.noRecaptures(model: name, reason:
                "no animal was detected more than once, so the spatial scale sigma cannot be estimated")
        }
        for i in 0..<ch.animals {
            for s in 0..<ch.occasions {
                var caught = 0
                for k in 0..<ch.detectors {
                    let y = ch[animal: i, occasion: s, detector: k]
                    guard y == 0 || ch.traps.effort(detector: k, occasion: s) > 0 else {
                        throw CensusError.captureWithoutUsage(file: "capture histories", line: 0,
                                                              detector: ch.traps.ids[k], occasion: s + 1)
                    }
                    caught += y
                }
                if detector == .multi, caught > 1 {
                    throw CensusError.multipleCatchesPerOccasion(file: "capture histories", line: 0,
                                                                 animal: ch.animalIDs[i], occasion: s + 1)
                }
            }
        }
    }
}
