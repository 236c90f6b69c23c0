import Core
import Foundation
import Store

/// The catalog's reference photos as one pattern gallery, at a known catalog version.
///
/// Features come from the survey's cache (extracted in parallel when missing). A reference photo that
/// cannot be used (moved file, tiny box) is reported and left out; the rest still form the gallery.
public final class CatalogGallery: @unchecked Sendable {
    /// Nil when the catalog has no usable reference photo yet (every encounter is then a new individual).
    public private(set) var gallery: PatternGallery?
    /// The reference photo behind each gallery entry key.
    public private(set) var referenceOf: [String: CatalogIndividual.ReferencePhoto] = [:]
    /// The catalog version the gallery reflects.
    public private(set) var version: Int64
    /// Reference photos left out, as messages naming the file.
    public let problems: [String]
    public let options: MatchOptions
    /// The global descriptor fused with the pattern match (nil: none; see `CatalogDescriptor`).
    public internal(set) var descriptor: CatalogDescriptor?

    init(gallery: PatternGallery?, referenceOf: [String: CatalogIndividual.ReferencePhoto], version: Int64, problems: [String],
         options: MatchOptions) {
        self.gallery = gallery
        self.referenceOf = referenceOf
        self.version = version
        self.problems = problems
        self.options = options
    }

    /// The gallery key of a reference photo.
    public static func key(_ reference: CatalogIndividual.ReferencePhoto) -> String { "ref\(reference.id)" }

    /// The encounter a reference photo belongs to (its burst), so that a query never matches its own burst.
    public static func encounter(eventID: String?, mediaID: Int64) -> String { eventID ?? "media\(mediaID)" }

    /// Builds the gallery of every active reference photo of every individual not merged away.
    ///
    /// `descriptor` is a global descriptor to fuse with the pattern match; nil: the one the survey's
    /// `[identify] descriptor_model` names, if any (loaded and checked before any photo).
    public static func build(store: SurveyStore, cache: FeatureCache, chip: ChipPreparer.Options = .init(),
                             features: FeatureExtractor.Options = .init(), match: MatchOptions = .init(),
                             workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                             descriptor: DescriptorModel? = nil) throws -> CatalogGallery {
        let descriptorModel = try descriptor ?? CatalogDescriptor.surveyModel(store)
        let version = try store.catalogVersion()
        var refs: [(String, CatalogIndividual.ReferencePhoto)] = []
        for individual in try store.individuals() where individual.mergedInto == nil {
            for ref in individual.referencePhotos { refs.append((individual.individualID, ref)) }
        }
        let references = refs.map(\.1)
        let cameras = try store.cameras(mediaIDs: references.map(\.mediaID))
        let backgrounds = match.sceneSuppression ? try store.cameraBackgrounds(mediaIDs: references.map(\.mediaID)) : [:]
        let extracted = Parallel.map(count: refs.count, workers: workers,
                                     context: { FeatureSource(cache: cache, chip: chip, features: features) }) { i, source in
            let ref = references[i]
            return Result { try source.features(path: ref.filePath, box: ref.box, width: ref.width, height: ref.height,
                                                backgrounds: backgrounds[ref.mediaID]) }
        }
        var entries: [GalleryEntry] = []
        var referenceOf: [String: CatalogIndividual.ReferencePhoto] = [:]
        var problems: [String] = []
        for (i, result) in extracted.enumerated() {
            let (individualID, ref) = refs[i]
            switch result {
            case .success(let f):
                let key = key(ref)
                referenceOf[key] = ref
                entries.append(GalleryEntry(key: key, individualID: individualID, side: FlankSide(text: ref.side),
                                            encounter: encounter(eventID: ref.eventID, mediaID: ref.mediaID), features: f,
                                            camera: cameras[ref.mediaID]))
            case .failure(let error):
                problems.append("reference photo \(ref.id) of \(individualID): \(error)")
            }
        }
        let gallery = entries.contains { $0.features.count > 0 } ? try PatternGallery(entries: entries, options: match) : nil
        let built = CatalogGallery(gallery: gallery, referenceOf: referenceOf, version: version, problems: problems, options: match)
        built.descriptor = try descriptorModel.map { try CatalogDescriptor.build(model: $0, cache: DescriptorCache(survey: store.directory),
                                                                               entries: entries, referenceOf: referenceOf, gallery: gallery, workers: workers) }
        return built
    }

    /// Notes a catalog change that adds no photo (e.g. an individual created without a reference photo).
    public func add(version: Int64) throws { self.version = version }

    /// Adds a newly confirmed reference photo without rebuilding the index (the catalog moved to `version`).
    public func add(individualID: String, reference: CatalogIndividual.ReferencePhoto, features: FeatureSet, version: Int64,
                    camera: String? = nil) throws {
        let entry = GalleryEntry(key: Self.key(reference), individualID: individualID, side: FlankSide(text: reference.side),
                                 encounter: Self.encounter(eventID: reference.eventID, mediaID: reference.mediaID), features: features,
                                 camera: camera)
        if let current = gallery {
            try current.add(entry)
            // Added photos are searched exactly; fold them into fresh kd-trees once they are a quarter of the rows.
            let counts = current.index.counts
            if counts.recent * 4 > counts.rows { gallery = try current.rebuilt() }
        } else if features.count > 0 {
            gallery = try PatternGallery(entries: [entry], options: options)
        }
        referenceOf[entry.key] = reference
        try descriptor?.add(entry, reference: reference, gallery: gallery)
        self.version = version
    }
}
