import Core
import Foundation
import Store
import Testing
import TestSupport

/// A clip on a card, driven as a user would: `init`, `deployments import`, `ingest`, `status`, `triage motion`.
@Suite(.enabled(if: RosetteBinary.isBuilt, "rosette binary not built beside the tests"))
struct VideoCommandTests {
    @Test(arguments: VideoFixtures.Kind.allCases)
    func motionTriageFindsTheMovingBlobInTheSampledFrames(kind: VideoFixtures.Kind) throws {
        let dir = TemporaryDirectory("cli-video")
        let survey = dir.path("S").path
        try #require(try RosetteBinary.run(["init", survey, "--time-zone", "Asia/Vladivostok"]).status == 0)
        let csv = dir.path("d.csv")
        try FixturePhotos.deploymentsCSV(stations: ["S01"]).write(to: csv, atomically: true, encoding: .utf8)
        _ = try RosetteBinary.run(["deployments", "import", csv.path, "--survey", survey])
        let clip = try VideoFixtures.writeClip(kind, to: dir.path("cards/S01/MOTHER.\(kind.fileExtension)"), seconds: 5)
        switch kind {
        case .avi: try VideoFixtures.setAVIDate(clip, text: "Sat Sep 14 05:40:00 2024")
        case .mp4: try VideoFixtures.setQuickTimeCreation(clip, secondsSince1904: VideoFixtures.quickTimeSeconds(
            year: 2024, month: 9, day: 14, hour: 5, minute: 40, second: 0))
        }
        let ingest = try RosetteBinary.run(["ingest", dir.path("cards").path, "--survey", survey, "--quiet"])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.contains("video frames sampled: 5 from 1 clip(s)"), "\(ingest.stdout)")
        let status = try RosetteBinary.run(["status", "--survey", survey])
        #expect(status.stdout.contains("media: 1 (0 images, 1 videos)"), "\(status.stdout)")
        #expect(status.stdout.contains("video frames sampled: 5 from 1 of 1 videos"), "\(status.stdout)")

        let triage = try RosetteBinary.run(["triage", "motion", "--survey", survey, "--quiet"])
        #expect(triage.status == 0, "\(triage.stdout)\(triage.stderr)")
        let store = try SurveyStore(directory: URL(fileURLWithPath: survey))
        let results = try store.triageResults(detector: "rosette-motion")
        #expect(results.count == 5, "every sampled frame is triaged, the clip itself is not")
        for r in results {
            let frame = try #require(try store.videoFramesByPath()[r.filePath])
            let truth = VideoFixtures.blobBox(at: frame)
            let best = r.result.detections.map { iou($0, truth) }.max() ?? 0
            #expect(best > 0.5, "\(kind) frame at \(frame) s: best IoU \(best) of \(r.result.detections.count) box(es)")
        }
    }

    func iou(_ o: Observation, _ t: (x: Double, y: Double, width: Double, height: Double)) -> Double {
        guard let x = o.bboxX, let y = o.bboxY, let w = o.bboxWidth, let h = o.bboxHeight else { return 0 }
        let ix = max(0, min(x + w, t.x + t.width) - max(x, t.x)), iy = max(0, min(y + h, t.y + t.height) - max(y, t.y))
        let inter = ix * iy
        return inter / (w * h + t.width * t.height - inter)
    }
}

extension SurveyStore {
    /// Each sampled frame's offset into its clip, by the frame's file path.
    func videoFramesByPath() throws -> [String: Double] {
        var offsets: [String: Double] = [:]
        try forEachMedia { m in if let o = m.videoOffset { offsets[m.filePath] = o } }
        return offsets
    }
}
