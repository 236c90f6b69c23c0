import Core
import Foundation

extension ReidEvaluation {
    /// The descriptor's ranker and the embeddings of the evaluation's images, by image ID.
    struct Descriptor: Sendable {
        var ranker: DescriptorRanker
        var embeddings: [String: [Float]]

        /// The local ranking of the image `key` re-ranked with the global evidence.
        func rank(_ local: [Candidate], key: String, filter: QueryFilter) -> [Candidate] {
            ranker.rank(local, embedding: embeddings[key], filter: filter)
        }
    }

    /// The descriptor for an evaluation: every usable image embedded (in parallel, cached beside the features),
    /// the fusion calibrated on the gallery; nil without a model.
    static func descriptorRanker(_ options: Options, images: [ReidDataset.Image], entries: [GalleryEntry],
                                 gallery: PatternGallery,
                                 progress: (@Sendable (String) -> Void)?) throws -> Descriptor? {
        guard let model = options.descriptor else { return nil }
        let started = Date()
        let cache = options.cache.map { DescriptorCache(directory: $0.directory.appendingPathComponent("descriptors")) }
        let byID = Dictionary(images.map { ($0.imageID, $0) }, uniquingKeysWith: { a, _ in a })
        let embedded = Parallel.map(count: entries.count, workers: options.workers,
                                    context: { DescriptorEmbedder(model: model, cache: cache) }) { i, embedder -> [Float]? in
            guard let image = byID[entries[i].key] else { return nil }
            return try? embedder.embedding(path: image.path, box: image.box)
        }
        var global = GlobalGallery()
        var embeddings: [String: [Float]] = [:]
        for (entry, embedding) in zip(entries, embedded) {
            guard let embedding else { continue }
            global.add(entry, embedding: embedding)
            embeddings[entry.key] = embedding
        }
        let embedSeconds = Date().timeIntervalSince(started)
        let ranker = try DescriptorRanker(global: global, gallery: gallery, cap: model.options.calibrationQueries,
                                          workers: options.workers)
        progress?(String(format: "descriptor: %d of %d images embedded (D=%d) in %.1f s; calibration on %d photos in %.1f s%@",
                         embeddings.count, entries.count, model.dimension, embedSeconds, ranker.calibrationQueries,
                         Date().timeIntervalSince(started) - embedSeconds,
                         ranker.fusion.map { f in
                             String(format: " (%d same / %d different pairs; local slopes %.3g, %.3g; global slope %.3g)",
                                    f.sampleCounts.same, f.sampleCounts.different, f.local.weights[0], f.local.weights[1],
                                    f.global.weights.first ?? 0)
                         } ?? " — not calibrated (no same- and different-individual pairs): rankings unchanged"))
        return Descriptor(ranker: ranker, embeddings: embeddings)
    }
}
