import ArgumentParser
import Core
import Foundation
import Store
import Triage

extension TriageCommand {
    /// `rosette triage classify --model FILE --labels FILE`: a species classifier on the stored animal boxes.
    struct Classify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run an ONNX species classifier (weights and labels you supply) on the stored animal boxes.",
            discussion: """
                Each animal box at or above --min-box-conf is cropped (with a margin; square, letterbox or stretch),
                normalised ((v/255 − mean) / std, RGB) and classified; outputs that are not probabilities go through a
                softmax, and the best --top-k labels are stored per box as machine observations (source 'classifier'),
                with the scientific name the taxonomy gives each label. The model (input 1×3×N×N, output one score per
                label) and the labels file are checked before any photo is read. Resumable per photo; a photo that
                fails is recorded with the reason and the run goes on.
                """)

        @OptionGroup var survey: SurveyOption
        @Option(help: "The ONNX model file.", completion: .file(extensions: ["onnx"])) var model: String
        @Option(help: "The labels file: one label per line, in the model's output order.", completion: .file()) var labels: String
        @Option(help: "The model's square input size in pixels.") var inputSize = 224
        @Option(help: "Only this detector's boxes (default: every detector's).") var detector: String?
        @Option(help: "Boxes below this detector confidence are not classified.") var minBoxConf = 0.1
        @Option(help: "How a box becomes the input: square, letterbox or stretch.") var crop = "square"
        @Option(help: "Box widening on each side, as a fraction of its size.") var margin = 0.1
        @Option(help: "Per-channel mean R,G,B of 0–1 pixels (default ImageNet's).") var mean = "0.485,0.456,0.406"
        @Option(help: "Per-channel standard deviation R,G,B.") var std = "0.229,0.224,0.225"
        @Option(help: "Labels stored per box, best first.") var topK = 3
        @Option(help: "Classifier name stored with the results (default: the model's file name).") var name: String?
        @Option(help: "Threads running the model.") var workers = ProcessInfo.processInfo.activeProcessorCount
        @Flag(help: "No progress output.") var quiet = false

        func run() throws {
            let store = try survey.open()
            var settings = try ClassifierSettings(modelPath: model, labelsPath: labels, name: name)
            settings.inputSize = inputSize
            settings.detector = detector
            settings.minBoxConfidence = minBoxConf
            guard let mode = ClassifierSettings.Crop(rawValue: crop) else {
                throw ValidationError("--crop must be square, letterbox or stretch, not '\(crop)'")
            }
            settings.crop = mode
            settings.margin = margin
            settings.mean = try Self.triple(mean, option: "--mean")
            settings.std = try Self.triple(std, option: "--std")
            settings.topK = max(1, topK)
            _ = try ONNXClassifier(settings: settings)   // a bad model or labels file fails here, before any photo
            let taxonomy = try Taxonomy.forSurvey(directory: store.directory)
            let frozen = settings
            let runner = ClassifierTriage(store: store, settings: settings, taxonomy: taxonomy, workers: workers) {
                try ONNXClassifier(settings: frozen)
            }
            let unknown = runner.unknownLabels
            if !unknown.isEmpty { printError(TriageWarning.unknownLabels(path: labels, labels: unknown).description) }
            let stop = StopFlag()
            let signals = IngestCommand.trapInterrupts(stop)
            defer { signals.forEach { $0.cancel() } }
            let meter = ProgressMeter(label: "classify", total: nil, enabled: !quiet)
            let s = try runner.run(stop: stop, progress: { done, total in meter.setTotal(total); meter.update(done: done) },
                                   problem: { meter.message($0) })
            meter.finish(done: s.processed)
            print("\(settings.name): \(s.processed) photo(s) (\(s.boxes) box(es)) classified in \(String(format: "%.1f", s.seconds)) s "
                  + "(\(String(format: "%.1f", Double(s.processed) / max(s.seconds, 0.001))) photos/s); "
                  + "\(s.alreadyDone) already done; \(s.failed) failed.")
            if s.interrupted { print("Interrupted: the photos reported are stored; run the same command to resume.") }
        }

        static func triple(_ text: String, option: String) throws -> [Float] {
            let values = text.split(separator: ",").map { Float($0.trimmingCharacters(in: .whitespaces)) }
            guard values.count == 3, values.allSatisfy({ $0 != nil }) else {
                throw ValidationError("\(option) takes three numbers R,G,B, not '\(text)'")
            }
            return values.compactMap { $0 }
        }
    }
}
