import Core

/// How to run a user-supplied YOLOv5 / MegaDetector ONNX model.
public struct ONNXDetectorSettings: Sendable, Equatable {
    public var modelPath: String
    /// The square input side the model was exported with (MegaDetector v5: 1280).
    public var inputSize = 1280
    /// What each class score means, in the model's order (MegaDetector: animal, person, vehicle).
    public var classes: [Observation.Kind] = [.animal, .human, .vehicle]
    /// Detections below this are not kept (a low floor: thresholds are chosen when results are read).
    public var confidence = 0.005
    /// Boxes of one class overlapping more than this are merged (non-maximum suppression).
    public var nmsIoU = 0.45
    public var maxDetections = 100
    /// The detector name stored with the results (default: the model's file name).
    public var name: String

    public init(modelPath: String, name: String? = nil) {
        self.modelPath = modelPath
        self.name = name ?? modelPath.split(separator: "/").last.map(String.init) ?? modelPath
    }

    /// Reads a class map such as "animal,person,vehicle".
    public static func classes(from text: String) throws -> [Observation.Kind] {
        let kinds = text.split(separator: ",").map { MegaDetectorBatch.kind(ofCategoryName: $0.trimmingCharacters(in: .whitespaces)) }
        guard !kinds.isEmpty, kinds.allSatisfy({ $0 != nil }) else { throw TriageError.badClassMap(value: text) }
        return kinds.compactMap { $0 }
    }
}
