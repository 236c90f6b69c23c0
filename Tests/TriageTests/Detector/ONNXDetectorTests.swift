import Core
import Foundation
import Testing
import TestSupport
@testable import Triage

@Suite struct ONNXDetectorTests {
    struct Reference: Decodable {
        struct Box: Decodable { let `class`: Int; let conf: Double; let bbox: [Double] }
        let inputSize: Int
        let confidence: Double
        let nms: Double
        let detections: [Box]
    }

    static func settings(inputSize: Int = 64, classes: [Observation.Kind] = [.animal, .human, .vehicle]) -> ONNXDetectorSettings {
        var s = ONNXDetectorSettings(modelPath: TriageFixtures.fixtureURL("tiny-detector.onnx").path)
        s.inputSize = inputSize
        s.classes = classes
        return s
    }

    /// The committed model and image, against onnxruntime's boxes written by scripts/make-test-detector.py.
    @Test func boxesMatchOnnxruntime() throws {
        let ref = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: TriageFixtures.fixtureURL("tiny-detector-reference.json")))
        var s = Self.settings(inputSize: ref.inputSize)
        s.confidence = ref.confidence
        s.nmsIoU = ref.nms
        let found = try ONNXDetector(settings: s).detect(path: TriageFixtures.fixtureURL("tiny-detector-input.png").path)
        #expect(found.count == ref.detections.count)
        #expect(found.count > 3)
        let kinds: [Observation.Kind] = [.animal, .human, .vehicle]
        for (d, r) in zip(found, ref.detections) {
            #expect(d.kind == kinds[r.class])
            #expect(abs(d.confidence - r.conf) < 1e-4)
            let b = [d.box.x, d.box.y, d.box.width, d.box.height]
            #expect(zip(b, r.bbox).allSatisfy { abs($0 - $1) < 1e-3 }, "\(b) vs \(r.bbox)")
        }
    }

    @Test(arguments: [
        (64, 2, "badModelShape"),   // two class names for a three-class output
        (64, 5, "badModelShape"),
        (128, 3, "badModelShape"),   // the network's reshape only fits 64×64 input
        (40, 3, "unreadableModel"),  // not a multiple of 32
    ])
    func wrongSignatureFailsBeforeAnyPhoto(inputSize: Int, classCount: Int, expected: String) {
        let classes = Array(repeating: Observation.Kind.animal, count: classCount)
        do {
            _ = try ONNXDetector(settings: Self.settings(inputSize: inputSize, classes: classes))
            Issue.record("model accepted")
        } catch let error as TriageError {
            switch error {
            case .badModelShape: #expect(expected == "badModelShape", "\(error)")
            case .unreadableModel: #expect(expected == "unreadableModel", "\(error)")
            default: Issue.record("\(error)")
            }
        } catch { Issue.record("\(error)") }
    }

    @Test func aFileThatIsNotAModelIsReported() throws {
        let dir = TemporaryDirectory()
        let bad = dir.path("broken.onnx")
        try Data("not a model".utf8).write(to: bad)
        #expect(throws: TriageError.self) { try ONNXDetector(settings: ONNXDetectorSettings(modelPath: bad.path)) }
        #expect(throws: TriageError.self) { try ONNXDetector(settings: ONNXDetectorSettings(modelPath: dir.path("missing.onnx").path)) }
    }

    @Test(arguments: [("animal,person,vehicle", true), ("animal, human", true), ("animal,dog", false), ("", false)])
    func classMaps(text: String, valid: Bool) {
        #expect(((try? ONNXDetectorSettings.classes(from: text)) != nil) == valid)
    }
}
