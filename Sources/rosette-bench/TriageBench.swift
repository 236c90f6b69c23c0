import Foundation
import Simulate

/// `rosette-bench triage [photos]`: photos per second of the weight-free motion triage on 2048×1536 JPEGs
/// (a simulated card dump ingested into a fresh survey; target ≥ 50 photos/s on 2 cores).
enum TriageBench {
    static func run(rosette: URL, work: URL, photos wanted: Int) throws {
        let (survey, count) = try prepare(rosette: rosette, work: work, photos: wanted)
        let t = try IngestBench.measure(rosette.path, ["triage", "motion", "--survey", survey, "--quiet"])
        print(String(format: "motion triage 2048x1536: %d photos in %.2f s = %.1f photos/s (peak %.0f MiB, exit %d)",
                     count, t.seconds, Double(count) / t.seconds, t.peakRSSMiB, t.status))
        try? FileManager.default.removeItem(at: work)
    }

    /// `rosette-bench detect --model SIZE=FILE … [--photos N]`: photos per second of `rosette triage detect` with
    /// each ONNX model at its input size, on the same 2048×1536 JPEGs (models from scripts/make-bench-detector.py).
    static func detect(rosette: URL, work: URL, photos wanted: Int, models: [(size: Int, path: String)]) throws {
        let (survey, count) = try prepare(rosette: rosette, work: work, photos: wanted)
        var failed = false
        for model in models {
            let arguments = ["triage", "detect", "--survey", survey, "--model", model.path,
                             "--input-size", String(model.size), "--name", "bench-\(model.size)", "--quiet"]
            let t = try IngestBench.measure(rosette.path, arguments)
            if t.status != 0 {
                failed = true
                print("rosette \(arguments.joined(separator: " ")) failed (exit \(t.status)); the survey is kept: \(work.path)")
            }
            let file = URL(fileURLWithPath: model.path).lastPathComponent
            print("ONNX detector \(file) at \(model.size): " + String(format: "%d photos in %.2f s = %.2f photos/s (peak %.0f MiB, exit %d)",
                         count, t.seconds, Double(count) / t.seconds, t.peakRSSMiB, t.status))
        }
        if !failed { try? FileManager.default.removeItem(at: work) }
    }

    /// A fresh survey holding `wanted` simulated 2048×1536 photos, ingested; returns its path and the photo count.
    private static func prepare(rosette: URL, work: URL, photos wanted: Int) throws -> (String, Int) {
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
        return (survey, plan.count)
    }
}
