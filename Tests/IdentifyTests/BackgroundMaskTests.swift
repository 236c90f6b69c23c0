import Foundation
import Store
import Testing
@testable import Identify

@Suite struct BackgroundMaskTests {
    static let w = 64, h = 48

    static func background() -> CameraBackground {
        var grey = [UInt8](repeating: 0, count: w * h)
        for i in grey.indices { grey[i] = UInt8(60 + (i * 37 % 91)) }
        return CameraBackground(deploymentID: "C1", night: false, width: w, height: h, grey: grey, frames: 9)
    }

    /// The background with a dark 16×10-cell animal at cell (x, y).
    static func frame(animalAt x: Int, _ y: Int, brighten: Int = 0) -> [UInt8] {
        var grey = background().grey.map { UInt8(min(255, Int($0) + brighten)) }
        for cy in y..<(y + 10) { for cx in x..<(x + 16) { grey[cy * w + cx] = 20 } }
        return grey
    }

    static func features(at points: [(Int, Int)]) -> FeatureSet {
        // A chip of the frame's left half at twice the reduced resolution × 4 (frame 512×384, cells of 8 px).
        let placement = FramePlacement(crop: PixelBox(x: 0, y: 0, width: 256, height: 384), chipWidth: 128, chipHeight: 192,
                                       frameWidth: 512, frameHeight: 384)
        let keypoints = points.map { FeatureSet.Keypoint(x: Float($0.0), y: Float($0.1), size: 6) }
        return FeatureSet(chipWidth: 128, chipHeight: 192, keypoints: keypoints,
                          descriptors: [UInt8](repeating: 7, count: keypoints.count * FeatureSet.descriptorBytes), placement: placement)
    }

    @Test func keypointsOnTheSceneAreDroppedAndOnTheAnimalKept() throws {
        // Animal cells x 4–19, y 20–29 → frame px 32–160, 160–240 → chip px 16–80, 80–120.
        let mask = try #require(BackgroundMask(frame: Self.frame(animalAt: 4, 20), background: Self.background()))
        let f = Self.features(at: [(40, 100), (70, 85), (20, 10), (100, 180), (60, 150)])
        #expect(mask.staticKeypoints(f) == [2, 3, 4])
        let masked = mask.masking(f)
        #expect(masked.count == 2 && masked.keypoints.map(\.x) == [40, 70])
        #expect(masked.descriptors.count == 2 * FeatureSet.descriptorBytes)
    }

    @Test func theAnimalsEdgeIsProtectedByTheDilation() throws {
        let mask = try #require(BackgroundMask(frame: Self.frame(animalAt: 4, 20), background: Self.background()))
        // One cell left of the animal (cell x 3 → chip x 12) is still "moving"; five cells left (x -1) is off the frame.
        #expect(mask.staticKeypoints(Self.features(at: [(12, 100)])).isEmpty)
    }

    @Test func aLightChangeOverTheWholeFrameGivesNoMask() {
        #expect(BackgroundMask(frame: Self.frame(animalAt: 4, 20, brighten: 40), background: Self.background()) == nil)
    }

    @Test func featuresWithoutAPlaceInTheFrameAreLeftAlone() throws {
        let mask = try #require(BackgroundMask(frame: Self.frame(animalAt: 4, 20), background: Self.background()))
        var f = Self.features(at: [(20, 10)])
        f.placement = nil
        #expect(mask.staticKeypoints(f).isEmpty)
    }
}
