import Core
import Foundation
import Imaging
import Store

/// Weight-free triage: per camera, a background from its own photos, and change within each burst.
///
/// Resumable: photos this detector already processed are skipped (their frames are still read as burst
/// neighbours). A photo that cannot be read is recorded with the reason and the run goes on.
public struct MotionTriage: Sendable {
    /// What a run did.
    public struct Summary: Sendable, Equatable {
        public var photos = 0
        public var alreadyDone = 0
        public var processed = 0
        public var failed = 0
        public var withMotion = 0
        public var seconds = 0.0
        public var interrupted = false
    }

    public let store: SurveyStore
    public var settings: MotionSettings
    public var workers: Int

    public init(store: SurveyStore, settings: MotionSettings = MotionSettings(),
                workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.store = store
        self.settings = settings
        self.workers = workers
    }

    /// Runs over every image of the survey not yet triaged by this detector.
    /// `progress(done, total)` is called after each stored batch; `problem` gets each failed photo's message.
    public func run(stop: StopFlag? = nil, progress: (Int, Int) -> Void = { _, _ in },
                    problem: (String) -> Void = { _ in }) throws -> Summary {
        let start = Date()
        let refs = try store.triageMediaRefs().filter { !$0.isDuplicate && $0.deploymentID != nil }
        let roots = try store.rootPaths()
        let done = try store.triagedMediaIDs(detector: settings.detectorName)
        var summary = Summary()
        summary.photos = refs.count
        summary.alreadyDone = refs.filter { done.contains($0.mediaID) }.count
        let total = refs.count - summary.alreadyDone
        guard total > 0 else { return summary }
        let runID = try store.beginTriageRun(method: "motion", detector: settings.detectorName, info: nil)
        let byDeployment = Dictionary(grouping: refs) { $0.deploymentID! }
        for deploymentID in byDeployment.keys.sorted() {
            if stop?.isSet == true { break }
            let media = byDeployment[deploymentID]!
            guard media.contains(where: { !done.contains($0.mediaID) }) else { continue }
            let paths = Dictionary(uniqueKeysWithValues: media.map { ($0.mediaID, MotionTriage.path(of: $0, roots: roots)) })
            let sample = readSample(media, paths: paths)
            let timeLapse = Set(media.filter { $0.cameraTrigger == CameraTrapReading.Trigger.timeLapse.rawValue }.map(\.mediaID))
            let backgrounds = MotionBackgrounds(sample: MotionTriage.backgroundFrames(sample, timeLapse: timeLapse, settings: settings),
                                                settings: settings)
            if !backgrounds.isEmpty {
                try store.saveCameraBackgrounds(deploymentID: deploymentID, detector: settings.detectorName,
                                                backgrounds.stored(deploymentID: deploymentID))
            }
            let sequences = Dictionary(grouping: media) { $0.eventID ?? "media-\($0.mediaID)" }.values
                .filter { $0.contains { !done.contains($0.mediaID) } }
                .sorted { ($0[0].timestamp ?? .distantPast, $0[0].mediaID) < ($1[0].timestamp ?? .distantPast, $1[0].mediaID) }
            var batch: [[TriageMediaRef]] = []
            var batchPhotos = 0
            func flush() throws {
                let results = process(batch, done: done, paths: paths, sample: sample, backgrounds: backgrounds)
                try store.saveTriageResults(runID: runID, detector: settings.detectorName, results: results)
                for r in results {
                    summary.processed += 1
                    if let failure = r.failure { summary.failed += 1; problem(failure) }
                    if !r.detections.isEmpty { summary.withMotion += 1 }
                }
                progress(summary.processed, total)
                batch.removeAll()
                batchPhotos = 0
            }
            for sequence in sequences {
                batch.append(sequence)
                batchPhotos += sequence.count
                if batchPhotos >= settings.batchSize {
                    try flush()
                    if stop?.isSet == true { break }
                }
            }
            if !batch.isEmpty { try flush() }
        }
        summary.interrupted = summary.processed < total && stop?.isSet == true
        try store.finishTriageRun(runID, status: summary.interrupted ? "interrupted" : "finished")
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// Decodes an evenly spread sample of a camera's photos for its background (failures are left out).
    private func readSample(_ media: [TriageMediaRef], paths: [Int64: String]) -> [Int64: MotionFrame] {
        let picks = backgroundPicks(media)
        let settings = self.settings
        let frames = Parallel.map(count: picks.count, workers: workers, context: { ImageDecoder() }) { i, decoder in
            try? MotionFrame(path: paths[picks[i].mediaID]!, decoder: decoder, settings: settings)
        }
        var sample: [Int64: MotionFrame] = [:]
        for (ref, frame) in zip(picks, frames) { if let frame { sample[ref.mediaID] = frame } }
        return sample
    }

    /// Motion boxes for the photos of some bursts not yet done, in parallel (one decoder per thread).
    private func process(_ sequences: [[TriageMediaRef]], done: Set<Int64>, paths: [Int64: String],
                         sample: [Int64: MotionFrame], backgrounds: MotionBackgrounds) -> [TriageMediaResult] {
        let settings = self.settings
        let detector = MotionDetector(settings: settings)
        let perSequence = Parallel.map(count: sequences.count, workers: workers, context: { ImageDecoder() }) { i, decoder in
            let members = sequences[i]
            var frames: [Int64: MotionFrame] = [:]
            var failures: [Int64: String] = [:]
            for m in members {
                if let cached = sample[m.mediaID] { frames[m.mediaID] = cached; continue }
                do { frames[m.mediaID] = try MotionFrame(path: paths[m.mediaID]!, decoder: decoder, settings: settings) } catch {
                    failures[m.mediaID] = String(describing: error)
                }
            }
            return members.filter { !done.contains($0.mediaID) }.map { m -> TriageMediaResult in
                guard let frame = frames[m.mediaID] else {
                    return TriageMediaResult(mediaID: m.mediaID, detections: [], failure: failures[m.mediaID] ?? "not read")
                }
                let burst = members.filter { $0.mediaID != m.mediaID }.compactMap { frames[$0.mediaID] }
                do {
                    let found = try detector.detections(frame: frame, background: backgrounds.background(for: frame, settings: settings),
                                                        burst: burst, path: paths[m.mediaID]!,
                                                        variability: backgrounds.variability(for: frame, settings: settings))
                    return TriageMediaResult(mediaID: m.mediaID, detections: found.map { $0.observation(label: "motion") },
                                             imageWidth: m.width, imageHeight: m.height)
                } catch {
                    return TriageMediaResult(mediaID: m.mediaID, detections: [], failure: String(describing: error))
                }
            }
        }
        return perSequence.flatMap { $0 }
    }

    static func path(of media: TriageMediaRef, roots: [Int64: String]) -> String {
        (roots[media.rootID] ?? "") + "/" + media.filePath
    }
}
