import ArgumentParser
import Core
import Foundation
import Store
import Triage

/// `rosette triage …`: find the animals in photos (MegaDetector results, motion, an ONNX detector).
struct TriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Find the animals in photos and their species: MegaDetector results, motion, ONNX detectors and classifiers.",
        discussion: """
            Results are stored as machine observations (animal, human, vehicle; box; confidence) per photo,
            down to a confidence of \(MegaDetectorImport.confidenceFloor): thresholds are chosen when results are read.
            """,
        subcommands: [Import.self, Export.self, List.self, Motion.self, Detect.self, Classify.self, Species.self, Validate.self,
                      Mark.self, Learn.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a MegaDetector batch results file (format 1.4–1.6).",
            discussion: """
                Each images[].file is matched to a stored photo by its path: relative to the media root, absolute, or
                with extra leading folders (the longest stored path it ends with wins). Failures are recorded with
                their reason. Importing the same detector's file again replaces its earlier results for those photos.
                """)

        @OptionGroup var survey: SurveyOption
        @Option(name: .customLong("md-results"), help: "The MegaDetector JSON file.", completion: .file(extensions: ["json"]))
        var mdResults: String
        @Option(help: "Store the results under this detector name (default: the file's info.detector).")
        var detector: String?

        func run() throws {
            let store = try survey.open()
            let s = try MegaDetectorImport(store: store, taxonomy: Taxonomy.forSurvey(directory: store.directory))
                .run(path: mdResults, detector: detector)
            for w in s.warnings { printError(w.description) }
            let unmatched = s.unmatched + s.ambiguous
            print("\(mdResults): \(s.matched) of \(s.images) image(s) matched photos in this survey; \(unmatched) did not"
                  + (s.ambiguous > 0 ? " (\(s.ambiguous) ambiguous: several stored photos end with the same path)" : "") + ".")
            if unmatched > 0 {
                print("  not matched, e.g.: " + s.unmatchedExamples.joined(separator: ", "))
            }
            if s.matched == 0 {
                printError("Nothing imported: no image in the file is a photo of this survey (is it another survey's file?).")
                throw ExitCode(1)
            }
            print("  detector '\(s.detector)': \(s.detectionsStored) detection(s) stored"
                  + (s.classificationsStored > 0 ? " with \(s.classificationsStored) species classification(s)" : "")
                  + ", \(s.failures) failed image(s) recorded, "
                  + "\(s.belowFloor) detection(s) below \(MegaDetectorImport.confidenceFloor) not stored.")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a detector's results as a MegaDetector batch file.")

        @OptionGroup var survey: SurveyOption
        @Option(help: "The JSON file to write.", completion: .file(extensions: ["json"])) var out: String
        @Option(help: "Which detector's results (default: the only one).") var detector: String?
        @OptionGroup var access: RoleOption

        func run() throws {
            let store = try survey.open()
            let export = MegaDetectorExport(store: store)
            let viewer = try access.viewer(store)
            let (batch, withheld) = try export.batch(detector: try export.resolveDetector(detector), viewer: viewer)
            try batch.jsonText.write(to: URL(fileURLWithPath: out), atomically: true, encoding: .utf8)
            let failures = batch.images.filter { $0.failure != nil }.count
            print("\(out): \(batch.images.count) image(s) (\(failures) failed), "
                  + "\(batch.images.reduce(0) { $0 + ($1.detections?.count ?? 0) }) detection(s)"
                  + (withheld > 0 ? "; \(withheld) photo(s) withheld from --role \(viewer.role.rawValue) (people, or not yet screened for people)." : "."))
        }
    }


}
