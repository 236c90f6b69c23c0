import ArgumentParser
import Foundation
import Identify

/// `rosette reid`: individual identification by coat pattern, outside a survey (datasets, evaluation).
struct ReidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reid",
        abstract: "Individual identification by coat pattern: evaluation on labelled datasets.",
        subcommands: [Eval.self, Flank.self]
    )
}

/// Chip, feature and matching options shared by the identification commands.
struct PatternOptions: ParsableArguments {
    @Option(help: "Chip width in pixels (METHODS.md: about 700; smaller is faster).")
    var chipWidth: Int = ChipPreparer.Options().chipWidth
    @Option(help: "Strongest keypoints kept per chip.")
    var maxFeatures: Int = FeatureExtractor.Options().maxFeatures
    @Option(help: "Strongest keypoints kept from each chip's horizontally motion-blurred copy (0: no copy).")
    var blurredFeatures: Int = FeatureExtractor.Options().blurredFeatures
    @Option(help: "Length of that copy's blur as a fraction of the chip width.")
    var blurFraction: Double = FeatureExtractor.Options().blurFraction
    @Option(help: "kd-tree leaves checked per nearest-neighbour search.")
    var checks: Int = MatchOptions().checks
    @Flag(help: "Exact nearest-neighbour search instead of the kd-tree forest (slow).")
    var exact = false
    @Option(help: ArgumentHelp("How an individual's photos add up: best-photos (its best photo; fair to rarely seen animals) or union (every photo's votes, HotSpotter's name scoring).",
                               valueName: "best-photos|union"))
    var aggregation: String = MatchOptions().aggregation.rawValue
    @Flag(inversion: .prefixedNo, help: "Drop matches on a camera's fixed scene (same camera, same place in the frame).")
    var sceneSuppression = MatchOptions().sceneSuppression

    func validate() throws {
        guard chipWidth >= 64 else { throw ValidationError("--chip-width must be at least 64 pixels") }
        guard maxFeatures >= 0 else { throw ValidationError("--max-features must not be negative") }
        guard blurredFeatures >= 0 else { throw ValidationError("--blurred-features must not be negative") }
        guard blurFraction > 0, blurFraction < 0.5 else { throw ValidationError("--blur-fraction must lie between 0 and 0.5") }
        guard checks >= 1 else { throw ValidationError("--checks must be at least 1") }
        guard MatchOptions.Aggregation(rawValue: aggregation) != nil else {
            throw ValidationError("--aggregation must be best-photos or union (got '\(aggregation)')")
        }
    }

    var chip: ChipPreparer.Options {
        var o = ChipPreparer.Options()
        o.chipWidth = chipWidth
        return o
    }

    var features: FeatureExtractor.Options {
        var o = FeatureExtractor.Options()
        o.maxFeatures = maxFeatures
        o.blurredFeatures = blurredFeatures
        o.blurFraction = blurFraction
        return o
    }

    var match: MatchOptions {
        var o = exact ? MatchOptions.exact : MatchOptions()
        o.checks = checks
        o.aggregation = MatchOptions.Aggregation(rawValue: aggregation) ?? o.aggregation
        o.sceneSuppression = sceneSuppression
        return o
    }
}

extension ReidCommand {
    /// `rosette reid eval --dataset DIR`: top-1, top-5, mAP and time per query under the METHODS.md protocol.
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Evaluate identification on a labelled dataset (DIR/metadata.csv).",
            discussion: """
                metadata.csv columns: image_id,identity,path and optionally side (left|right|empty), encounter and
                bbox_x,bbox_y,bbox_w,bbox_h (pixels). Every image is a query against the images of other encounters
                (same side when both are known); a query counts only when its identity appears there.
                With a camera column, matches on a camera's fixed scene are dropped, and the line before the last counts
                the first answers whose best photo came from the query's own camera. The last line is: top1=… top5=… mAP=… macro_top1=… queries=N s_per_query=…
                """
        )

        @Option(help: "The dataset folder holding metadata.csv.", completion: .directory)
        var dataset: String
        @Option(help: "Cache chip features in this folder (reused by later runs).", completion: .directory)
        var cache: String?
        @Option(help: "Threads for feature extraction and queries (default: all cores).")
        var workers: Int = ProcessInfo.processInfo.activeProcessorCount
        @Option(help: "Write one CSV line per query (image_id,identity,rank,predicted,predicted_image,camera,predicted_camera,scene_dropped) to this file.")
        var results: String?
        @Flag(help: "Use flank sides estimated from travel and the chips (`reid flank`) instead of the side column.")
        var estimateSide = false
        @Flag(help: "Build each camera's background from its photos in the dataset (the median, as motion triage does) and mask keypoints on the static scene. Needs full frames with bbox and camera columns.")
        var cameraBackgrounds = false
        @OptionGroup var pattern: PatternOptions
        @OptionGroup var descriptor: DescriptorArguments

        func run() throws {
            let data = try ReidDataset(directory: URL(fileURLWithPath: dataset))
            var options = ReidEvaluation.Options()
            options.descriptor = try descriptor.load()
            options.chip = pattern.chip
            options.features = pattern.features
            options.match = pattern.match
            options.workers = max(1, workers)
            options.cache = cache.map { FeatureCache(directory: URL(fileURLWithPath: $0)) }
            if estimateSide {
                var flank = FlankEvaluation.Options()
                flank.workers = options.workers
                options.sides = FlankEvaluation(options: flank).estimatedSides(try FlankDataset(directory: URL(fileURLWithPath: dataset)))
            }
            if cameraBackgrounds {
                options.backgrounds = Self.cameraBackgrounds(data, workers: options.workers)
                let frames = options.backgrounds.values.reduce(0) { $0 + $1.count }
                FileHandle.standardError.write(Data("backgrounds: \(frames) for \(options.backgrounds.count) cameras\n".utf8))
            }
            let report = try ReidEvaluation(options: options).run(data) { message in
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
            for problem in report.problems { FileHandle.standardError.write(Data(("skipped: " + problem + "\n").utf8)) }
            var rows = [["identity", "queries", "top1", "top5", "mAP"]]
            for r in report.perIdentity {
                rows.append([r.identity, String(r.queries), String(format: "%.3f", r.top1), String(format: "%.3f", r.top5),
                             String(format: "%.3f", r.mAP)])
            }
            print(TextTable.render(rows))
            print(String(format: "images=%d usable=%d feature_s_per_image=%.3f", report.images,
                         report.images - report.problems.count,
                         report.extractionSeconds / Double(max(1, report.images)) * Double(options.workers)))
            if let results {
                var lines = ["image_id,identity,rank,predicted,predicted_image,camera,predicted_camera,scene_dropped"]
                for r in report.results {
                    lines.append([r.imageID, r.identity, r.rank.map(String.init) ?? "", r.predicted ?? "", r.predictedKey ?? "",
                                  r.camera ?? "", r.predictedCamera ?? "", String(r.sceneDropped)].joined(separator: ","))
                }
                try (lines.joined(separator: "\n") + "\n").write(toFile: results, atomically: true, encoding: .utf8)
            }
            if report.hasCameras { print(report.sameCameraLine) }
            print(report.summaryLine)
        }
    }
}
