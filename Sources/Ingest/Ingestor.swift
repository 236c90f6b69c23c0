import Core
import Foundation
import Imaging
import Store
#if canImport(Glibc)
import Glibc
#endif

/// Records every photo and video of a folder tree in a survey: resumable, parallel, flat in memory.
///
/// Files already stored with the same size and modification time are skipped, so re-running adds only
/// new or changed files. Work is committed in batches; a batch is reported only after it is stored,
/// so an interrupted run (Ctrl-C, kill -9) loses nothing it reported and the next run resumes.
/// After the walk, frames are sampled from new video clips (`ClipSampler`, `[ingest] video_frames_per_second`).
public struct Ingestor: Sendable {
    let store: SurveyStore

    public init(store: SurveyStore) {
        self.store = store
    }

    struct Pending: Sendable {
        let absolutePath: String
        let displayPath: String
        let relativePath: String
        let entry: FolderWalker.Entry
        let mediatype: String
        let replacing: Int64?
        let match: DeploymentMatcher.FolderMatch?
        let speciesFolder: String?
        let folders: String
    }

    /// Ingests `directory` (recursively) and returns what was done.
    public func run(directory: URL, options: IngestOptions = IngestOptions(), stop: StopFlag = StopFlag(),
                    observer: IngestObserver = IngestObserver()) throws -> IngestSummary {
        let started = Date()
        let dirPath = directory.standardizedFileURL.path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dirPath, isDirectory: &isDir), isDir.boolValue else {
            throw RosetteError.unreadableFile(path: dirPath, reason: "no such folder")
        }
        let matcher = DeploymentMatcher(deployments: try store.deployments())
        if let id = options.deploymentID, matcher.deployment(id: id) == nil { throw RosetteError.unknownDeployment(id: id) }
        try store.resequencePending() // finish what an interrupted run left
        let (rootID, prefix) = try store.root(for: directory)
        let runID = try store.beginIngestRun(root: dirPath)
        let walker = FolderWalker(root: dirPath)
        let total = walker.countFiles { MediaType.forFileName($0) != nil }
        let rootComponents = dirPath.split(separator: "/").map(String.init)

        let writer = BatchWriter(store: store, runID: runID, total: total, observer: observer,
                                 pauseMilliseconds: options.batchPauseMilliseconds)
        var pending: [Pending] = []
        var folderProblems: [(path: String, message: String)] = []
        var unchangedSinceCommit = 0
        var filesSeen = 0, ignored = 0
        let reader: BatchWriter.Reader = { items in process(items, matcher: matcher, options: options, rootID: rootID) }
        func commit() throws {
            try writer.read(pending, unchanged: unchangedSinceCommit, folderProblems: folderProblems, with: reader)
            folderProblems.removeAll()
            unchangedSinceCommit = 0
            pending.removeAll(keepingCapacity: true)
        }

        try walker.walk { folder in
            for problem in folder.unreadable {
                let path = [dirPath, folder.relativePath, problem.name].filter { !$0.isEmpty }.joined(separator: "/")
                let message = RosetteError.unreadableFile(path: path, reason: problem.reason).description
                observer.problem(message)
                folderProblems.append((path, message))
            }
            let storedFolder = prefix + folder.relativePath
            let known = try store.knownFiles(rootID: rootID, folder: prefix.isEmpty ? folder.relativePath : String(storedFolder.trimmingSuffix("/")))
            let folderComponents = rootComponents + folder.relativePath.split(separator: "/").map(String.init)
            let match = options.deploymentID == nil ? matcher.match(folders: folderComponents) : nil
            var speciesFolder: String?
            if options.speciesFromFolders, let match, match.nextComponent < folderComponents.count {
                speciesFolder = folderComponents[match.nextComponent]
            }
            for entry in folder.files {
                guard let type = MediaType.forFileName(entry.name) else { ignored += 1; continue }
                filesSeen += 1
                let relative = (storedFolder.isEmpty ? "" : storedFolder.trimmingSuffix("/") + "/") + entry.name
                let existing = known[relative]
                if let existing, existing.fileSize == entry.size, existing.fileModified == entry.modified,
                   !(options.rereadUnchanged && type == "image/jpeg") {
                    unchangedSinceCommit += 1
                    continue
                }
                let inDir = folder.relativePath.isEmpty ? entry.name : folder.relativePath + "/" + entry.name
                pending.append(Pending(absolutePath: dirPath + "/" + inDir, displayPath: directory.path + "/" + inDir,
                                       relativePath: relative, entry: entry, mediatype: type, replacing: existing?.mediaID,
                                       match: match, speciesFolder: speciesFolder,
                                       folders: folderComponents.suffix(3).joined(separator: "/")))
                if pending.count >= options.batchSize {
                    try commit()
                    if stop.isSet { return false }
                }
            }
            return !stop.isSet
        }
        if !stop.isSet || !pending.isEmpty { try commit() }
        if unchangedSinceCommit > 0 || !folderProblems.isEmpty { try commit() }
        var summary = try writer.drain()
        summary.filesSeen = filesSeen
        summary.ignored = ignored
        if !stop.isSet && store.settings.videoFramesPerSecond > 0 {
            let sampling = Date()
            let sampled = try ClipSampler(store: store, rate: store.settings.videoFramesPerSecond)
                .run(runID: runID, workers: options.workers, stop: stop, observer: observer)
            summary.videosSampled = sampled.videos
            summary.framesSampled = sampled.frames
            summary.problems += sampled.problems
            summary.sampleSeconds = Date().timeIntervalSince(sampling)
        }
        summary.interrupted = stop.isSet
        let sequencing = Date()
        try store.resequencePending()
        summary.sequenceSeconds = Date().timeIntervalSince(sequencing)
        try store.finishIngestRun(runID, status: stop.isSet ? "interrupted" : "finished")
        summary.duplicates = try store.duplicateCount(runID: runID)
        summary.elapsed = Date().timeIntervalSince(started)
        return summary
    }

    /// Reads a batch of files on `options.workers` threads; results in input order.
    func process(_ items: [Pending], matcher: DeploymentMatcher, options: IngestOptions, rootID: Int64) -> [Result<IngestedFile, RosetteError>] {
        Parallel.map(count: items.count, workers: options.workers, context: { PhotoReader() }) { i, reader in
            do {
                return .success(try ingest(items[i], reader: reader, matcher: matcher, options: options, rootID: rootID))
            } catch let e as RosetteError {
                return .failure(e)
            } catch {
                return .failure(.unreadableFile(path: items[i].displayPath, reason: "\(error)"))
            }
        }
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
