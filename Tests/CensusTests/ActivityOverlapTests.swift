import Census
import Foundation
import Testing

/// Activity densities and overlap, checked against exact values for von Mises activity patterns.
@Suite struct ActivityOverlapTests {
    /// Best & Fisher (1979) von Mises sampler on a seeded generator.
    func vonMises(_ n: Int, mean: Double, kappa: Double, seed: UInt64) -> [Double] {
        var rng = SplitMix64(seed: seed)
        func u() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }
        let tau = 1 + (1 + 4 * kappa * kappa).squareRoot()
        let rho = (tau - (2 * tau).squareRoot()) / (2 * kappa)
        let r = (1 + rho * rho) / (2 * rho)
        var out: [Double] = []
        while out.count < n {
            let z = cos(Double.pi * u())
            let f = (1 + r * z) / (r + z)
            let c = kappa * (r - f)
            let u2 = u()
            if c * (2 - c) - u2 > 0 || log(c / u2) + 1 - c >= 0 {
                let theta = mean + (u() > 0.5 ? 1 : -1) * acos(f)
                out.append((theta.truncatingRemainder(dividingBy: 2 * .pi) + 2 * .pi).truncatingRemainder(dividingBy: 2 * .pi))
            }
        }
        return out
    }

    /// ∫ min(f, g) for two von Mises densities, by fine numerical integration.
    func trueOverlap(_ m1: Double, _ k1: Double, _ m2: Double, _ k2: Double) -> Double {
        let n = 20000
        var total = 0.0
        for i in 0..<n {
            let t = (Double(i) + 0.5) * 2 * .pi / Double(n)
            let f = exp(k1 * (cos(t - m1) - 1)) / (2 * .pi * CircularKernel.besselIScaled(0, k1))
            let g = exp(k2 * (cos(t - m2) - 1)) / (2 * .pi * CircularKernel.besselIScaled(0, k2))
            total += min(f, g)
        }
        return total * 2 * .pi / Double(n)
    }

    @Test(arguments: [(0, 1.0, 1.2660658777520082), (1, 2.0, 1.590636854637329), (2, 10.0, 2281.518967726004)])
    func besselMatchesPublishedValues(_ n: Int, _ x: Double, _ expected: Double) {
        // Iₙ(x) from Abramowitz & Stegun tables: I0(1) = 1.266066, I1(2) = 1.590637, I2(10) = 2281.519.
        let value = CircularKernel.besselIScaled(n, x) * exp(x)
        #expect(abs(value / expected - 1) < 1e-8)
    }

    @Test func densityIntegratesToOne() {
        let sample = vonMises(200, mean: 1, kappa: 2, seed: 3)
        let kappa = CircularKernel.bandwidth(sample)!
        let grid = (0..<2000).map { (Double($0) + 0.5) * 2 * .pi / 2000 }
        let integral = CircularKernel.density(of: sample, kappa: kappa, at: grid).reduce(0, +) * 2 * .pi / 2000
        #expect(abs(integral - 1) < 1e-6)
    }

    /// Nocturnal (peak 01:00) against crepuscular (peak 19:00) with known true overlap.
    @Test(arguments: [(UInt64(11), 400), (UInt64(12), 400), (UInt64(13), 60)])
    func overlapEstimatesRecoverTheTrueOverlap(_ seed: UInt64, _ n: Int) throws {
        let (m1, k1, m2, k2) = (CircularKernel.angle(secondsSinceMidnight: 3600), 1.5,
                                CircularKernel.angle(secondsSinceMidnight: 19 * 3600), 3.0)
        let truth = trueOverlap(m1, k1, m2, k2)
        let a = vonMises(n, mean: m1, kappa: k1, seed: seed), b = vonMises(n, mean: m2, kappa: k2, seed: seed + 100)
        let est = try #require(ActivityOverlap.estimate(a, b))
        // Tolerance: a few bootstrap SEs (≈0.03 at n = 400, ≈0.07 at n = 60).
        let tolerance = n >= 75 ? 0.07 : 0.15
        #expect(abs(est.delta4 - truth) < tolerance)
        #expect(abs(est.delta1 - truth) < tolerance)
        #expect(est.recommended == (n >= 75 ? "Dhat4" : "Dhat1"))
    }

    @Test func bootstrapIntervalCoversTheEstimateAndIsReproducible() throws {
        let a = vonMises(80, mean: 0.5, kappa: 2, seed: 5), b = vonMises(80, mean: 2.5, kappa: 2, seed: 6)
        let first = try #require(ActivityOverlap.estimate(a, b, bootstrap: 99, seed: 42))
        let second = try #require(ActivityOverlap.estimate(a, b, bootstrap: 99, seed: 42))
        #expect(first == second)
        let (lcl, ucl) = (try #require(first.lcl), try #require(first.ucl))
        #expect(lcl < first.delta4 && first.delta4 < ucl)
        #expect(ucl - lcl > 0.02 && ucl - lcl < 0.4)
    }

    @Test func tooFewTimesGiveNoEstimate() {
        #expect(ActivityOverlap.estimate([1.0], [2.0, 3.0]) == nil)
    }
}
