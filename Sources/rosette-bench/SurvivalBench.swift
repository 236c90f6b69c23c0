import Census
import Foundation

/// CJS fit times (`survival`: 10 years × 500 individuals, φ 0.8, p 0.6; target < 1 s per model) and the
/// φ(.)p(.) validation (`survival-coverage N`: relative bias of φ̂ and 95% CI coverage of φ and p).
enum SurvivalBench {
    static func run() throws {
        let data = try CJSSimulator(occasions: 10, animals: 500, phi: 0.8, p: 0.6).simulate(seed: 2024)
        print("survival: \(data.animals) animals, \(data.occasions) occasions, \(data.patterns.count) distinct histories, "
              + "n_eff \(data.effectiveSampleSize) (simulated φ 0.8, p 0.6)")
        for model in CJSModel.standard {
            let start = Date()
            let fit = try model.fit(data)
            let seconds = Date().timeIntervalSince(start)
            let phi = fit.phi.map { String(format: "%.3f", $0.value.estimate) }.joined(separator: " ")
            print(String(format: "  %-11@ %.3f s  K %2d  -2logL %.3f  %d iterations  %@  phi %@", fit.name as NSString, seconds,
                         fit.parameterCount, fit.minus2LogLik, fit.iterations,
                         seconds < 1 ? "ok (< 1 s)" : "SLOW (target < 1 s)", phi))
        }
    }

    static func coverage(replicates: Int, seed: UInt64 = 2024, occasions: Int = 6, animals: Int = 200, phi: Double = 0.75, p: Double = 0.5) {
        let simulator = CJSSimulator(occasions: occasions, animals: animals, phi: phi, p: p)
        var phiHats: [Double] = [], pHats: [Double] = []
        var phiCovered = 0, pCovered = 0, failed = 0
        let start = Date()
        var seeds = SplitMix64(seed: seed)
        for _ in 0..<replicates {
            do {
                let check = try simulator.coverageCheck(seed: seeds.next())
                phiHats.append(check.phi.estimate)
                pHats.append(check.p.estimate)
                if check.phiCovered { phiCovered += 1 }
                if check.pCovered { pCovered += 1 }
            } catch {
                failed += 1
            }
        }
        let n = Double(phiHats.count)
        func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(max(xs.count, 1)) }
        let coverPhi = Double(phiCovered) / max(n, 1), coverP = Double(pCovered) / max(n, 1)
        print("survival-coverage: \(replicates) data sets of \(animals) animals released over \(occasions) occasions "
              + "(φ \(phi), p \(p)), model phi(.)p(.), seed \(seed); \(failed) not fitted; \(String(format: "%.2f", Date().timeIntervalSince(start))) s")
        print(String(format: "  φ: mean %.4f  relative bias %+.2f%%  95%% CI coverage %.1f%% (± %.1f%% binomial SE)",
                     mean(phiHats), (mean(phiHats) - phi) / phi * 100, coverPhi * 100, (coverPhi * (1 - coverPhi) / max(n, 1)).squareRoot() * 100))
        print(String(format: "  p: mean %.4f  relative bias %+.2f%%  95%% CI coverage %.1f%%",
                     mean(pHats), (mean(pHats) - p) / p * 100, coverP * 100))
    }
}
