import Core
import Foundation
import Identify
import Store

/// Builds the review screen's `ReviewItem` for an encounter, through the same library calls as `rosette review next`
/// (`EncounterReview.prepare` ranks again when the catalog changed since the stored ranking).
struct ReviewItemBuilder {
    let store: SurveyStore
    let policy: LocationPolicy
    let user: WebUser
    /// Candidates shown (the issue: up to ten).
    var top = 10

    /// The item; throws `CatalogError.unknownEncounter` for an unknown encounter. `side` (the reviewer corrected the
    /// flank with F) chooses which of the candidates' photos are shown instead of the encounter's stored side.
    func build(_ encounterID: Int64, side: String? = nil, rank: Bool = true) throws -> ReviewItem {
        // The item is a function of the survey's data (and the role's view of places), so it is kept until the data
        // changes; only the lease, which changes without a data change, is read fresh for the user.
        let key = "review-item-\(encounterID)-\(side ?? "")-\(rank)-\(policy.exact)"
        var item = try DerivedCache.shared.value(key, store) { try buildFresh(encounterID, side: side, rank: rank) }
        let lease = try store.currentLease(encounterID: encounterID)
        item.lease = lease.flatMap { $0.holder == user.name ? .init($0) : nil }
        item.leasedBy = lease.flatMap { $0.holder == user.name ? nil : $0.holder }
        return item
    }

    /// The item built from the store (ranked again first when the catalog changed and `rank` is set).
    func buildFresh(_ encounterID: Int64, side: String? = nil, rank: Bool = true) throws -> ReviewItem {
        let decided = try store.latestDecision(encounterID: encounterID)
        var review = EncounterReview(store: store)
        review.top = top
        let encounter: Encounter, proposals: [MatchProposal], reranked: Bool, problems: [String]
        if decided == nil && rank {
            let stored = try store.encounter(encounterID)
            if stored.catalogVersion == (try store.catalogVersion()) {
                (encounter, proposals, reranked, problems) = try review.prepare(encounterID)
            } else {
                (encounter, proposals, reranked, problems) = try GalleryCache.shared.withGallery(review) { try review.prepare(encounterID, using: $0) }
            }
        } else {
            (encounter, proposals, reranked, problems) = (try store.encounter(encounterID), try store.proposals(encounterID: encounterID), false, [])
        }
        let places = try store.photoPlaces(encounter.frames.map(\.mediaID))
        let here = encounter.frames.lazy.compactMap { places[$0.mediaID] }.first
        let frames = encounter.frames.map { frame(from: $0, encounter: encounter, place: places[$0.mediaID]) }
        let facts = try DerivedCache.shared.value("facts", store) { try store.catalogFacts() }
        let best = proposals.prefix(top).map(\.verifiedScore).max() ?? 0
        var candidates: [ReviewItem.Candidate] = []
        for p in proposals.prefix(top) {
            guard let individual = try? store.individual(p.individualID) else { continue }
            candidates.append(try candidate(p, individual: individual, encounter: encounter, side: FlankSide(text: side ?? encounter.side), here: here,
                                            stage: here?.timestamp.flatMap { facts[p.individualID]?.stage(in: Self.year($0)) }?.rawValue,
                                            best: best))
        }
        let excluded = try store.reviewProposals(encounterID: encounterID).excluded.map { e -> ReviewItem.Excluded in
            let reason: String = switch e.reason { case .rejected: "rejected"; case .sameFrame: "sameFrame" }
            return ReviewItem.Excluded(individualID: e.individualID, reason: reason, label: e.label)
        }
        let lease = try store.currentLease(encounterID: encounterID)
        let pending = try store.pendingNewIndividual(encounterID: encounterID)
        return ReviewItem(
            encounterID: encounterID, side: encounter.side, station: policy.station(here?.locationID),
            time: here?.timestamp.map(Self.iso), frames: frames, candidates: candidates, excluded: excluded,
            versions: try store.individualVersions(candidates.map(\.individualID)), catalogVersion: encounter.catalogVersion,
            method: EncounterMatcher.method, reranked: reranked, problems: problems.map(Self.withoutPaths),
            decided: decided.map { "\($0.kind.rawValue)\($0.individualID.map { " " + $0 } ?? "") by \($0.actor)" },
            pending: pending.map { .init(individualID: $0.individualID, proposedBy: $0.proposedBy, at: Self.iso($0.at)) },
            lease: lease.flatMap { $0.holder == user.name ? .init($0) : nil },
            leasedBy: lease.flatMap { $0.holder == user.name ? nil : $0.holder })
    }

    func frame(from f: Encounter.Frame, encounter: Encounter, place: PhotoPlace?) -> ReviewItem.Photo {
        ReviewItem.Photo(id: f.id, mediaID: f.mediaID, src: "/media/\(f.mediaID)", width: f.width ?? 0, height: f.height ?? 0,
                         box: Self.pixels(f.box, width: f.width, height: f.height), side: encounter.side,
                         time: place?.timestamp.map(Self.iso), station: policy.station(place?.locationID),
                         features: f.features, failure: f.failure.map(Self.withoutPaths))
    }

