import Foundation
import Testing
import TestSupport
@testable import Census

/// secr's text mask (`census secr --mask FILE`): read, spacing inferred, bad and irregular masks refused.
@Suite struct MaskFileTests {
    /// The secr demo refitted on Rosette's own trap-buffer mask written out and read back gives the same fit.
    @Test(.enabled(if: ReferenceData.isPresent, "../shared/reference not found: reference tests skipped"))
    func demoFitOnAWrittenMaskEqualsTheFitOnTheBuiltMask() throws {
        let traps = try SECRTextFormat.readTraps(contentsOf: ReferenceData.url("secr-demo/trap.txt"))
        let ch = try SECRTextFormat.readCaptures(contentsOf: ReferenceData.url("secr-demo/capt.txt"), traps: traps, detector: .multi)
        let built = try HabitatMask.trapBuffer(traps: traps, buffer: 100)
        let dir = TemporaryDirectory("mask")
        let file = dir.path("mask.txt")
        let habitat = (0..<built.count).map { [$0 % 3 == 0 ? "forest" : "open", String($0)] }
        try SECRTextFormat.maskText(built, covariateNames: ["habitat", "index"], covariates: habitat)
            .write(to: file, atomically: true, encoding: .utf8)
        let read = try SECRTextFormat.readMask(contentsOf: file)
        #expect(read.mask.count == built.count)
        #expect(abs(read.mask.spacing - built.spacing) < 1e-9 * built.spacing)
        #expect(read.covariateNames == ["habitat", "index"])
        #expect(read.covariates == habitat)
        let model = SECRModel(detector: .multi, detectionFunction: .halfNormal)
        let a = try model.fit(ch, mask: built), b = try model.fit(ch, mask: read.mask)
        #expect(abs(a.logLik - b.logLik) < 1e-8, "logLik \(a.logLik) on the built mask vs \(b.logLik) on the file")
        #expect(abs(b.logLik - -759.025746) < 1e-3)  // secr's published fit (EXPECTED.md)
        #expect(abs(a.density.estimate - b.density.estimate) < 1e-9 * a.density.estimate)
    }

    @Test func rowNamesCommasAndCommentsAreAccepted() throws {
        let text = """
            # written by secr
            "x","y","cover"
            1,100,200,0.5
            2,150,200,0.7
            3,100,250,0.1
            """
        let m = try SECRTextFormat.parseMask(text, fileName: "m.csv")
        #expect(m.mask.x == [100, 150, 100] && m.mask.y == [200, 200, 250])
        #expect(m.mask.spacing == 50 && m.mask.cellAreaHectares == 0.25)
        #expect(m.covariates == [["0.5"], ["0.7"], ["0.1"]])
    }

    @Test(arguments: [
        ("x y\n0 0\n100 0\n0 150\n100 150\n", "the x spacing (100 m) and the y spacing (150 m) differ"),
        ("x y\n0 0\n100 0\n250 0\n0 100\n", "m.txt:4: not a regular mask: point x = 250, y = 0 is off the grid of spacing 100 m"),
        ("x y\n5 5\n", "a single point"),
    ])
    func irregularMasksAreRefusedWithAClearMessage(_ text: String, _ message: String) {
        #expect {
            try SECRTextFormat.parseMask(text, fileName: "m.txt")
        } throws: { error in
            guard let e = error as? CensusError, case .irregularMask = e else { return false }
            return e.description.contains(message) && e.description.contains("m.txt")
        }
    }

    @Test func badLinesAreNamedByFileAndLine() {
        #expect(throws: CensusError.malformedLine(file: "m.txt", line: 3, value: "100 abc", expected: "numeric x and y")) {
            try SECRTextFormat.parseMask("x y\n0 0\n100 abc\n", fileName: "m.txt")
        }
        #expect(throws: CensusError.malformedLine(file: "m.txt", line: 2, value: "0", expected: "2 values (x y) as in the header")) {
            try SECRTextFormat.parseMask("x y\n0\n", fileName: "m.txt")
        }
    }
}
