import Core
import Foundation
import Store
import Testing
import TestSupport

/// Camera-trap readings (v14 media columns): stored and read back, and bursts that follow the camera's numbering.
@Suite struct CameraTrapStoreTests {
    struct Shot {
        var time: String
        var reading: CameraTrapReading?
    }

    static func reading(_ index: Int, of length: Int, event: Int64, trigger: CameraTrapReading.Trigger = .motion) -> CameraTrapReading {
        CameraTrapReading(maker: "reconyx-hyperfire2", trigger: trigger, sequenceIndex: index, sequenceLength: length,
                          eventNumber: event, temperatureC: -3, moonPhase: 2)
    }

    /// A survey of one deployment whose photos were taken at `shots` (camera local time, Vladivostok).
    static func store(_ dir: TemporaryDirectory, _ shots: [Shot]) throws -> SurveyStore {
        let store = try SurveyStore.create(directory: dir.path("S"))
        let d = Deployment(deploymentID: "S01", locationID: "S01", locationName: "S01", latitude: 43.1, longitude: 131.3,
                           deploymentStart: Timestamp.parse("2024-09-01T00:00:00+10:00", defaultZone: nil)!,
                           deploymentEnd: Timestamp.parse("2024-10-01T00:00:00+10:00", defaultZone: nil)!, timezone: "Asia/Vladivostok")
        try store.upsertDeployments([(d, [])], actor: "t")
        let (rootID, _) = try store.root(for: URL(fileURLWithPath: "/cards"))
        let zone = try ZoneSpec("Asia/Vladivostok")
        let files = shots.enumerated().map { i, s -> IngestedFile in
            var m = Media(rootID: rootID, filePath: "S01/IMG_\(i).JPG", fileMediatype: "image/jpeg", fileSize: 100,
                          fileModified: 0, contentKey: "key\(i)")
            m.deploymentID = "S01"
            m.make = "RECONYX"
            m.cameraTime = s.time
            m.timestamp = CameraDateTime(exif: s.time)!.absolute(in: zone)
            m.cameraTrap = s.reading
            return IngestedFile(media: m, observations: [], replacing: nil)
        }
        try store.saveIngestBatch(runID: try store.beginIngestRun(root: "/cards"), files: files, problems: [], unchanged: 0)
        try store.resequencePending()
        return store
    }

    @Test func readingsRoundTripAndPhotosWithoutOneKeepNulls() throws {
        let dir = TemporaryDirectory()
        let r = Self.reading(2, of: 3, event: 70_001, trigger: .timeLapse)
        let store = try Self.store(dir, [Shot(time: "2024:09:03 10:00:00", reading: r), Shot(time: "2024:09:03 11:00:00", reading: nil)])
        var media: [String: Media] = [:]
        try store.forEachMedia { media[$0.filePath] = $0 }
        let stored = try #require(media["S01/IMG_0.JPG"]?.cameraTrap)
        #expect(stored.trigger == .timeLapse && stored.sequenceIndex == 2 && stored.sequenceLength == 3)
        #expect(stored.eventNumber == 70_001 && stored.temperatureC == -3 && stored.moonPhase == 2)
        #expect(media["S01/IMG_1.JPG"]?.cameraTrap == nil)
        #expect(media["S01/IMG_1.JPG"]?.cameraTrigger == nil && media["S01/IMG_1.JPG"]?.cameraTemperatureC == nil)

        let ids = media.values.compactMap(\.mediaID)
        let readings = try store.cameraTrapReadings(mediaIDs: ids)
        #expect(readings.count == 1 && readings[media["S01/IMG_0.JPG"]!.mediaID!]?.eventNumber == 70_001)
        #expect(try store.cameraTrapCounts() == ["time-lapse": 1])
        #expect(try store.triageMediaRefs().map(\.cameraTrigger).sorted { ($0 ?? "") < ($1 ?? "") } == [nil, "time-lapse"])
    }

    @Test func aNewOneOfNStartsABurstWithinTheTimeGap() throws {
        let dir = TemporaryDirectory()
        // Two camera sequences 1 s apart (one burst by the 60 s gap alone), then an unnumbered photo 30 s later.
        let shots = [
            Shot(time: "2024:09:03 10:00:00", reading: Self.reading(1, of: 3, event: 7)),
            Shot(time: "2024:09:03 10:00:01", reading: Self.reading(2, of: 3, event: 7)),
            Shot(time: "2024:09:03 10:00:02", reading: Self.reading(3, of: 3, event: 7)),
            Shot(time: "2024:09:03 10:00:03", reading: Self.reading(1, of: 3, event: 8)),
            Shot(time: "2024:09:03 10:00:04", reading: Self.reading(2, of: 3, event: 8)),
            Shot(time: "2024:09:03 10:00:05", reading: Self.reading(3, of: 3, event: 8)),
            Shot(time: "2024:09:03 10:00:35", reading: nil),
        ]
        let store = try Self.store(dir, shots)
        #expect(try store.sequences(deploymentID: "S01").map(\.mediaCount) == [3, 4],
                "the unnumbered photo joins by the time gap")
    }

    @Test func theCamerasNextFrameStaysInItsBurstPastTheGap() throws {
        let dir = TemporaryDirectory()
        // A slow camera sequence: "2 of 2" 90 s after "1 of 2" (past the 60 s gap), then an unnumbered photo 90 s on.
        let shots = [
            Shot(time: "2024:09:03 10:00:00", reading: Self.reading(1, of: 2, event: 3)),
            Shot(time: "2024:09:03 10:01:30", reading: Self.reading(2, of: 2, event: 3)),
            Shot(time: "2024:09:03 10:03:00", reading: nil),
        ]
        let store = try Self.store(dir, shots)
        #expect(try store.sequences(deploymentID: "S01").map(\.mediaCount) == [2, 1])
    }

    @Test func outOfStepNumberingFallsBackToTheGap() throws {
        let dir = TemporaryDirectory()
        // "1 of 3" then "3 of 3" (a frame deleted from the card) 2 s later: the gap decides (same burst);
        // two time-lapse "1 of 1" frames in the same second are two bursts with distinct IDs.
        let shots = [
            Shot(time: "2024:09:03 10:00:00", reading: Self.reading(1, of: 3, event: 5)),
            Shot(time: "2024:09:03 10:00:02", reading: Self.reading(3, of: 3, event: 5)),
            Shot(time: "2024:09:04 12:00:00", reading: Self.reading(1, of: 1, event: 6, trigger: .timeLapse)),
            Shot(time: "2024:09:04 12:00:00", reading: Self.reading(1, of: 1, event: 7, trigger: .timeLapse)),
        ]
        let store = try Self.store(dir, shots)
        let sequences = try store.sequences(deploymentID: "S01")
        #expect(sequences.map(\.mediaCount) == [2, 1, 1])
        #expect(Set(sequences.map(\.eventID)).count == 3)
    }
}
