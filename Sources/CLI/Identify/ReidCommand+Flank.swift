import ArgumentParser
import Foundation
import Identify

extension ReidCommand {
    /// `rosette reid flank --dataset DIR`: coverage and accuracy of the flank side estimated without a person.
    struct Flank: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Estimate each image's flank side (direction of travel, chip model, fused) and score it against the side column.",
            discussion: """
                Reads DIR/metadata.csv (DATASET.md): path, side, encounter, bbox_x..bbox_h (pixels in the full frame), and \
                optionally camera and timestamp. Frames of one encounter and camera within --pass-gap seconds are a burst; \
                its box moving right means the right flank. The chip model is cross-validated by encounter, trained either \
                on the bursts whose travel is confident (`chip`, no person needed) or on the side column (`chip-labels`). \
                Per estimator: coverage (decided share of the images with a side), accuracy among decided, counts. \
                The last line is: travel=COVERAGE/ACCURACY chip=… fused=…
                """
        )

        @Option(help: "The dataset folder holding metadata.csv.", completion: .directory)
        var dataset: String
        @Option(help: "Least confidence of a decided side (0–1).") var threshold = 0.5
        @Option(help: "Seconds between frames of one camera that start a new burst.") var passGap = 5.0
        @Option(help: "Cross-validation folds (by encounter) for the chip model.") var folds = 5
        @Option(help: "Threads (default: all cores).") var workers = ProcessInfo.processInfo.activeProcessorCount
        @Option(help: "Write one CSV line per image (image_id,side,travel,chip,fused,fused_confidence,fused_source) here.")
        var results: String?

        func validate() throws {
            guard threshold >= 0, threshold < 1 else { throw ValidationError("--threshold must lie in [0, 1)") }
            guard folds >= 2 else { throw ValidationError("--folds must be at least 2") }
        }

        func run() throws {
            let data = try FlankDataset(directory: URL(fileURLWithPath: dataset))
            var options = FlankEvaluation.Options()
            options.travel.threshold = threshold
            options.fusion.threshold = threshold
            options.chipThreshold = threshold
            options.passGap = passGap
            options.folds = folds
            options.workers = max(1, workers)
            let report = FlankEvaluation(options: options).run(data)
            for p in report.problems { FileHandle.standardError.write(Data(("skipped: " + p + "\n").utf8)) }
            if !data.hasSideColumn { FileHandle.standardError.write(Data("note: metadata.csv has no side column; nothing to score\n".utf8)) }
            var rows = [["estimator", "labelled", "decided", "correct", "coverage", "accuracy"]]
            for r in report.rows {
                rows.append([r.name, String(r.labelled), String(r.decided), String(r.correct), String(format: "%.3f", r.coverage),
                             String(format: "%.3f", r.accuracy)])
            }
            print(TextTable.render(rows))
            print("images=\(data.images.count) bursts=\(report.bursts)")
            if let results {
                var lines = ["image_id,side,travel,chip,fused,fused_confidence,fused_source"]
                for (image, e) in zip(data.images, report.estimates) {
                    lines.append([image.imageID, image.side.rawValue, e.travel.side.rawValue, e.chipSelf.side.rawValue,
                                  e.fusedSelf.side.rawValue, String(format: "%.3f", e.fusedSelf.confidence), e.fusedSelf.source.rawValue]
                        .joined(separator: ","))
                }
                try (lines.joined(separator: "\n") + "\n").write(toFile: results, atomically: true, encoding: .utf8)
            }
            let byName = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.name, $0) })
            print(["travel", "chip", "fused"].compactMap { n in
                byName[n].map { String(format: "%@=%.3f/%.3f", n, $0.coverage, $0.accuracy) }
            }.joined(separator: " "))
        }
    }
}
