import Foundation

extension CensusReport {
    /// The survival and trend lines of the report: φ per interval (or for all) with its CI, p, and λ with its CI.
    public func survivalLines() -> [String] {
        var lines: [String] = []
        if let s = survival {
            let phi = s.phi.map { p in "\(p.label == "all" ? "every year" : p.label): φ " + Self.interval(p.value) }
            lines.append("Apparent survival (Cormack–Jolly–Seber \(s.name), the lowest AICc of φ(.)p(.), φ(t)p(.), φ(.)p(t), φ(t)p(t); "
                         + "\(s.animals) individuals, \(s.occasions) yearly occasions): " + phi.joined(separator: "; "))
            lines.append("Detection per year: " + s.p.map { "\($0.label == "all" ? "every year" : $0.label): p " + Self.interval($0.value) }
                .joined(separator: "; ") + (s.phiP.isEmpty ? "" : "; last φ·p " + s.phiP.map { Self.interval($0.value) }.joined(separator: ", ")))
        } else {
            lines.append("Apparent survival: not estimated (\(survivalFailure ?? "no data")).")
        }
        if let t = trend {
            lines.append(String(format: "Trend of the yearly SECR densities (%d–%d): λ = %.3f per year (95%% CI %.3f–%.3f); ",
                                t.points.map(\.year).min() ?? 0, t.points.map(\.year).max() ?? 0, t.lambda.estimate, t.lambda.lcl, t.lambda.ucl)
                         + t.intervalSummary + ".")
        } else {
            lines.append("Trend (λ): not estimated (\(trendFailure ?? "no yearly densities")).")
        }
        return lines
    }

    static func interval(_ e: Estimate) -> String {
        String(format: "%.3f (95%% CI %.3f–%.3f)", e.estimate, e.lcl, e.ucl)
    }

    /// The yearly densities with their CIs and the fitted trend, as an SVG figure.
    func densityTrendSVG() -> String {
        let years = secr.compactMap { line in
            line.fit.map { f in
                SVGChart.YearEstimate(year: line.year, estimate: f.densityPer100SquareKilometres.estimate,
                                      lcl: f.densityPer100SquareKilometres.lcl, ucl: f.densityPer100SquareKilometres.ucl)
            }
        }
        return SVGChart.densityTrend(years, trend: trend, title: "\(species): SECR density by year and its log-linear trend")
    }
}
