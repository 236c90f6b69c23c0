import Core
import Foundation
import Store

/// The fixture's catalog for the page tests: F1 (female, born 2018, "Kedrovaya") seen at S1 through a reviewed
/// encounter (rita said "same", adding a left-flank reference photo); her cubs C1 and C2 (born 2023); M1 (male);
/// D1, recorded dead (poaching, at S1, on 2024-09-05) and seen at S2 after it; and an undecided encounter on the
/// second S1 photo for tests to decide.
extension WebFixture {
    struct Catalog {
        let f1Encounter: Int64
        let openEncounter: Int64
        let s1Photos: [Int64]
        let s2Photos: [Int64]
    }

    @discardableResult
    func addCatalog() throws -> Catalog {
        let ids = try mediaIDs()
        let s1 = ids.filter { $0.key.hasPrefix("S1/") }.sorted { $0.key < $1.key }.map(\.value)
        let s2 = ids.filter { $0.key.hasPrefix("S2/") }.sorted { $0.key < $1.key }.map(\.value)
        let zone = try ZoneSpec("Asia/Vladivostok")
        try store.addIndividual("F1", name: "Kedrovaya", sex: "female", history: IndividualEdit(birthYear: 2018), actor: "test")
        try store.addIndividual("M1", sex: "male", actor: "test")
        try store.addIndividual("C1", history: IndividualEdit(birthYear: 2023, motherID: "F1"), actor: "test")
        try store.addIndividual("C2", history: IndividualEdit(birthYear: 2023, motherID: "F1"), actor: "test")
        try store.addIndividual("D1", sex: "male", history: IndividualEdit(birthYear: 2016), actor: "test")
        try store.editIndividual("D1", IndividualEdit(status: "dead", deathDate: Timestamp.parse("2024-09-05", defaultZone: zone),
                                                      deathCause: .poaching, deathPlace: DeathPlace(locationID: "S1")), actor: "test")
        let f1 = try encounter([s1[0]], deploymentID: "S1", proposals: ["F1", "M1"])
        try decide(f1, "F1", actor: "rita")
        let d1 = try encounter(s2, deploymentID: "S2", proposals: ["D1"])
        try decide(d1, "D1", actor: "rob")
        let open = try encounter([s1[1]], deploymentID: "S1", proposals: ["F1"])
        return Catalog(f1Encounter: f1, openEncounter: open, s1Photos: s1, s2Photos: s2)
    }

    /// An encounter over photos (left flank), ranked with `proposals`.
    func encounter(_ photos: [Int64], deploymentID: String, proposals: [String]) throws -> Int64 {
        let boxes = photos.map { id in
            IdentificationBox(observationID: nil, mediaID: id, eventID: nil, deploymentID: deploymentID, timestamp: nil, path: "",
                              width: 64, height: 48, box: [0.25, 0.2, 0.5, 0.5], confidence: 0.9, scientificName: "Panthera pardus orientalis")
        }
        let e = try store.createEncounter(NewEncounter(eventID: nil, deploymentID: deploymentID, scientificName: "Panthera pardus orientalis",
                                                       side: "left", detector: "test", boxes: boxes))
        try store.saveRanking(encounterID: e.encounterID, catalogVersion: try store.catalogVersion(),
                              frames: e.frames.map { FrameOutcome(frameID: $0.id, features: 100, failure: nil) },
                              proposals: proposals.enumerated().map {
                                  MatchProposal(individualID: $1, rank: $0 + 1, score: Double(10 - $0), verifiedScore: 1, inliers: 5, referencePhotoID: nil)
                              }, method: "test")
        return e.encounterID
    }

    /// A reviewer's "same animal" decision through the review log (lease, submit).
    @discardableResult
    func decide(_ encounterID: Int64, _ individualID: String, actor: String) throws -> SubmissionOutcome {
        let lease = try store.lease(encounterID: encounterID, actor: actor)
        return try store.submit(ReviewSubmission(encounterID: encounterID, leaseToken: lease.token, actor: actor, verdict: .same,
                                                 individualID: individualID, rankShown: 1, side: "left",
                                                 seenVersions: try store.individualVersions([individualID])))
    }
}

extension WebFixture {
    /// Makes a photo a people photo: a detector's person box at confidence 0.9 (as triage stores it).
    func addPersonBox(_ mediaID: Int64) throws {
        var o = Observation(mediaID: mediaID, deploymentID: nil, observationType: .human)
        o.speciesLabel = "person"
        (o.bboxX, o.bboxY, o.bboxWidth, o.bboxHeight) = (0.1, 0.1, 0.2, 0.4)
        o.classificationProbability = 0.9
        o.classificationMethod = "machine"
        o.classifiedBy = "md"
        o.source = ObservationSource.triage
        try store.saveTriageResults(runID: nil, detector: "md", results: [
            TriageMediaResult(mediaID: mediaID, detections: [o], imageWidth: 64, imageHeight: 48),
        ])
    }
}
