import Core
import Foundation
import Ingest
import Store
import Testing
@testable import Simulate

/// A two-year simulated card dump read back by `rosette ingest`: every photo lands in its own year's deployment.
@Suite struct YearsCardIngestTests {
    @Test func everyPhotoMatchesItsOwnYearsDeployment() throws {
        let out = temporaryDirectory("years-card-ingest")
        defer { try? FileManager.default.removeItem(at: out) }
        var settings = yearsSettings(seed: 21, years: 2)
        settings.survey.clockErrorFraction = 0.5
        // Include the year-off clock: a year-1 photo then reads as year 0.
        settings.survey.clockOffsets = [-31_536_000, 86_400]
        let run = try SurveySimulator(settings: settings).writeYears(to: out, encoder: JPEGPhotoEncoder())
        try #require(run.simulated.surveys[1].survey.deployments.contains { $0.clockOffset == -31_536_000 },
                     "the seed should give a year-1 camera a year-off clock")
        var survey = Core.SurveySettings()
        survey.timeZone = "Asia/Vladivostok"
        let store = try SurveyStore.create(directory: out.appendingPathComponent("survey"), settings: survey)
        let parsed = try DeploymentsCSV.read(out.appendingPathComponent("deployments.csv"), defaultZone: try ZoneSpec("UTC"))
        #expect(parsed.problems.isEmpty)
        #expect(parsed.deployments.count == run.simulated.surveys.reduce(0) { $0 + $1.survey.deployments.count })
        try store.upsertDeployments(parsed.deployments, actor: "test")
        let summary = try Ingestor(store: store).run(directory: out.appendingPathComponent("photos"), options: IngestOptions(workers: 2))
        #expect(summary.stored == run.truth.count)
        #expect(summary.problems == 0)
        var stored: [String: String] = [:]
        try store.forEachMedia { stored[$0.filePath] = $0.deploymentID }
        #expect(Set(run.truth.map { String($0.trueTimestamp.prefix(4)) }) == ["2024", "2025"])
        for row in run.truth { #expect(stored[row.filePath] == row.deploymentID, "\(row.filePath)") }
    }
}
