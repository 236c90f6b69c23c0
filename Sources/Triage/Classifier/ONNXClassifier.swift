import CRosetteNative
import Foundation
import Imaging

/// A species classifier (ONNX, input 1×3×N×N, output one score per label) run through OpenCV dnn on box crops.
///
/// Outputs that are not already probabilities (all in 0–1, summing to 1) go through a softmax.
public final class ONNXClassifier {
    public let settings: ClassifierSettings
    private let handle: OpaquePointer
    private let decoder = ImageDecoder()
    private var crop: [UInt8]
    private var scores: [Float]

    /// Loads the model and checks its signature against the input size and the labels; throws before any photo.
    public init(settings: ClassifierSettings) throws {
        self.settings = settings
        guard FileManager.default.fileExists(atPath: settings.modelPath) else {
            throw TriageError.unreadableClassifier(path: settings.modelPath, reason: "no such file")
        }
        guard settings.mean.count == 3, settings.std.count == 3, settings.std.allSatisfy({ $0 > 0 }) else {
            throw TriageError.badNormalisation(mean: settings.mean.map(Double.init), std: settings.std.map(Double.init))
        }
        rsn_initialize()
        var err = [CChar](repeating: 0, count: 512)
        guard let h = rsn_classifier_open(settings.modelPath, Int32(settings.inputSize), Int32(settings.labels.count), &err,
                                          Int32(err.count)) else {
            let message = nativeMessage(err)
            if message.hasPrefix("output is") {
                throw TriageError.badClassifierShape(path: settings.modelPath, detail: message
                    + "; \(settings.labelsPath) has \(settings.labels.count) label(s)")
            }
            if message.hasPrefix("input: ") {
                throw TriageError.badClassifierShape(path: settings.modelPath, detail: String(message.dropFirst(7)) + "; check --input-size")
            }
            throw TriageError.unreadableClassifier(path: settings.modelPath, reason: message)
        }
        handle = h
        crop = [UInt8](repeating: 0, count: settings.inputSize * settings.inputSize * 3)
        scores = [Float](repeating: 0, count: settings.labels.count)
    }

    deinit { rsn_classifier_close(handle) }

    /// Label probabilities for each box (relative 0–1) of one photo, in label order.
    public func classify(path: String, boxes: [[Double]]) throws -> [[Double]] {
        let view = try decoder.decode(path: path, mode: .color)
        guard view.channels == 3 else { throw TriageError.imageFailure(path: path, reason: "not a colour image") }
        let w = Double(view.width), h = Double(view.height)
        return try boxes.map { b in
            var err = [CChar](repeating: 0, count: 512)
            let status = rsn_classifier_crop(view.pixels, Int32(view.width), Int32(view.height), view.stride, Float(b[0] * w),
                                             Float(b[1] * h), Float(b[2] * w), Float(b[3] * h), Float(settings.margin),
                                             settings.crop.native, Int32(settings.inputSize), &crop, &err, Int32(err.count))
            guard status == 0 else { throw TriageError.imageFailure(path: path, reason: "cannot crop a box: " + nativeMessage(err)) }
            return try probabilities(crop: crop, path: path)
        }
    }

    /// Probabilities for an N×N RGB crop (N×N×3 bytes).
    public func probabilities(crop: [UInt8], path: String = "(crop)") throws -> [Double] {
        var err = [CChar](repeating: 0, count: 512)
        let status = rsn_classifier_run(handle, crop, settings.mean, settings.std, &scores, &err, Int32(err.count))
        guard status == 0 else { throw TriageError.imageFailure(path: path, reason: "the classifier failed: " + nativeMessage(err)) }
        return ONNXClassifier.probabilities(scores.map(Double.init))
    }

    /// Probabilities for an already-normalised 1×3×N×N input tensor.
    public func probabilities(input: [Float]) throws -> [Double] {
        precondition(input.count == 3 * settings.inputSize * settings.inputSize)
        var err = [CChar](repeating: 0, count: 512)
        let status = rsn_classifier_forward(handle, input, &scores, &err, Int32(err.count))
        guard status == 0 else { throw TriageError.imageFailure(path: "(input)", reason: "the classifier failed: " + nativeMessage(err)) }
        return ONNXClassifier.probabilities(scores.map(Double.init))
    }

    /// The scores as probabilities: unchanged when they already are (each in 0–1, summing to 1 ± 0.001),
    /// else their softmax.
    public static func probabilities(_ scores: [Double]) -> [Double] {
        let sum = scores.reduce(0, +)
        if scores.allSatisfy({ (0...1).contains($0) }), abs(sum - 1) <= 1e-3 { return scores }
        let top = scores.max() ?? 0
        let e = scores.map { Foundation.exp($0 - top) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }

    /// The indices of the `k` largest probabilities, best first (lower index first on ties).
    public static func top(_ probabilities: [Double], k: Int) -> [(index: Int, probability: Double)] {
        Array(probabilities.enumerated().sorted { ($0.element, $1.offset) > ($1.element, $0.offset) }.prefix(k))
            .map { ($0.offset, $0.element) }
    }
}
