import Core
import Foundation
import Store

/// Runs a per-photo detector over the survey's images: resumable, in parallel, failures recorded.
public struct DetectorTriage: Sendable {
    public struct Summary: Sendable, Equatable {
        public var photos = 0
        public var alreadyDone = 0
        public var processed = 0
        public var failed = 0
        public var withDetections = 0
        public var seconds = 0.0
        public var interrupted = false
    }

    public let store: SurveyStore
    public let detectorName: String
    public var batchSize = 64
    public var workers: Int
    private let makeDetector: @Sendable () throws -> any Detector

    /// `makeDetector` is called once per thread (detectors are not shared between threads).
    public init(store: SurveyStore, detectorName: String, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                makeDetector: @escaping @Sendable () throws -> any Detector) {
        self.store = store
        self.detectorName = detectorName
        self.workers = workers
        self.makeDetector = makeDetector
    }

    public func run(stop: StopFlag? = nil, progress: (Int, Int) -> Void = { _, _ in },
                    problem: (String) -> Void = { _ in }) throws -> Summary {
        let start = Date()
        let refs = try store.triageMediaRefs().filter { !$0.isDuplicate }
        let roots = try store.rootPaths()
        let done = try store.triagedMediaIDs(detector: detectorName)
        var summary = Summary()
        summary.photos = refs.count
        let todo = refs.filter { !done.contains($0.mediaID) }
        summary.alreadyDone = refs.count - todo.count
        guard !todo.isEmpty else { return summary }
        let runID = try store.beginTriageRun(method: "detector", detector: detectorName, info: nil)
        let make = makeDetector
        for chunk in stride(from: 0, to: todo.count, by: batchSize) {
            if stop?.isSet == true { summary.interrupted = true; break }
            let batch = Array(todo[chunk..<min(todo.count, chunk + batchSize)])
            let results = Parallel.map(count: batch.count, workers: workers, context: { Result { try make() } }) { i, detector in
                let m = batch[i]
                do {
                    let found = try detector.get().detect(path: MotionTriage.path(of: m, roots: roots))
                    return TriageMediaResult(mediaID: m.mediaID, detections: found.map { $0.observation(label: $0.kind.rawValue) },
                                             imageWidth: m.width, imageHeight: m.height)
                } catch {
                    return TriageMediaResult(mediaID: m.mediaID, detections: [], failure: String(describing: error))
                }
            }
            try store.saveTriageResults(runID: runID, detector: detectorName, results: results)
            for r in results {
                summary.processed += 1
                if let f = r.failure { summary.failed += 1; problem(f) }
                if !r.detections.isEmpty { summary.withDetections += 1 }
            }
            progress(summary.processed, todo.count)
        }
        try store.finishTriageRun(runID, status: summary.interrupted ? "interrupted" : "finished")
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }
}
