import Core
import Foundation
import Imaging

/// Flank sides for every image of a dataset from the direction of travel, the chip model and both fused,
/// and their accuracy against the dataset's `side` column.
///
/// The chip model is cross-validated by encounter: the images of each fold are estimated by a model trained
/// on the other folds. It is trained either self-taught (on the frames of bursts whose direction of travel
/// is confident, labelled by it: no person needed, as in a survey) or on the `side` column (a person's labels).
public struct FlankEvaluation: Sendable {
    public struct Options: Sendable {
        public var travel = TravelDirection()
        public var fusion = FlankFusion()
        public var features = OrientationFeatures()
        /// Chip width for the head-end model (small: only the silhouette matters).
        public var chipWidth = 96
        public var chipThreshold = 0.5
        public var folds = 5
        /// Seconds between frames that start a new burst.
        public var passGap = 5.0
        public var workers = ProcessInfo.processInfo.activeProcessorCount

        public init() {}
    }

    /// Estimates for one image (its burst's travel and fused estimates; the chip estimate is the burst's mean).
    public struct ImageEstimate: Sendable {
        public var travel: FlankEstimate
        public var chipSelf: FlankEstimate
        public var chipLabels: FlankEstimate
        public var fusedSelf: FlankEstimate
        public var fusedLabels: FlankEstimate
    }

    /// Coverage and accuracy of one estimator against the side column.
    public struct Row: Sendable, Equatable {
        public var name: String
        /// Images with a known side in the dataset.
        public var labelled: Int
        /// Of those, how many the estimator decided (left or right), and how many correctly.
        public var decided: Int
        public var correct: Int
        public var coverage: Double { labelled > 0 ? Double(decided) / Double(labelled) : 0 }
        public var accuracy: Double { decided > 0 ? Double(correct) / Double(decided) : 0 }
    }

    public struct Report: Sendable {
        public var estimates: [ImageEstimate]
        public var rows: [Row]
        public var bursts: Int
        public var problems: [String]
    }

    public let options: Options

    public init(options: Options = Options()) { self.options = options }

    /// Estimates every image and scores the estimators (rows: travel, chip, chip-labels, fused, fused-labels).
    public func run(_ dataset: FlankDataset) -> Report {
        let images = dataset.images
        let options = self.options
        let chipOptions: ChipPreparer.Options = {
            var o = ChipPreparer.Options()
            o.chipWidth = options.chipWidth
            o.minimumBoxSide = 8
            return o
        }()
        let prepared = Parallel.map(count: images.count, workers: max(1, options.workers),
                                    context: { ChipPreparer(options: chipOptions) }) { i, preparer -> (features: [Double]?, size: (Double, Double)?, problem: String?) in
            let image = images[i]
            var size: (Double, Double)?
            if image.box != nil, let m = try? MetadataReader.read(path: image.path), m.pixelWidth > 0, m.pixelHeight > 0 {
                size = (Double(m.pixelWidth), Double(m.pixelHeight))
            }
            do {
                let chip = try preparer.chip(path: image.path, box: image.box)
                return (options.features.antisymmetric(chip), size, nil)
            } catch {
                return (nil, size, "\(error)")
            }
        }
        let bursts = dataset.bursts(passGap: options.passGap)
        var burstOf = [Int](repeating: 0, count: images.count)
        var travel = [FlankEstimate](repeating: .none, count: bursts.count)
        for (b, burst) in bursts.enumerated() {
            burst.forEach { burstOf[$0] = b }
            let framed = burst.compactMap { i -> (TravelDirection.Frame, Double)? in
                guard let box = images[i].box, let (w, h) = prepared[i].size else { return nil }
                let relative = [box.x / w, box.y / h, box.width / w, box.height / h]
                return (TravelDirection.Frame(box: relative, time: images[i].time), w / h)
            }
            travel[b] = options.travel.estimate(framed.map(\.0), aspect: framed.first?.1 ?? 4.0 / 3.0)
        }
        // Cross-validation folds by encounter.
        let fold = images.map { Self.fold(of: $0.encounter, folds: max(2, options.folds)) }
        func chipScores(label: (Int) -> Bool?) -> [Double?] {
            var scores = [Double?](repeating: nil, count: images.count)
            for k in 0..<max(2, options.folds) {
                let examples = images.indices.compactMap { i -> (features: [Double], right: Bool)? in
                    guard fold[i] != k, let f = prepared[i].features, let right = label(i) else { return nil }
                    return (f, right)
                }
                guard let model = HeadEndModel.train(examples, features: options.features, threshold: options.chipThreshold) else { continue }
                for i in images.indices where fold[i] == k { scores[i] = prepared[i].features.map(model.score) }
            }
            return scores
        }
        let selfScores = chipScores { i in
            let t = travel[burstOf[i]]
            return t.side == .unknown ? nil : t.side == .right
        }
        let labelScores = chipScores { i in images[i].side == .unknown ? nil : images[i].side == .right }
        func burstChip(_ scores: [Double?]) -> [FlankEstimate] {
            bursts.map { burst in
                let s = burst.compactMap { scores[$0] }
                guard !s.isEmpty else { return .none }
                let mean = s.reduce(0, +) / Double(s.count)
                return FlankEstimate(rightProbability: 1 / (1 + exp(-mean)), source: .chip, threshold: options.chipThreshold)
            }
        }
        let chipSelf = burstChip(selfScores), chipLabels = burstChip(labelScores)
        let estimates = images.indices.map { i -> ImageEstimate in
            let b = burstOf[i]
            return ImageEstimate(travel: travel[b], chipSelf: chipSelf[b], chipLabels: chipLabels[b],
                                 fusedSelf: options.fusion.fuse(travel: travel[b], chip: chipSelf[b]),
                                 fusedLabels: options.fusion.fuse(travel: travel[b], chip: chipLabels[b]))
        }
        let named: [(String, KeyPath<ImageEstimate, FlankEstimate>)] = [
            ("travel", \.travel), ("chip", \.chipSelf), ("chip-labels", \.chipLabels), ("fused", \.fusedSelf),
            ("fused-labels", \.fusedLabels),
        ]
        let rows = named.map { name, path -> Row in
            var row = Row(name: name, labelled: 0, decided: 0, correct: 0)
            for (image, e) in zip(images, estimates) where image.side != .unknown {
                row.labelled += 1
                let side = e[keyPath: path].side
                guard side != .unknown else { continue }
                row.decided += 1
                if side == image.side { row.correct += 1 }
            }
            return row
        }
        let problems = zip(images, prepared).compactMap { image, p in p.problem.map { "\(image.imageID): \($0)" } }
        return Report(estimates: estimates, rows: rows, bursts: bursts.count, problems: problems)
    }

    /// Sides estimated without the side column (travel and the self-taught chip model, fused), by image ID.
    public func estimatedSides(_ dataset: FlankDataset) -> [String: FlankSide] {
        let report = run(dataset)
        return Dictionary(zip(dataset.images.map(\.imageID), report.estimates.map(\.fusedSelf.side)), uniquingKeysWith: { a, _ in a })
    }

    /// A stable fold for an encounter (FNV-1a of its name).
    static func fold(of encounter: String, folds: Int) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in encounter.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        return Int(h % UInt64(folds))
    }
}
