import Foundation
import Testing
import TestSupport

/// `rosette check` on an ingested survey: clean at first (exit 0), then a photo deleted, one rewritten and one
/// touched are each named with their path, the exit status is 1, and `--fix` changes nothing it must not.
@Suite(.enabled(if: RosetteBinary.isBuilt, "rosette binary not built beside the tests"))
struct CheckCommandTests {
    @Test func missingAndChangedPhotosAreNamedAndTheExitStatusSaysSo() throws {
        let dir = TemporaryDirectory("check-cli")
        let survey = dir.path("S").path
        try #require(try RosetteBinary.run(["init", survey, "--time-zone", "Asia/Vladivostok"]).status == 0)
        try "deploymentID,locationID,locationName,latitude,longitude,deploymentStart,deploymentEnd,timezone\nS01,S01,S01,43.1,131.3,2024-09-01,2024-09-30,Asia/Vladivostok\n"
            .write(to: dir.path("d.csv"), atomically: true, encoding: .utf8)
        try #require(try RosetteBinary.run(["deployments", "import", dir.path("d.csv").path, "--survey", survey]).status == 0)
        for k in 0..<4 {
            try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: "2024:09:0\(k + 1) 02:00:00", seed: k, tags: ["Species|Panthera pardus orientalis"]),
                                    to: dir.path("cards/S01/IMG_\(k).JPG"))
        }
        let ingest = try RosetteBinary.run(["ingest", dir.path("cards").path, "--survey", survey])
        try #require(ingest.status == 0, "\(ingest.stdout)\(ingest.stderr)")
        let clean = try RosetteBinary.run(["check", "--survey", survey, "--quiet", "--content"])
        #expect(clean.status == 0 && clean.stdout.contains("no problems") && clean.stdout.contains("4 media files"), "\(clean.stdout)\(clean.stderr)")

        let gone = dir.path("cards/S01/IMG_0.JPG"), rewritten = dir.path("cards/S01/IMG_1.JPG"), touched = dir.path("cards/S01/IMG_2.JPG")
        try FileManager.default.removeItem(at: gone)
        try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: "2024:09:02 02:00:00", seed: 77), to: rewritten)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -86_400 * 30)], ofItemAtPath: touched.path)
        let damaged = try RosetteBinary.run(["check", "--survey", survey, "--quiet"])
        #expect(damaged.status == 1, "\(damaged.stdout)\(damaged.stderr)")
        #expect(damaged.stdout.contains("missingFile: media") && damaged.stdout.contains("IMG_0.JPG: No such file"), "\(damaged.stdout)")
        #expect(damaged.stdout.contains("changedFile: media") && damaged.stdout.contains("IMG_1.JPG: size"), "\(damaged.stdout)")
        #expect(damaged.stdout.contains("IMG_2.JPG: modified"), "\(damaged.stdout)")
        #expect(damaged.stdout.contains("3 problem(s): 2 changedFile, 1 missingFile"), "\(damaged.stdout)")

        // --fix repairs nothing here (files are never changed) and the problems stay; JSON says the same.
        let fixed = try RosetteBinary.run(["check", "--survey", survey, "--quiet", "--fix", "--format", "json"])
        #expect(fixed.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(fixed.stdout.utf8)) as? [String: Any])
        #expect((json["problems"] as? [[String: Any]])?.count == 3 && (json["fixed"] as? [String])?.isEmpty == true, "\(fixed.stdout)")
        #expect(FileManager.default.fileExists(atPath: rewritten.path) && FileManager.default.fileExists(atPath: touched.path))

        let bad = try RosetteBinary.run(["check", "--survey", survey, "--format", "yaml"])
        #expect(bad.status != 0 && bad.stderr.contains("--format must be text or json"))
    }
}
