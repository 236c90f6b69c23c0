import Core
import Foundation
import Imaging
import Store

/// Samples frames from the survey's video clips into media rows, so triage and identification see a clip as a burst.
///
/// Runs after an ingest walk over every clip that has no frames yet (new, changed, or not decodable before).
/// Each frame is a JPEG under the survey's `cache/frames/<mediaID>-<clip name>/` (a media root of its own,
/// rebuildable) and a media row: image/jpeg, the clip's deployment, time = clip time + offset (camera time
/// likewise, so a clock correction moves frames with their clip), `videoMediaID` and `videoOffset`; the clip's
/// frames join its sequence. Clips are decoded in parallel and stored a group at a time (one transaction each),
/// so an interrupted run keeps what it reported. A clip that cannot be decoded is a problem naming it.
struct ClipSampler {
    let store: SurveyStore
    /// Frames per second of clip.
    let rate: Double
    let quality = 90

    struct Outcome: Sendable {
        var frames: [Media] = []
        var problem: RosetteError?
    }

    func run(runID: Int64, workers: Int, stop: StopFlag, observer: IngestObserver) throws -> (videos: Int, frames: Int, problems: Int) {
        try rebuildMissingFrames(workers: workers, observer: observer)
        let clips = try store.videosToSample()
        guard !clips.isEmpty else { return (0, 0, 0) }
        let folder = store.framesDirectory
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let (rootID, prefix) = try store.root(for: folder)
        var videos = 0, frames = 0, problems = 0, done = 0
        let group = max(1, workers) * 2
        for start in stride(from: 0, to: clips.count, by: group) {
            if stop.isSet { break }
            let chunk = Array(clips[start..<min(clips.count, start + group)])
            let rate = self.rate, quality = self.quality
            let outcomes = Parallel.map(count: chunk.count, workers: workers, context: { () }) { i, _ in
                ClipSampler.sample(chunk[i], rootID: rootID, prefix: prefix, folder: folder, rate: rate, quality: quality, runID: runID)
            }
            try store.saveVideoFrames(outcomes.flatMap(\.frames))
            for (clip, outcome) in zip(chunk, outcomes) {
                if !outcome.frames.isEmpty { videos += 1 }
                frames += outcome.frames.count
                if let problem = outcome.problem {
                    problems += 1
                    observer.problem(problem.description)
                    try store.recordIngestProblem(runID: runID, path: clip.path, message: problem.description)
                }
            }
            done += chunk.count
            observer.sampling(done, clips.count, frames)
        }
        return (videos, frames, problems)
    }

    /// Decodes one clip, writes its frames and returns their rows (and any problem: frames decoded before
    /// a failure are kept).
    static func sample(_ clip: VideoToSample, rootID: Int64, prefix: String, folder: URL, rate: Double, quality: Int,
                       runID: Int64) -> Outcome {
        var outcome = Outcome()
        let stem = (clip.fileName as NSString).deletingPathExtension
        let subfolder = "\(clip.mediaID)-\(stem)"
        let dir = folder.appendingPathComponent(subfolder, isDirectory: true)
        let camera = clip.cameraTime.flatMap { CameraDateTime(exif: $0, subSec: clip.cameraSubSec) }
        do {
            try? FileManager.default.removeItem(at: dir)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let sampler = try VideoFrameSampler(path: clip.path)
            try sampler.sample(rate: rate, quality: quality) { frame in
                let name = String(format: "%09.3fs.jpg", frame.offset)
                let url = dir.appendingPathComponent(name)
                do { try Data(frame.jpeg).write(to: url) } catch {
                    throw RosetteError.unreadableFile(path: url.path, reason: "frame could not be written: \(error.localizedDescription)")
                }
                var media = Media(rootID: rootID, filePath: prefix + subfolder + "/" + name, fileMediatype: "image/jpeg",
                                  fileSize: Int64(frame.jpeg.count), fileModified: ClipSampler.modified(url),
                                  contentKey: PhotoReader.contentKey(bytes: frame.jpeg))
                media.deploymentID = clip.deploymentID
                media.timestamp = clip.timestamp.addingTimeInterval(frame.offset)
                if let camera {
                    let t = camera.adding(seconds: frame.offset)
                    media.cameraTime = t.exifString
                    media.cameraSubSec = t.subSecString
                }
                media.timeSource = (clip.timeSource ?? "video") + "+offset"
                media.width = frame.width
                media.height = frame.height
                media.outsideDeployment = clip.outsideDeployment
                media.videoMediaID = clip.mediaID
                media.videoOffset = frame.offset
                media.ingestRunID = runID
                outcome.frames.append(media)
            }
        } catch let e as RosetteError {
            outcome.problem = ClipSampler.naming(e, clip.path)
        } catch {
            outcome.problem = .undecodableVideo(path: clip.path, reason: "\(error)")
        }
        return outcome
    }

    /// Writes again the JPEGs of sampled frames whose files are gone (the frame cache was deleted), at their
    /// stored paths and offsets: the rows, their triage results and reviews are kept.
    func rebuildMissingFrames(workers: Int, observer: IngestObserver) throws {
        let missing = try store.sampledClips().filter { clip in
            clip.frames.contains { !FileManager.default.fileExists(atPath: $0.path) }
        }
        guard !missing.isEmpty else { return }
        let quality = self.quality
        let problems = Parallel.map(count: missing.count, workers: workers, context: { () }) { i, _ -> String? in
            let clip = missing[i]
            do {
                let sampler = try VideoFrameSampler(path: clip.path)
                var pending = clip.frames.filter { !FileManager.default.fileExists(atPath: $0.path) }
                for wanted in pending {
                    try FileManager.default.createDirectory(at: URL(fileURLWithPath: wanted.path).deletingLastPathComponent(),
                                                            withIntermediateDirectories: true)
                }
                var lost = 0
                while let next = pending.first, let frame = try sampler.frame(atOrAfter: next.offset, quality: quality) {
                    let passed = pending.filter { $0.offset < frame.offset - 1e-3 }.count
                    lost += passed
                    pending.removeFirst(passed)
                    if let match = pending.first, abs(match.offset - frame.offset) < 1e-3 {
                        try Data(frame.jpeg).write(to: URL(fileURLWithPath: match.path))
                        pending.removeFirst()
                    }
                }
                lost += pending.count
                return lost == 0 ? nil : RosetteError.undecodableVideo(
                    path: clip.path, reason: "\(lost) cached frame(s) could not be rebuilt").description
            } catch {
                return "\(error)"
            }
        }
        for p in problems.compactMap({ $0 }) { observer.problem(p) }
    }

    /// Decoder errors name the clip by its absolute path.
    static func naming(_ error: RosetteError, _ path: String) -> RosetteError {
        if case .undecodableVideo(_, let reason) = error { return .undecodableVideo(path: path, reason: reason) }
        return error
    }

    static func modified(_ url: URL) -> Double {
        let date = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate]) as? Date
        return (date ?? Date()).timeIntervalSince1970
    }
}
