import Core
import Foundation
import Ingest
import Store
import Testing
@testable import Simulate

/// A simulated card dump (real JPEGs with EXIF) read back by `rosette ingest` like a real one.
@Suite struct SimulatedCardIngestTests {
    @Test func ingestGivesBackEveryPhotoAtItsTrueTimeOnceClocksAreCorrected() throws {
        let out = temporaryDirectory("card-ingest")
        defer { try? FileManager.default.removeItem(at: out) }
        var settings = smallSettings(seed: 21)
        settings.survey.clockErrorFraction = 0.5
        let run = try SurveySimulator(settings: settings).writeSurvey(to: out, encoder: JPEGPhotoEncoder())
        let wrongClocks = run.simulated.survey.deployments.filter { $0.clockOffset != 0 }
        try #require(!wrongClocks.isEmpty, "the seed should give some cameras a wrong clock")

        var survey = Core.SurveySettings()
        survey.timeZone = "Asia/Vladivostok"
        let store = try SurveyStore.create(directory: out.appendingPathComponent("survey"), settings: survey)
        let parsed = try DeploymentsCSV.read(out.appendingPathComponent("deployments.csv"), defaultZone: try ZoneSpec("UTC"))
        #expect(parsed.problems.isEmpty)
        try store.upsertDeployments(parsed.deployments, actor: "test")
        let summary = try Ingestor(store: store).run(directory: out.appendingPathComponent("photos"), options: IngestOptions(workers: 2))
        #expect(summary.stored == run.truth.count)
        #expect(summary.problems == 0)

        func timestamps() throws -> [String: Date] {
            var all: [String: Date] = [:]
            try store.forEachMedia { all[$0.filePath] = $0.timestamp }
            return all
        }
        let offsets = Dictionary(uniqueKeysWithValues: run.simulated.survey.deployments.map { ($0.id, Double($0.clockOffset)) })
        let before = try timestamps()
        for row in run.truth {
            let truth = try #require(Timestamp.parse(row.trueTimestamp, defaultZone: nil))
            let stored = try #require(before[row.filePath])
            // Before correction a wrong clock shows up as exactly its offset.
            #expect(abs(stored.timeIntervalSince(truth) - offsets[row.deploymentID]!) < 1, "\(row.filePath)")
        }
        for d in wrongClocks {
            try store.setClockOffset(-Double(d.clockOffset), deploymentID: d.id, actor: "test", reason: "simulated clock error")
        }
        let after = try timestamps()
        for row in run.truth {
            let truth = try #require(Timestamp.parse(row.trueTimestamp, defaultZone: nil))
            #expect(abs(after[row.filePath]!.timeIntervalSince(truth)) < 1, "\(row.filePath)")
        }
        // Bursts: frames of one trigger are never split (a cub following its mother may join her burst).
        let sequences = try store.status().sequences
        #expect(sequences > 0 && sequences <= Set(run.truth.map(\.sequence)).count)
    }
}
