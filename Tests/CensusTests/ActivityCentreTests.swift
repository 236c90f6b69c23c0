@testable import Census
import Foundation
import Testing

/// SECR activity centres (secr's fxi): the posterior over the mask of an animal's centre given its history.
@Suite struct ActivityCentreTests {
    @Test func threePointMaskMatchesAHandComputedPosterior() {
        // One detector at the origin, mask points 0, 100, 200 m east; half-normal g0 = 0.5, σ = 100 m; two
        // occasions, caught on the first: Pr(ω | x) = g(d)·(1 − g(d)), g(d) = g0·exp(−d²/2σ²); uniform prior.
        let traps = TrapLayout(ids: ["T1"], x: [0], y: [0])
        var h = CaptureHistories(animalIDs: ["A"], occasions: 2, traps: traps)
        h[animal: 0, occasion: 0, detector: 0] = 1
        let mask = HabitatMask(x: [0, 100, 200], y: [0, 0, 0], spacing: 100)
        let c = ActivityCentre.compute(histories: h, mask: mask, detectionFunction: .halfNormal, intercept: 0.5, sigma: 100)[0]
        let w = [0.0, 100, 200].map { d -> Double in let g = 0.5 * exp(-d * d / 20_000); return g * (1 - g) }
        let expected = w.map { $0 / w.reduce(0, +) }
        for m in 0..<3 { #expect(abs(c.posterior[m] - expected[m]) < 1e-12, "point \(m): \(c.posterior[m]) vs \(expected[m])") }
        #expect(c.modeX == 0)
        #expect(abs(c.meanX - (100 * expected[1] + 200 * expected[2])) < 1e-9)
    }

    @Test func usageScalesTheHazardOfTheHazardHalfNormal() {
        // Hazard half-normal λ0 = 0.4, σ = 150; usage 1 then 0.5; caught on occasion 1 only:
        // Pr(ω | x) = (1 − e^(−h)) · e^(−0.5 h), h = λ0·exp(−d²/2σ²).
        let traps = TrapLayout(ids: ["T1"], x: [0], y: [0], usage: [[1, 0.5]])
        var h = CaptureHistories(animalIDs: ["A"], occasions: 2, traps: traps)
        h[animal: 0, occasion: 0, detector: 0] = 1
        let mask = HabitatMask(x: [0, 150], y: [0, 0], spacing: 150)
        let c = ActivityCentre.compute(histories: h, mask: mask, detectionFunction: .hazardHalfNormal, intercept: 0.4, sigma: 150)[0]
        let w = [0.0, 150].map { d -> Double in let hz = 0.4 * exp(-d * d / (2 * 150 * 150)); return (1 - exp(-hz)) * exp(-0.5 * hz) }
        #expect(abs(c.posterior[0] - w[0] / (w[0] + w[1])) < 1e-12)
    }

    @Test func posteriorSumsToOneAndPeaksAtTheOnlyDetector() throws {
        let traps = TrapLayout(ids: ["T1"], x: [1000], y: [2000])
        var h = CaptureHistories(animalIDs: ["A"], occasions: 10, traps: traps)
        h[animal: 0, occasion: 3, detector: 0] = 1
        let mask = try HabitatMask.trapBuffer(traps: traps, buffer: 3000)
        let c = ActivityCentre.compute(histories: h, mask: mask, detectionFunction: .hazardHalfNormal, intercept: 0.05, sigma: 800)[0]
        #expect(abs(c.posterior.reduce(0, +) - 1) < 1e-12)
        // The mask has no point exactly at the detector: the mode is one of the four nearest, the mean at the detector.
        let d = ((c.modeX - 1000) * (c.modeX - 1000) + (c.modeY - 2000) * (c.modeY - 2000)).squareRoot()
        #expect(d <= mask.spacing * 0.5.squareRoot() + 1e-6)
        #expect(abs(c.meanX - 1000) < 1 && abs(c.meanY - 2000) < 1)
        // The 95% region holds ≥ 95% of the posterior, and dropping its smallest cell would not.
        let held = c.region95.map { c.posterior[$0] }
        #expect(held.reduce(0, +) >= 0.95 && held.reduce(0, +) - held.min()! < 0.95)
        #expect(abs(c.region95SquareKilometres - Double(c.region95.count) * mask.spacing * mask.spacing / 1e6) < 1e-12)
    }

    @Test func twoDetectorsPullTheCentreBetweenThem() {
        // Caught at both of two detectors 2 km apart: the posterior mean lies midway (by symmetry).
        let traps = TrapLayout(ids: ["W", "E"], x: [0, 2000], y: [0, 0])
        var h = CaptureHistories(animalIDs: ["A"], occasions: 5, traps: traps)
        h[animal: 0, occasion: 0, detector: 0] = 1
        h[animal: 0, occasion: 2, detector: 1] = 1
        let mask = try! HabitatMask.trapBuffer(traps: traps, buffer: 4000)
        let c = ActivityCentre.compute(histories: h, mask: mask, detectionFunction: .halfNormal, intercept: 0.2, sigma: 1000)[0]
        #expect(abs(c.meanX - 1000) < 1 && abs(c.meanY) < 1)
    }
}
