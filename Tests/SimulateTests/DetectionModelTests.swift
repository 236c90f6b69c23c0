import Foundation
import Testing
@testable import Simulate

/// Detections per animal against the hazard half-normal model's expectation, over many seeds.
@Suite struct DetectionModelTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var lambda0: Double, sigma: Double, sigmaMale: Double?
        var testDescription: String { "λ0=\(lambda0) σ=\(sigma) σ♂=\(sigmaMale.map { "\($0)" } ?? "-")" }
    }

    /// Over 150 replicate surveys, the total of animal-station-day detections must lie within 4 standard
    /// deviations of its expectation Σ usage·(1 − exp(−λ0 e^{−d²/2σ²})) (given each animal's centre and
    /// the realised usage), and the per-animal dispersion (Pearson χ²/df) must lie in 0.85–1.15.
    @Test(arguments: [Case(lambda0: 0.05, sigma: 2_500, sigmaMale: nil), Case(lambda0: 0.2, sigma: 1_500, sigmaMale: 3_000)])
    func detectionsMatchExpectation(c: Case) throws {
        var observed = 0.0, expected = 0.0, variance = 0.0, chi2 = 0.0, animals = 0
        for seed in 1...150 {
            var s = SimulationSettings()
            s.seed = UInt64(seed)
            s.region = .rectangle(width: 20_000, height: 20_000)
            s.population.count = 15
            s.layout.stationCount = 25
            s.layout.spacing = 2_000
            s.survey.days = 30
            s.detection.lambda0 = c.lambda0
            s.detection.sigma = c.sigma
            s.detection.sigmaMale = c.sigmaMale
            let r = try SurveySimulator(settings: s).simulate(historiesOnly: true)
            var perAnimal: [Int: Int] = [:]
            for d in r.survey.detections { perAnimal[d.individualIndex, default: 0] += 1 }
            for (i, animal) in r.population.individuals.enumerated() where animal.ageClass != .cub {
                let sigma = s.detection.sigma(for: animal.sex)
                var e = 0.0, v = 0.0
                for (k, station) in r.survey.stations.enumerated() {
                    let h = c.lambda0 * exp(-animal.activityCentre.distanceSquared(to: station.position) / (2 * sigma * sigma))
                    let p = 1 - exp(-h), used = Double(r.survey.usage[k].reduce(0) { $0 + Int($1) })
                    e += used * p
                    v += used * p * (1 - p)
                }
                #expect(abs(e - r.expectedDetections(ofIndividual: i)) < 1e-9)
                let o = Double(perAnimal[i] ?? 0)
                observed += o; expected += e; variance += v
                if v > 0.05 { chi2 += (o - e) * (o - e) / v; animals += 1 }
            }
        }
        let z = (observed - expected) / variance.squareRoot()
        #expect(abs(z) < 4, "observed \(observed), expected \(expected), z = \(z)")
        let dispersion = chi2 / Double(animals)
        #expect(dispersion > 0.85 && dispersion < 1.15, "Pearson χ²/df = \(dispersion) over \(animals) animals")
    }

    /// Cubs are detected with their mother with probability `cubPresence`.
    @Test func cubsFollowTheirMothers() throws {
        var motherDays = 0.0, cubDays = 0.0
        for seed in 1...80 {
            var s = SimulationSettings()
            s.seed = UInt64(seed)
            s.region = .rectangle(width: 15_000, height: 15_000)
            s.population.count = 12
            s.population.litterProbability = 1
            s.detection.lambda0 = 0.2
            let r = try SurveySimulator(settings: s).simulate(historiesOnly: true)
            let seen = Set(r.survey.detections.map { [$0.individualIndex, $0.stationIndex, $0.day] })
            for (c, cub) in r.population.individuals.enumerated() where cub.ageClass == .cub {
                let mother = r.population.individuals.firstIndex { $0.id == cub.motherID }!
                #expect(r.population.individuals[c].activityCentre == r.population.individuals[mother].activityCentre)
                for d in r.survey.detections where d.individualIndex == mother {
                    motherDays += 1
                    if seen.contains([c, d.stationIndex, d.day]) { cubDays += 1 }
                }
                // A cub is never seen without its mother.
                for d in r.survey.detections where d.individualIndex == c {
                    #expect(seen.contains([mother, d.stationIndex, d.day]))
                }
            }
        }
        let p = 0.8, rate = cubDays / motherDays
        #expect(abs(rate - p) < 4 * (p * (1 - p) / motherDays).squareRoot(), "cub presence \(rate) over \(motherDays)")
    }

    /// Passes of leopards happen mostly at night and twilight.
    @Test func leopardActivityIsNocturnalCrepuscular() {
        var rng = SeededGenerator(seed: 3)
        let hours = (0..<20_000).map { _ in ActivityPattern.nocturnalCrepuscular.sampleSecondOfDay(using: &rng) / 3600 }
        let dark = hours.filter { $0 < 7 || $0 > 18 }.count
        #expect(Double(dark) / Double(hours.count) > 0.7)
        let midday = hours.filter { $0 > 11 && $0 < 14 }.count
        #expect(Double(midday) / Double(hours.count) < 0.06)
    }
}
