import Core
import Foundation
import Imaging
import Store

/// Evaluates identification on a labelled dataset with the protocol of METHODS.md.
///
/// Every image is a query; its gallery is every image of another encounter (and of the same side when
/// both sides are known); a query counts only when its identity has an image in that gallery. One index is
/// built over all images; each query's own encounter is filtered out at search time (see `QueryFilter`).
public struct ReidEvaluation: Sendable {
    public struct Options: Sendable {
        public var chip = ChipPreparer.Options()
        public var features = FeatureExtractor.Options()
        public var match = MatchOptions()
        public var workers = ProcessInfo.processInfo.activeProcessorCount
        /// Where chip features are cached (nil: not cached).
        public var cache: FeatureCache?
        /// Flank sides by image ID used instead of the dataset's (e.g. estimated: `FlankEvaluation.estimatedSides`).
        public var sides: [String: FlankSide]?
        /// A global descriptor fused with the local evidence (nil: local features only; see `DescriptorFusion`).
        public var descriptor: DescriptorModel?
        /// Backgrounds by camera (the dataset's `camera` column): keypoints on the static scene are masked
        /// (`BackgroundMask`), with or without scene suppression.
        public var backgrounds: [String: [CameraBackground]] = [:]

        public init() {}
    }

    /// The outcome for one query.
    public struct QueryResult: Sendable {
        public var imageID: String
        public var identity: String
        /// 1-based rank of the true identity; nil when it got no votes.
        public var rank: Int?
        public var seconds: Double
        /// The top-ranked individual (nil when nothing got votes).
        public var predicted: String?
        /// The gallery photo behind the top-ranked individual.
        public var predictedKey: String?
        /// The query's camera and that of the gallery photo behind the top-ranked individual (nil: not given).
        public var camera: String?
        public var predictedCamera: String?
        /// Correspondences dropped as scene for the top-ranked individual.
        public var sceneDropped: Int = 0

        public init(imageID: String, identity: String, rank: Int?, seconds: Double, predicted: String? = nil,
                    predictedKey: String? = nil, camera: String? = nil, predictedCamera: String? = nil) {
            self.imageID = imageID
            self.identity = identity
            self.rank = rank
            self.seconds = seconds
            self.predicted = predicted
            self.predictedKey = predictedKey
            self.camera = camera
            self.predictedCamera = predictedCamera
        }

        /// Whether the first answer's best photo came from the query's own camera.
        public var predictedFromSameCamera: Bool { camera != nil && camera == predictedCamera }
    }

    public let options: Options

    public init(options: Options = Options()) { self.options = options }

    /// Extracts features (in parallel), builds the index once and ranks every countable query.
    public func run(_ dataset: ReidDataset, progress: (@Sendable (String) -> Void)? = nil) throws -> ReidReport {
        let images = dataset.images
        let started = Date()
        let options = self.options
        let extracted = Parallel.map(count: images.count, workers: options.workers,
                                     context: { ChipPreparer(options: options.chip) }) { i, preparer -> Result<FeatureSet, Error> in
            Result { try Self.features(of: images[i], preparer: preparer, options: options) }
        }
        var usable: [GalleryEntry] = []
        var problems: [String] = []
        for (i, result) in extracted.enumerated() {
            switch result {
            case .success(let f) where f.count > 0:
                let image = images[i]
                usable.append(GalleryEntry(key: image.imageID, individualID: image.identity,
                                           side: options.sides?[image.imageID] ?? image.side, encounter: image.encounter,
                                           features: f, camera: image.camera))
            case .success:
                problems.append("\(IdentifyError.noFeatures(path: images[i].path))")
            case .failure(let error):
                problems.append("\(error)")
            }
        }
        let entries = usable
        let extractionSeconds = Date().timeIntervalSince(started)
        progress?("features: \(entries.count) images in \(String(format: "%.1f", extractionSeconds)) s")
        let gallery = try PatternGallery(entries: entries, options: options.match)
        let descriptor = try Self.descriptorRanker(options, images: images, entries: entries, gallery: gallery, progress: progress)
        let filters = entries.map {
            QueryFilter(side: $0.side, excludedEncounter: $0.encounter, excludedKeys: [$0.key])
        }
        // Countable queries: the identity has an allowed gallery image.
        let countable = entries.indices.filter { q in
            entries.indices.contains { g in entries[g].individualID == entries[q].individualID && filters[q].allows(entries[g]) }
        }
        var cameraOf: [String: String] = [:]
        for e in entries { if let c = e.camera { cameraOf[e.key] = c } }
        let cameras = cameraOf
        let results = Parallel.map(count: countable.count, workers: options.workers, context: { () }) { n, _ -> Result<QueryResult, Error> in
            let q = countable[n]
            let t0 = Date()
            return Result {
                var ranking = try gallery.rank(entries[q].features, filter: filters[q], camera: entries[q].camera)
                if let descriptor { ranking = descriptor.rank(ranking, key: entries[q].key, filter: filters[q]) }
                let rank = ranking.firstIndex { $0.individualID == entries[q].individualID }.map { $0 + 1 }
                var result = QueryResult(imageID: entries[q].key, identity: entries[q].individualID, rank: rank,
                                         seconds: Date().timeIntervalSince(t0), predicted: ranking.first?.individualID,
                                         predictedKey: ranking.first?.bestEntryKey, camera: entries[q].camera,
                                         predictedCamera: ranking.first?.bestEntryKey.flatMap { cameras[$0] })
                result.sceneDropped = ranking.first?.sceneDropped ?? 0
                return result
            }
        }
        return ReidReport(results: try results.map { try $0.get() }, problems: problems,
                          images: images.count, extractionSeconds: extractionSeconds)
    }

    /// The (cached) features of one dataset image.
    static func features(of image: ReidDataset.Image, preparer: ChipPreparer, options: Options) throws -> FeatureSet {
        let make = { try FeatureExtractor(options: options.features).features(of: preparer.chip(path: image.path, box: image.box)) }
        let plain: FeatureSet
        if let cache = options.cache {
            let key = FeatureCache.key(media: image.path, box: image.box, chip: options.chip, features: options.features)
            plain = try cache.features(key: key, make: make)
        } else {
            plain = try make()
        }
        guard let camera = image.camera, let backgrounds = options.backgrounds[camera],
              let placement = plain.placement,
              let mask = try BackgroundMask(path: image.path, frameWidth: placement.frameWidth, frameHeight: placement.frameHeight,
                                            backgrounds: backgrounds, decoder: ImageDecoder()) else { return plain }
        return mask.masking(plain)
    }
}
