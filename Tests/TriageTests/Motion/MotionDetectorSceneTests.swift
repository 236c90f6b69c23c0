import Core
import Testing
@testable import Triage

/// Issue #17: change that is an object, not light. Each scene is a burst of three frames against a background.
@Suite struct MotionDetectorSceneTests {
    /// The comparison before issue #17: plain grey levels everywhere.
    static var plain: MotionSettings {
        var s = MotionSettings()
        s.textureLevel = .infinity
        return s
    }

    /// Boxes for every frame of the burst, each against the background and the burst's other frames.
    static func boxes(_ burst: [MotionFrame], background: MotionFrame?, settings: MotionSettings = MotionSettings(),
                      variability: [UInt8]? = nil) throws -> [[Detection]] {
        let detector = MotionDetector(settings: settings)
        return try burst.indices.map { i in
            let others = burst.indices.filter { $0 != i }.map { burst[$0] }
            return try detector.detections(frame: burst[i], background: background, burst: others, path: "frame \(i)",
                                           variability: variability)
        }
    }

    /// Sun flecks drifting over the same litter while the exposure changes: light, not an object.
    static let sunFleckBurst: [MotionFrame] = [
        MotionScenes.sunFlecks([(60, 50), (170, 120), (100, 160)], exposure: 0.8),
        MotionScenes.sunFlecks([(75, 55), (185, 110), (115, 150)], exposure: 0.9),
        MotionScenes.sunFlecks([(90, 60), (200, 100), (130, 140)], exposure: 1.0),
    ]

    @Test func sunFlecksOverTheSameTextureGiveNoBox() throws {
        let background = MotionScenes.sunFlecks([], exposure: 1)
        let found = try Self.boxes(Self.sunFleckBurst, background: background)
        #expect(found.allSatisfy { $0.isEmpty }, "\(found.map { $0.map { ($0.box, $0.confidence) } })")
        // The plain comparison boxes them: the scene is a real test of the light-invariant one.
        let plain = try Self.boxes(Self.sunFleckBurst, background: background, settings: Self.plain)
        #expect(plain.contains { !$0.isEmpty })
    }

    /// The camera's history: the plant swaying in gusts (up to 3 px at the tips), as a background sample holds it.
    static func swayHistory() -> [MotionFrame] {
        [0.0, 2.5, -2.5, 1.0, -1.0, 3.0, -3.0, 2.0, -2.0, 0.5, -0.5].map(MotionScenes.windSway)
    }

    @Test func vegetationSwayingInPlaceGivesNoBox() throws {
        let backgrounds = MotionBackgrounds(sample: Self.swayHistory(), settings: MotionSettings())
        // A breeze in the burst (up to 0.6 px at the tips of the 1/8 frame, 5 px in the photo); the camera has seen
        // gusts of 2–3 px.
        let burst = [0.5, -0.6, 0.6].map(MotionScenes.windSway)
        let background = try #require(backgrounds.background(for: burst[0], settings: MotionSettings()))
        let variability = backgrounds.variability(for: burst[0], settings: MotionSettings())
        #expect(variability != nil)
        let found = try Self.boxes(burst, background: background, variability: variability)
        #expect(found.allSatisfy { $0.isEmpty }, "\(found.map { $0.map { ($0.box, $0.confidence) } })")
        // Without the camera's per-pixel variability the swaying fronds are boxed.
        let without = try Self.boxes(burst, background: background)
        #expect(without.contains { !$0.isEmpty })
    }

    @Test func aSmallDarkAnimalCrossingGivesOneBoxOnIt() throws {
        let xs = [40.0, 100.0, 160.0]
        let burst = zip(xs, [1.0, 1.05, 0.95]).map { MotionScenes.darkAnimal(at: $0.0, exposure: $0.1) }
        let background = MotionScenes.darkAnimal(at: nil, exposure: 1)
        let found = try Self.boxes(burst, background: background)
        for (i, x) in xs.enumerated() {
            #expect(found[i].count == 1, "frame \(i): \(found[i].map(\.box))")
            let b = MotionScenes.animalBox(at: x)
            let truth = RelativeBox(x: b.x / 256, y: b.y / 192, width: b.width / 256, height: b.height / 192)
            let best = found[i].map { $0.box.iou(truth) }.max() ?? 0
            #expect(best > 0.5, "frame \(i): IoU \(best)")
        }
    }
}
