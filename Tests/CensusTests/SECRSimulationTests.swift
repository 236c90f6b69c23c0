import Foundation
import Testing
@testable import Census

@Suite("SECR on simulated data")
struct SECRSimulationTests {
    static func gridTraps(_ nx: Int, _ ny: Int, spacing: Double, occasions: Int? = nil) -> TrapLayout {
        var ids: [String] = [], xs: [Double] = [], ys: [Double] = []
        for i in 0..<nx {
            for j in 0..<ny {
                ids.append(String(format: "%02d%02d", i, j)); xs.append(Double(i) * spacing); ys.append(Double(j) * spacing)
            }
        }
        let usage = occasions.map { s in ids.indices.map { k in (0..<s).map { Double((k + $0) % 7 == 0 ? 0 : 1) } } }
        return TrapLayout(ids: ids, x: xs, y: ys, usage: usage)
    }

    @Test("estimates lie near the true values",
          arguments: [(DetectorType.proximity, DetectionFunction.halfNormal, UInt64(11)),
                      (.proximity, .hazardHalfNormal, 12), (.count, .hazardHalfNormal, 13),
                      (.multi, .halfNormal, 14), (.proximity, .exponential, 15)])
    func recoversParameters(detector: DetectorType, detectfn: DetectionFunction, seed: UInt64) throws {
        let traps = Self.gridTraps(8, 8, spacing: 20, occasions: 6)
        let truth = (density: 12.0, intercept: 0.25, sigma: 22.0)
        let sim = SECRSimulator(traps: traps, occasions: 6, detector: detector, detectionFunction: detectfn,
                                density: truth.density, intercept: truth.intercept, sigma: truth.sigma, buffer: 110)
        let ch = sim.simulate(seed: seed)
        #expect(ch.animals > 25)
        let mask = try HabitatMask.trapBuffer(traps: traps, buffer: 110)
        let fit = try SECRModel(detector: detector, detectionFunction: detectfn).fit(ch, mask: mask)
        #expect(fit.converged)
        #expect(abs(fit.density.estimate / truth.density - 1) < 0.35, "D \(fit.density.estimate)")
        #expect(abs(fit.sigma.estimate / truth.sigma - 1) < 0.25, "sigma \(fit.sigma.estimate)")
        #expect(fit.density.lcl < fit.density.estimate && fit.density.estimate < fit.density.ucl)
        // The conditional fit's derived density agrees closely with the full-likelihood density.
        let cl = try SECRModel(detector: detector, detectionFunction: detectfn, conditional: true).fit(ch, mask: mask)
        #expect(abs(cl.density.estimate / fit.density.estimate - 1) < 1e-3)
    }

    @Test func noRecapturesIsExplained() throws {
        let traps = Self.gridTraps(3, 3, spacing: 50)
        var ch = CaptureHistories(animalIDs: ["a", "b"], occasions: 2, traps: traps)
        ch[animal: 0, occasion: 0, detector: 0] = 1
        ch[animal: 1, occasion: 1, detector: 4] = 1
        let mask = try HabitatMask.trapBuffer(traps: traps, buffer: 100)
        #expect { try SECRModel().fit(ch, mask: mask) } throws: { error in
            guard case .noRecaptures = error as? CensusError else { return false }
            return "\(error)".contains("cannot be fitted") && "\(error)".contains("sigma")
        }
    }

    @Test func likelihoodIsIndependentOfChunking() throws {
        // Same data on a mask evaluated in one chunk vs many: identical log-likelihood up to rounding.
        let traps = Self.gridTraps(4, 4, spacing: 25)
        let sim = SECRSimulator(traps: traps, occasions: 4, detector: .proximity, detectionFunction: .halfNormal,
                                density: 6, intercept: 0.3, sigma: 20, buffer: 80)
        let ch = sim.simulate(seed: 99)
        let mask = try HabitatMask.trapBuffer(traps: traps, buffer: 80, spacing: 4)
        #expect(mask.count > 256)
        let big = SECRLikelihood(histories: ch, mask: mask, detector: .proximity, detectfn: .halfNormal, conditional: false)
        // Brute-force value straight from the formula in METHODS.md.
        let beta = [log(6.0), Numerics.logit(0.3), log(20.0)]
        var sumLog = 0.0, pdot = 0.0
        for m in 0..<mask.count {
            var never = 0.0
            for k in 0..<traps.count {
                let d2 = pow(traps.x[k] - mask.x[m], 2) + pow(traps.y[k] - mask.y[m], 2)
                never += 4 * log1p(-0.3 * exp(-d2 / 800))
            }
            pdot += -expm1(never)
        }
        pdot /= Double(mask.count)
        for i in 0..<ch.animals {
            var total = 0.0
            for m in 0..<mask.count {
                var logPr = 0.0
                for s in 0..<4 {
                    for k in 0..<traps.count {
                        let d2 = pow(traps.x[k] - mask.x[m], 2) + pow(traps.y[k] - mask.y[m], 2)
                        let g = 0.3 * exp(-d2 / 800)
                        logPr += ch[animal: i, occasion: s, detector: k] > 0 ? log(g) : log1p(-g)
                    }
                }
                total += exp(logPr)
            }
            sumLog += log(total / Double(mask.count))
        }
        let n = Double(ch.animals), bigN = 6 * mask.areaHectares
        let expected = sumLog + n * log(bigN) - bigN * pdot - Numerics.logGamma(n + 1) + ch.logMultinomialCoefficient
        #expect(abs(big.logLikelihood(beta) - expected) < 1e-8 * abs(expected))
    }
}
