import Core
import Foundation
import Store
#if canImport(Glibc)
import Glibc
#endif

/// Reads and stores ingest batches off the walking thread: a reader stage (the files of a batch on all
/// cores) and a writer stage (one SQLite transaction per batch) run while the next folders are walked.
///
/// At most two batches wait at each stage, so memory stays bounded. Progress is reported only after a
/// batch is committed: whatever the observer was told is stored, is stored.
final class BatchWriter: @unchecked Sendable {
    struct Batch: Sendable {
        var items: [Ingestor.Pending]
        var outcomes: [Result<IngestedFile, RosetteError>]
        var unchanged: Int
        var folderProblems: [(path: String, message: String)]
    }

    /// Reads a batch's files (on all cores), in input order.
    typealias Reader = @Sendable ([Ingestor.Pending]) -> [Result<IngestedFile, RosetteError>]
    private let readerQueue = DispatchQueue(label: "rosette.ingest.reader")
    private let readerSlots = DispatchSemaphore(value: 2)
    private var readSeconds = 0.0

    private let store: SurveyStore
    private let runID: Int64
    private let total: Int
    private let observer: IngestObserver
    private let pauseMilliseconds: Int
    private let queue = DispatchQueue(label: "rosette.ingest.writer")
    private let slots = DispatchSemaphore(value: 2)
    private let lock = NSLock()
    private var summary: IngestSummary
    private var done = 0
    private var failure: Error?

    init(store: SurveyStore, runID: Int64, total: Int, observer: IngestObserver, pauseMilliseconds: Int) {
        self.store = store
        self.runID = runID
        self.total = total
        self.observer = observer
        self.pauseMilliseconds = pauseMilliseconds
        summary = IngestSummary(runID: runID)
    }

    /// Queues files to be read and then stored; blocks while two batches already wait to be read.
    func read(_ items: [Ingestor.Pending], unchanged: Int, folderProblems: [(path: String, message: String)],
              with reader: @escaping Reader) throws {
        try rethrowFailure()
        readerSlots.wait()
        readerQueue.async { [self] in
            defer { readerSlots.signal() }
            let started = Date()
            let outcomes = items.isEmpty ? [] : reader(items)
            lock.withLock { readSeconds += Date().timeIntervalSince(started) }
            do {
                try submit(Batch(items: items, outcomes: outcomes, unchanged: unchanged, folderProblems: folderProblems))
            } catch {
                lock.withLock { failure = failure ?? error }
            }
        }
    }

    /// Queues a read batch for storing; blocks while two are already waiting. Throws a failure of an earlier batch.
    func submit(_ batch: Batch) throws {
        try rethrowFailure()
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard lock.withLock({ failure == nil }) else { return }
            do { try write(batch) } catch { lock.withLock { failure = error } }
        }
    }

    /// Waits for every queued batch and returns the counters (throws if a batch could not be stored).
    func drain() throws -> IngestSummary {
        readerQueue.sync {}
        queue.sync {}
        try rethrowFailure()
        return lock.withLock {
            var s = summary
            s.readSeconds = readSeconds
            return s
        }
    }

    private func rethrowFailure() throws {
        if let e = lock.withLock({ failure }) { throw e }
    }

    private func write(_ batch: Batch) throws {
        let started = Date()
        var files: [IngestedFile] = []
        var problems = batch.folderProblems
        for (item, outcome) in zip(batch.items, batch.outcomes) {
            switch outcome {
            case .success(let f): files.append(f)
            case .failure(let e):
                problems.append((item.displayPath, e.description))
                observer.problem(e.description)
            }
        }
        try store.saveIngestBatch(runID: runID, files: files, problems: problems, unchanged: batch.unchanged)
        let (doneNow, stored) = lock.withLock { () -> (Int, Int) in
            summary.added += files.filter { $0.replacing == nil }.count
            summary.updated += files.filter { $0.replacing != nil }.count
            summary.outsideDeployment += files.filter { $0.media.outsideDeployment }.count
            summary.problems += problems.count
            summary.unchanged += batch.unchanged
            summary.storeSeconds += Date().timeIntervalSince(started)
            done += batch.items.count + batch.unchanged + batch.folderProblems.count
            return (done, summary.stored)
        }
        observer.progress(doneNow, total, stored)
        if pauseMilliseconds > 0 { usleep(UInt32(pauseMilliseconds) * 1000) }
    }
}
