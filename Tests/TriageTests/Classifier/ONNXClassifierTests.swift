import Core
import Foundation
import Testing
import TestSupport
@testable import Triage

@Suite struct ONNXClassifierTests {
    struct Reference: Decodable {
        struct Synthetic: Decodable { let k: Int; let probabilities: [Double] }
        let inputSize: Int
        let labels: [String]
        let box: [Double]
        let boxProbabilities: [Double]
        let synthetic: [Synthetic]
    }

    /// onnxruntime (float32) and OpenCV dnn agree to this on the tiny model's probabilities.
    static let tolerance = 1e-5

    static func reference() throws -> Reference {
        try JSONDecoder().decode(Reference.self, from: Data(contentsOf: TriageFixtures.fixtureURL("tiny-classifier-reference.json")))
    }

    static func settings(labels: String = "tiny-classifier-labels.txt", model: String = "tiny-classifier.onnx",
                         inputSize: Int = 32) throws -> ClassifierSettings {
        var s = try ClassifierSettings(modelPath: TriageFixtures.fixtureURL(model).path, labelsPath: TriageFixtures.fixtureURL(labels).path)
        s.inputSize = inputSize
        s.margin = 0
        return s
    }

    /// The committed photo's box, cropped (square, no margin: exactly 32×32) and normalised by Rosette, against
    /// onnxruntime's probabilities on the same crop (scripts/make-test-classifier.py).
    @Test func boxProbabilitiesMatchOnnxruntime() throws {
        let ref = try Self.reference()
        let classifier = try ONNXClassifier(settings: try Self.settings())
        #expect(classifier.settings.labels == ref.labels)
        let p = try classifier.classify(path: TriageFixtures.fixtureURL("tiny-classifier-input.png").path, boxes: [ref.box])
        #expect(p.count == 1 && p[0].count == ref.labels.count)
        for (a, b) in zip(p[0], ref.boxProbabilities) { #expect(abs(a - b) < Self.tolerance, "\(p[0]) vs \(ref.boxProbabilities)") }
        #expect(abs(p[0].reduce(0, +) - 1) < 1e-9)
    }

    /// Raw input tensors (the same formula as the script) through the network alone.
    @Test(arguments: [0, 1, 2])
    func tensorProbabilitiesMatchOnnxruntime(k: Int) throws {
        let ref = try Self.reference()
        let n = 3 * ref.inputSize * ref.inputSize
        let input = (0..<n).map { Float(sin(Double($0) * 0.37 + Double(k)) * 1.5) }
        let p = try ONNXClassifier(settings: try Self.settings()).probabilities(input: input)
        let expected = ref.synthetic.first { $0.k == k }!.probabilities
        for (a, b) in zip(p, expected) { #expect(abs(a - b) < Self.tolerance, "\(p) vs \(expected)") }
        #expect(ONNXClassifier.top(p, k: 1)[0].index == expected.indices.max { expected[$0] < expected[$1] })
    }

    @Test(arguments: [
        ([0.1, 0.7, 0.2], [0.1, 0.7, 0.2]),            // already probabilities: unchanged
        ([0.0, 0.0], [0.5, 0.5]),                      // do not sum to 1: softmax
        ([2.0, 1.0, 0.1], [0.6590011, 0.2424329, 0.0985659]),
        ([1000, 1000], [0.5, 0.5]),                    // no overflow
    ])
    func scoresBecomeProbabilities(scores: [Double], expected: [Double]) {
        let p = ONNXClassifier.probabilities(scores)
        #expect(zip(p, expected).allSatisfy { abs($0 - $1) < 1e-6 }, "\(p)")
    }

    @Test func topKIsBestFirst() {
        let top = ONNXClassifier.top([0.1, 0.5, 0.1, 0.3], k: 3)
        #expect(top.map(\.index) == [1, 3, 0])
    }

    enum Expected { case shape, unreadable, labels }

    /// Each bad model or labels file fails when the classifier is made (before any photo), naming the file.
    @Test(arguments: [
        ("tiny-classifier.onnx", 64, 5, "", Expected.shape),        // the dense layer only fits a 32×32 input
        ("tiny-classifier.onnx", 32, 4, "", .shape),                // 5 outputs, 4 labels
        ("tiny-classifier.onnx", 32, 6, "", .shape),
        ("tiny-detector.onnx", 64, 5, "", .shape),                  // a detector is not a classifier
        ("missing.onnx", 32, 5, "", .unreadable),
        ("broken.onnx", 32, 5, "", .unreadable),
        ("tiny-classifier.onnx", 32, 0, "", .labels),               // an empty labels file
        ("tiny-classifier.onnx", 32, 5, "a\n\nb\nc\nd\ne\n", .labels),
    ])
    func badModelsFailBeforeAnyPhoto(model: String, inputSize: Int, labelCount: Int, labelText: String, expected: Expected) throws {
        let dir = TemporaryDirectory()
        try Data("not a model".utf8).write(to: dir.path("broken.onnx"))
        let modelPath = ["missing.onnx", "broken.onnx"].contains(model) ? dir.path(model).path : TriageFixtures.fixtureURL(model).path
        let labelsPath = dir.path("labels.txt").path
        let text = labelText.isEmpty ? (0..<labelCount).map { "label \($0)" }.joined(separator: "\n") : labelText
        try text.write(toFile: labelsPath, atomically: true, encoding: .utf8)
        do {
            var s = try ClassifierSettings(modelPath: modelPath, labelsPath: labelsPath)
            s.inputSize = inputSize
            _ = try ONNXClassifier(settings: s)
            Issue.record("accepted")
        } catch let error as TriageError {
            switch (error, expected) {
            case (.badClassifierShape(let path, _), .shape), (.unreadableClassifier(let path, _), .unreadable):
                #expect(path == modelPath)
                #expect(error.description.hasPrefix(modelPath) && error.description.contains("no photo was processed"))
            case (.badLabels(let path, _, _), .labels):
                #expect(path == labelsPath && error.description.contains(labelsPath))
            default: Issue.record("\(error)")
            }
        }
    }

    @Test func aMissingLabelsFileIsReported() {
        #expect(throws: TriageError.self) {
            try ClassifierSettings(modelPath: "m.onnx", labelsPath: "/nonexistent/labels.txt")
        }
    }
}
