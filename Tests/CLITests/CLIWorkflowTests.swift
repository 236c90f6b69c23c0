import Foundation
import GRDB
import Testing
import TestSupport

/// The `rosette` binary driven as a user would: init, import, ingest, status.
@Suite(.enabled(if: RosetteBinary.isBuilt, "rosette binary not built beside the tests"))
struct CLIWorkflowTests {
    @Test func surveyOptionAndCurrentFolderAreTheSame() throws {
        let dir = TemporaryDirectory("cli")
        let survey = dir.path("S").path
        try #require(try RosetteBinary.run(["init", survey, "--time-zone", "Asia/Vladivostok"]).status == 0)
        let csv = dir.path("d.csv")
        try FixturePhotos.deploymentsCSV(stations: ["S01"]).write(to: csv, atomically: true, encoding: .utf8)
        try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: "2024:09:03 21:15:07"), to: dir.path("cards/S01/IMG_0001.JPG"))
        let imported = try RosetteBinary.run(["deployments", "import", csv.path, "--survey", survey])
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("1 added"))
        let ingested = try RosetteBinary.run(["ingest", dir.path("cards").path, "--survey", survey])
        #expect(ingested.status == 0, "\(ingested.stderr)")
        #expect(ingested.stdout.contains("stored: 1 new"))
        // The same command from inside the survey folder (default --survey .) sees the same survey.
        let process = Process()
        process.executableURL = RosetteBinary.url
        process.arguments = ["status", "--format", "json"]
        process.currentDirectoryURL = URL(fileURLWithPath: survey)
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(json?["media"] as? Int == 1)
        #expect(json?["sequences"] as? Int == 1)
    }

    @Test func nothingIngestedIsANonZeroExitWithAMessage() throws {
        let dir = TemporaryDirectory("cli")
        let survey = dir.path("S").path
        _ = try RosetteBinary.run(["init", survey])
        try FixturePhotos.write(Array("junk".utf8), to: dir.path("cards/S01/IMG_0001.JPG"))
        let out = try RosetteBinary.run(["ingest", dir.path("cards").path, "--survey", survey])
        #expect(out.status != 0)
        #expect(out.stderr.contains("IMG_0001.JPG: not a readable JPEG"))
        #expect(out.stderr.contains("no photo could be ingested"))
        let missing = try RosetteBinary.run(["status", "--survey", dir.path("nowhere").path])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no survey here"))
    }

    @Test func badDeploymentLinesAreReportedAndTheRestImported() throws {
        let dir = TemporaryDirectory("cli")
        let survey = dir.path("S").path
        _ = try RosetteBinary.run(["init", survey])
        let csv = dir.path("d.csv")
        try "deploymentID,latitude,longitude,deploymentStart,deploymentEnd\nA,43,131,2024-09-01,2024-10-01\nB,43,131,1 Sept,2024-10-01\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        let out = try RosetteBinary.run(["deployments", "import", csv.path, "--survey", survey])
        #expect(out.status == 0)
        #expect(out.stderr.contains("d.csv:3: column deploymentStart: '1 Sept' is not a date-time"))
        #expect(out.stdout.contains("1 added"))
        #expect(try RosetteBinary.run(["deployments", "list", "--survey", survey]).stdout.contains("2024-09-01T00:00:00Z"))
    }
}

/// Clock corrections: a photo of a known moment fixes a camera's clock, and every timestamp follows.
@Suite(.enabled(if: RosetteBinary.isBuilt, "rosette binary not built beside the tests"))
struct ClockCorrectionTests {
    @Test func aPhotoWithAKnownTrueTimeSetsTheOffset() throws {
        let dir = TemporaryDirectory("clock")
        let survey = dir.path("S").path
        _ = try RosetteBinary.run(["init", survey, "--time-zone", "Asia/Vladivostok"])
        let csv = dir.path("d.csv")
        try FixturePhotos.deploymentsCSV(stations: ["S01"]).write(to: csv, atomically: true, encoding: .utf8)
        _ = try RosetteBinary.run(["deployments", "import", csv.path, "--survey", survey])
        // The camera's clock ran 1 h 30 min slow: it wrote 08:30 for a moment known to be 10:00.
        try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: "2024:09:03 08:30:00", seed: 1), to: dir.path("cards/S01/IMG_0001.JPG"))
        try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: "2024:09:03 12:00:00", seed: 2), to: dir.path("cards/S01/IMG_0002.JPG"))
        _ = try RosetteBinary.run(["ingest", dir.path("cards").path, "--survey", survey])
        let out = try RosetteBinary.run(["deployments", "clock", "--photo", "IMG_0001.JPG", "--true-time", "2024-09-03T10:00:00+10:00",
                                         "--survey", survey, "--actor", "ranger-ivanov"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("Deployment S01: clock offset +5400.0 s; 2 media retimed"))
        let db = try DatabaseQueue(path: survey + "/rosette.sqlite")
        let times = try db.read { try Date.fetchAll($0, sql: "SELECT timestamp FROM media ORDER BY filePath") }
        #expect(times.map { $0.timeIntervalSince1970 } == [1725321600, 1725334200]) // 00:00Z and 03:30Z on 3 Sept
        let actor = try db.read { try String.fetchOne($0, sql: "SELECT actor FROM changeLog WHERE action = 'clock-offset'") }
        #expect(actor == "ranger-ivanov")
        #expect(try RosetteBinary.run(["deployments", "list", "--survey", survey]).stdout.contains("+5400 s"))
    }
}
