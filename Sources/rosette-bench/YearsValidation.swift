import Census
import Foundation
import Simulate

/// `rosette-bench years-coverage [replicates]` (`make validate`): survival and trend against the multi-year simulator.
///
/// Each replicate simulates a population over 5 yearly surveys (histories only; every age class survives a year with
/// probability 0.8, no dispersal out of the region, no road), fits CJS φ(.)p(.) to the yearly histories of the animals
/// detected, fits SECR to each year's survey and a log-linear trend to the yearly densities. Reports the relative bias
/// of φ̂ and λ̂ and the share of 95% intervals holding the truth (φ = 0.8; λ = the replicate's realised log-linear λ
/// of the true population size).
enum YearsValidation {
    static func run(replicates: Int) throws {
        var s = SimulationSettings()
        s.seed = 20_261_202
        s.region = .rectangle(width: 40_000, height: 40_000)
        s.population.densityPer100km2 = 3
        s.layout.stationCount = 36
        s.layout.spacing = 2_500
        s.survey.days = 60
        s.survey.malfunctionProbability = 0.1
        s.detection.lambda0 = 0.08
        s.detection.sigma = 2_500
        var dynamics = DynamicsSettings(years: 5)
        (dynamics.survivalAdultFemale, dynamics.survivalAdultMale, dynamics.survivalSubadult, dynamics.survivalCub) = (0.8, 0.8, 0.8, 0.8)
        dynamics.dispersalMean = 1
        dynamics.road = []
        s.dynamics = dynamics
        let truePhi = 0.8
        print("Survival and trend validation: \(replicates) populations over 5 yearly surveys (36 stations 2.5 km apart, 60 days each, "
              + "D = 3/100 km² at the start, φ = 0.8 for every age class); fits: CJS φ(.)p(.), SECR per year (proximity, hhn, buffer 10 km), log-linear λ")
        let base = SurveySimulator(settings: s)
        var phis: [Double] = [], phiCovered = 0, lambdas: [Double] = [], lambdaTruths: [Double] = [], lambdaCovered = 0
        var failures: [String] = []
        let start = Date()
        for i in 0..<replicates {
            do {
                let sim = try base.replicate(i).simulateYears(historiesOnly: true)
                let data = try CJSData.parseCSV(text: sim.cjsHistoriesCSV, file: "replicate \(i) cjs-histories.csv")
                let phi = try CJSModel(phi: .constant, p: .constant).fit(data).phi[0].value
                phis.append(phi.estimate)
                if phi.lcl <= truePhi && truePhi <= phi.ucl { phiCovered += 1 }
                var points: [(year: Int, estimate: Estimate)] = []
                for (k, files) in sim.yearlySecrFiles().enumerated() {
                    let traps = try SECRTextFormat.parseTraps(files.trap, fileName: "replicate \(i) \(files.folder)/trap.txt")
                    let ch = try SECRTextFormat.parseCaptures(files.capt, fileName: "replicate \(i) \(files.folder)/capt.txt", traps: traps,
                                                              detector: .proximity)
                    let mask = try HabitatMask.trapBuffer(traps: traps, buffer: 10_000)
                    let fit = try SECRModel(detector: .proximity, detectionFunction: .hazardHalfNormal).fit(ch, mask: mask)
                    points.append((sim.calendarYears[k], fit.densityPer100SquareKilometres))
                }
                let trend = try PopulationTrend(points: points)
                guard let truth = sim.truthSummary.logLinearLambda else { throw CensusError.invalidArgument("no true λ") }
                lambdas.append(trend.lambda.estimate)
                lambdaTruths.append(truth)
                if trend.lambda.lcl <= truth && truth <= trend.lambda.ucl { lambdaCovered += 1 }
            } catch {
                failures.append("replicate \(i): \(error)")
            }
            if (i + 1) % 20 == 0 { print("  \(i + 1) replicates, \(String(format: "%.0f", Date().timeIntervalSince(start))) s") }
        }
        func summary(_ name: String, _ estimates: [Double], _ truths: [Double], _ covered: Int) -> String {
            let n = Double(max(estimates.count, 1))
            let rel = zip(estimates, truths).map { $0 / $1 - 1 }
            let mean = rel.reduce(0, +) / n
            let sd = (rel.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / max(n - 1, 1)).squareRoot()
            return String(format: "%@: fits=%d relative_bias=%+.1f%% (±%.1f%% MC error) coverage95=%.1f%%", name, estimates.count,
                          mean * 100, sd / n.squareRoot() * 100, Double(covered) / n * 100)
        }
        print(summary("phi", phis, Array(repeating: truePhi, count: phis.count), phiCovered))
        print(summary("lambda", lambdas, lambdaTruths, lambdaCovered)
              + String(format: " (true realised λ %.3f–%.3f)", lambdaTruths.min() ?? 0, lambdaTruths.max() ?? 0))
        print("failed=\(failures.count)")
        for f in failures.prefix(5) { print("  " + f) }
    }
}
