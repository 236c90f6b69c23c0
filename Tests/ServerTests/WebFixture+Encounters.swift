import Core
import Foundation
import Identify
import Server
import Store

/// A catalog and encounters with stored proposals for the review screen's tests, written through Store APIs.
///
/// With `WebFixture(photos: 3)`: photos S1/1–3 and S2/1–3 (160 × 120). Individuals L1 (female, left-flank reference
/// photo S2/1 and right-flank S2/2) and L2 (male, right-flank reference photo S2/3 only). Encounters, all left flank:
/// `first` (S1/1 + S1/2), `second` (S1/3), `third` (S2/1). Each proposes L1
/// (rank 1, with `pairs` keypoint pairs made from `transform`) and L2 (rank 2, no pairs).
struct ReviewScenario {
    var first: Int64
    var second: Int64
    var third: Int64
    /// The box of every frame and reference photo, relative.
    static let box = [0.25, 0.25, 0.5, 0.5]
    /// The full-image map from the frame to L1's left reference photo the pairs were made from.
    static let transform = Affine2D(a: 0.9, b: 0.1, c: 12, d: -0.05, e: 1.1, f: 4)
    /// The frame points (full-image pixels) of the pairs.
    static let framePoints: [(x: Double, y: Double)] = [(50, 40), (100, 45), (70, 80), (110, 85), (60, 60), (95, 65)]
    static let scores: [(String, Double)] = [("L1", 40), ("L2", 10)]
}

extension WebFixture {
    /// Stores the scenario (see `ReviewScenario`) and returns its encounters.
    func storeEncounters() throws -> ReviewScenario {
        let ids = try mediaIDs()
        func media(_ station: String, _ n: Int) throws -> Int64 {
            guard let id = ids.first(where: { $0.key.hasSuffix("\(station)/IMG_000\(n).JPG") })?.value else {
                throw FixtureError.missing("photo \(station)/\(n)")
            }
            return id
        }
        try store.addIndividual("L1", name: "Kedrovaya", sex: "female", actor: "test")
        try store.addIndividual("L2", sex: "male", actor: "test")
        let leftRef = try store.addReferencePhoto(individualID: "L1", mediaID: try media("S2", 1), side: "left", box: ReviewScenario.box, actor: "test")
        try store.addReferencePhoto(individualID: "L1", mediaID: try media("S2", 2), side: "right", box: ReviewScenario.box, actor: "test")
        let l2Ref = try store.addReferencePhoto(individualID: "L2", mediaID: try media("S2", 3), side: "right", box: ReviewScenario.box, actor: "test")
        func encounter(_ photos: [Int64]) throws -> Encounter {
            try store.createEncounter(NewEncounter(eventID: nil, deploymentID: "S1", scientificName: "Panthera pardus orientalis",
                                                   side: "left", detector: "test", boxes: photos.map {
                IdentificationBox(observationID: nil, mediaID: $0, eventID: nil, deploymentID: "S1", timestamp: nil, path: "",
                                  width: 160, height: 120, box: ReviewScenario.box, confidence: 0.9, scientificName: "Panthera pardus orientalis")
            }))
        }
        let first = try encounter([try media("S1", 1), try media("S1", 2)])
        let second = try encounter([try media("S1", 3)])
        let third = try encounter([try media("S2", 1)])
        let version = try store.catalogVersion()
        for e in [first, second, third] {
            let frame = e.frames[0]
            try store.saveRanking(encounterID: e.encounterID, catalogVersion: version,
                                  frames: e.frames.map { FrameOutcome(frameID: $0.id, features: 100, failure: nil) },
                                  proposals: [
                                    MatchProposal(individualID: "L1", rank: 1, score: 55, verifiedScore: ReviewScenario.scores[0].1, inliers: 6,
                                                  referencePhotoID: leftRef, frameID: frame.id, pairs: Self.pairs()),
                                    MatchProposal(individualID: "L2", rank: 2, score: 20, verifiedScore: ReviewScenario.scores[1].1, inliers: 0,
                                                  referencePhotoID: l2Ref, frameID: frame.id, pairs: []),
                                  ], method: EncounterMatcher.method)
        }
        return ReviewScenario(first: first.encounterID, second: second.encounterID, third: third.encounterID)
    }

    /// Keypoint pairs in chip pixels whose full-image points follow `ReviewScenario.transform`.
    static func pairs() -> [KeypointPair] {
        let box = PixelBox(relativeX: 0.25, y: 0.25, width: 0.5, height: 0.5, imageWidth: 160, imageHeight: 120)
        let map = ChipMapping(box: box, imageWidth: 160, imageHeight: 120)
        return ReviewScenario.framePoints.enumerated().map { i, q in
            let r = ReviewScenario.transform.apply(q.x, q.y)
            let cq = map.chipPoint(imageX: q.x, imageY: q.y), cr = map.chipPoint(imageX: r.x, imageY: r.y)
            return KeypointPair(queryX: Float(cq.x), queryY: Float(cq.y), galleryX: Float(cr.x), galleryY: Float(cr.y), weight: Float(10 - i))
        }
    }

    /// Everything the catalog holds about an individual, to compare before and after an undo.
    func catalogRows(_ id: String) throws -> String {
        let individual = try store.individual(id)
        let sightings = try store.sightingPlaces(individualID: id).map { "\($0.mediaID)@\($0.timestamp?.timeIntervalSince1970 ?? 0)" }
        return "\(individual)|\(sightings)"
    }
}