    func candidate(_ p: MatchProposal, individual: CatalogIndividual, encounter: Encounter, side: FlankSide,
                   here: PhotoPlace?, stage: String?, best: Double) throws -> ReviewItem.Candidate {
        let allowed = individual.referencePhotos.filter { side.isComparable(with: FlankSide(text: $0.side)) }
        let ordered = allowed.sorted { ($0.id == p.referencePhotoID ? 0 : 1, $0.id) < ($1.id == p.referencePhotoID ? 0 : 1, $1.id) }
        let refPlaces = try store.photoPlaces(ordered.map(\.mediaID))
        let photos = ordered.map { r in
            ReviewItem.Photo(id: r.id, mediaID: r.mediaID, src: "/media/\(r.mediaID)", width: r.width ?? 0, height: r.height ?? 0,
                             box: r.box.flatMap { Self.pixels($0, width: r.width, height: r.height) }, side: r.side,
                             time: refPlaces[r.mediaID]?.timestamp.map(Self.iso), station: policy.station(refPlaces[r.mediaID]?.locationID),
                             features: nil, failure: nil)
        }
        var pairs: [ReviewItem.Pair] = [], scenePairs: [ReviewItem.Pair] = []
        var zoom: ReviewItem.Zoom?
        let frame = encounter.frames.first { $0.id == p.frameID }
        let reference = ordered.first { $0.id == p.referencePhotoID }
        if let frame, let reference, let fw = frame.width, let fh = frame.height, let rw = reference.width, let rh = reference.height {
            let qMap = ChipMapping(box: Self.pixelBox(frame.box, width: fw, height: fh), imageWidth: fw, imageHeight: fh)
            let rMap = ChipMapping(box: reference.box.flatMap { Self.pixelBox($0, width: rw, height: rh) }, imageWidth: rw, imageHeight: rh)
            func mapped(_ k: KeypointPair) -> ReviewItem.Pair {
                let q = qMap.imagePoint(chipX: Double(k.queryX), chipY: Double(k.queryY))
                let r = rMap.imagePoint(chipX: Double(k.galleryX), chipY: Double(k.galleryY))
                return ReviewItem.Pair(q: [Self.round(q.x), Self.round(q.y)], r: [Self.round(r.x), Self.round(r.y)], weight: Double(k.weight))
            }
            pairs = p.pairs.sorted { $0.weight > $1.weight }.map(mapped)
            scenePairs = p.scenePairs.map(mapped)
            zoom = Self.zoom(pairs: pairs, frameBox: Self.pixelBox(frame.box, width: fw, height: fh),
                             referenceBox: reference.box.flatMap { Self.pixelBox($0, width: rw, height: rh) }
                                 ?? PixelBox(x: 0, y: 0, width: Double(rw), height: Double(rh)))
        }
        let context = try ContextStrip(store: store, policy: policy).context(
            individual: individual, here: here, excluding: Set(encounter.frames.map(\.mediaID)), stage: stage)
        return ReviewItem.Candidate(
            candidateID: p.id ?? 0, rank: p.rank, individualID: p.individualID, name: individual.name, score: p.score,
            verifiedScore: p.verifiedScore, inliers: p.inliers, bar: best > 0 ? max(0, p.verifiedScore / best) : 0,
            frameID: p.frameID, referencePhotoID: reference?.id, photos: photos,
            otherFlank: individual.referencePhotos.count - allowed.count, pairs: pairs, scenePairs: scenePairs, zoom: zoom,
            context: context)
    }

    /// The locked-zoom map: fitted to the pairs when they determine one, else box onto box.
    static func zoom(pairs: [ReviewItem.Pair], frameBox: PixelBox, referenceBox: PixelBox) -> ReviewItem.Zoom {
        let from = pairs.map { (x: $0.q[0], y: $0.q[1]) }, to = pairs.map { (x: $0.r[0], y: $0.r[1]) }
        if let fitted = Affine2D.fit(from: from, to: to), let inverse = fitted.inverse, fitted.determinant > 0 {
            return .init(fit: "pairs", forward: fitted, inverse: inverse, residual: fitted.residual(from: from, to: to))
        }
        let box = Affine2D.boxRelative(from: frameBox, to: referenceBox)
        return .init(fit: "box", forward: box, inverse: box.inverse ?? .identity, residual: nil)
    }

    static func pixelBox(_ box: [Double], width: Int, height: Int) -> PixelBox {
        PixelBox(relativeX: box[0], y: box[1], width: box[2], height: box[3], imageWidth: width, imageHeight: height)
    }

    static func pixels(_ box: [Double], width: Int?, height: Int?) -> ReviewItem.Box? {
        guard box.count == 4, let width, let height else { return nil }
        let b = pixelBox(box, width: width, height: height)
        return .init(x: round(b.x), y: round(b.y), width: round(b.width), height: round(b.height))
    }

    static func round(_ v: Double) -> Double { (v * 100).rounded() / 100 }

    static func year(_ date: Date) -> Int { Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date).year ?? 0 }

    static func iso(_ date: Date) -> String { date.ISO8601Format() }

    /// A message without the absolute file paths in it (the page names photos by number).
    static func withoutPaths(_ message: String) -> String {
        message.split(separator: " ", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("/") ? Substring(($0 as NSString).lastPathComponent) : $0 }.joined(separator: " ")
    }
}

extension ReviewItem.Lease {
    init(_ lease: ReviewLease) {
        self.init(encounterID: lease.encounterID, token: lease.token, holder: lease.holder, expires: ReviewItemBuilder.iso(lease.expires))
    }
}
