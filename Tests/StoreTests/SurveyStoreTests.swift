import Core
import Foundation
import Store
import Testing
import TestSupport

@Suite struct SurveyStoreTests {
    func deployment(_ id: String, start: String = "2024-09-01T00:00:00+10:00", end: String = "2024-10-01T00:00:00+10:00") -> Deployment {
        Deployment(deploymentID: id, locationID: id, locationName: id, latitude: 43.1, longitude: 131.3,
                   deploymentStart: Timestamp.parse(start, defaultZone: nil)!, deploymentEnd: Timestamp.parse(end, defaultZone: nil)!,
                   timezone: "Asia/Vladivostok")
    }

    @Test func createWritesDatabaseSettingsAndCache() throws {
        let dir = TemporaryDirectory()
        let survey = dir.path("S")
        var settings = SurveySettings()
        settings.timeZone = "Asia/Vladivostok"
        let store = try SurveyStore.create(directory: survey, settings: settings)
        #expect(FileManager.default.fileExists(atPath: survey.appendingPathComponent("rosette.sqlite").path))
        #expect(FileManager.default.fileExists(atPath: survey.appendingPathComponent("cache").path))
        #expect(store.settings.timeZone == "Asia/Vladivostok")
        #expect(try store.appliedMigrations() == ["v1-foundation", "v2-identify", "v3-triage", "v4-species", "v5-encounters", "v6-life-history", "v7-web-users", "v8-review-log", "v9-flank-estimate", "v10-scene-pairs", "v11-camera-backgrounds", "v12-exchange-keys", "v13-partner-catalogs", "v14-camera-trap-readings"])
        #expect(throws: RosetteError.surveyAlreadyExists(directory: survey.path)) { try SurveyStore.create(directory: survey) }
        #expect(throws: RosetteError.surveyNotFound(directory: dir.path("none").path)) { try SurveyStore(directory: dir.path("none")) }
    }

    @Test func deploymentChangesAreAttributed() throws {
        let dir = TemporaryDirectory()
        let store = try SurveyStore.create(directory: dir.path("S"))
        var d = deployment("S01-A")
        #expect(try store.upsertDeployments([(d, [])], actor: "anna") == (1, 0))
        #expect(try store.upsertDeployments([(d, [])], actor: "anna") == (0, 0))
        d.cameraModel = "Reconyx HC600"
        #expect(try store.upsertDeployments([(d, [])], actor: "boris") == (0, 1))
        let log = try store.changes(entity: "deployment", id: "S01-A")
        #expect(log.map(\.actor) == ["anna", "boris"])
        #expect(log.map(\.action) == ["create", "update"])
        #expect(try store.deployment("S01-A").cameraModel == "Reconyx HC600")
        #expect(throws: RosetteError.unknownDeployment(id: "nope")) { try store.deployment("nope") }
    }

    @Test func sequencesSplitAtTheGapAndSkipDuplicates() throws {
        let dir = TemporaryDirectory()
        let store = try SurveyStore.create(directory: dir.path("S"))
        try store.upsertDeployments([(deployment("S01"), [])], actor: "t")
        let run = try store.beginIngestRun(root: "/cards")
        let (rootID, _) = try store.root(for: URL(fileURLWithPath: "/cards"))
        // 10:00:00, :30, 10:01:30 (60 s gap: same burst), 10:02:31 (61 s: new burst), and a duplicate of the first.
        let times = ["2024:09:03 10:00:00", "2024:09:03 10:00:30", "2024:09:03 10:01:30", "2024:09:03 10:02:31", "2024:09:03 10:00:00"]
        let files = times.enumerated().map { i, t -> IngestedFile in
            var m = Media(rootID: rootID, filePath: "S01/IMG_\(i).JPG", fileMediatype: "image/jpeg", fileSize: 100,
                          fileModified: 0, contentKey: i == 4 ? "key0" : "key\(i)")
            m.deploymentID = "S01"
            m.cameraTime = t
            m.timestamp = CameraDateTime(exif: t)!.absolute(in: try! ZoneSpec("Asia/Vladivostok"))
            return IngestedFile(media: m, observations: [], replacing: nil)
        }
        try store.saveIngestBatch(runID: run, files: files, problems: [], unchanged: 0)
        try store.resequencePending()
        let sequences = try store.sequences(deploymentID: "S01")
        #expect(sequences.map(\.mediaCount) == [3, 1])
        #expect(sequences[0].eventID == "S01/20240903T000000Z")
        #expect(try store.status().duplicates == 1)
        var events: [String: String] = [:]
        try store.forEachMedia { events[$0.filePath] = $0.eventID }
        #expect(events["S01/IMG_4.JPG"] == events["S01/IMG_0.JPG"])

        // A camera one hour slow: correcting the clock moves every photo and rebuilds the bursts.
        #expect(try store.setClockOffset(3600, deploymentID: "S01", actor: "t", reason: "test") == 5)
        #expect(try store.sequences(deploymentID: "S01").first?.eventID == "S01/20240903T010000Z")
        #expect(try store.changes(entity: "deployment", id: "S01").last?.action == "clock-offset")
    }

    @Test func aFolderInsideAKnownRootUsesThatRoot() throws {
        let dir = TemporaryDirectory()
        let store = try SurveyStore.create(directory: dir.path("S"))
        let a = try store.root(for: URL(fileURLWithPath: "/data/cards"))
        let b = try store.root(for: URL(fileURLWithPath: "/data/cards/S01/A"))
        #expect(a.rootID == b.rootID)
        #expect(b.prefix == "S01/A/")
        #expect(try store.root(for: URL(fileURLWithPath: "/data/other")).rootID != a.rootID)
    }
}
