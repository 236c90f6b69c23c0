import Core
import Foundation
import Store
import Testing
import TestSupport
@testable import Triage

@Suite struct ClassifierTriageTests {
    /// The fixture photo (its box found by a detector) and a missing photo: one classified, one failure recorded,
    /// the run goes on; a second run has nothing to do.
    @Test(arguments: [1, 2])
    func boxesAreClassifiedResumablyAndFailuresRecorded(workers: Int) throws {
        let ref = try ONNXClassifierTests.reference()
        let dir = TemporaryDirectory()
        let root = TriageFixtures.fixtureURL("tiny-classifier-input.png").deletingLastPathComponent().path
        let store = try TriageFixtures.store(paths: ["tiny-classifier-input.png", "missing.png", "no-box.png"], in: dir, root: root)
        let ids = Dictionary(uniqueKeysWithValues: try store.triageMediaRefs().map { ($0.filePath, $0.mediaID) })
        let box = RelativeBox(x: ref.box[0], y: ref.box[1], width: ref.box[2], height: ref.box[3])
        try store.saveTriageResults(runID: nil, detector: "md", results: [
            TriageMediaResult(mediaID: ids["tiny-classifier-input.png"]!, detections: [Detection(kind: .animal, confidence: 0.9, box: box).observation()]),
            TriageMediaResult(mediaID: ids["missing.png"]!, detections: [Detection(kind: .animal, confidence: 0.5, box: box).observation()]),
            TriageMediaResult(mediaID: ids["no-box.png"]!, detections: [Detection(kind: .animal, confidence: 0.05, box: box).observation()]),
        ])
        let settings = try ONNXClassifierTests.settings()
        var runner = ClassifierTriage(store: store, settings: settings, taxonomy: .builtIn, workers: workers) { try ONNXClassifier(settings: settings) }
        runner.batchSize = 1
        #expect(runner.unknownLabels == ["mystery beast"])
        var problems: [String] = []
        let s = try runner.run(problem: { problems.append($0) })
        #expect((s.photos, s.processed, s.failed, s.boxes) == (2, 2, 1, 2))   // no-box.png's box is below 0.1
        #expect(problems.count == 1 && problems[0].contains("missing.png"))
        let again = try runner.run()
        #expect(again.alreadyDone == 2 && again.processed == 0)
        #expect(try store.classifiers().first?.failed == 1)

        // Top 3 of the box, with the taxonomy's names and onnxruntime's probabilities; each row carries the box.
        let boxes = try store.speciesBoxes(detectionThreshold: 0.2, speciesThreshold: 0.0, detector: "md")
        let classified = boxes.first { $0.mediaID == ids["tiny-classifier-input.png"] }!
        let best = ref.boxProbabilities.indices.max { ref.boxProbabilities[$0] < ref.boxProbabilities[$1] }!
        #expect(classified.speciesLabel == ref.labels[best] && classified.evidence == .classifier)
        #expect(abs((classified.speciesProbability ?? 0) - ref.boxProbabilities[best]) < ONNXClassifierTests.tolerance)
        let top = ONNXClassifier.top(ref.boxProbabilities, k: 3)
        let stored = try store.speciesEvidence(mediaID: ids["tiny-classifier-input.png"]!)
        #expect(stored.map(\.label) == top.map { ref.labels[$0.index] })
        #expect(stored.map(\.scientificName) == top.map { Taxonomy.builtIn.resolve(ref.labels[$0.index])?.scientificName })
        #expect(zip(stored, top).allSatisfy { abs($0.probability - $1.probability) < ONNXClassifierTests.tolerance })
    }
}
