import Foundation
import Simulate

/// `rosette-bench triage [photos]`: photos per second of the weight-free motion triage on 2048×1536 JPEGs
/// (a simulated card dump ingested into a fresh survey; target ≥ 50 photos/s on 2 cores).
enum TriageBench {
    static func run(rosette: URL, work: URL, photos wanted: Int) throws {
        try? FileManager.default.removeItem(at: work)
        let s = SimBench.photoSurvey(seed: 77)
        let simulated = try SurveySimulator(settings: s).simulate()
        let plan = Array(simulated.photoPlan().prefix(wanted))
        _ = try simulated.renderPhotos(to: work.appendingPathComponent("photos"), encoder: JPEGPhotoEncoder(), plan: plan)
        try simulated.survey.deploymentsCSV(origin: s.origin, timezone: s.survey.timezone)
            .write(to: work.appendingPathComponent("deployments.csv"), atomically: true, encoding: .utf8)
        let survey = work.appendingPathComponent("survey").path
        _ = try IngestBench.measure(rosette.path, ["init", survey, "--time-zone", "Asia/Vladivostok"])
        _ = try IngestBench.measure(rosette.path, ["deployments", "import", work.appendingPathComponent("deployments.csv").path, "--survey", survey])
        _ = try IngestBench.measure(rosette.path, ["ingest", work.appendingPathComponent("photos").path, "--survey", survey, "--quiet"])
        let t = try IngestBench.measure(rosette.path, ["triage", "motion", "--survey", survey, "--quiet"])
        print(String(format: "motion triage 2048x1536: %d photos in %.2f s = %.1f photos/s (peak %.0f MiB, exit %d)",
                     plan.count, t.seconds, Double(plan.count) / t.seconds, t.peakRSSMiB, t.status))
        try? FileManager.default.removeItem(at: work)
    }
}
