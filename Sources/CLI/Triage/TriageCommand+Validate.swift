import ArgumentParser
import Core
import Foundation
import Store
import Triage

extension TriageCommand {
    /// `rosette triage validate`: scores stored results against a simulator's truth.csv or a frame-labelled table.
    struct Validate: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        static let configuration = CommandConfiguration(
            abstract: "Score triage results against a truth table (rosette simulate's truth.csv) or frame labels.",
            discussion: """
                --labels FILE.csv: frames labelled by people (columns path, burst, label, species; label empty, animal or
                human; datetime, count, notes and class optional). A burst with an animal is found when any of its frames
                has a box at the threshold; an empty burst is removed when none has. Reported per burst, per frame, by
                class (mammal bursts apart from birds and reptiles) and by species. A row with a bad label or a path
                that matches no ingested photo is listed with its line and left out; the rest are scored.
                """)

        @OptionGroup var survey: SurveyOption
        @Option(help: "The simulator's truth CSV.", completion: .file(extensions: ["csv"])) var truth: String?
        @Option(help: "A frame-labelled CSV (path, burst, label, species).", completion: .file(extensions: ["csv"])) var labels: String?
        @Option(help: "Which detector's results (default: the only one).") var detector: String?
        @Option(help: "Confidence thresholds to score at (repeatable).") var threshold: [Double] = [0.1, 0.2, 0.5]
        @Option(help: "With --labels: text or json.") var format: Format = .text
        @Flag(help: "With --labels: bursts the learned triage marked empty (`triage learn --apply`) count as removed.")
        var learned = false

        func validate() throws {
            guard (truth == nil) != (labels == nil) else { throw ValidationError("give one of --truth FILE or --labels FILE") }
            if learned && labels == nil { throw ValidationError("--learned goes with --labels FILE") }
        }

        func run() throws {
            let store = try survey.open()
            let name = try MegaDetectorExport(store: store).resolveDetector(detector)
            if let labels { return try runLabels(labels, store: store, detector: name) }
            guard let truth else { return }
            let reports = try TriageValidation(store: store).run(truth: truth, detector: name, thresholds: threshold)
            guard let first = reports.first else { return }
            print("\(name) against \(truth): \(first.photosMatched) of \(first.photosInTruth) truth photo(s) in the survey, "
                  + "\(first.photosTriaged) triaged.")
            var rows = [["threshold", "animal seq. recall", "blank seq. removed", "leopard IoU (all)", "leopard IoU (found)"]]
            for r in reports {
                rows.append([String(r.threshold),
                             String(format: "%.3f (%d/%d)", r.recall, r.animalSequencesFound, r.animalSequences),
                             String(format: "%.3f (%d/%d)", r.blanksRemoved, r.blankSequencesRemoved, r.blankSequences),
                             String(format: "%.3f (n=%d)", r.meanLeopardIoU, r.leopardPhotos),
                             String(format: "%.3f", r.meanLeopardIoUWhenFound)])
            }
            print(TextTable.render(rows))
        }

        private func runLabels(_ path: String, store: SurveyStore, detector: String) throws {
            let result = try LabelValidation(store: store).run(labels: path, detector: detector, thresholds: threshold, learned: learned)
            for p in result.problems { printError(p) }
            if format == .json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(result), as: UTF8.self))
                return
            }
            print(LabelValidationText.render(result))
        }
    }
}
