import Foundation
import Testing
@testable import Census

/// Edwards & Eberhardt (1967) cottontail rabbits, f1..f18 (../shared/reference/closed-cr/rabbits-EXPECTED.md).
let rabbitFrequencies = [43, 16, 8, 6, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]

@Suite("Closed-population models")
struct ClosedPopulationTests {
    let rabbits = try! ClosedCaptureData(frequencies: rabbitFrequencies, occasions: 18)

    @Test("N-hat matches the published values to 4 significant digits",
          arguments: [(ClosedModel.m0, 96.2589), (.mh2, 135.48), (.mhJackknife, 143.8743)])
    func pointEstimates(model: ClosedModel, reference: Double) throws {
        let fit = try ClosedPopulation.fit(model: model, data: rabbits)
        #expect(agrees(fit.population.estimate, reference, digits: 4), "\(fit.population.estimate) vs \(reference)")
    }

    @Test("Chao (1987) intervals (the default) match MARK / CAPTURE",
          arguments: [(ClosedModel.m0, 86.603278, 114.70669), (.mh2, 95.586, 256.612), (.mhJackknife, 112.9113, 200.8106)])
    func chaoIntervals(model: ClosedModel, lcl: Double, ucl: Double) throws {
        let fit = try ClosedPopulation.fit(model: model, data: rabbits)
        #expect(fit.interval == .chao1987)
        #expect(agrees(fit.population.lcl, lcl, digits: 4), "lcl \(fit.population.lcl) vs \(lcl)")
        #expect(agrees(fit.population.ucl, ucl, digits: 4), "ucl \(fit.population.ucl) vs \(ucl)")
    }

    @Test func m0StandardErrorAICAndWiqidInterval() throws {
        let fit = try ClosedPopulation.fit(model: .m0, data: rabbits, interval: .logF0Wald)
        #expect(agrees(fit.population.se, 6.8786, digits: 4))
        #expect(abs(try #require(fit.aic) - 379.5941) < 1e-3)
        // wiqid's interval (nlm's approximate Hessian) agrees to 3 significant digits.
        #expect(agrees(fit.population.lcl, 86.4162, digits: 3))
        #expect(agrees(fit.population.ucl, 115.4025, digits: 3))
    }

    @Test func chaoEstimatorFollowsItsFormula() throws {
        let fit = try ClosedPopulation.fit(model: .chao, data: rabbits)
        let f1 = Double(rabbitFrequencies[0]), f2 = Double(rabbitFrequencies[1])
        #expect(abs(fit.population.estimate - (76 + f1 * f1 / (2 * f2))) < 1e-9)
        #expect(fit.population.lcl > 76 && fit.population.ucl > fit.population.estimate)
    }

    @Test func aicTableRanksLikelihoodModels() {
        let rows = ClosedModelComparison.table(data: rabbits)
        #expect(rows.map(\.model) == [.mh2, .m0, .mhJackknife, .chao])   // Mt, Mb need histories
        #expect(rows[0].deltaAIC == 0)
        #expect(abs(rows.compactMap(\.weight).reduce(0, +) - 1) < 1e-12)
    }

    @Test func noRecapturesCannotBeFitted() throws {
        let data = try ClosedCaptureData(frequencies: [12], occasions: 5)
        for model in [ClosedModel.m0, .mh2, .mhJackknife, .chao] {
            #expect(throws: CensusError.self) { try ClosedPopulation.fit(model: model, data: data) }
        }
        do {
            _ = try ClosedPopulation.fit(model: .m0, data: data)
        } catch {
            #expect("\(error)".contains("cannot be fitted") && "\(error)".contains("more than once"))
        }
    }

    @Test func historiesModelsNeedHistories() {
        #expect(throws: CensusError.self) { try ClosedPopulation.fit(model: .mt, data: rabbits) }
        #expect(throws: CensusError.self) { try ClosedPopulation.fit(model: .mb, data: rabbits) }
    }

    @Test("Mt, Mb and M0 recover N from simulated histories", arguments: [UInt64(1), 2, 3])
    func simulatedHistories(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let trueN = 200, t = 6
        let p = [0.15, 0.25, 0.2, 0.3, 0.1, 0.2]
        let rows = (0..<trueN).map { _ in (0..<t).map { rng.uniform() < p[$0] } }.filter { $0.contains(true) }
        let data = try ClosedCaptureData(histories: rows)
        #expect(data.frequencies.reduce(0, +) == rows.count)
        for model in [ClosedModel.m0, .mt, .mb] {
            let fit = try ClosedPopulation.fit(model: model, data: data)
            #expect(fit.population.estimate > 150 && fit.population.estimate < 270, "\(model) \(fit.population.estimate)")
            #expect(fit.population.lcl < fit.population.estimate && fit.population.estimate < fit.population.ucl)
        }
        let mt = try ClosedPopulation.fit(model: .mt, data: data)
        #expect(mt.parameters.count == t)
        #expect(mt.population.lcl < Double(trueN) + 60 && mt.population.ucl > Double(trueN) - 60)
    }

    @Test func parsesHistoriesWithCommentsAndErrors() throws {
        let data = try ClosedCaptureData.parseHistories("# rabbits\n0110\nA7 1000\n0001 # late\n", fileName: "h.txt")
        #expect(data.occasions == 4 && data.animals == 3 && data.frequencies == [2, 1, 0, 0])
        #expect(data.firstCapturesPerOccasion == [1, 1, 0, 1])
        #expect { try ClosedCaptureData.parseHistories("0110\n01a0\n", fileName: "h.txt") } throws: { error in
            "\(error)".contains("h.txt:2") && "\(error)".contains("01a0")
        }
        #expect { try ClosedCaptureData.parseHistories("0110\n010\n", fileName: "h.txt") } throws: { error in
            "\(error)".contains("h.txt:2") && "\(error)".contains("4 occasions")
        }
    }
}
