import Core
import Foundation
import Store

/// What a person needs to decide on an encounter: current proposals and the picture to check them by.
///
/// Proposals ranked before the catalog last changed (e.g. an individual created by the previous decision)
/// are ranked again first, so a person never misses a candidate added since.
public struct EncounterReview {
    public let store: SurveyStore
    public let cache: FeatureCache
    public var chip = ChipPreparer.Options()
    public var features = FeatureExtractor.Options()
    public var match = MatchOptions()
    public var top = 5

    public init(store: SurveyStore) {
        self.store = store
        cache = FeatureCache(survey: store.directory)
        match.searchThreads = ProcessInfo.processInfo.activeProcessorCount
    }

    /// The encounter with current proposals; `reranked` tells whether they were ranked just now.
    ///
    /// Ranked against `gallery` when given (a session's, kept up to date in memory), else against a gallery
    /// built from the catalog when the stored proposals are older than the catalog.
    public func prepare(_ id: Int64, using gallery: CatalogGallery? = nil)
        throws -> (encounter: Encounter, proposals: [MatchProposal], reranked: Bool, problems: [String]) {
        let encounter = try store.encounter(id)
        let version = try gallery?.version ?? store.catalogVersion()
        guard encounter.catalogVersion != version else { return (encounter, try store.proposals(encounterID: id), false, []) }
        let current = try gallery ?? CatalogGallery.build(store: store, cache: cache, chip: chip, features: features, match: match)
        let source = FeatureSource(cache: cache, chip: chip, features: features)
        let ranking = try EncounterMatcher(gallery: current, source: source, top: top).rankAndStore(encounter, in: store)
        let problems = (gallery == nil ? current.problems : []) + ranking.problems
        return (try store.encounter(id), try store.proposals(encounterID: id), true, problems)
    }

    /// The review picture: each of the first `rows` proposals beside the encounter frame it matched best,
    /// or, without proposals, the encounter's frames.
    public func sheet(_ encounter: Encounter, proposals: [MatchProposal], rows: Int = 3) throws -> MatchSheet {
        let source = FeatureSource(cache: cache, chip: chip, features: features)
        func chipOf(_ frame: Encounter.Frame) -> Chip? {
            try? source.chip(path: frame.path, box: frame.box, width: frame.width, height: frame.height)
        }
        var sheetRows: [MatchSheet.Row] = []
        for p in proposals.prefix(rows) {
            guard let frame = encounter.frames.first(where: { $0.id == p.frameID }) ?? encounter.frames.first,
                  let query = chipOf(frame) else { continue }
            var reference: Chip?
            if let refID = p.referencePhotoID, let ref = try store.referencePhoto(id: refID) {
                reference = try? source.chip(path: ref.photo.filePath, box: ref.photo.box, width: ref.photo.width,
                                             height: ref.photo.height)
            }
            let label = String(format: "%d. %@   verified %.1f   score %.1f   %d inliers   (photo %lld vs reference %@)", p.rank,
                               p.individualID, p.verifiedScore, p.score, p.inliers, frame.mediaID,
                               p.referencePhotoID.map { String($0) } ?? "-")
            sheetRows.append(.init(query: query, reference: reference, pairs: p.pairs, label: label))
        }
        if sheetRows.isEmpty {
            for (i, frame) in encounter.frames.prefix(rows).enumerated() {
                guard let query = chipOf(frame) else { continue }
                sheetRows.append(.init(query: query, reference: nil, pairs: [],
                                       label: "frame \(i + 1) (photo \(frame.mediaID)): no candidate in the catalog"))
            }
        }
        let title = "Encounter \(encounter.encounterID)  \(encounter.deploymentID ?? "")  \(encounter.frames.count) frames  "
            + "\(encounter.side) flank"
        return MatchSheet(title: title, rows: sheetRows)
    }
}
