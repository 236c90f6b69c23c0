import ArgumentParser
import Core
import Dispatch
import Foundation
import Ingest
import Store
#if canImport(Glibc)
import Glibc
#endif

/// `rosette ingest DIR`: records every photo and video of a card dump in the survey.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Record the photos and videos of a folder tree (resumable; re-running adds only new or changed files).",
        discussion: """
            Each file is tied to a deployment: --deployment ID, or a folder named like a deploymentID, or a station
            folder (locationName/locationID) with an optional camera folder below it (camtrapR's Station/[Camera/]).
            Camera times are read from EXIF DateTimeOriginal (+SubSecTimeOriginal) and corrected with the deployment's
            zone and clock offset; video times from the container (MP4/QuickTime mvhd, AVI IDIT), read as camera time
            too. After the walk, frames are sampled from each new video ([ingest] video_frames_per_second in rosette.toml,
            default 1) into the survey's cache/frames/ and triaged and identified as one burst with their clip.
            XMP HierarchicalSubject tags (Species|…, individual|…) become observations.
            Ctrl-C stops after the current batch is stored; run the same command again to resume.
            Exit status is non-zero only when no file could be ingested.
            """)

    @OptionGroup var survey: SurveyOption
    @Argument(help: "The folder of photos (e.g. a card dump).", completion: .directory)
    var directory: String
    @Option(help: "Tie every file to this deployment instead of matching folder names.")
    var deployment: String?
    @Flag(help: "Read the folder below the station/camera folder as the species (camtrapR Station/Species/).")
    var speciesFromFolders = false
    @Option(help: "Files stored per transaction.") var batchSize = 500
    @Option(help: "Threads reading files.") var workers = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "No progress output.") var quiet = false
    @Flag(help: "Read unchanged photos again (counted as changed): fills what a newer Rosette records, e.g. camera-trap readings.")
    var reread = false
    @Option(help: .hidden) var batchPauseMs = 0

    func run() throws {
        let store = try survey.open()
        let stop = StopFlag()
        let signals = IngestCommand.trapInterrupts(stop)
        defer { signals.forEach { $0.cancel() } }
        let meter = LockedMeter(ProgressMeter(label: "ingest", total: nil, enabled: !quiet))
        let observer = IngestObserver(
            problem: { message in meter.message(message) },
            progress: { done, total, stored in meter.update(done: done, total: total, detail: "\(stored) stored") },
            sampling: { done, total, frames in meter.update(done: done, total: total, detail: "videos sampled, \(frames) frames") })
        var options = IngestOptions(deploymentID: deployment, speciesFromFolders: speciesFromFolders,
                                    batchSize: batchSize, workers: workers)
        options.batchPauseMilliseconds = batchPauseMs
        options.rereadUnchanged = reread
        let summary = try Ingestor(store: store).run(directory: URL(fileURLWithPath: directory), options: options,
                                                     stop: stop, observer: observer)
        meter.finish()
        print(IngestCommand.describe(summary))
        if summary.interrupted { print("Interrupted: everything listed as stored is safe; run the same command to resume.") }
        if summary.stored == 0 && summary.unchanged == 0 && !summary.interrupted {
            printError(RosetteError.nothingIngested(directory: directory).description)
            throw ExitCode(1)
        }
    }

    static func describe(_ s: IngestSummary) -> String {
        var lines = ["Ingest run \(s.runID): \(s.filesSeen) media file(s) found in \(String(format: "%.1f", s.elapsed)) s "
                     + "(\(String(format: "%.0f", Double(s.filesSeen) / max(s.elapsed, 0.001))) files/s)."]
        lines.append("  stored: \(s.added) new, \(s.updated) changed; unchanged: \(s.unchanged); skipped with problems: \(s.problems)")
        if s.duplicates > 0 { lines.append("  duplicates of files already stored: \(s.duplicates) (kept, flagged, not counted)") }
        if s.outsideDeployment > 0 { lines.append("  outside their deployment's dates: \(s.outsideDeployment) (flagged)") }
        if s.videosSampled > 0 {
            lines.append(String(format: "  video frames sampled: %d from %d clip(s) in %.1f s", s.framesSampled, s.videosSampled, s.sampleSeconds))
        }
        lines.append(String(format: "  time: %.2f s reading files, %.2f s storing, %.2f s building sequences",
                            s.readSeconds, s.storeSeconds, s.sequenceSeconds))
        if s.ignored > 0 { lines.append("  other files ignored (not photos or videos): \(s.ignored)") }
        return lines.joined(separator: "\n")
    }

    /// First Ctrl-C (or SIGTERM) asks the run to stop after the batch in hand; a second one quits at once.
    static func trapInterrupts(_ stop: StopFlag) -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { sig in
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                if stop.isSet { Glibc.exit(130) }
                stop.set()
                printError("\nStopping after the current batch is stored (press Ctrl-C again to quit now)…")
            }
            source.resume()
            return source
        }
    }
}

/// A progress meter shared by the ingest callbacks (which may come from any thread).
final class LockedMeter: @unchecked Sendable {
    private let lock = NSLock()
    private let meter: ProgressMeter
    private var lastDone = 0
    private var lastTotal = 0

    init(_ meter: ProgressMeter) { self.meter = meter }

    func update(done: Int, total: Int, detail: String) {
        lock.withLock {
            lastDone = done
            lastTotal = total
            meter.setTotal(total)
            meter.update(done: done, detail: detail)
        }
    }

    func message(_ text: String) { lock.withLock { meter.message(text) } }

    func finish() { lock.withLock { meter.finish(done: lastDone) } }
}
