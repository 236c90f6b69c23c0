import Core
import Foundation
import Store

/// A person working through the review queue in one sitting: the catalog's gallery is built once and every
/// confirmed encounter's reference photo is added to it in place (no rebuild), so the next encounter is
/// ranked against the catalog as it now stands.
public final class ReviewSession {
    public let review: EncounterReview
    public let gallery: CatalogGallery
    private let source: FeatureSource
    private var skipped = Set<Int64>()

    public init(review: EncounterReview) throws {
        self.review = review
        gallery = try CatalogGallery.build(store: review.store, cache: review.cache, chip: review.chip, features: review.features,
                                           match: review.match)
        source = FeatureSource(cache: review.cache, chip: review.chip, features: review.features)
    }

    /// The next undecided encounter not skipped in this session, ranked against the current gallery.
    public func next() throws -> (encounter: Encounter, proposals: [MatchProposal], problems: [String])? {
        guard let id = try review.store.undecidedEncounterIDs().first(where: { !skipped.contains($0) }) else { return nil }
        let (encounter, proposals, _, problems) = try review.prepare(id, using: gallery)
        return (encounter, proposals, problems)
    }

    /// Records a decision; a new reference photo joins the gallery at once.
    @discardableResult
    public func decide(_ encounterID: Int64, _ decision: EncounterDecision, actor: String) throws -> DecisionOutcome {
        let outcome = try review.store.decide(encounterID: encounterID, decision, actor: actor)
        let reference = outcome.reference
        let version = try review.store.catalogVersion()
        if let reference, let individualID = decision.individualID, let ref = try review.store.referencePhoto(id: reference) {
            let backgrounds = gallery.options.sceneSuppression
                ? try review.store.cameraBackgrounds(mediaIDs: [ref.photo.mediaID])[ref.photo.mediaID] : nil
            let features = try source.features(path: ref.photo.filePath, box: ref.photo.box, width: ref.photo.width,
                                               height: ref.photo.height, backgrounds: backgrounds)
            let camera = try review.store.cameras(mediaIDs: [ref.photo.mediaID])[ref.photo.mediaID]
            try gallery.add(individualID: individualID, reference: ref.photo, features: features, version: version, camera: camera)
        } else {
            try gallery.add(version: version)
        }
        return outcome
    }

    /// Leaves an encounter for later (recorded, and not offered again in this session).
    public func skip(_ encounterID: Int64, actor: String) throws {
        try review.store.skipEncounter(encounterID, actor: actor)
        skipped.insert(encounterID)
    }
}
