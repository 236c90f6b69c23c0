import Foundation
import Testing
@testable import Census

/// Published reference fits (secr 5.x, see ../shared/reference/*/EXPECTED.md).
struct SECRReferenceCase: Sendable, CustomTestStringConvertible {
    var name: String
    var captures: String
    var traps: String
    var buffer: Double
    var detectfn: DetectionFunction
    var conditional: Bool
    var logLik: Double
    var density: Double
    var g0: Double
    var sigma: Double
    var densitySE: Double? = nil
    var densityCI: (Double, Double)? = nil
    var g0SE: Double? = nil
    var g0CI: (Double, Double)? = nil
    var sigmaSE: Double? = nil
    var sigmaCI: (Double, Double)? = nil

    var testDescription: String { name }

    static let all: [SECRReferenceCase] = [
        SECRReferenceCase(name: "captdata multi hn full", captures: "secr-demo/capt.txt", traps: "secr-demo/trap.txt",
                          buffer: 100, detectfn: .halfNormal, conditional: false, logLik: -759.025746,
                          density: 5.479803, g0: 0.2731907, sigma: 29.36583,
                          densitySE: 0.646741, densityCI: (4.351622, 6.900471),
                          g0SE: 0.0270513, g0CI: (0.223477, 0.329274),
                          sigmaSE: 1.304938, sigmaCI: (26.91757, 32.03677)),
        SECRReferenceCase(name: "captdata multi hn conditional", captures: "secr-demo/capt.txt", traps: "secr-demo/trap.txt",
                          buffer: 100, detectfn: .halfNormal, conditional: true, logLik: -755.940344,
                          density: 5.4798074, g0: 0.2731907, sigma: 29.36583,
                          densitySE: 0.6445541, densityCI: (4.3549957, 6.8951365)),
        SECRReferenceCase(name: "stoat multi hn", captures: "secr-stoat/stoatcapt.txt", traps: "secr-stoat/stoattrap.txt",
                          buffer: 1000, detectfn: .halfNormal, conditional: false, logLik: -144.001517,
                          density: 0.0223630, g0: 0.0514646, sigma: 257.918,
                          densitySE: 0.0065425, densityCI: (0.0127526, 0.0392158)),
        SECRReferenceCase(name: "stoat multi ex", captures: "secr-stoat/stoatcapt.txt", traps: "secr-stoat/stoattrap.txt",
                          buffer: 1000, detectfn: .exponential, conditional: false, logLik: -144.708286,
                          density: 0.0222994, g0: 0.1247822, sigma: 166.080),
    ]
}

@Suite("SECR fits against secr reference results")
struct SECRFitTests {
    func fit(_ c: SECRReferenceCase) throws -> SECRFit {
        let traps = try SECRTextFormat.readTraps(contentsOf: ReferenceData.url(c.traps))
        let ch = try SECRTextFormat.readCaptures(contentsOf: ReferenceData.url(c.captures), traps: traps, detector: .multi)
        let mask = try HabitatMask.trapBuffer(traps: traps, buffer: c.buffer)
        return try SECRModel(detector: .multi, detectionFunction: c.detectfn, conditional: c.conditional).fit(ch, mask: mask)
    }

    @Test(.enabled(if: ReferenceData.isPresent, "../shared/reference not found: reference tests skipped"),
          arguments: SECRReferenceCase.all)
    func matchesReference(_ c: SECRReferenceCase) throws {
        let fit = try self.fit(c)
        #expect(fit.converged)
        #expect(abs(fit.logLik - c.logLik) < 1e-3, "logLik \(fit.logLik) vs \(c.logLik)")
        #expect(agrees(fit.density.estimate, c.density, digits: 4), "D \(fit.density.estimate) vs \(c.density)")
        #expect(agrees(fit.intercept.estimate, c.g0, digits: 4), "g0 \(fit.intercept.estimate) vs \(c.g0)")
        #expect(agrees(fit.sigma.estimate, c.sigma, digits: 4), "sigma \(fit.sigma.estimate) vs \(c.sigma)")
        let checks: [(String, Double, Double?)] = [
            ("SE(D)", fit.density.se, c.densitySE), ("lcl(D)", fit.density.lcl, c.densityCI?.0),
            ("ucl(D)", fit.density.ucl, c.densityCI?.1), ("SE(g0)", fit.intercept.se, c.g0SE),
            ("lcl(g0)", fit.intercept.lcl, c.g0CI?.0), ("ucl(g0)", fit.intercept.ucl, c.g0CI?.1),
            ("SE(sigma)", fit.sigma.se, c.sigmaSE), ("lcl(sigma)", fit.sigma.lcl, c.sigmaCI?.0),
            ("ucl(sigma)", fit.sigma.ucl, c.sigmaCI?.1),
        ]
        for (label, value, reference) in checks {
            guard let reference else { continue }
            #expect(agrees(value, reference, digits: 3), "\(label) \(value) vs \(reference)")
        }
    }

    @Test(.enabled(if: ReferenceData.isPresent, "../shared/reference not found: reference tests skipped"))
    func informationCriteriaAreConsistent() throws {
        let fit = try self.fit(SECRReferenceCase.all[0])
        #expect(abs(fit.aic - (-2 * fit.logLik + 6)) < 1e-9)
        #expect(abs(fit.aicc - (fit.aic + 2 * 3 * 4 / Double(fit.animals - 4))) < 1e-9)
        #expect(fit.animals == 76 && fit.detections == 235)
        // Conditional and full fits share the detection parameters.
        let cl = try self.fit(SECRReferenceCase.all[1])
        #expect(abs(cl.sigma.estimate - fit.sigma.estimate) / fit.sigma.estimate < 1e-4)
        #expect(abs(fit.densityPer100SquareKilometres.estimate - fit.density.estimate * 10_000) < 1e-6)
    }

    @Test(.enabled(if: ReferenceData.isPresent, "../shared/reference not found: reference tests skipped"))
    func nonConvergenceIsReportedNotAnswered() throws {
        let c = SECRReferenceCase.all[0]
        let traps = try SECRTextFormat.readTraps(contentsOf: ReferenceData.url(c.traps))
        let ch = try SECRTextFormat.readCaptures(contentsOf: ReferenceData.url(c.captures), traps: traps, detector: .multi)
        let mask = try HabitatMask.trapBuffer(traps: traps, buffer: 100)
        #expect {
            _ = try SECRModel(detector: .multi, maxIterations: 1).fit(ch, mask: mask)
        } throws: { error in
            guard case let .notConverged(_, iterations, _) = error as? CensusError else { return false }
            return iterations == 1 && "\(error)".contains("did not converge")
        }
    }
}
