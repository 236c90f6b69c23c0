import Core
import Foundation
import Store

/// Runs a species classifier over the stored animal boxes: resumable per photo, in parallel, failures recorded.
///
/// Each box's `topK` best labels become machine observations (source 'classifier', `classifiedBy` the
/// classifier's name) carrying the box, the probability, and the scientific name the taxonomy gives the label
/// (unknown labels are kept as `speciesLabel` only).
public struct ClassifierTriage: Sendable {
    /// What a run did.
    public struct Summary: Sendable, Equatable {
        public var photos = 0
        public var boxes = 0
        public var alreadyDone = 0
        public var processed = 0
        public var failed = 0
        public var seconds = 0.0
        public var interrupted = false
    }

    public let store: SurveyStore
    public let settings: ClassifierSettings
    public let taxonomy: Taxonomy
    public var batchSize = 32
    public var workers: Int
    private let makeClassifier: @Sendable () throws -> ONNXClassifier

    /// `makeClassifier` is called once per thread (a network is not shared between threads).
    public init(store: SurveyStore, settings: ClassifierSettings, taxonomy: Taxonomy,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                makeClassifier: @escaping @Sendable () throws -> ONNXClassifier) {
        self.store = store
        self.settings = settings
        self.taxonomy = taxonomy
        self.workers = workers
        self.makeClassifier = makeClassifier
    }

    /// The labels the taxonomy does not know (they are stored as labels only).
    public var unknownLabels: [String] { settings.labels.filter { taxonomy.resolve($0) == nil } }

    /// `progress(done, total)` after each stored batch; `problem` gets each failed photo's message.
    public func run(stop: StopFlag? = nil, progress: (Int, Int) -> Void = { _, _ in },
                    problem: (String) -> Void = { _ in }) throws -> Summary {
        let start = Date()
        let work = try store.animalBoxes(detector: settings.detector, minConfidence: settings.minBoxConfidence)
        guard !work.isEmpty else { throw TriageError.noBoxes(detector: settings.detector, minConfidence: settings.minBoxConfidence) }
        let roots = try store.rootPaths()
        let done = try store.classifiedMediaIDs(classifier: settings.name)
        var summary = Summary()
        summary.photos = work.count
        let todo = work.filter { !done.contains($0.media.mediaID) }
        summary.alreadyDone = work.count - todo.count
        guard !todo.isEmpty else { return summary }
        let runID = try store.beginTriageRun(method: "classifier", detector: settings.name, info: nil)
        let make = makeClassifier
        let labelTaxa = settings.labels.map { taxonomy.resolve($0) }
        let (k, labels) = (settings.topK, settings.labels)
        for chunk in stride(from: 0, to: todo.count, by: batchSize) {
            if stop?.isSet == true { summary.interrupted = true; break }
            let batch = Array(todo[chunk..<min(todo.count, chunk + batchSize)])
            let results = Parallel.map(count: batch.count, workers: workers, context: { Result { try make() } }) { i, classifier in
                let (m, boxes) = batch[i]
                do {
                    let probabilities = try classifier.get().classify(path: MotionTriage.path(of: m, roots: roots), boxes: boxes.map(\.bbox))
                    var observations: [Observation] = []
                    for (box, p) in zip(boxes, probabilities) {
                        for (index, probability) in ONNXClassifier.top(p, k: k) {
                            let taxon = labelTaxa[index]
                            var o = Observation(mediaID: m.mediaID, deploymentID: nil, observationType: taxon?.observationType ?? .animal)
                            o.speciesLabel = labels[index]
                            o.scientificName = taxon?.scientificName
                            (o.bboxX, o.bboxY, o.bboxWidth, o.bboxHeight) = (box.bbox[0], box.bbox[1], box.bbox[2], box.bbox[3])
                            o.classificationProbability = probability
                            observations.append(o)
                        }
                    }
                    return ClassifierMediaResult(mediaID: m.mediaID, observations: observations, boxes: boxes.count)
                } catch {
                    return ClassifierMediaResult(mediaID: m.mediaID, observations: [], boxes: boxes.count, failure: String(describing: error))
                }
            }
            try store.saveClassifications(runID: runID, classifier: settings.name, results: results)
            for r in results {
                summary.processed += 1
                summary.boxes += r.boxes
                if let f = r.failure { summary.failed += 1; problem(f) }
            }
            progress(summary.processed, todo.count)
        }
        try store.finishTriageRun(runID, status: summary.interrupted ? "interrupted" : "finished")
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }
}
