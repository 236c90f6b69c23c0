import Foundation
import Testing
import TestSupport

/// `rosette triage list` shows what the camera's maker note said of each photo.
@Suite(.enabled(if: RosetteBinary.isBuilt, "rosette binary not built beside the tests"))
struct TriageListCameraTests {
    @Test func listShowsTheCameraLineAndEachBoxsTriggerSequenceAndTemperature() throws {
        let dir = TemporaryDirectory("cli")
        let survey = dir.path("S").path
        try #require(try RosetteBinary.run(["init", survey, "--time-zone", "Asia/Vladivostok"]).status == 0)
        let csv = dir.path("d.csv")
        try FixturePhotos.deploymentsCSV(stations: ["S01"]).write(to: csv, atomically: true, encoding: .utf8)
        let notes: [[UInt8]?] = [CameraTrapNotes.hyperFire2(trigger: "M", index: 1, length: 2, event: 5, temperatureC: -7),
                                 CameraTrapNotes.hyperFire2(trigger: "T", index: 1, length: 1, event: 6, temperatureC: 4), nil]
        for (i, t) in ["2024:09:03 21:15:07", "2024:09:04 12:00:00", "2024:09:05 04:00:00"].enumerated() {
            try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: t, seed: i, makerNote: notes[i]),
                                    to: dir.path("cards/S01/IMG_000\(i + 1).JPG"))
        }
        _ = try RosetteBinary.run(["deployments", "import", csv.path, "--survey", survey])
        try #require(try RosetteBinary.run(["ingest", dir.path("cards").path, "--survey", survey]).status == 0)
        let md = dir.path("md.json")
        try """
            {"info": {"format_version": "1.5", "detector": "md_v5a"}, "detection_categories": {"1": "animal"},
             "images": [
              {"file": "cards/S01/IMG_0001.JPG", "detections": [{"category": "1", "conf": 0.9, "bbox": [0.1, 0.2, 0.3, 0.4]}]},
              {"file": "cards/S01/IMG_0002.JPG", "detections": [{"category": "1", "conf": 0.8, "bbox": [0.5, 0.5, 0.2, 0.2]}]},
              {"file": "cards/S01/IMG_0003.JPG", "detections": [{"category": "1", "conf": 0.7, "bbox": [0.1, 0.1, 0.2, 0.2]}]}]}
            """.write(to: md, atomically: true, encoding: .utf8)
        try #require(try RosetteBinary.run(["triage", "import", "--md-results", md.path, "--survey", survey]).status == 0)

        let list = try RosetteBinary.run(["triage", "list", "--survey", survey])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("camera readings: 2 photo(s) (motion 1, time-lapse 1)"), "\(list.stdout)")
        let boxes = try RosetteBinary.run(["triage", "list", "--boxes", "--survey", survey])
        #expect(boxes.status == 0, "\(boxes.stderr)")
        let lines = boxes.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("camera") && $0.contains("photo") }, "a camera column: \(boxes.stdout)")
        #expect(lines.first { $0.contains("IMG_0001.JPG") }?.contains("motion 1/2 -7 °C") == true, "\(boxes.stdout)")
        #expect(lines.first { $0.contains("IMG_0002.JPG") }?.contains("time-lapse 1/1 4 °C") == true, "\(boxes.stdout)")
        #expect(lines.first { $0.contains("IMG_0003.JPG") }?.hasSuffix("–") == true, "no reading: \(boxes.stdout)")
    }
}
