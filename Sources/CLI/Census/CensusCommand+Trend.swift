import ArgumentParser
import Census
import Core
import Foundation
import Store

extension CensusCommand {
    /// `census trend`: yearly SECR density and its log-linear trend λ.
    struct Trend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trend",
            abstract: "Yearly SECR density with CIs and the log-linear trend λ per year (with its CI).",
            discussion: """
            With --survey, SECR is fitted to every calendar year the deployments cover, as `census report` does \
            (stations as proximity detectors, daily occasions, full likelihood); years that cannot be fitted are \
            listed and left out. With --densities FILE.csv the yearly estimates are read (columns year, estimate, \
            se, or lcl and ucl). The trend is weighted least squares on log D̂ with weights 1/var(log D̂) (from the \
            log-normal CI when given, else log(1 + (SE/D̂)²)); λ = exp(slope). CI: with 3 or more years \
            exp(b ± t·se(b)), t on n − 2 df and se(b) scaled by the residual mean square when it exceeds 1; with \
            2 years λ = (D̂₂/D̂₁)^(1/Δt) and a normal (delta-method) interval.
            """
        )

        @Option(help: "The survey folder.")
        var survey: String?

        @Option(help: "With --survey: the species.")
        var species: String = "Panthera pardus orientalis"

        @Option(help: "SECR mask buffer, metres.")
        var buffer: Double = 7500

        @Option(help: "SECR detection function: hn, hhn or ex.")
        var detectfn: DetectionFunction = .hazardHalfNormal

        @Option(help: "Yearly estimates CSV (year,estimate,se or lcl,ucl) instead of a survey.")
        var densities: String?

        @Option(help: "Write the plot (yearly estimates with CI bars and the trend) to this SVG file.")
        var svg: String?

        @Option(help: "Confidence level of λ's interval.")
        var level: Double = 0.95

        @Option(help: "Output format: table or json.")
        var format: CensusOutputFormat = .table

        func validate() throws {
            if (survey == nil) == (densities == nil) { throw ValidationError("give either --survey FOLDER or --densities FILE.csv") }
            if !(buffer >= 0) { throw ValidationError("--buffer must be a distance in metres ≥ 0") }
            if !(level > 0.5 && level < 1) { throw ValidationError("--level must lie between 0.5 and 1") }
        }

        func run() throws {
            var points: [(year: Int, estimate: Estimate)] = []
            var failures: [(year: Int, reason: String)] = []
            let unit: String
            if let densities {
                let read = try PopulationTrend.readEstimates(contentsOf: URL(fileURLWithPath: densities), displayName: densities)
                for problem in read.problems { printError(problem) }
                points = read.points
                unit = "estimate"
            } else {
                let store = try SurveyStore(directory: URL(fileURLWithPath: survey ?? "."))
                let zone = try ZoneSpec(store.settings.timeZone)
                let deployments = try store.deployments(), malfunctions = try store.malfunctions()
                for year in CJSData.surveyYears(deployments: deployments, zone: zone) {
                    let line = try CensusReport.fitYear(store: store, species: species, year: year, zone: zone, deployments: deployments,
                                                        malfunctions: malfunctions, buffer: buffer, detectionFunction: detectfn)
                    if let fit = line.fit { points.append((year, fit.densityPer100SquareKilometres)) } else {
                        failures.append((year, line.failure ?? "not fitted"))
                    }
                }
                unit = "D per 100 km²"
            }
            var trend: PopulationTrend?
            var trendError: String?
            do { trend = try PopulationTrend(points: points, confidenceLevel: level) } catch { trendError = "\(error)" }
            if let svg {
                let chart = SVGChart.densityTrend(points.map { SVGChart.YearEstimate(year: $0.year, estimate: $0.estimate.estimate,
                                                                                     lcl: $0.estimate.lcl, ucl: $0.estimate.ucl) },
                                                  trend: trend, title: "Density by year" + (densities == nil ? " — \(species)" : ""),
                                                  unit: densities == nil ? "D̂ per 100 km²" : "estimate")
                try chart.write(toFile: svg, atomically: true, encoding: .utf8)
            }
            if format == .json {
                var object: [String: Any] = [
                    "unit": unit,
                    "years": points.sorted { $0.year < $1.year }.map { p -> [String: Any] in
                        var o = CensusJSON.estimate(p.estimate); o["year"] = p.year; return o
                    },
                    "failures": failures.map { ["year": $0.year, "reason": $0.reason] as [String: Any] },
                ]
                if let trend {
                    object["lambda"] = CensusJSON.estimate(trend.lambda)
                    object["slope"] = ["estimate": trend.slope, "se": trend.slopeSE] as [String: Any]
                    object["interval"] = ["rule": trend.rule.rawValue, "df": trend.degreesOfFreedom,
                                          "critical": trend.criticalValue, "residualScale": CensusJSON.number(trend.residualScale),
                                          "level": level] as [String: Any]
                }
                if let trendError { object["error"] = trendError }
                print(try CensusJSON.render(object))
            } else {
                var rows = [["year", unit, "SE", "lcl", "ucl"]]
                for p in points.sorted(by: { $0.year < $1.year }) {
                    rows.append([String(p.year), CensusText.significant(p.estimate.estimate), CensusText.significant(p.estimate.se),
                                 CensusText.significant(p.estimate.lcl), CensusText.significant(p.estimate.ucl)])
                }
                var lines = [TextTable.render(rows)]
                for f in failures { lines.append("\(f.year): not fitted: \(f.reason)") }
                lines.append("")
                if let trend {
                    let l = trend.lambda
                    lines.append("λ = \(CensusText.fixed(l.estimate, 4)) per year  \(Int((level * 100).rounded()))% CI "
                                 + "\(CensusText.fixed(l.lcl, 4)) – \(CensusText.fixed(l.ucl, 4))  (\(trend.points.count) years)")
                    lines.append(trend.intervalSummary)
                } else {
                    lines.append("no trend: \(trendError ?? "")")
                }
                if let svg { lines.append("Wrote \(svg)") }
                print(lines.joined(separator: "\n"))
            }
            if trend == nil { throw ExitCode(1) }
        }
    }
}
