import Foundation
import Testing
import TestSupport
@testable import Census

/// Cormack–Jolly–Seber fits against the dipper reference (../shared/reference/cjs-dipper/README.md) and
/// RMark/MARK's published dipper output for the time models.
@Suite("Cormack–Jolly–Seber survival")
struct CJSModelTests {
    static let dipperURL = SharedData.root.appendingPathComponent("reference/cjs-dipper/dipper.csv")
    static var hasDipper: Bool { FileManager.default.fileExists(atPath: dipperURL.path) }

    func dipper(group: String? = nil) throws -> CJSData {
        try CJSData.readCSV(contentsOf: Self.dipperURL, group: group)
    }

    @Test("phi(.)p(.) on the dipper equals the reference to 4 significant digits",
          .enabled(if: hasDipper, "../shared/reference/cjs-dipper not found beside the project: dipper reference skipped"))
    func dipperConstantModel() throws {
        let data = try dipper()
        #expect(data.animals == 294 && data.occasions == 7)
        #expect(data.effectiveSampleSize == 426)
        let fit = try CJSModel(phi: .constant, p: .constant).fit(data)
        let phi = try #require(fit.phi.first).value, p = try #require(fit.p.first).value
        let values = [phi.estimate, phi.se, phi.lcl, phi.ucl, p.estimate, p.se, p.lcl, p.ucl, fit.minus2LogLik, fit.aicc]
        // The README's table, as printed (4 decimals; 3 for −2 log L and AICc).
        let readme = [0.5602, 0.0251, 0.5105, 0.6088, 0.9026, 0.0286, 0.8305, 0.9460, 666.838, 670.866]
        for (value, reference) in zip(values, readme) {
            let decimals = reference > 100 ? 3.0 : 4.0
            #expect(abs(value - reference) <= 0.5 * pow(10, -decimals) + 1e-12, "\(value) vs \(reference)")
        }
        // The same fit in MARK's full output (RMark, Phi(~1)p(~1)): 4 significant digits throughout.
        let mark = [0.5602430, 0.0251330, 0.5105493, 0.6087577, 0.9025835, 0.0285857, 0.8304826, 0.9460113, 666.8377, 670.866]
        for (value, reference) in zip(values, mark) {
            #expect(agrees(value, reference, digits: 4), "\(value) vs MARK \(reference)")
        }
        #expect(fit.parameterCount == 2)
    }

