import CRosetteNative
import Imaging

/// A YOLOv5 / MegaDetector ONNX network run through OpenCV dnn (letterbox, confidence, NMS).
public final class ONNXDetector: Detector {
    public let settings: ONNXDetectorSettings
    public var name: String { settings.name }
    private let handle: OpaquePointer
    private let decoder = ImageDecoder()

    /// Loads the model and checks its input and output shapes; throws before any photo is read.
    public init(settings: ONNXDetectorSettings) throws {
        self.settings = settings
        rsn_initialize()
        var err = [CChar](repeating: 0, count: 512)
        guard let h = rsn_detector_open(settings.modelPath, Int32(settings.inputSize), Int32(settings.classes.count), &err, Int32(err.count)) else {
            let message = nativeMessage(err)
            if message.hasPrefix("output is") { throw TriageError.badModelShape(path: settings.modelPath, detail: message) }
            if message.hasPrefix("input: ") {
                throw TriageError.badModelShape(path: settings.modelPath,
                                                detail: String(message.dropFirst(7)) + "; check --input-size")
            }
            throw TriageError.unreadableModel(path: settings.modelPath, reason: message)
        }
        handle = h
    }

    deinit { rsn_detector_close(handle) }

    public func detect(path: String) throws -> [Detection] {
        let view = try decoder.decode(path: path, mode: .color)
        guard view.channels == 3 else { throw TriageError.imageFailure(path: path, reason: "not a colour image") }
        var boxes = [rsn_box](repeating: rsn_box(), count: settings.maxDetections)
        var count: Int32 = 0
        var err = [CChar](repeating: 0, count: 512)
        let status = rsn_detector_run(handle, view.pixels, Int32(view.width), Int32(view.height), view.stride, Float(settings.confidence),
                                      Float(settings.nmsIoU), &boxes, Int32(boxes.count), &count, &err, Int32(err.count))
        guard status == 0 else { throw TriageError.imageFailure(path: path, reason: "the detector failed: " + nativeMessage(err)) }
        let w = Double(view.width), h = Double(view.height)
        return boxes.prefix(Int(count)).map { b in
            Detection(kind: settings.classes[Int(b.classIndex)], confidence: Double(b.score),
                      box: RelativeBox(x: Double(b.x) / w, y: Double(b.y) / h, width: Double(b.width) / w, height: Double(b.height) / h))
        }
    }
}
