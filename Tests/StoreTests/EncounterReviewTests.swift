import Core
import Foundation
import Store
import Testing
import TestSupport

@Suite struct EncounterReviewTests {
    /// A two-frame encounter over the first two photos of `CatalogTests.survey`.
    static func encounter(_ store: SurveyStore, media: [Int64]) throws -> Encounter {
        let boxes = media.prefix(2).map { id in
            IdentificationBox(observationID: nil, mediaID: id, eventID: "E1", deploymentID: nil, timestamp: nil, path: "",
                              width: 2048, height: 1536, box: [0.1, 0.2, 0.3, 0.2], confidence: 0.9, scientificName: nil)
        }
        return try store.createEncounter(NewEncounter(eventID: "E1", deploymentID: nil, scientificName: "Panthera pardus orientalis",
                                                      side: "left", detector: "motion", boxes: boxes))
    }

    @Test func proposalsKeepTheirKeypointPairsAndAreReplacedByANewRanking() throws {
        let dir = TemporaryDirectory()
        let (store, media) = try CatalogTests.survey(dir)
        try store.addIndividual("L01", actor: "anna")
        try store.addIndividual("L02", actor: "anna")
        let e = try Self.encounter(store, media: media)
        #expect(e.frames.map(\.mediaID) == Array(media.prefix(2)) && e.catalogVersion == nil)
        let pair = KeypointPair(queryX: 10, queryY: 20, galleryX: 30, galleryY: 40, weight: 0.5)
        try store.saveRanking(encounterID: e.encounterID, catalogVersion: 7,
                              frames: [FrameOutcome(frameID: e.frames[0].id, features: 120, failure: nil),
                                       FrameOutcome(frameID: e.frames[1].id, features: nil, failure: "tiny box")],
                              proposals: [MatchProposal(individualID: "L02", rank: 1, score: 9, verifiedScore: 7, inliers: 12,
                                                        referencePhotoID: nil, frameID: e.frames[0].id, pairs: [pair, pair]),
                                          MatchProposal(individualID: "L01", rank: 2, score: 3, verifiedScore: 0, inliers: 0,
                                                        referencePhotoID: nil)],
                              method: "test")
        let stored = try store.proposals(encounterID: e.encounterID)
        #expect(stored.map(\.individualID) == ["L02", "L01"])
        #expect(stored[0].pairs == [pair, pair] && stored[0].frameID == e.frames[0].id && stored[1].pairs.isEmpty)
        let ranked = try store.encounter(e.encounterID)
        #expect(ranked.catalogVersion == 7 && ranked.frames.map(\.features) == [120, nil] && ranked.frames[1].failure == "tiny box")
        try store.saveRanking(encounterID: e.encounterID, catalogVersion: 8, frames: [],
                              proposals: [MatchProposal(individualID: "L01", rank: 1, score: 1, verifiedScore: 1, inliers: 4,
                                                        referencePhotoID: nil)], method: "test")
        #expect(try store.proposals(encounterID: e.encounterID).map(\.individualID) == ["L01"])
    }