    /// RMark 2.x / MARK on the dipper (a published RMark tutorial's output): phi(t)p(.) −2lnL 659.7301, K 7,
    /// AICc 673.998; phi(.)p(t) 664.4802, K 7, AICc 678.7481; phi(t)p(t) deviance 48.27043 against
    /// phi(.)p(.)'s 58.15788, i.e. −2lnL 666.8377 − 58.15788 + 48.27043 = 656.9503. Tolerance 1e-3 on −2lnL.
    @Test("time models match MARK's −2 log L; phi(t)p(t) has 11 identifiable parameters",
          .enabled(if: hasDipper, "../shared/reference/cjs-dipper not found beside the project: dipper reference skipped"),
          arguments: [(CJSModel.Structure.time, CJSModel.Structure.constant, 659.7301, 7, 673.998),
                      (.constant, .time, 664.4802, 7, 678.7481), (.time, .time, 656.9503, 11, .nan)])
    func dipperTimeModels(phi: CJSModel.Structure, p: CJSModel.Structure, m2ll: Double, k: Int, aicc: Double) throws {
        let fit = try CJSModel(phi: phi, p: p).fit(try dipper())
        #expect(abs(fit.minus2LogLik - m2ll) < 1e-3, "\(fit.name): \(fit.minus2LogLik) vs \(m2ll)")
        #expect(fit.parameterCount == k)
        if aicc.isFinite { #expect(abs(fit.aicc - aicc) < 1e-3, "AICc \(fit.aicc) vs \(aicc)") }
        if phi == .time && p == .time {
            // Five estimable φ, five p (occasions 2–6) and one φ·p for 1986–1987.
            #expect(fit.phi.count == 5 && fit.p.count == 5 && fit.phiP.count == 1)
            #expect(fit.phiP[0].label == "6–7")
        }
    }

    /// Real parameters of the same RMark/MARK output: phi(t)p(.) φ 0.6258351 0.4541914 0.4783772 0.6244043
    /// 0.6079444 0.5832982, p 0.9020662; phi(.)p(t) φ 0.5530901, p 0.7850809 0.8905191 0.8750974 0.9083167
    /// 0.9405547 0.9639315. Four significant digits.
    @Test("time-model estimates match MARK's real parameters",
          .enabled(if: hasDipper, "../shared/reference/cjs-dipper not found beside the project: dipper reference skipped"))
    func dipperTimeEstimates() throws {
        let data = try dipper()
        let t0 = try CJSModel(phi: .time, p: .constant).fit(data)
        for (e, r) in zip(t0.phi.map(\.value.estimate) + t0.p.map(\.value.estimate),
                          [0.6258351, 0.4541914, 0.4783772, 0.6244043, 0.6079444, 0.5832982, 0.9020662]) {
            #expect(agrees(e, r, digits: 4), "phi(t)p(.): \(e) vs \(r)")
        }
        #expect(t0.phi.map(\.label) == ["1–2", "2–3", "3–4", "4–5", "5–6", "6–7"] && t0.p.map(\.label) == ["all"])
        let ct = try CJSModel(phi: .constant, p: .time).fit(data)
        for (e, r) in zip(ct.phi.map(\.value.estimate) + ct.p.map(\.value.estimate),
                          [0.5530901, 0.7850809, 0.8905191, 0.8750974, 0.9083167, 0.9405547, 0.9639315]) {
            #expect(agrees(e, r, digits: 4), "phi(.)p(t): \(e) vs \(r)")
        }
        #expect(ct.p.count == 6)
    }

    @Test("the four models nest: −2 log L of phi(t)p(t) ≤ phi(t)p(.) ≤ phi(.)p(.); AICc table ranks them",
          .enabled(if: hasDipper, "../shared/reference/cjs-dipper not found beside the project: dipper reference skipped"))
    func aicTable() throws {
        let rows = CJSModelComparison.table(data: try dipper(), models: CJSModel.standard)
        let fits = Dictionary(uniqueKeysWithValues: rows.map { ($0.name, try! $0.outcome.get()) })
        let tt = try #require(fits["phi(t)p(t)"]), t0 = try #require(fits["phi(t)p(.)"]), c = try #require(fits["phi(.)p(.)"])
        #expect(tt.minus2LogLik <= t0.minus2LogLik + 1e-6 && t0.minus2LogLik <= c.minus2LogLik + 1e-6)
        #expect(rows.first?.name == "phi(.)p(.)" && rows.first?.deltaAICc == 0)
        #expect(abs(rows.compactMap(\.weight).reduce(0, +) - 1) < 1e-12)
    }

    @Test("grouped by sex: separate estimates per level, and the grouped model fits at least as well",
          .enabled(if: hasDipper, "../shared/reference/cjs-dipper not found beside the project: dipper reference skipped"))
    func groups() throws {
        let data = try dipper(group: "sex")
        #expect(data.groupLevels == ["Female", "Male"])
        let pooled = try CJSModel(phi: .constant, p: .constant).fit(data)
        let bySex = try CJSModel(phi: .group, p: .group).fit(data)
        #expect(bySex.name == "phi(sex)p(sex)" && bySex.parameterCount == 4)
        #expect(Set(bySex.phi.compactMap(\.group)) == ["Female", "Male"])
        #expect(bySex.minus2LogLik <= pooled.minus2LogLik + 1e-6)
        let full = try CJSModel(phi: .groupTime, p: .groupTime).fit(data)
        #expect(full.parameterCount == 2 * 11 && full.phiP.count == 2)
    }

    @Test("model names parse", arguments: [("phi(.)p(.)", CJSModel.Structure.constant, CJSModel.Structure.constant),
                                           ("Phi(t)p(.)", .time, .constant), ("phi(sex*t)p(sex)", .groupTime, .group),
                                           ("phi(t*g) p(t)", .groupTime, .time)])
    func parse(text: String, phi: CJSModel.Structure, p: CJSModel.Structure) throws {
        let model = try #require(CJSModel.parse(text, group: "sex"))
        #expect(model.phi == phi && model.p == p)
        #expect(CJSModel.parse("phi(age)p(.)", group: "sex") == nil)
    }

    @Test func badLinesAreReportedAndSkipped() throws {
        let text = "ch,sex\n0110,F\n01a0,M\n011,F\n1011\n1111,M\n0001,\n"
        let data = try CJSData.parseCSV(text: text, file: "h.csv", group: "sex")
        #expect(data.animals == 2)
        let problems = data.problems.joined(separator: "\n")
        #expect(problems.contains("h.csv:3: column 'ch' (1): '01a0' has 'a'"))
        #expect(problems.contains("h.csv:4: column 'ch' (1): history of 3 occasion(s)"))
        #expect(problems.contains("h.csv:5: column 'sex' (2) is missing"))
        #expect(problems.contains("h.csv:7: column 'sex' (2) is empty"))
        #expect(throws: CensusError.self) { try CJSData.parseCSV(text: "history\n0101\n", file: "x.csv") }
        do { _ = try CJSData.parseCSV(text: "history\n0101\n", file: "x.csv") } catch {
            #expect("\(error)".contains("x.csv") && "\(error)".contains("'ch'"))
        }
    }

    @Test("a gap year makes the interval survival φ²")
    func timeIntervals() throws {
        // Same histories, read as yearly occasions 2019, 2020, 2022, …: with a two-year gap the per-year φ is higher.
        let sim = try CJSSimulator(occasions: 5, animals: 400, phi: 0.7, p: 0.6).simulate(seed: 7)
        var histories: [[Bool]] = []
        for pattern in sim.patterns { histories += Array(repeating: pattern.history, count: pattern.count) }
        let gap = try CJSData(histories: histories, occasionLabels: ["2019", "2020", "2022", "2023", "2024"],
                              intervals: [1, 2, 1, 1])
        let plain = try CJSModel(phi: .constant, p: .constant).fit(sim)
        let gapped = try CJSModel(phi: .constant, p: .constant).fit(gap)
        #expect(gapped.phi[0].value.estimate > plain.phi[0].value.estimate)
    }

    @Test("φ(.)p(.) recovers the truth on a large simulated data set")
    func simulatedTruth() throws {
        let check = try CJSSimulator(occasions: 8, animals: 4000, phi: 0.75, p: 0.5).coverageCheck(seed: 11)
        #expect(abs(check.phi.estimate - 0.75) < 4 * check.phi.se)
        #expect(abs(check.p.estimate - 0.5) < 4 * check.p.se)
        #expect(check.phi.se > 0 && check.phi.se < 0.02)
    }
}
