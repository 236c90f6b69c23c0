import Census
import Foundation
import Simulate

/// `rosette-bench secr-coverage [replicates]`: the validation of SECR against the simulator (not a unit test).
///
/// Simulates surveys in design mode (histories only) from known density, fits each by maximum likelihood
/// (proximity detectors, hazard half-normal, buffer 4σ) and reports the relative bias of D̂ and the share of
/// 95% intervals that contain the true density (target 93–97%).
enum SECRValidation {
    static func run(replicates: Int) throws {
        var s = SimulationSettings()
        s.seed = 20_241_121
        s.region = .rectangle(width: 45_000, height: 45_000)
        s.population.densityPer100km2 = 3
        s.population.litterProbability = 0      // cubs move with their mothers: not independent activity centres
        s.layout.stationCount = 36
        s.layout.spacing = 2_500
        s.survey.days = 60
        s.survey.malfunctionProbability = 0.15
        s.detection.lambda0 = 0.08
        s.detection.sigma = 2_500
        let trueD = s.population.densityPer100km2 / 10_000  // animals per hectare
        print("SECR validation: \(replicates) surveys, 36 stations 2.5 km apart, 60 days, D = \(s.population.densityPer100km2)/100 km², "
              + "λ0 = \(s.detection.lambda0), σ = \(Int(s.detection.sigma)) m; fit: proximity, hhn, buffer 10 km")
        let base = SurveySimulator(settings: s)
        var estimates: [Double] = [], covered = 0, failures: [String] = []
        let start = Date()
        for i in 0..<replicates {
            let sim = try base.replicate(i).simulate(historiesOnly: true).histories
            do {
                let traps = try SECRTextFormat.parseTraps(sim.trapText, fileName: "replicate \(i) trap.txt")
                let ch = try SECRTextFormat.parseCaptures(sim.captText, fileName: "replicate \(i) capt.txt", traps: traps, detector: .proximity)
                let mask = try HabitatMask.trapBuffer(traps: traps, buffer: 10_000)
                let fit = try SECRModel(detector: .proximity, detectionFunction: .hazardHalfNormal).fit(ch, mask: mask)
                estimates.append(fit.density.estimate)
                if fit.density.lcl <= trueD && trueD <= fit.density.ucl { covered += 1 }
            } catch {
                failures.append("replicate \(i): \(error)")
            }
            if (i + 1) % 50 == 0 { print("  \(i + 1) fitted, \(String(format: "%.0f", Date().timeIntervalSince(start))) s") }
        }
        let n = Double(estimates.count)
        let mean = estimates.reduce(0, +) / max(n, 1)
        let sd = (estimates.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / max(n - 1, 1)).squareRoot()
        print(String(format: "fits=%d failed=%d mean_D=%.4f/100km2 true_D=%.4f/100km2 relative_bias=%+.1f%% (±%.1f%% MC error) "
                     + "CV=%.1f%% coverage95=%.1f%%", estimates.count, failures.count, mean * 10_000, trueD * 10_000,
                     (mean / trueD - 1) * 100, sd / max(n, 1).squareRoot() / trueD * 100, sd / mean * 100,
                     Double(covered) / max(n, 1) * 100))
        for f in failures.prefix(5) { print("  " + f) }
    }
}
