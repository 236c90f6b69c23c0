import Foundation
import Testing
@testable import Simulate

/// Pins the flank convention (DATASET.md) against what the simulator draws: an animal heading towards the
/// image's right edge shows its RIGHT flank, and truth.csv's `side` says so.
@Suite struct FlankConventionTests {
    @Test func headingRightIsTheRightFlank() throws {
        let out = temporaryDirectory("flank-convention")
        defer { try? FileManager.default.removeItem(at: out) }
        var settings = smallSettings(seed: 11)
        settings.survey.burstFrames = 3
        let run = try SurveySimulator(settings: settings).writeSurvey(to: out, encoder: PPMEncoder())
        let leopards = run.truth.filter { !$0.individualID.isEmpty && $0.bbox != nil }
        var checked = 0
        for (_, rows) in Dictionary(grouping: leopards, by: \.sequence) where rows.count >= 2 {
            let ordered = rows.sorted { $0.filePath < $1.filePath }   // numbered per camera in time order
            let a = ordered.first!.bbox!, b = ordered.last!.bbox!
            // Boxes wholly inside the frame: their centres move with the animal.
            guard [a, b].allSatisfy({ $0[0] > 0.005 && $0[0] + $0[2] < 0.995 }) else { continue }
            let shift = (b[0] + b[2] / 2) - (a[0] + a[2] / 2)
            guard abs(shift) > 0.02 else { continue }
            #expect(ordered.allSatisfy { $0.side == ordered[0].side }, "burst \(ordered[0].sequence) changes side")
            #expect(ordered[0].side == (shift > 0 ? "right" : "left"), "burst \(ordered[0].sequence) moves \(shift)")
            checked += 1
        }
        #expect(checked >= 5, "only \(checked) bursts with a moving whole box")
    }
}
