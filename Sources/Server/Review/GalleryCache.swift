import Foundation
import Identify
import Store

/// The catalog's pattern gallery at its current version, shared by the review requests of one survey, so that
/// ranking several encounters again after a decision (the page refreshes the prefetched one and prefetches the
/// next) builds the gallery once per catalog version rather than once per request.
///
/// Ranking holds the lock: reranks of one survey run one at a time.
final class GalleryCache: @unchecked Sendable {
    private let lock = NSLock()
    private var galleries: [String: CatalogGallery] = [:]

    static let shared = GalleryCache()

    /// Runs `body` with the survey's gallery at the catalog's current version (built when the catalog moved on).
    func withGallery<T>(_ review: EncounterReview, _ body: (CatalogGallery) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let key = review.store.directory.standardizedFileURL.path
        let version = try review.store.catalogVersion()
        if let held = galleries[key], held.version == version { return try body(held) }
        let built = try CatalogGallery.build(store: review.store, cache: review.cache, chip: review.chip, features: review.features,
                                             match: review.match)
        galleries[key] = built
        return try body(built)
    }
}
