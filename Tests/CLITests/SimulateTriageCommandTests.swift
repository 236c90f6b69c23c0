import Foundation
import Testing
import TestSupport

/// `rosette simulate --triage-conditions`: the option is stored in simulation.json, adds the small animals to
/// labels.csv's species, and a wrong value is refused naming the choices.
@Suite(.enabled(if: RosetteBinary.isBuilt, "rosette binary not built beside the tests"))
struct SimulateTriageCommandTests {
    static let small = ["--stations", "2", "--days", "6", "--leopards", "2", "--width", "256", "--height", "192",
                        "--false-triggers", "1", "--region-width-km", "6", "--region-height-km", "5", "--spacing", "1500"]

    @Test func fieldIsRecordedAndCalmIsTheDefault() throws {
        let dir = TemporaryDirectory("sim-triage")
        let field = try RosetteBinary.run(["simulate", dir.path("field").path, "--triage-conditions", "field"] + Self.small)
        #expect(field.status == 0, "\(field.stderr)")
        let json = try String(contentsOf: dir.path("field/simulation.json"), encoding: .utf8)
        #expect(json.contains("\"triageConditions\"") && json.contains("Tamias sibiricus"))
        let labels = try String(contentsOf: dir.path("field/labels.csv"), encoding: .utf8)
        #expect(labels.hasPrefix("path,burst,label,species,class\n"))
        #expect(labels.contains(",empty,,"))

        let calm = try RosetteBinary.run(["simulate", dir.path("calm").path] + Self.small)
        #expect(calm.status == 0, "\(calm.stderr)")
        let calmJSON = try String(contentsOf: dir.path("calm/simulation.json"), encoding: .utf8)
        #expect(!calmJSON.contains("triageConditions") && !calmJSON.contains("Tamias"))
    }

    @Test func unknownValueIsRefused() throws {
        let dir = TemporaryDirectory("sim-triage-bad")
        let r = try RosetteBinary.run(["simulate", dir.path("x").path, "--triage-conditions", "windy"] + Self.small)
        #expect(r.status != 0)
        #expect(r.stderr.contains("--triage-conditions must be calm or field (got windy)"), "\(r.stderr)")
    }
}
