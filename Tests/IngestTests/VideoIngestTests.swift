import Core
import Foundation
import Imaging
@testable import Ingest
import Store
import Testing
import TestSupport

/// Video clips made with OpenCV's VideoWriter, given a container time, ingested: their time from the container,
/// their frames sampled at 1/s into one burst with the clip; broken clips are problems naming the file.
@Suite struct VideoIngestTests {
    static let deployments = FixturePhotos.deploymentsCSV(stations: ["C1"])

    /// A card with one 4.5 s clip at camera time 2024-09-05 21:14:30 (Vladivostok, UTC+10) and a misleading mtime.
    static func card(_ kind: VideoFixtures.Kind, in h: IngestHarness) throws -> URL {
        let url = h.dir.path("cards/C1/CLIP0001.\(kind.fileExtension)")
        try VideoFixtures.writeClip(kind, to: url)
        switch kind {
        case .avi: try VideoFixtures.setAVIDate(url, text: "Thu Sep 05 21:14:30 2024")
        case .mp4:
            try VideoFixtures.setQuickTimeCreation(url, secondsSince1904: VideoFixtures.quickTimeSeconds(
                year: 2024, month: 9, day: 5, hour: 21, minute: 14, second: 30))
        }
        try VideoFixtures.setModified(url, to: Date(timeIntervalSince1970: 1_700_000_000))
        return h.dir.path("cards")
    }