    @Test func aDecisionNamesEveryFrameAddsAReferenceAndALaterOneReplacesIt() throws {
        let dir = TemporaryDirectory()
        let (store, media) = try CatalogTests.survey(dir)
        try store.addIndividual("L01", actor: "anna")
        let e = try Self.encounter(store, media: media)
        try store.saveRanking(encounterID: e.encounterID, catalogVersion: 0,
                              frames: [FrameOutcome(frameID: e.frames[0].id, features: 50, failure: nil),
                                       FrameOutcome(frameID: e.frames[1].id, features: 300, failure: nil)],
                              proposals: [], method: "test")
        #expect(try store.undecidedEncounterIDs() == [e.encounterID])
        let before = try store.catalogVersion()
        let reference = try #require(try store.recordDecision(encounterID: e.encounterID,
                                                              EncounterDecision(kind: .confirmed, individualID: "L01"), actor: "boris"))
        #expect(try store.undecidedEncounterIDs().isEmpty)
        #expect(try store.catalogVersion() > before)
        // The frame with the most keypoints became the reference photo.
        #expect(try store.individual("L01").referencePhotos.map(\.id) == [reference])
        #expect(try store.individual("L01").referencePhotos.first?.mediaID == media[1])
        let named = try store.reviewObservations(encounterID: e.encounterID)
        #expect(named.map(\.mediaID) == Array(media.prefix(2)).map { Optional($0) })
        #expect(named.allSatisfy { $0.individualID == "L01" && $0.classificationMethod == "human" && $0.classifiedBy == "boris" })
        #expect(named.map(\.bboxX) == [0.1, 0.1])
        #expect(try store.latestDecision(encounterID: e.encounterID)?.actor == "boris")

        // A later decision: a new individual. The earlier observations and reference photo are replaced.
        try store.recordDecision(encounterID: e.encounterID, EncounterDecision(kind: .newIndividual, individualID: "L05"), actor: "vera")
        #expect(try store.individual("L01").referencePhotos.isEmpty)
        #expect(try store.individual("L05").referencePhotos.count == 1)
        #expect(try store.latestDecision(encounterID: e.encounterID)?.kind == .newIndividual)
        #expect(try store.reviewObservations(encounterID: e.encounterID).map(\.individualID) == ["L05", "L05"])
        try store.recordDecision(encounterID: e.encounterID, EncounterDecision(kind: .notTarget, scientificName: "Panthera tigris altaica"),
                                 actor: "vera")
        let tiger = try store.reviewObservations(encounterID: e.encounterID)
        #expect(tiger.map(\.scientificName) == ["Panthera tigris altaica", "Panthera tigris altaica"] && tiger.allSatisfy { $0.individualID == nil })
        #expect(try store.individual("L05").referencePhotos.isEmpty)
    }

    @Test func badDecisionsAreRefusedWithoutChangingAnything() throws {
        let dir = TemporaryDirectory()
        let (store, media) = try CatalogTests.survey(dir)
        try store.addIndividual("L01", actor: "anna")
        try store.addIndividual("L02", actor: "anna")
        try store.mergeIndividual("L02", into: "L01", actor: "anna")
        let e = try Self.encounter(store, media: media)
        #expect(throws: CatalogError.unknownIndividual(id: "L77")) {
            try store.recordDecision(encounterID: e.encounterID, EncounterDecision(kind: .confirmed, individualID: "L77"), actor: "b")
        }
        #expect(throws: CatalogError.mergedIndividual(id: "L02", into: "L01")) {
            try store.recordDecision(encounterID: e.encounterID, EncounterDecision(kind: .confirmed, individualID: "L02"), actor: "b")
        }
        #expect(throws: CatalogError.decisionNeedsIndividual(kind: "newIndividual")) {
            try store.recordDecision(encounterID: e.encounterID, EncounterDecision(kind: .newIndividual), actor: "b")
        }
        #expect(throws: CatalogError.unknownEncounter(id: 999)) {
            try store.recordDecision(encounterID: 999, EncounterDecision(kind: .rejected), actor: "b")
        }
        #expect(try store.undecidedEncounterIDs() == [e.encounterID])
        #expect(try store.reviewObservations(encounterID: e.encounterID).isEmpty)
    }

    @Test func skippedEncountersGoToTheBackOfTheQueue() throws {
        let dir = TemporaryDirectory()
        let (store, media) = try CatalogTests.survey(dir)
        let first = try Self.encounter(store, media: media)
        let second = try store.createEncounter(NewEncounter(eventID: nil, deploymentID: nil, scientificName: nil, detector: nil, boxes: [
            IdentificationBox(observationID: nil, mediaID: media[2], eventID: nil, deploymentID: nil, timestamp: nil, path: "",
                              width: 100, height: 100, box: [0, 0, 1, 1], confidence: nil, scientificName: nil)]))
        #expect(try store.undecidedEncounterIDs() == [first.encounterID, second.encounterID])
        try store.skipEncounter(first.encounterID, actor: "anna")
        #expect(try store.undecidedEncounterIDs() == [second.encounterID, first.encounterID])
        #expect(try store.undecidedEncounter(mediaID: media[2]) == second.encounterID)
    }
}
