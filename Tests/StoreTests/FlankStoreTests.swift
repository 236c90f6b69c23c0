import Core
import Foundation
import Store
import Testing
import TestSupport

@Suite struct FlankStoreTests {
    static func encounter(_ f: ReviewFixture, side: String) throws -> Encounter {
        let boxes = [IdentificationBox(observationID: nil, mediaID: f.media[0], eventID: "E1", deploymentID: nil, timestamp: nil, path: "",
                                       width: 2048, height: 1536, box: [0.1, 0.2, 0.3, 0.2], confidence: 0.9, scientificName: nil)]
        return try f.store.createEncounter(NewEncounter(eventID: "E1", deploymentID: nil, scientificName: nil, side: side,
                                                        detector: "motion", boxes: boxes))
    }

    @Test func anEstimateIsStoredWithItsConfidenceAndSource() throws {
        let f = try ReviewFixture()
        let e = try Self.encounter(f, side: "unknown")
        #expect(try f.store.encountersWithoutFlank() == [e.encounterID])
        #expect(try f.store.flank(encounterID: e.encounterID) == StoredFlank(side: "unknown", confidence: nil, source: nil))
        #expect(try f.store.setFlank(encounterID: e.encounterID, side: "right", confidence: 0.8, source: "travel", actor: "rosette"))
        #expect(try f.store.flank(encounterID: e.encounterID) == StoredFlank(side: "right", confidence: 0.8, source: "travel"))
        #expect(try f.store.encountersWithoutFlank().isEmpty)
        // The encounter's side is what ranking and the reference photo use.
        #expect(try f.store.encounter(e.encounterID).side == "right")
        // Its frames teach the chip model (a confident direction of travel).
        #expect(try f.store.flankTrainingFrames().map(\.side) == ["right"])
    }

    @Test func anEstimateNeverReplacesAPersonsSide() throws {
        let f = try ReviewFixture()
        let e = try Self.encounter(f, side: "unknown")
        try f.store.setFlank(encounterID: e.encounterID, side: "left", confidence: 1, source: "person", actor: "anna")
        #expect(try !f.store.setFlank(encounterID: e.encounterID, side: "right", confidence: 0.99, source: "chip", actor: "rosette"))
        #expect(try f.store.flank(encounterID: e.encounterID).side == "left")
        #expect(try f.store.changes(entity: "encounter", id: String(e.encounterID)).contains { $0.action == "side" })
        // A person may change their mind.
        #expect(try f.store.setFlank(encounterID: e.encounterID, side: "right", confidence: 1, source: "person", actor: "anna"))
        #expect(try f.store.flank(encounterID: e.encounterID).side == "right")
        #expect(throws: ReviewError.badSide(value: "up")) {
            try f.store.setFlank(encounterID: e.encounterID, side: "up", confidence: 1, source: "person", actor: "anna")
        }
    }

    @Test func chipEstimatesDoNotTeachTheChipModel() throws {
        let f = try ReviewFixture()
        let e = try Self.encounter(f, side: "unknown")
        try f.store.setFlank(encounterID: e.encounterID, side: "left", confidence: 0.7, source: "chip", actor: "rosette")
        #expect(try f.store.flankTrainingFrames().isEmpty)
    }
}
