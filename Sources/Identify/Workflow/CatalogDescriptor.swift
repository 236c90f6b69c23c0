import Core
import Foundation
import Store

/// The catalog gallery's global descriptor: the model, its embedding cache and the calibrated ranker.
///
/// Reference photos are embedded when the gallery is built and when one is added; the fusion is calibrated
/// when the gallery is built, and again as photos are added (see `add`).
public struct CatalogDescriptor: Sendable {
    public let model: DescriptorModel
    public let cache: DescriptorCache
    public private(set) var ranker: DescriptorRanker
    /// Photos in the global gallery when the fusion was last calibrated.
    private var calibratedPhotos = 0

    /// The model a survey's `[identify] descriptor_model` names (relative to the survey folder), loaded and
    /// checked; nil when the setting is empty.
    public static func surveyModel(_ store: SurveyStore) throws -> DescriptorModel? {
        try model(store.settings.descriptor, survey: store.directory)
    }

    /// The model of a `[identify]` setting, paths relative to `survey`; nil when it names no file.
    public static func model(_ setting: DescriptorSetting, survey: URL) throws -> DescriptorModel? {
        guard !setting.modelPath.isEmpty else { return nil }
        let path = setting.modelPath.hasPrefix("/") ? setting.modelPath : survey.appendingPathComponent(setting.modelPath).path
        var options = DescriptorOptions(modelPath: path)
        options.inputSize = setting.inputSize
        options.mean = setting.mean
        options.std = setting.std
        return try DescriptorModel(options: options)
    }

    /// Embeds the gallery's reference photos (in parallel; a photo that fails is left out of the global part)
    /// and calibrates the fusion on the pattern gallery.
    static func build(model: DescriptorModel, cache: DescriptorCache, entries: [GalleryEntry],
                      referenceOf: [String: CatalogIndividual.ReferencePhoto], gallery: PatternGallery?,
                      workers: Int) throws -> CatalogDescriptor {
        let embedded = Parallel.map(count: entries.count, workers: workers,
                                    context: { DescriptorEmbedder(model: model, cache: cache) }) { i, embedder -> [Float]? in
            guard let ref = referenceOf[entries[i].key] else { return nil }
            return try? Self.embedding(embedder, path: ref.filePath, box: ref.box, width: ref.width, height: ref.height)
        }
        var global = GlobalGallery()
        for (entry, embedding) in zip(entries, embedded) {
            if let embedding { global.add(entry, embedding: embedding) }
        }
        let ranker = try DescriptorRanker(global: global, gallery: gallery, cap: model.options.calibrationQueries, workers: workers)
        var built = CatalogDescriptor(model: model, cache: cache, ranker: ranker)
        built.calibratedPhotos = global.entries.count
        return built
    }

    /// Adds a newly confirmed reference photo (left out of the global part when it cannot be embedded). The
    /// fusion is calibrated again on `gallery` (the pattern gallery after the addition) when the photos have
    /// doubled since it was last calibrated, or it had no calibration yet (e.g. the catalog started empty).
    mutating func add(_ entry: GalleryEntry, reference: CatalogIndividual.ReferencePhoto, gallery: PatternGallery?) throws {
        let embedder = DescriptorEmbedder(model: model, cache: cache)
        guard let e = try? Self.embedding(embedder, path: reference.filePath, box: reference.box, width: reference.width,
                                          height: reference.height) else { return }
        ranker.global.add(entry, embedding: e)
        let photos = ranker.global.entries.count
        guard let gallery, ranker.fusion == nil || photos >= 2 * calibratedPhotos else { return }
        ranker = try DescriptorRanker(global: ranker.global, gallery: gallery, cap: model.options.calibrationQueries,
                                      workers: ProcessInfo.processInfo.activeProcessorCount)
        calibratedPhotos = photos
    }

    /// The embedding of a stored box (relative, as stored) in a photo.
    public func embedding(path: String, box: [Double]?, width: Int?, height: Int?) throws -> [Float] {
        try Self.embedding(DescriptorEmbedder(model: model, cache: cache), path: path, box: box, width: width, height: height)
    }

    static func embedding(_ embedder: DescriptorEmbedder, path: String, box: [Double]?, width: Int?, height: Int?) throws -> [Float] {
        try embedder.embedding(path: path, box: FeatureSource.pixelBox(path: path, box: box, width: width, height: height))
    }
}
