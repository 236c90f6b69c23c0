import Foundation
import Testing
@testable import Census

@Suite("secr text formats")
struct SECRTextFormatTests {
    let traps = """
    # Detector x y usage
    0101 0 0 11101
    0102 0 100 11111
    0201 100 0 11111
    """

    func layout() throws -> TrapLayout { try SECRTextFormat.parseTraps(traps, fileName: "traps.txt") }

    @Test(.enabled(if: ReferenceData.isPresent, "../shared/reference not found: reference tests skipped"))
    func readsReferenceFiles() throws {
        let demoTraps = try SECRTextFormat.readTraps(contentsOf: ReferenceData.url("secr-demo/trap.txt"))
        let demo = try SECRTextFormat.readCaptures(contentsOf: ReferenceData.url("secr-demo/capt.txt"),
                                                   traps: demoTraps, detector: .multi)
        #expect(demoTraps.count == 100 && demo.animals == 76 && demo.detections == 235 && demo.occasions == 5)
        let stoatTraps = try SECRTextFormat.readTraps(contentsOf: ReferenceData.url("secr-stoat/stoattrap.txt"))
        let stoat = try SECRTextFormat.readCaptures(contentsOf: ReferenceData.url("secr-stoat/stoatcapt.txt"),
                                                    traps: stoatTraps, detector: .multi)
        #expect(stoatTraps.count == 94 && stoat.animals == 20 && stoat.detections == 30 && stoat.occasions == 7)
        #expect(stoatTraps.ids.contains("A12"))
    }

    @Test func parsesUsageAndStringIDs() throws {
        let t = try layout()
        #expect(t.ids == ["0101", "0102", "0201"])
        #expect(t.usage?[0] == [1, 1, 1, 0, 1])
        #expect(t.usageOccasions == 5)
        let ch = try SECRTextFormat.parseCaptures("S 0007 1 0101\nS 0007 2 0201\nS 12 5 0102 extra\n",
                                                  fileName: "capt.txt", traps: t)
        #expect(ch.animalIDs == ["0007", "12"] && ch.occasions == 5)
        #expect(ch[animal: 0, occasion: 1, detector: 2] == 1)
        let xy = try SECRTextFormat.parseCaptures("S A 1 100 0 9\nS A 2 0 100 9\n", fileName: "capt.txt", traps: t)
        #expect(xy[animal: 0, occasion: 0, detector: 2] == 1 && xy[animal: 0, occasion: 1, detector: 1] == 1)
    }

    /// Each bad input gives an error naming the file, the line and the offending value.
    @Test(arguments: [
        ("S 1 1 0101\nS 1 2 0999\n", "capt.txt:2", "0999"),          // unknown detector
        ("S 1 1 0101\nS 1 6 0102\n", "capt.txt:2", "'6'"),           // beyond usage length (5)
        ("S 1 1 0101\nS 1 x 0102\n", "capt.txt:2", "x"),             // non-numeric occasion
        ("S 1 1\n", "capt.txt:1", "S 1 1"),                          // too few columns
        ("S 1 4 0101\n", "capt.txt:1", "0101"),                      // detector not in use on occasion 4
        ("S 1 1 0101\nT 1 1 0102\n", "capt.txt:2", "T 1 1 0102"),    // second session
    ])
    func badCaptureLines(text: String, location: String, value: String) throws {
        let t = try layout()
        #expect { try SECRTextFormat.parseCaptures(text, fileName: "capt.txt", traps: t) } throws: { error in
            let message = "\(error)"
            return error is CensusError && message.contains(location) && message.contains(value)
        }
    }

    @Test func occasionBeyondDeclaredSurvey() throws {
        let t = try SECRTextFormat.parseTraps("A 0 0\nB 0 50\n", fileName: "t.txt")
        #expect {
            try SECRTextFormat.parseCaptures("S 1 1 A\nS 1 4 B\n", fileName: "c.txt", traps: t, occasions: 3)
        } throws: { error in
            guard case let .occasionOutOfRange(file, line, occasion, occasions) = error as? CensusError else { return false }
            return file == "c.txt" && line == 2 && occasion == "4" && occasions == 3
        }
    }

    @Test func multiCatchAllowsOneCapturePerOccasion() throws {
        let t = try SECRTextFormat.parseTraps("A 0 0\nB 0 50\n", fileName: "t.txt")
        #expect {
            try SECRTextFormat.parseCaptures("S 1 1 A\nS 1 1 B\n", fileName: "c.txt", traps: t, detector: .multi)
        } throws: { error in "\(error)".contains("c.txt:2") && "\(error)".contains("more than once") }
        let proximity = try SECRTextFormat.parseCaptures("S 1 1 A\nS 1 1 B\n", fileName: "c.txt", traps: t)
        #expect(proximity.detections == 2)
    }

    @Test(arguments: [
        ("A 0 0\nB 0\n", "t.txt:2", "B 0"),                 // missing y
        ("A 0 0\nB east 5\n", "t.txt:2", "B east 5"),       // non-numeric x
        ("A 0 0\nA 5 5\n", "t.txt:2", "'A'"),               // duplicate detector
        ("A 0 0 111\nB 5 5 11\n", "t.txt:2", "11"),         // usage length differs
        ("A 0 0 1 2\nB 5 5 1 -2\n", "t.txt:2", "-2"),       // negative usage
    ])
    func badTrapLines(text: String, location: String, value: String) {
        #expect { try SECRTextFormat.parseTraps(text, fileName: "t.txt") } throws: { error in
            "\(error)".contains(location) && "\(error)".contains(value)
        }
    }

    @Test func missingFileIsReported() {
        #expect { try SECRTextFormat.readTraps(contentsOf: URL(fileURLWithPath: "/nonexistent/traps.txt")) } throws: {
            "\($0)".contains("/nonexistent/traps.txt")
        }
    }
}
