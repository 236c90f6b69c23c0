import Core
import Foundation

/// The global descriptor's part in a ranking: the gallery's embeddings and the calibrated fusion rule.
///
/// Without a fusion (the calibration found no same- or no different-individual pair) rankings are left as the
/// local matcher made them.
public struct DescriptorRanker: Sendable {
    public var global: GlobalGallery
    public var fusion: DescriptorFusion?
    /// Gallery photos the calibration ranked.
    public var calibrationQueries: Int

    public init(global: GlobalGallery, fusion: DescriptorFusion?, calibrationQueries: Int) {
        self.global = global
        self.fusion = fusion
        self.calibrationQueries = calibrationQueries
    }

    /// Embeds the photos and calibrates the fusion on `gallery` (see `calibrate`).
    public init(global: GlobalGallery, gallery: PatternGallery?, cap: Int, workers: Int) throws {
        self.global = global
        let sample = gallery.map { Self.calibrationSample(global: global, gallery: $0, cap: cap) } ?? []
        calibrationQueries = sample.count
        fusion = try gallery.flatMap { try Self.calibrate(gallery: $0, global: global, sample: sample, workers: workers) }
    }

    /// The local ranking `local` of a query re-ranked with its embedding (unchanged without embedding or fusion).
    public func rank(_ local: [Candidate], embedding: [Float]?, filter: QueryFilter) -> [Candidate] {
        guard let fusion, let embedding else { return local }
        return fusion.rerank(local, matches: global.matches(embedding, filter: filter))
    }

    /// The filter under which a gallery photo is ranked against the rest: other encounters, comparable side.
    public static func leaveOut(_ entry: GalleryEntry) -> QueryFilter {
        QueryFilter(side: entry.side, excludedEncounter: entry.encounter, excludedKeys: [entry.key])
    }

    /// Up to `cap` embedded gallery photos with features whose individual has another allowed photo, evenly
    /// spaced in key order (deterministic whatever the gallery's order).
    static func calibrationSample(global: GlobalGallery, gallery: PatternGallery, cap: Int) -> [Int] {
        let entries = global.entries
        let eligible = entries.indices.filter { i in
            let filter = leaveOut(entries[i])
            return entries[i].features.count > 0
                && entries.contains { $0.individualID == entries[i].individualID && filter.allows($0) }
        }.sorted { entries[$0].key < entries[$1].key }
        guard eligible.count > cap else { return eligible }
        return (0..<max(0, cap)).map { eligible[$0 * eligible.count / cap] }
    }

    /// Fits the fusion: each sampled photo is ranked against the rest (leave its encounter out) by the local
    /// matcher and by the embeddings; every individual in either list gives one pair, labelled by whether it is
    /// the photo's own individual.
    static func calibrate(gallery: PatternGallery, global: GlobalGallery, sample: [Int], workers: Int) throws -> DescriptorFusion? {
        let entries = global.entries, embeddings = global.embeddings
        let perQuery = Parallel.map(count: sample.count, workers: workers, context: { () }) { n, _ -> Result<[DescriptorFusion.Sample], Error> in
            let q = sample[n]
            let filter = leaveOut(entries[q])
            return Result {
                let local = try gallery.rank(entries[q].features, filter: filter)
                let matches = global.matches(embeddings[q], filter: filter)
                let byID = Dictionary(local.map { ($0.individualID, $0) }, uniquingKeysWith: { a, _ in a })
                let ids = Set(byID.keys).union(matches.keys).sorted()
                return ids.map { id in
                    DescriptorFusion.Sample(verified: byID[id]?.verifiedScore ?? 0, score: byID[id]?.score ?? 0,
                                            similarity: matches[id]?.similarity, same: id == entries[q].individualID)
                }
            }
        }
        return DescriptorFusion.fit(try perQuery.flatMap { try $0.get() })
    }
}
