import Core
import Foundation
import Identify
import Imaging
import Store
import Testing
import TestSupport
@testable import Triage

/// Motion triage keeps each camera's background with the survey; identification masks the static scene with it.
@Suite struct MotionTriageBackgroundsTests {
    @Test func triageStoresTheCameraBackgroundAndItMasksTheSceneNotTheAnimal() throws {
        let dir = TemporaryDirectory()
        let store = try MotionTriageTests.survey(dir)
        _ = try MotionTriage(store: store, workers: 1).run()
        let media = try store.triageMediaRefs()
        let backgrounds = try store.cameraBackgrounds(mediaIDs: media.map(\.mediaID))
        #expect(backgrounds.count == media.count)
        let day = try #require(backgrounds[media[0].mediaID]?.first)
        #expect(day.deploymentID == "C1" && !day.night && day.width == 64 && day.height == 48 && day.frames >= 3)

        // IMG_00 has the dark animal at x 40–160, y 180–260 of the 512×384 frame.
        let animal = try #require(media.first { $0.filePath == "C1/IMG_00.JPG" })
        let path = dir.path("cards").appendingPathComponent(animal.filePath).path
        let mask = try #require(try BackgroundMask(path: path, frameWidth: 512, frameHeight: 384, backgrounds: backgrounds[animal.mediaID]!,
                                                   decoder: ImageDecoder()))
        let placement = FramePlacement(crop: PixelBox(x: 0, y: 0, width: 512, height: 384), chipWidth: 512, chipHeight: 384,
                                       frameWidth: 512, frameHeight: 384)
        let points = [(100, 220), (140, 200), (400, 80), (300, 330), (480, 200)].map {
            FeatureSet.Keypoint(x: Float($0.0), y: Float($0.1), size: 8)
        }
        let features = FeatureSet(chipWidth: 512, chipHeight: 384, keypoints: points,
                                  descriptors: [UInt8](repeating: 1, count: points.count * FeatureSet.descriptorBytes), placement: placement)
        #expect(mask.staticKeypoints(features) == [2, 3, 4], "the animal's keypoints are kept, the scene's dropped")
        // A blank photo of the same camera is static all over.
        let blank = try #require(media.first { $0.filePath == "C1/IMG_10.JPG" })
        let blankMask = try #require(try BackgroundMask(path: dir.path("cards").appendingPathComponent(blank.filePath).path, frameWidth: 512,
                                                        frameHeight: 384, backgrounds: backgrounds[blank.mediaID]!, decoder: ImageDecoder()))
        #expect(blankMask.staticKeypoints(features).count == points.count)
        #expect(blankMask.masking(features).count == points.count, "a mask that would drop nearly everything is not applied")
    }

    @Test func aSecondRunReplacesTheStoredBackgrounds() throws {
        let dir = TemporaryDirectory()
        let store = try MotionTriageTests.survey(dir)
        let b = CameraBackground(deploymentID: "C1", night: true, width: 2, height: 2, grey: [1, 2, 3, 4], frames: 3)
        try store.saveCameraBackgrounds(deploymentID: "C1", detector: "x", [b])
        _ = try MotionTriage(store: store, workers: 1).run()
        let media = try store.triageMediaRefs()
        let stored = try store.cameraBackgrounds(mediaIDs: [media[0].mediaID])[media[0].mediaID] ?? []
        #expect(stored.count == 1 && stored[0].width == 64 && !stored[0].night)
    }
}