    @Test(arguments: VideoFixtures.Kind.allCases)
    func clipTimeComesFromTheContainerAndItsFramesFormOneBurst(kind: VideoFixtures.Kind) throws {
        let h = try IngestHarness(deploymentsCSV: Self.deployments)
        let (summary, problems) = try h.ingest(try Self.card(kind, in: h))
        #expect(problems.isEmpty, "\(problems)")
        #expect(summary.added == 1 && summary.videosSampled == 1)
        let all = try h.media()
        let clip = try #require(all["C1/CLIP0001.\(kind.fileExtension)"])
        let expected = CameraDateTime(exif: "2024:09:05 21:14:30")!.absolute(in: try ZoneSpec("Asia/Vladivostok"))
        #expect(clip.timestamp == expected)
        #expect(Timestamp.format(clip.timestamp!, offsetSeconds: 0) == "2024-09-05T11:14:30Z")
        #expect(clip.cameraTime == "2024:09:05 21:14:30")
        #expect(clip.timeSource == (kind == .avi ? "container:IDIT" : "container:mvhd"))
        #expect(clip.deploymentID == "C1")
        #expect(clip.width == VideoFixtures.width && clip.height == VideoFixtures.height)

        // 4.5 s at 1 frame/s: offsets 0, 1, 2, 3, 4 (⌈4.5⌉ = 5 frames).
        let frames = try h.store.videoFrames(videoMediaID: clip.mediaID!)
        #expect(frames.map { $0.videoOffset! } == [0, 1, 2, 3, 4])
        #expect(summary.framesSampled == 5)
        for f in frames {
            #expect(f.fileMediatype == "image/jpeg" && f.deploymentID == "C1")
            #expect(f.timestamp == expected.addingTimeInterval(f.videoOffset!))
            #expect(f.cameraTime == CameraDateTime(exif: "2024:09:05 21:14:30")!.adding(seconds: f.videoOffset!).exifString)
            #expect(f.eventID != nil && f.eventID == clip.eventID, "frame at \(f.videoOffset!) s is not in the clip's burst")
            #expect(f.width == VideoFixtures.width && f.height == VideoFixtures.height)
            let path = try #require(try h.store.rootPath(f.rootID)) + "/" + f.filePath
            #expect(path.hasPrefix(h.store.framesDirectory.path + "/"))
            #expect(FileManager.default.fileExists(atPath: path))
        }
        let sequences = try h.store.sequences(deploymentID: "C1")
        #expect(sequences.count == 1 && sequences[0].mediaCount == 6)

        // Status counts the clip as one video and its frames apart, never as photos.
        let status = try h.store.status()
        #expect(status.videos == 1 && status.images == 0 && status.media == 1)
        #expect(status.videoFrames == 5 && status.videosSampled == 1)
        #expect(status.perDeployment.first?.media == 1)

        // Re-running ingest neither re-reads the clip nor duplicates its frames.
        let (again, _) = try h.ingest(h.dir.path("cards"))
        #expect(again.unchanged == 1 && again.added == 0 && again.videosSampled == 0)
        #expect(try h.store.videoFrames(videoMediaID: clip.mediaID!).count == 5)
        #expect(try h.store.status().videoFrames == 5)

        // The frame cache is rebuildable: deleted, the next ingest writes the same frames at the same paths.
        let paths = try frames.map { try #require(try h.store.rootPath($0.rootID)) + "/" + $0.filePath }
        let keys = try paths.map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: $0))) }
        try FileManager.default.removeItem(at: h.store.framesDirectory)
        let (rebuilt, rebuildProblems) = try h.ingest(h.dir.path("cards"))
        #expect(rebuildProblems.isEmpty && rebuilt.videosSampled == 0, "\(rebuildProblems)")
        #expect(try paths.map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: $0))) } == keys)
        #expect(try h.store.videoFrames(videoMediaID: clip.mediaID!).map(\.mediaID) == frames.map(\.mediaID))
    }

    @Test func aClockCorrectionMovesTheFramesWithTheirClip() throws {
        let h = try IngestHarness(deploymentsCSV: Self.deployments)
        _ = try h.ingest(try Self.card(.mp4, in: h))
        let before = try #require(try h.media()["C1/CLIP0001.MP4"])
        try h.store.setClockOffset(-3600, deploymentID: "C1", actor: "test", reason: "camera an hour fast")
        let after = try #require(try h.media()["C1/CLIP0001.MP4"])
        #expect(after.timestamp == before.timestamp!.addingTimeInterval(-3600))
        let frames = try h.store.videoFrames(videoMediaID: after.mediaID!)
        #expect(frames.count == 5)
        for f in frames {
            #expect(f.timestamp == after.timestamp!.addingTimeInterval(f.videoOffset!))
            #expect(f.eventID == after.eventID)
        }
    }

    @Test func aClipWithoutContainerTimeFallsBackToItsModificationTime() throws {
        let h = try IngestHarness(deploymentsCSV: Self.deployments)
        let url = try VideoFixtures.writeClip(.avi, to: h.dir.path("cards/C1/PLAIN.AVI"), seconds: 2)
        let mtime = CameraDateTime(exif: "2024:09:10 08:00:00")!.absolute(in: try ZoneSpec("UTC"))
        try VideoFixtures.setModified(url, to: mtime)
        let (_, problems) = try h.ingest(h.dir.path("cards"))
        #expect(problems.isEmpty, "\(problems)")
        let clip = try #require(try h.media()["C1/PLAIN.AVI"])
        #expect(clip.timeSource == "file:mtime" && clip.cameraTime == nil)
        #expect(abs(clip.timestamp!.timeIntervalSince(mtime)) < 0.001)
        let frames = try h.store.videoFrames(videoMediaID: clip.mediaID!)
        #expect(frames.map { $0.videoOffset! } == [0, 1])
        #expect(frames.allSatisfy { $0.timeSource == "file:mtime+offset" && $0.cameraTime == nil })
    }

    @Test func framesFollowTheSetting() throws {
        let h = try IngestHarness(deploymentsCSV: Self.deployments)
        let toml = h.store.directory.appendingPathComponent(SurveySettings.fileName)
        var settings = h.store.settings
        settings.videoFramesPerSecond = 2
        try settings.tomlText.write(to: toml, atomically: true, encoding: .utf8)
        let store = try SurveyStore(directory: h.store.directory)
        #expect(store.settings.videoFramesPerSecond == 2)
        try VideoFixtures.writeClip(.mp4, to: h.dir.path("cards/C1/TWO.MP4"), seconds: 2)
        _ = try Ingestor(store: store).run(directory: h.dir.path("cards"), options: IngestOptions(workers: 2))
        var clipID: Int64?
        try store.forEachMedia { if $0.fileName == "TWO.MP4" { clipID = $0.mediaID } }
        let offsets = try store.videoFrames(videoMediaID: try #require(clipID)).map { $0.videoOffset! }
        #expect(offsets == [0, 0.5, 1, 1.5])
    }

    @Test func brokenClipsAreProblemsNamingTheFileAndTheRestIsIngested() throws {
        let h = try IngestHarness(deploymentsCSV: Self.deployments)
        let cards = h.dir.path("cards/C1")
        let good = try VideoFixtures.writeClip(.mp4, to: cards.appendingPathComponent("GOOD.MP4"), seconds: 2)
        let whole = [UInt8](try Data(contentsOf: good))
        // Cut off while recording: the media data box runs past the end and the movie header (moov, last here) is missing.
        try FixturePhotos.write(Array(whole.prefix(whole.count / 2)), to: cards.appendingPathComponent("CUT.MP4"))
        let avi = try VideoFixtures.writeClip(.avi, to: cards.appendingPathComponent("FULL.AVI"), seconds: 2)
        let aviBytes = [UInt8](try Data(contentsOf: avi))
        try FixturePhotos.write(Array(aviBytes.prefix(aviBytes.count * 2 / 3)), to: cards.appendingPathComponent("CUT.AVI"))
        try FixturePhotos.write(Array("not a video at all, just text".utf8), to: cards.appendingPathComponent("TEXT.AVI"))
        // A sound container whose stream is garbage: the container is read, the frames cannot be.
        var garbled = aviBytes
        if let movi = VideoFixtures.aviList("movi", in: garbled) {
            for i in movi.start..<movi.end { garbled[i] = UInt8(truncatingIfNeeded: i &* 31) }
        }
        try FixturePhotos.write(garbled, to: cards.appendingPathComponent("GARBLED.AVI"))
        try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: "2024:09:05 21:00:00"), to: cards.appendingPathComponent("IMG_0001.JPG"))

        let (summary, problems) = try h.ingest(h.dir.path("cards"))
        let named = { (name: String) in problems.filter { $0.contains(name) } }
        #expect(named("CUT.MP4").count == 1 && named("CUT.MP4")[0].contains("truncated"), "\(problems)")
        #expect(named("CUT.AVI").count == 1 && named("CUT.AVI")[0].contains("truncated"), "\(problems)")
        #expect(named("TEXT.AVI").count == 1, "\(problems)")
        #expect(named("GARBLED.AVI").count == 1 && named("GARBLED.AVI")[0].contains("no frames could be sampled"), "\(problems)")
        let all = try h.media()
        #expect(all["C1/IMG_0001.JPG"] != nil && all["C1/GOOD.MP4"] != nil && all["C1/FULL.AVI"] != nil)
        #expect(all["C1/CUT.MP4"] == nil && all["C1/CUT.AVI"] == nil && all["C1/TEXT.AVI"] == nil)
        #expect(all["C1/GARBLED.AVI"] != nil, "a clip whose frames cannot be decoded stays recorded")
        #expect(summary.videosSampled == 2 && summary.problems == 4)
        let stored = try h.store.ingestProblems(runID: summary.runID).map(\.path)
        #expect(stored.contains { $0.hasSuffix("GARBLED.AVI") })
    }
}
