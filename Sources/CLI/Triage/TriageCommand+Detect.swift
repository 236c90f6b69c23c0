import ArgumentParser
import Core
import Foundation
import Store
import Triage

extension TriageCommand {
    /// `rosette triage detect --model FILE`: runs a YOLOv5 / MegaDetector ONNX model over the survey's photos.
    struct Detect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a YOLOv5 / MegaDetector ONNX model (weights you supply) over the survey's photos.",
            discussion: """
                The model is loaded and its signature checked (input 1×3×SIZE×SIZE, output rows [cx, cy, w, h,
                objectness, class scores…]) before any photo is read. Resumable: photos already processed by the same
                detector name are skipped; a photo that fails is recorded with the reason and the run goes on.
                """)

        @OptionGroup var survey: SurveyOption
        @Option(help: "The ONNX model file.", completion: .file(extensions: ["onnx"])) var model: String
        @Option(help: "The model's square input size in pixels.") var inputSize = 1280
        @Option(help: "The classes in the model's order, each animal, person or vehicle.") var classes = "animal,person,vehicle"
        @Option(help: "Lowest confidence stored (thresholds are chosen when results are read).") var confidence = 0.005
        @Option(help: "IoU above which boxes of one class are merged.") var nms = 0.45
        @Option(help: "Detector name stored with the results (default: the model's file name).") var name: String?
        @Option(help: "Threads running the model.") var workers = ProcessInfo.processInfo.activeProcessorCount
        @Flag(help: "No progress output.") var quiet = false

        func run() throws {
            let store = try survey.open()
            var settings = ONNXDetectorSettings(modelPath: model, name: name)
            settings.inputSize = inputSize
            settings.classes = try ONNXDetectorSettings.classes(from: classes)
            settings.confidence = confidence
            settings.nmsIoU = nms
            _ = try ONNXDetector(settings: settings)   // a bad model fails here, before any photo
            let stop = StopFlag()
            let signals = IngestCommand.trapInterrupts(stop)
            defer { signals.forEach { $0.cancel() } }
            let meter = ProgressMeter(label: "detect", total: nil, enabled: !quiet)
            let frozen = settings
            let s = try DetectorTriage(store: store, detectorName: settings.name, workers: workers) { try ONNXDetector(settings: frozen) }
                .run(stop: stop, progress: { done, total in meter.setTotal(total); meter.update(done: done) },
                     problem: { meter.message($0) })
            meter.finish(done: s.processed)
            print("\(settings.name): \(s.processed) photo(s) processed in \(String(format: "%.1f", s.seconds)) s; "
                  + "\(s.alreadyDone) already done; \(s.withDetections) with detections; \(s.failed) failed.")
            if s.interrupted { print("Interrupted: the photos reported are stored; run the same command to resume.") }
        }
    }
}
