import ArgumentParser
import Core
import Foundation
import Store
import Triage

extension TriageCommand {
    /// `rosette triage list`: detectors and classifiers with results; with --boxes, each box and its species.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the detectors and classifiers with stored results; --boxes lists each box with its species.")

        @OptionGroup var survey: SurveyOption
        @OptionGroup var access: RoleOption
        @Flag(help: "List each detection box with its species, probability and evidence.") var boxes = false
        @Option(help: "With --boxes: boxes below this detector confidence are left out.") var detectionThreshold = 0.2
        @Option(help: "With --boxes: machine species below this probability count as unknown.") var speciesThreshold = 0.5
        @Option(help: "With --boxes: at most this many boxes.") var limit = 50

        func run() throws {
            let store = try survey.open()
            let detectors = try store.triageDetectors()
            if detectors.isEmpty { print("No triage results yet.") }
            for d in detectors {
                print("\(d.detector): \(d.media) photo(s)")
                let marks = try store.learnedBlanks(detector: d.detector)
                if !marks.isEmpty {
                    print("\(SurveyStore.learnedName(detector: d.detector)): \(marks.count) photo(s) of its bursts marked empty by the learned triage (machine)")
                }
            }
            for c in try store.classifiers() {
                print("\(c.classifier) (classifier): \(c.media) photo(s)" + (c.failed > 0 ? ", \(c.failed) failed" : ""))
            }
            if let line = TriageCommand.cameraLine(try store.cameraTrapCounts()) { print(line) }
            guard boxes else { return }
            let viewer = try access.viewer(store)
            let list = try store.speciesBoxes(detectionThreshold: detectionThreshold, speciesThreshold: speciesThreshold, viewer: viewer)
            let roots = try store.rootPaths().values.sorted { $0.count > $1.count }
            let camera = try store.cameraTrapReadings(mediaIDs: Array(Set(list.prefix(limit).map(\.mediaID))))
            var rows = [["photo", "detector", "conf", "box [x, y, w, h]", "species", "p", "evidence"]
                        + (camera.isEmpty ? [] : ["camera"])]
            for b in list.prefix(limit) {
                let path = roots.first { b.filePath.hasPrefix($0 + "/") }.map { String(b.filePath.dropFirst($0.count + 1)) } ?? b.filePath
                rows.append([path, b.detector, String(format: "%.3f", b.detectionConfidence),
                             b.bbox.map { String(format: "%.3f", $0) }.joined(separator: ", "),
                             b.scientificName ?? b.speciesLabel ?? "animal",
                             b.speciesProbability.map { String(format: "%.2f", $0) } ?? "–", b.evidence.rawValue]
                            + (camera.isEmpty ? [] : [camera[b.mediaID].map(TriageCommand.cameraCell) ?? "–"]))
            }
            print(TextTable.render(rows))
            if list.count > limit { print("… \(list.count - limit) more box(es) (--limit)") }
        }
    }
}
