import Foundation

extension CJSModel {
    /// Fits the model by maximum likelihood (damped Newton on the logit scale, `NewtonMaximizer`).
    ///
    /// The covariance is the inverse of the negative Hessian on the link scale; real-scale SEs by the delta
    /// method; intervals Wald on the logit scale, back-transformed. Throws when nothing was recaptured, when
    /// the model needs groups the data lack, or when the maximisation does not converge (e.g. a parameter at
    /// 0 or 1, which the data cannot bound).
    public func fit(_ data: CJSData) throws -> CJSFit {
        let label = name(group: data.groupName)
        if usesGroups && data.groupName == nil {
            throw CensusError.invalidArgument("model \(label) needs a group variable (--group COLUMN)")
        }
        guard data.hasRecaptures else {
            throw CensusError.noRecaptures(model: label, reason: "no animal was seen again after its first capture")
        }
        let groups = usesGroups ? data.groupLevels.count : 1
        let design = CJSDesign(model: self, occasions: data.occasions, groups: groups)
        let pooled = usesGroups ? data : data.pooled()
        let likelihood = CJSLikelihood(data: pooled, design: design)
        let start = design.slots.map { slot -> Double in
            switch slot.kind {
            case .phi: return Numerics.logit(0.6)
            case .p: return Numerics.logit(0.6)
            case .phiP: return Numerics.logit(0.36)
            }
        }
        let result = NewtonMaximizer(maxIterations: 200).maximize(start: start) { likelihood.logLikelihood($0) }
        guard result.converged else {
            throw CensusError.notConverged(model: label, iterations: result.iterations, reason: result.message)
        }
        let negH = result.hessian.map { $0.map { -$0 } }
        guard let covariance = Numerics.inverseSPD(negH) else {
            throw CensusError.notConverged(model: label, iterations: result.iterations,
                                           reason: "the information matrix is singular (a parameter is not identifiable from these data)")
        }
        // MARK's 95% intervals use z = 1.96; other levels the normal quantile.
        let z = abs(confidenceLevel - 0.95) < 1e-12 ? 1.96 : Numerics.criticalValue(level: confidenceLevel)
        var phi: [CJSFit.Parameter] = [], p: [CJSFit.Parameter] = [], phiP: [CJSFit.Parameter] = []
        for (i, slot) in design.slots.enumerated() {
            let value = Estimate.logitLink(beta: result.beta[i], seBeta: max(0, covariance[i][i]).squareRoot(), z: z)
            let parameter = CJSFit.Parameter(group: groupLabel(slot, data: data, groups: groups),
                                             label: cellLabel(slot, data: data), value: value)
            switch slot.kind {
            case .phi: phi.append(parameter)
            case .p: p.append(parameter)
            case .phiP: phiP.append(parameter)
            }
        }
        return CJSFit(model: self, name: label, logLik: result.value, parameterCount: design.parameterCount,
                      effectiveSampleSize: data.effectiveSampleSize, phi: phi, p: p, phiP: phiP, animals: data.animals,
                      occasions: data.occasions, iterations: result.iterations, beta: result.beta, covariance: covariance)
    }

    private func groupLabel(_ slot: CJSDesign.Slot, data: CJSData, groups: Int) -> String? {
        let levels = Set(slot.cells.map(\.group))
        guard groups > 1, levels.count == 1, let g = levels.first else { return nil }
        return data.groupLevels[g]
    }

    private func cellLabel(_ slot: CJSDesign.Slot, data: CJSData) -> String {
        let indices = Array(Set(slot.cells.map(\.index))).sorted()
        if indices.count == data.occasions - 1 && indices.count > 1 { return "all" }
        if indices.count == 1 {
            let i = indices[0]
            return slot.kind == .p ? data.occasionLabels[i] : data.intervalLabels[i]
        }
        return indices.map { slot.kind == .p ? data.occasionLabels[$0] : data.intervalLabels[$0] }.joined(separator: ", ")
    }
}

extension CJSData {
    /// The same histories with every animal in one group (for models without group effects).
    func pooled() -> CJSData {
        guard groupLevels.count > 1 else { return self }
        var histories: [[Bool]] = []
        for p in patterns { histories += Array(repeating: p.history, count: p.count) }
        var data = try! CJSData(histories: histories, occasionLabels: occasionLabels, intervals: intervals)
        data.problems = problems
        return data
    }
}
