import CRosetteNative
import Foundation

/// How to run a user-supplied ONNX species classifier on detection boxes.
public struct ClassifierSettings: Sendable, Equatable {
    /// How a box becomes the model's square input.
    public enum Crop: String, Sendable, CaseIterable {
        /// A square around the box centre (side: the longer box side plus margin), grey outside the image.
        case square
        /// The box plus margin scaled to fit, aspect kept, centred on grey.
        case letterbox
        /// The box plus margin resized to the input, aspect not kept.
        case stretch

        var native: Int32 {
            switch self {
            case .square: Int32(RSN_CROP_SQUARE.rawValue)
            case .letterbox: Int32(RSN_CROP_LETTERBOX.rawValue)
            case .stretch: Int32(RSN_CROP_STRETCH.rawValue)
            }
        }
    }

    public var modelPath: String
    public var labelsPath: String
    /// The labels in the model's output order (from the labels file).
    public var labels: [String]
    /// The square input side the model expects.
    public var inputSize = 224
    /// Per-channel (R, G, B) normalisation of 0–1 pixel values: (v − mean) / std. Default: ImageNet's.
    public var mean: [Float] = [0.485, 0.456, 0.406]
    public var std: [Float] = [0.229, 0.224, 0.225]
    public var crop = Crop.square
    /// Widening of the box on each side, as a fraction of its width and height.
    public var margin = 0.1
    /// How many of the best species are stored per box.
    public var topK = 3
    /// Boxes below this detector confidence are not classified.
    public var minBoxConfidence = 0.1
    /// Only this detector's boxes (default: every detector's).
    public var detector: String?
    /// The classifier name stored with the results (`classifiedBy`; default: the model's file name).
    public var name: String

    /// Reads the labels file; throws a message naming the file (and line) when it cannot be used.
    public init(modelPath: String, labelsPath: String, name: String? = nil) throws {
        self.modelPath = modelPath
        self.labelsPath = labelsPath
        self.labels = try ClassifierSettings.readLabels(path: labelsPath)
        self.name = name ?? modelPath.split(separator: "/").last.map(String.init) ?? modelPath
    }

    /// One label per line in output order; trailing empty lines are ignored, an empty line before a label is an error.
    public static func readLabels(path: String) throws -> [String] {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw TriageError.unreadableLabels(path: path, reason: (error as NSError).localizedDescription)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard !lines.isEmpty else { throw TriageError.badLabels(path: path, line: 1, detail: "the file has no labels") }
        if let empty = lines.firstIndex(of: "") {
            throw TriageError.badLabels(path: path, line: empty + 1, detail: "an empty line would shift every later label")
        }
        return lines
    }
}
