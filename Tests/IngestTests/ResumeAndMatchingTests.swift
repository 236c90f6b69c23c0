import Core
import Foundation
import Ingest
import Store
import Testing
import TestSupport

@Suite struct ResumeAndMatchingTests {
    @Test func rerunAddsOnlyNewOrChangedFiles() throws {
        let h = try IngestHarness(deploymentsCSV: FixturePhotos.deploymentsCSV(stations: ["S01"]))
        let cards = h.dir.path("cards")
        for i in 0..<20 {
            try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: String(format: "2024:09:03 21:%02d:00", i), seed: i),
                                    to: cards.appendingPathComponent(String(format: "S01/IMG_%04d.JPG", i)))
        }
        let (first, _) = try h.ingest(cards, options: IngestOptions(batchSize: 7, workers: 2))
        #expect((first.added, first.updated, first.unchanged) == (20, 0, 0))
        let (second, _) = try h.ingest(cards)
        #expect((second.added, second.updated, second.unchanged) == (0, 0, 20))
        // One file re-written with another time, one new file.
        try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: "2024:09:05 03:00:00", seed: 99),
                                to: cards.appendingPathComponent("S01/IMG_0003.JPG"))
        try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: "2024:09:06 03:00:00", seed: 100),
                                to: cards.appendingPathComponent("S01/IMG_0100.JPG"))
        let (third, _) = try h.ingest(cards)
        #expect((third.added, third.updated, third.unchanged) == (1, 1, 19))
        let media = try h.media()
        #expect(media.count == 21)
        #expect(media["S01/IMG_0003.JPG"]?.cameraTime == "2024:09:05 03:00:00")
        // A copy of a stored photo in another folder is stored and flagged, not counted twice.
        try FileManager.default.copyItem(at: cards.appendingPathComponent("S01/IMG_0001.JPG"), to: cards.appendingPathComponent("S01/copy.JPG"))
        let (fourth, _) = try h.ingest(cards)
        #expect(fourth.duplicates == 1)
        #expect(try h.store.status().perDeployment[0].media == 21)
    }

    @Test func stationAndCameraFoldersAndTimeChooseTheDeployment() throws {
        // S01 had camera A all season; camera B was replaced mid-season (two deployments at one station).
        let csv = """
            deploymentID,locationID,locationName,latitude,longitude,deploymentStart,deploymentEnd,cameraID,timezone
            S01-A,S01,S01,43.1,131.3,2024-09-01,2024-10-31,A,Asia/Vladivostok
            S01-B1,S01,S01,43.1,131.3,2024-09-01,2024-09-30,B,Asia/Vladivostok
            S01-B2,S01,S01,43.1,131.3,2024-10-01,2024-10-31,B,Asia/Vladivostok
            """
        let h = try IngestHarness(deploymentsCSV: csv)
        let cards = h.dir.path("cards")
        try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: "2024:09:10 12:00:00", seed: 1), to: cards.appendingPathComponent("S01/A/IMG_0001.JPG"))
        try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: "2024:09:10 12:00:00", seed: 2), to: cards.appendingPathComponent("S01/B/IMG_0001.JPG"))
        try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: "2024:10:10 12:00:00", seed: 3), to: cards.appendingPathComponent("S01/B/IMG_0002.JPG"))
        try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: "2024:11:20 12:00:00", seed: 4), to: cards.appendingPathComponent("S01/A/Leopard/IMG_0003.JPG"))
        try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: "2024:12:20 12:00:00", seed: 5), to: cards.appendingPathComponent("S01/B/IMG_0009.JPG"))
        let (summary, problems) = try h.ingest(cards)
        let media = try h.media()
        #expect(media["S01/A/IMG_0001.JPG"]?.deploymentID == "S01-A")
        #expect(media["S01/B/IMG_0001.JPG"]?.deploymentID == "S01-B1")
        #expect(media["S01/B/IMG_0002.JPG"]?.deploymentID == "S01-B2")
        #expect(media["S01/A/Leopard/IMG_0003.JPG"]?.deploymentID == "S01-A")
        #expect(media["S01/A/Leopard/IMG_0003.JPG"]?.outsideDeployment == true)
        #expect(summary.outsideDeployment == 1)
        #expect(problems.count == 1 && problems[0].contains("S01/B/IMG_0009.JPG: several deployments match (S01-B1, S01-B2)"))
        #expect(Timestamp.format(media["S01/A/IMG_0001.JPG"]!.timestamp!, offsetSeconds: 0) == "2024-09-10T02:00:00Z")
    }

    @Test func videosWithoutContainerTimeAreRecordedWithTheirTypeAndFileTime() throws {
        let h = try IngestHarness(deploymentsCSV: FixturePhotos.deploymentsCSV(stations: ["S01"]))
        let video = h.dir.path("cards/S01/VID_0001.MP4")
        try VideoFixtures.writeClip(.mp4, to: video, seconds: 1) // FFmpeg leaves mvhd creation_time 0 (unset)
        let when = Date(timeIntervalSince1970: 1725334200) // 2024-09-03T03:30:00Z
        try FileManager.default.setAttributes([.modificationDate: when], ofItemAtPath: video.path)
        let (summary, problems) = try h.ingest(h.dir.path("cards"))
        #expect(summary.stored == 1 && problems.isEmpty)
        let m = try #require(try h.media()["S01/VID_0001.MP4"])
        #expect(m.fileMediatype == "video/mp4")
        #expect(m.timeSource == "file:mtime")
        #expect(m.timestamp == when)
        #expect(try h.store.status().videos == 1)
    }

    @Test func subSecondsOrderFramesOfABurst() throws {
        let h = try IngestHarness(deploymentsCSV: FixturePhotos.deploymentsCSV(stations: ["S01"]))
        let cards = h.dir.path("cards")
        for (i, sub) in ["75", "25", "50"].enumerated() {
            try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: "2024:09:03 21:15:07", subSec: sub, seed: i),
                                    to: cards.appendingPathComponent("S01/IMG_\(i).JPG"))
        }
        _ = try h.ingest(cards)
        let media = try h.media()
        #expect(media["S01/IMG_1.JPG"]!.timestamp! < media["S01/IMG_2.JPG"]!.timestamp!)
        #expect(media["S01/IMG_2.JPG"]!.timestamp! < media["S01/IMG_0.JPG"]!.timestamp!)
        #expect(try h.store.sequences(deploymentID: "S01").map(\.mediaCount) == [3])
    }
}
