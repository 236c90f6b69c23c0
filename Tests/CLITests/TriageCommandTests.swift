import Foundation
import Testing
import TestSupport

/// `rosette triage` driven as a user would: import a MegaDetector file, export it, validate against a truth table.
@Suite(.enabled(if: RosetteBinary.isBuilt, "rosette binary not built beside the tests"))
struct TriageCommandTests {
    static func survey(_ dir: TemporaryDirectory) throws -> String {
        let survey = dir.path("S").path
        try #require(try RosetteBinary.run(["init", survey, "--time-zone", "Asia/Vladivostok"]).status == 0)
        let csv = dir.path("d.csv")
        try FixturePhotos.deploymentsCSV(stations: ["S01"]).write(to: csv, atomically: true, encoding: .utf8)
        for (i, t) in ["2024:09:03 21:15:07", "2024:09:03 21:15:08", "2024:09:05 04:00:00"].enumerated() {
            try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: t, seed: i), to: dir.path("cards/S01/IMG_000\(i + 1).JPG"))
        }
        _ = try RosetteBinary.run(["deployments", "import", csv.path, "--survey", survey])
        try #require(try RosetteBinary.run(["ingest", dir.path("cards").path, "--survey", survey]).status == 0)
        return survey
    }

    static let md = """
        {"info": {"format_version": "1.5", "detector": "md_v5a"}, "detection_categories": {"1": "animal", "2": "person"},
         "images": [
          {"file": "cards/S01/IMG_0001.JPG", "detections": [{"category": "1", "conf": 0.9, "bbox": [0.1, 0.2, 0.3, 0.4]}]},
          {"file": "cards/S01/IMG_0002.JPG", "detections": [{"category": "9", "conf": 0.8, "bbox": [0.1, 0.2, 0.3, 0.4]}]},
          {"file": "cards/S01/IMG_0003.JPG", "failure": "image access failure"}],
         "extra": 1}
        """

    @Test func importExportAndValidate() throws {
        let dir = TemporaryDirectory("cli")
        let survey = try Self.survey(dir)
        let file = dir.path("md.json")
        try Self.md.write(to: file, atomically: true, encoding: .utf8)
        let imported = try RosetteBinary.run(["triage", "import", "--md-results", file.path, "--survey", survey])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("3 of 3 image(s) matched"))
        #expect(imported.stderr.contains("unknown top-level key extra"))
        #expect(imported.stderr.contains("category id '9'"))
        let out = dir.path("out.json")
        let exported = try RosetteBinary.run(["triage", "export", "--out", out.path, "--survey", survey])
        #expect(exported.stdout.contains("3 image(s) (1 failed), 1 detection(s)"), "\(exported.stdout)\(exported.stderr)")
        let truth = dir.path("truth.csv")
        try """
            filePath,sequence,species,observationType,bboxX,bboxY,bboxWidth,bboxHeight
            S01/IMG_0001.JPG,a,Panthera pardus orientalis,animal,0.1,0.2,0.3,0.4
            S01/IMG_0002.JPG,a,Panthera pardus orientalis,animal,0.1,0.2,0.3,0.4
            S01/IMG_0003.JPG,b,,blank,,,,

            """.write(to: truth, atomically: true, encoding: .utf8)
        let validated = try RosetteBinary.run(["triage", "validate", "--truth", truth.path, "--threshold", "0.5", "--survey", survey])
        #expect(validated.status == 0, "\(validated.stderr)")
        #expect(validated.stdout.contains("1.000 (1/1)"))          // the animal burst found, the blank one removed
        #expect(validated.stdout.contains("0.500 (n=2)"))          // IoU 1 and 0 (no box in the second photo)
    }

    @Test func anotherSurveysFileMatchesNothingAndSaysSo() throws {
        let dir = TemporaryDirectory("cli")
        let survey = try Self.survey(dir)
        let file = dir.path("md.json")
        try Self.md.replacingOccurrences(of: "cards/S01/", with: "other/S07/").write(to: file, atomically: true, encoding: .utf8)
        let out = try RosetteBinary.run(["triage", "import", "--md-results", file.path, "--survey", survey])
        #expect(out.status != 0)
        #expect(out.stdout.contains("0 of 3 image(s) matched"))
        #expect(out.stderr.contains("another survey"))
    }
}
