import Core
import Foundation
import Store
import Testing
import TestSupport
@testable import Triage

/// Time-lapse frames (fired by the camera's clock) make a camera's background when there are enough of them.
@Suite struct MotionTriageTimeLapseTests {
    static func frame(_ level: UInt8, night: Bool = false) -> MotionFrame {
        MotionFrame(width: 4, height: 3, grey: [UInt8](repeating: level, count: 12), colourfulness: night ? 0 : 20)
    }

    @Test func enoughTimeLapseFramesOfOneLightMakeItsBackgroundAlone() {
        let settings = MotionSettings()
        // Day: 6 time-lapse frames (IDs 1–6, level 100) and 5 motion frames (level 30, an animal filling them).
        // Night: 2 time-lapse frames (IDs 20–21) and 3 motion frames: too few clocked frames, all 5 are used.
        var sample: [Int64: MotionFrame] = [:]
        for id in 1...6 { sample[Int64(id)] = Self.frame(100) }
        for id in 10...14 { sample[Int64(id)] = Self.frame(30) }
        for id in 20...21 { sample[Int64(id)] = Self.frame(60, night: true) }
        for id in 30...32 { sample[Int64(id)] = Self.frame(70, night: true) }
        let timeLapse: Set<Int64> = [1, 2, 3, 4, 5, 6, 20, 21]
        let frames = MotionTriage.backgroundFrames(sample, timeLapse: timeLapse, settings: settings)
        #expect(frames.filter { !$0.isNight(settings) }.map { $0.grey[0] } == Array(repeating: 100, count: 6))
        #expect(frames.filter { $0.isNight(settings) }.count == 5)
        let backgrounds = MotionBackgrounds(sample: frames, settings: settings)
        #expect(backgrounds.background(for: Self.frame(30), settings: settings)?.grey[0] == 100,
                "the median of the clock's frames, not of the animal's")
    }

    @Test func withoutTimeLapseFramesTheSampleIsUnchanged() {
        let settings = MotionSettings()
        var sample: [Int64: MotionFrame] = [:]
        for id in 1...7 { sample[Int64(id)] = Self.frame(UInt8(40 + id)) }
        let frames = MotionTriage.backgroundFrames(sample, timeLapse: [1, 2], settings: settings)
        #expect(frames.map { $0.grey[0] } == (1...7).map { UInt8(40 + $0) })
    }

    @Test func timeLapseFramesAreAddedToThePhotosDecodedForTheBackground() throws {
        let dir = TemporaryDirectory()
        let triage = MotionTriage(store: try SurveyStore.create(directory: dir.path("S")), workers: 1)
        let refs = (0..<200).map { i in
            TriageMediaRef(mediaID: Int64(i), rootID: 1, filePath: "C1/\(i).JPG", deploymentID: "C1", eventID: nil, timestamp: nil,
                           width: 64, height: 48, isDuplicate: false, cameraTrigger: i % 25 == 3 ? "time-lapse" : "motion")
        }
        let picks = triage.backgroundPicks(refs)
        let clocked = Set(refs.filter { $0.cameraTrigger == "time-lapse" }.map(\.mediaID))
        #expect(clocked.count == 8)
        #expect(clocked.isSubset(of: Set(picks.map(\.mediaID))), "every time-lapse frame is decoded")
        #expect(Set(picks.map(\.mediaID)).count == picks.count, "no photo decoded twice")
        #expect(picks.count >= triage.settings.backgroundSample * 2)
    }
}
