import Foundation

extension SECRLikelihood {
    /// Evaluates mask points `[c·chunkSize, min(M, (c+1)·chunkSize))`: hazards, the never-detected
    /// log-probability, the data rows, p̄ partial sum and each animal's partial log-sum-exp.
    /// Writes only to this chunk's ranges of the shared buffers; allocates nothing.
    func evaluateChunk(_ c: Int, intercept a: Double, sigma: Double) {
        let nM = maskPoints
        let lo = c * chunkSize, hi = min(nM, lo + chunkSize)
        let fn = detectfn
        for k in 0..<detectors {
            let row = k * nM
            for m in lo..<hi { hazard[row + m] = fn.hazard(d2: distance[row + m], intercept: a, sigma: sigma) }
        }
        for m in lo..<hi { base[m] = 0 }
        switch detector {
        case .proximity, .count:
            for k in 0..<detectors where totalUsage[k] > 0 {
                let w = totalUsage[k], row = k * nM
                for m in lo..<hi { base[m] -= w * hazard[row + m] }
            }
        case .multi:
            for p in 0..<patternUsage.count {
                let prow = p * nM
                for m in lo..<hi { patternHazard[prow + m] = 0 }
                for k in 0..<detectors where patternUsage[p][k] > 0 {
                    let t = patternUsage[p][k], row = k * nM
                    for m in lo..<hi { patternHazard[prow + m] += t * hazard[row + m] }
                }
                let occasions = patternOccasions[p]
                for m in lo..<hi {
                    // Keep H + log((1 − e^−H)/H), the part of log Pr(caught at k) shared by all detectors.
                    let bigH = patternHazard[prow + m]
                    base[m] -= occasions * bigH
                    let ratio = bigH > 1e-10 ? -expm1(-bigH) / bigH : 1 - bigH / 2
                    patternHazard[prow + m] = bigH + log(ratio)
                }
            }
        }
        for r in 0..<rowDetector.count {
            let out = r * nM, row = rowDetector[r] * nM, t = rowUsage[r]
            switch detector {
            case .proximity where t == 1 && fn != .hazardHalfNormal:
                // Full usage: 1 − e^−h = g, so log g + h needs no further transcendental for g itself.
                let logA = log(a), scale = fn == .halfNormal ? 1 / (2 * sigma * sigma) : 1 / sigma
                for m in lo..<hi {
                    let d = fn == .halfNormal ? distance[row + m] : distance[row + m].squareRoot()
                    rows[out + m] = logA - d * scale + hazard[row + m]
                }
            case .proximity:
                for m in lo..<hi {
                    let th = t * hazard[row + m]
                    rows[out + m] = log(-expm1(-th)) + th
                }
            case .count:
                for m in lo..<hi { rows[out + m] = log(hazard[row + m]) }
            case .multi:
                let prow = rowPattern[r] * nM
                for m in lo..<hi { rows[out + m] = patternHazard[prow + m] + log(t * hazard[row + m]) }
            }
        }
        var pdot = 0.0
        for m in lo..<hi { pdot += -expm1(base[m]) }
        partialPdot[c] = pdot
        for i in 0..<animals {
            let constant = animalConstant[i]
            for m in lo..<hi { accumulator[m] = base[m] + constant }
            for e in entryStart[i]..<entryStart[i + 1] {
                let w = entryCount[e], row = entryRow[e] * nM
                for m in lo..<hi { accumulator[m] += w * rows[row + m] }
            }
            var mx = -Double.infinity
            for m in lo..<hi where accumulator[m] > mx { mx = accumulator[m] }
            var s = 0.0
            if mx > -.infinity {
                for m in lo..<hi { s += exp(accumulator[m] - mx) }
            }
            partialMax[c * animals + i] = mx
            partialSum[c * animals + i] = s
        }
    }
}
