import Core
import Foundation
import Imaging
import Store
import Testing
import TestSupport
@testable import Triage

/// A camera watching a textured scene: bursts of two photos, some with a dark "animal" moving across, some blank.
@Suite struct MotionTriageTests {
    static let width = 512, height = 384

    static func scene(animalAt x: Int?, seed: Int) throws -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        var noise = UInt64(seed + 1) &* 0x9E37_79B9_7F4A_7C15
        for y in 0..<height {
            for x0 in 0..<width {
                noise = noise &* 6364136223846793005 &+ 1442695040888963407
                let jitter = Int(noise >> 61)   // 0–7: sensor noise
                let base = 90 + ((x0 / 16 + y / 16) % 2) * 40 + (y * 60 / height) + jitter
                let inAnimal = x.map { x0 >= $0 && x0 < $0 + 120 && y >= 180 && y < 260 } ?? false
                let v = UInt8(inAnimal ? 30 : min(255, base))
                pixels[(y * width + x0) * 3] = v
                pixels[(y * width + x0) * 3 + 1] = UInt8(min(255, Int(v) + 20))
                pixels[(y * width + x0) * 3 + 2] = v / 2
            }
        }
        return try pixels.withUnsafeBufferPointer {
            try JPEGEncoder.encode(pixels: $0, width: width, height: height, channels: 3, quality: 90)
        }
    }

    /// Bursts: animal moving (x 40 → 200), blank, animal (300 → 360), blank, blank, blank; a corrupt file in the last.
    static func survey(_ dir: TemporaryDirectory) throws -> SurveyStore {
        let store = try SurveyStore.create(directory: dir.path("S"))
        let zone = try ZoneSpec("Asia/Vladivostok")
        let d = Deployment(deploymentID: "C1", locationID: "C1", locationName: "C1", latitude: 43.1, longitude: 131.3,
                           deploymentStart: Timestamp.parse("2024-09-01T00:00:00+10:00", defaultZone: nil)!,
                           deploymentEnd: Timestamp.parse("2024-10-01T00:00:00+10:00", defaultZone: nil)!, timezone: "Asia/Vladivostok")
        try store.upsertDeployments([(d, [])], actor: "t")
        let root = dir.path("cards")
        let (rootID, _) = try store.root(for: root)
        let bursts: [[Int?]] = [[40, 200], [nil, nil], [300, 360], [nil, nil], [nil, nil], [nil, nil]]
        var files: [IngestedFile] = []
        for (b, burst) in bursts.enumerated() {
            for (i, x) in burst.enumerated() {
                let name = "C1/IMG_\(b)\(i).JPG"
                let bytes = b == 5 && i == 1 ? [UInt8](repeating: 0xFF, count: 100) : try scene(animalAt: x, seed: b * 2 + i)
                try FixturePhotos.write(bytes, to: root.appendingPathComponent(name))
                var m = Media(rootID: rootID, filePath: name, fileMediatype: "image/jpeg", fileSize: Int64(bytes.count),
                              fileModified: 0, contentKey: name)
                m.deploymentID = "C1"
                m.timestamp = CameraDateTime(exif: "2024:09:0\(b + 2) 10:00:0\(i)")!.absolute(in: zone)
                files.append(IngestedFile(media: m, observations: [], replacing: nil))
            }
        }
        try store.saveIngestBatch(runID: try store.beginIngestRun(root: root.path), files: files, problems: [], unchanged: 0)
        try store.resequencePending()
        return store
    }

    @Test(arguments: [1, 2])
    func movingAnimalsAreBoxedAndBlankBurstsStayEmpty(workers: Int) throws {
        let dir = TemporaryDirectory()
        let store = try Self.survey(dir)
        var failures: [String] = []
        let s = try MotionTriage(store: store, workers: workers).run(problem: { failures.append($0) })
        #expect(s.processed == 12 && s.failed == 1 && failures.count == 1, "\(s) \(failures)")
        let results = Dictionary(uniqueKeysWithValues: try store.triageResults(detector: "rosette-motion").map { ($0.filePath, $0.result) })
        for (name, x) in [("C1/IMG_00.JPG", 40), ("C1/IMG_01.JPG", 200), ("C1/IMG_20.JPG", 300)] {
            let truth = RelativeBox(x: Double(x) / 512, y: 180.0 / 384, width: 120.0 / 512, height: 80.0 / 384)
            let best = results[name]!.detections.compactMap(Detection.init(observation:)).map { $0.box.iou(truth) }.max() ?? 0
            #expect(best > 0.6, "\(name): IoU \(best)")
        }
        for name in ["C1/IMG_10.JPG", "C1/IMG_11.JPG", "C1/IMG_30.JPG", "C1/IMG_31.JPG", "C1/IMG_40.JPG"] {
            #expect(results[name]!.detections.isEmpty, "\(name)")
        }
        #expect(results["C1/IMG_51.JPG"]!.failure != nil)
        // Bursts 1, 3, 4 and 5 (its readable photo) are blank; 0 and 2 are not.
        let verdicts = try store.sequenceVerdicts(detector: "rosette-motion", threshold: 0)
        #expect(verdicts.count == 6)
        #expect(verdicts.values.filter { !$0 }.count == 4)
        #expect(try store.sequenceVerdicts(detector: "rosette-motion", threshold: 1).values.allSatisfy { !$0 })
    }

    /// Stopped after its first stored batch, a run says so; the next run does the rest and nothing twice.
    @Test(arguments: [2, 4])
    func anInterruptedRunResumes(batchSize: Int) throws {
        let dir = TemporaryDirectory()
        let store = try Self.survey(dir)
        var settings = MotionSettings()
        settings.batchSize = batchSize
        let stop = StopFlag()
        let first = try MotionTriage(store: store, settings: settings).run(stop: stop, progress: { _, _ in stop.set() })
        #expect(first.interrupted)
        #expect(first.processed >= batchSize && first.processed < 12)
        let second = try MotionTriage(store: store, settings: settings).run()
        #expect(!second.interrupted)
        #expect(second.alreadyDone == first.processed && first.processed + second.processed == 12)
        #expect(try store.triageResults(detector: "rosette-motion").count == 12)
    }

    @Test func aSecondRunSkipsWhatIsDone() throws {
        let dir = TemporaryDirectory()
        let store = try Self.survey(dir)
        _ = try MotionTriage(store: store).run()
        let again = try MotionTriage(store: store).run()
        #expect(again.alreadyDone == 12 && again.processed == 0)
    }
}
