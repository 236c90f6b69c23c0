import ArgumentParser
import Core
import Foundation
import Store
import Triage

extension TriageCommand {
    /// `rosette triage learn`: a per-survey model trained on the bursts people marked, cross-validated, then applied.
    struct Learn: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Learn from the reviewer: a model of this survey's empty bursts, trained on the bursts people marked.",
            discussion: """
                A burst a person marked is one with a human-method observation on any of its photos (or on the burst):
                blank makes it empty; an animal, a person or a vehicle makes it not empty (`triage mark` adds them).
                Gradient-boosted trees over each burst's boxes (frames with a box, scores, largest box, top box place and
                aspect, how consistently it moves) and metadata (hour, trigger, temperature, station) are checked by
                k-fold cross-validation on the reviewed bursts with a box; the threshold keeps --recall of the held-out
                non-empty ones. Only bursts with a box are scored (the others are already blank). With --apply, each
                unreviewed burst scored below the threshold is marked blank (machine method, source `learned`); the rest
                are kept. A rerun replaces only its own marks, a person's verdict is never changed, and
                `triage validate --labels FILE --learned` counts the marks.
                """)

        @OptionGroup var survey: SurveyOption
        @Option(help: "Which detector's boxes (default: the only one).") var detector: String?
        @Flag(help: "Mark the bursts the model is sure are empty.") var apply = false
        @Option(help: "Reviewed bursts with a box needed.") var minReviewed = LearnedTriage.Settings().minReviewed
        @Option(help: "Of those, empty ones and non-empty ones needed (each).") var minPerClass = LearnedTriage.Settings().minPerClass
        @Option(help: "Held-out recall of non-empty bursts the threshold keeps.") var recall = LearnedTriage.Settings().recall
        @Option(help: "Cross-validation folds.") var folds = LearnedTriage.Settings().folds

        func validate() throws {
            guard recall > 0, recall <= 1 else { throw ValidationError("--recall must be in (0, 1] (got \(recall))") }
            guard folds >= 2 else { throw ValidationError("--folds must be at least 2 (got \(folds))") }
            guard minPerClass >= folds else { throw ValidationError("--min-per-class must be at least --folds (\(folds)), so each fold holds both kinds") }
        }

        func run() throws {
            let store = try survey.open()
            try store.resequencePending()
            let name = try MegaDetectorExport(store: store).resolveDetector(detector)
            var settings = LearnedTriage.Settings()
            settings.minReviewed = minReviewed
            settings.minPerClass = minPerClass
            settings.recall = recall
            settings.folds = folds
            let learner = LearnedTriage(store: store, settings: settings)
            let plan: LearnedTriage.Plan
            do { plan = try learner.plan(detector: name) } catch let e as TriageError {
                printError(e.description)
                throw ExitCode(1)
            }
            print(Self.render(plan, recall: recall))
            guard apply else {
                print("Nothing changed (--apply marks them).")
                return
            }
            let change = try learner.apply(plan)
            print("Applied: \(plan.sureEmpty.count) burst(s) marked empty as '\(SurveyStore.learnedName(detector: name))' "
                  + "(\(change.added) photo mark(s) added, \(change.removed) removed, \(change.unchanged) unchanged).")
        }

        static func render(_ p: LearnedTriage.Plan, recall: Double) -> String {
            func cell(_ hit: Int, _ total: Int) -> String {
                String(format: "%.3f (%d/%d)", total > 0 ? Double(hit) / Double(total) : 0, hit, total)
            }
            var lines = ["Learned triage over '\(p.detector)': \(p.reviewedWithBox) reviewed burst(s) with a box to learn from "
                         + "(\(p.reviewedAnimal) not empty, \(p.reviewedEmpty) empty); reviewed without a box, left as they are: "
                         + "\(p.reviewedAnimalWithoutBox) not empty (the detector missed them), \(p.reviewedEmptyWithoutBox) empty."]
            lines.append("\(p.folds.count)-fold cross-validation, held-out bursts at the threshold:")
            var rows = [["fold", "not empty kept (recall)", "empty removed"]]
            for (k, f) in p.folds.enumerated() {
                rows.append(["\(k + 1)", cell(f.animalKept, f.animal), cell(f.emptyRemoved, f.empty)])
            }
            rows.append(["all", cell(p.total.animalKept, p.total.animal), cell(p.total.emptyRemoved, p.total.empty)])
            lines.append(TextTable.render(rows))
            lines.append(String(format: "Threshold %.4f: the highest keeping held-out recall ≥ %.3f; an unreviewed burst scored below it is empty, at or above it is kept.",
                                p.threshold, recall))
            lines.append("Unreviewed bursts with a box: \(p.unreviewedWithBox); sure empty: \(p.sureEmpty.count).")
            return lines.joined(separator: "\n")
        }
    }
}
