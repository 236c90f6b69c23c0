import Foundation
import Testing
@testable import Census
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The log-linear trend against hand-computed weighted least squares.
@Suite("Population trend (log-linear WLS)")
struct PopulationTrendTests {
    /// An estimate whose var(log D̂) = log(1 + (SE/D̂)²) is exactly `v`.
    func point(_ year: Int, logD: Double, v: Double) -> (year: Int, estimate: Estimate) {
        let d = exp(logD)
        return (year, Estimate(estimate: d, se: d * expm1(v).squareRoot(), lcl: .nan, ucl: .nan))
    }

    /// Hand computation. t = 0,1,2,3 (2020–2023); y = log D̂ = 1.0, 1.2, 1.1, 1.5; v = 0.01, 0.04, 0.01, 0.04,
    /// so w = 100, 25, 100, 25, Σw = 250.
    /// t̄_w = (0 + 25 + 200 + 75)/250 = 1.2;  ȳ_w = (100 + 30 + 110 + 37.5)/250 = 1.11.
    /// Sxx = 100·1.44 + 25·0.04 + 100·0.64 + 25·3.24 = 290.
    /// Sxy = 100(−1.2)(−0.11) + 25(−0.2)(0.09) + 100(0.8)(−0.01) + 25(1.8)(0.39) = 13.2 − 0.45 − 0.8 + 17.55 = 29.5.
    /// b = 29.5/290 = 0.10172414; a = 1.11 − 1.2b = 0.98793103.
    /// Residuals 0.01206897, 0.11034483, −0.09137931, 0.20689655; Σw r² = 0.01456599 + 0.30439952 + 0.83502973
    /// + 1.07015458 = 2.22413793 (rounded sums); s² = 2.22413793/2 = 1.11206897 (> 1, so it scales).
    /// se(b) = √(1.11206897/290) = 0.06192512.
    /// t(0.975, 2 df) = 0.95/√(2·0.975·0.025) = 4.30265273 (the closed form for 2 df).
    /// λ = e^b = 1.10707803; CI e^(b ∓ 4.30265273·0.06192512) = 0.84813272 – 1.44508252.
    @Test func fourYearsMatchHandComputation() throws {
        let trend = try PopulationTrend(points: [point(2022, logD: 1.1, v: 0.01), point(2020, logD: 1.0, v: 0.01),
                                                 point(2021, logD: 1.2, v: 0.04), point(2023, logD: 1.5, v: 0.04)])
        #expect(trend.points.map(\.year) == [2020, 2021, 2022, 2023])
        #expect(abs(trend.slope - 0.10172414) < 1e-8)
        #expect(abs(trend.intercept - 0.98793103) < 1e-8)
        #expect(abs(trend.residualScale - 1.11206897) < 1e-8)
        #expect(abs(trend.slopeSE - 0.06192512) < 1e-8)
        #expect(trend.rule == .studentT && trend.degreesOfFreedom == 2)
        #expect(abs(trend.criticalValue - 4.30265273) < 1e-7)
        #expect(abs(trend.lambda.estimate - 1.10707803) < 1e-8)
        #expect(abs(trend.lambda.lcl - 0.84813272) < 1e-7)
        #expect(abs(trend.lambda.ucl - 1.44508252) < 1e-7)
        #expect(abs(trend.fitted(year: 2020) - exp(0.98793103)) < 1e-7)
    }

    /// The CI route: a 95% interval D̂/C … D̂·C with log C = 1.959964·0.1 gives var(log D̂) = 0.01, weight 100.
    @Test func varianceFromTheInterval() throws {
        let c = exp(Numerics.criticalValue(level: 0.95) * 0.1)
        let trend = try PopulationTrend(points: [(2020, Estimate(estimate: 5, se: .nan, lcl: 5 / c, ucl: 5 * c)),
                                                 (2021, Estimate(estimate: 6, se: 99, lcl: 6 / c, ucl: 6 * c))])
        #expect(trend.points.allSatisfy { abs($0.logVariance - 0.01) < 1e-12 })
    }

    /// Two years, 2020 → 2022: D̂ 10 (v 0.01) → 12 (v 0.04). b = log(1.2)/2 = 0.09116078; λ = √1.2 = 1.09544512;
    /// se(b) = √(0.01 + 0.04)/2 = 0.11180340 (delta method); CI exp(b ∓ 1.959964·se(b)) = 0.87987990 – 1.36382249.
    @Test func twoYearsUseTheDeltaMethod() throws {
        let trend = try PopulationTrend(points: [point(2020, logD: log(10), v: 0.01), point(2022, logD: log(12), v: 0.04)])
        #expect(trend.rule == .normal)
        #expect(abs(trend.lambda.estimate - 1.09544512) < 1e-8)
        #expect(abs(trend.slopeSE - 0.11180340) < 1e-8)
        #expect(abs(trend.lambda.lcl - 0.87987990) < 1e-7 && abs(trend.lambda.ucl - 1.36382249) < 1e-7)
    }

    @Test func fewerThanTwoYearsIsAnError() {
        #expect(throws: CensusError.self) { try PopulationTrend(points: [point(2020, logD: 1, v: 0.01)]) }
        #expect(throws: CensusError.self) {
            try PopulationTrend(points: [point(2020, logD: 1, v: 0.01), (2021, Estimate(estimate: 0, se: 1, lcl: .nan, ucl: .nan))])
        }
    }

    @Test("Student t quantiles", arguments: [(1.0, 12.706205), (2.0, 4.302653), (5.0, 2.570582), (30.0, 2.042272)])
    func tQuantiles(df: Double, expected: Double) {
        #expect(abs(Numerics.studentTQuantile(0.975, df: df) - expected) < 1e-5)
    }

    @Test func svgChartIsWellFormedAndDrawsEveryYearAndTheTrend() throws {
        let input = [point(2020, logD: 1.0, v: 0.01), point(2021, logD: 1.2, v: 0.04), point(2023, logD: 1.5, v: 0.04)]
        let trend = try PopulationTrend(points: input)
        let years = input.map { p in
            SVGChart.YearEstimate(year: p.year, estimate: p.estimate.estimate, lcl: p.estimate.estimate / 1.2, ucl: p.estimate.estimate * 1.2)
        }
        let svg = SVGChart.densityTrend(years, trend: trend, title: "D & trend")
        #expect(XMLParser(data: Data(svg.utf8)).parse(), "not well-formed XML")
        #expect(svg.components(separatedBy: "<circle").count - 1 == 3 + 1)   // three years and the legend
        #expect(svg.contains("<polyline") && svg.contains("2023") && svg.contains("D &amp; trend"))
        #expect(svg.contains(String(format: "λ = %.3f", trend.lambda.estimate)))
    }
}
