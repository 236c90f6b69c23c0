import ArgumentParser
import Core
import Foundation
import Store
import Triage

extension TriageCommand {
    /// `rosette triage motion`: weight-free triage by change against each camera's background and within bursts.
    struct Motion: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find moving things without a model: each camera's background, and change within bursts.",
            discussion: """
                Photos are decoded at 1/8 size; each camera gets a day and a night background (per-pixel median of its
                own photos); a box is kept where a photo differs from the background and from the other photos of its
                burst. Where the background is textured, the difference is what a local gain cannot explain, so sun
                flecks and shadows over the same texture do not count. A burst with no box is blank. Resumable: photos already triaged are skipped; Ctrl-C stops after
                the batch in hand is stored.
                """)

        @OptionGroup var survey: SurveyOption
        @Option(help: "Grey-level change that counts (0–255).") var threshold: Float = 10
        @Option(help: "Window (about a Gaussian of this sigma, pixels of the 1/8 frame) of the light-invariant local-gain comparison; 0 compares plain grey levels.")
        var localSigma: Float = MotionSettings().localSigma
        @Option(help: "Background texture (local standard deviation, grey levels) above which the local-gain comparison is used.")
        var textureLevel: Float = MotionSettings().textureLevel
        @Option(help: "Where the local-gain comparison is used, its residual must exceed threshold × this.")
        var residualFactor: Float = MotionSettings().residualFactor
        @Option(help: "The change from the background must exceed max(threshold, this × the pixel's usual change in the camera's sample); 0 turns it off.")
        var variabilityFactor: Float = MotionSettings().variabilityFactor
        @Option(help: "Photos stored per transaction.") var batchSize = 400
        @Option(help: "Threads decoding photos.") var workers = ProcessInfo.processInfo.activeProcessorCount
        @Flag(help: "No progress output.") var quiet = false

        func run() throws {
            let store = try survey.open()
            try store.resequencePending()
            var settings = MotionSettings()
            settings.threshold = threshold
            settings.batchSize = batchSize
            settings.localSigma = localSigma
            settings.textureLevel = textureLevel
            settings.residualFactor = residualFactor
            settings.variabilityFactor = variabilityFactor
            let stop = StopFlag()
            let signals = IngestCommand.trapInterrupts(stop)
            defer { signals.forEach { $0.cancel() } }
            let meter = ProgressMeter(label: "motion", total: nil, enabled: !quiet)
            let s = try MotionTriage(store: store, settings: settings, workers: workers).run(
                stop: stop,
                progress: { done, total in meter.setTotal(total); meter.update(done: done) },
                problem: { meter.message($0) })
            meter.finish(done: s.processed)
            print("Motion triage: \(s.processed) photo(s) processed in \(String(format: "%.1f", s.seconds)) s "
                  + "(\(String(format: "%.1f", Double(s.processed) / max(s.seconds, 0.001))) photos/s); "
                  + "\(s.alreadyDone) already done; \(s.withMotion) with motion; \(s.failed) failed.")
            let verdicts = try store.sequenceVerdicts(detector: settings.detectorName, threshold: 0)
            print("  bursts: \(verdicts.count) triaged, \(verdicts.values.filter { !$0 }.count) blank (no motion box).")
            if s.interrupted { print("Interrupted: the photos reported are stored; run the same command to resume.") }
        }
    }
}
