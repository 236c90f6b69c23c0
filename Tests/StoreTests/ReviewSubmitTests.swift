import Core
import Foundation
import Store
import Testing
import TestSupport

@Suite struct ReviewSubmitTests {
    @Test func aStaleIndividualVersionIsAConflictNamingWhoChangedItAndWritesNothing() throws {
        let f = try ReviewFixture()
        try f.store.addIndividual("L01", actor: "anna")
        let e1 = try f.encounter([f.media[0]], proposals: ["L01"]), e2 = try f.encounter([f.media[1]], proposals: ["L01"])
        let a = try f.store.lease(encounterID: e1.encounterID, actor: "anna")
        let b = try f.store.lease(encounterID: e2.encounterID, actor: "boris")
        let seen = try f.store.individualVersions(["L01"])
        _ = try f.store.submit(ReviewSubmission(encounterID: e2.encounterID, leaseToken: b.token, actor: "boris", verdict: .same,
                                                individualID: "L01", rankShown: 1, seenVersions: seen))
        let before = try f.dump(), counts = try f.counts()
        let stale = try #require(throws: ReviewError.self) {
            try f.store.submit(ReviewSubmission(encounterID: e1.encounterID, leaseToken: a.token, actor: "anna", verdict: .same,
                                                individualID: "L01", rankShown: 1, seenVersions: seen))
        }
        guard case .staleIndividual("L01", let was, let now, let who?) = stale else { Issue.record("\(stale)"); return }
        #expect(now > was && who.actor == "boris" && stale.category == .conflict && stale.description.contains("boris"))
        #expect(try f.dump() == before && f.counts() == counts)
        // Looking again (fresh versions) the decision goes through, and the log keeps what was shown.
        let out = try f.store.submit(ReviewSubmission(encounterID: e1.encounterID, leaseToken: a.token, actor: "anna", verdict: .same,
                                                      individualID: "L01", rankShown: 1, seenVersions: try f.store.individualVersions(["L01"]),
                                                      ranking: RankingShown(catalogVersion: 3, method: "test", top: 5)))
        let entry = try f.store.logEntry(out.entryID)
        #expect(entry.rankShown == 1 && entry.ranking?.top == 5 && entry.leaseToken == a.token && entry.actor == "anna")
    }

    @Test func notThisOneIsRememberedKeepsTheLeaseAndCanBeUndone() throws {
        let f = try ReviewFixture()
        try f.store.addIndividual("L01", actor: "anna")
        try f.store.addIndividual("L02", actor: "anna")
        let e = try f.encounter([f.media[0]], proposals: ["L01", "L02"])
        let lease = try f.store.lease(encounterID: e.encounterID, actor: "anna")
        let out = try f.store.submit(ReviewSubmission(encounterID: e.encounterID, leaseToken: lease.token, actor: "anna",
                                                      verdict: .notThisOne, individualID: "L01", rankShown: 1))
        #expect(out.lease?.token == lease.token && out.decision == nil)
        #expect(try f.store.proposals(encounterID: e.encounterID).map(\.individualID) == ["L02"])
        let review = try f.store.reviewProposals(encounterID: e.encounterID)
        #expect(review.excluded.map(\.individualID) == ["L01"] && review.excluded.first?.label == "not this one (anna)")
        #expect(try f.store.leaseNext(actor: "anna")?.encounterID == e.encounterID, "the encounter stays with its reviewer")
        #expect(try f.store.leaseNext(actor: "boris") == nil)
        try f.store.undo(entryID: out.entryID, actor: "anna")
        #expect(try f.store.proposals(encounterID: e.encounterID).map(\.individualID) == ["L01", "L02"])
    }

    @Test func anIndividualDecidedInTheSamePhotoIsExcludedAndRefused() throws {
        let f = try ReviewFixture()
        try f.store.addIndividual("L01", actor: "anna")
        try f.store.addIndividual("L02", actor: "anna")
        // Two animals in the same two photos: two encounters.
        let mother = try f.encounter([f.media[0], f.media[1]], proposals: ["L01", "L02"])
        let cub = try f.encounter([f.media[1], f.media[2]], proposals: ["L01", "L02"])
        try f.store.decide(encounterID: mother.encounterID, EncounterDecision(kind: .confirmed, individualID: "L01"), actor: "anna")
        let review = try f.store.reviewProposals(encounterID: cub.encounterID)
        #expect(review.proposals.map(\.individualID) == ["L02"])
        #expect(review.excluded == [ExcludedProposal(individualID: "L01", reason: .sameFrame(encounterID: mother.encounterID, mediaID: f.media[1]))])
        #expect(review.excluded.first?.label == "same frame: excluded")
        let lease = try f.store.lease(encounterID: cub.encounterID, actor: "boris")
        #expect(throws: ReviewError.sameFrame(encounterID: cub.encounterID, individualID: "L01", otherEncounter: mother.encounterID,
                                              mediaID: f.media[1])) {
            try f.store.submit(ReviewSubmission(encounterID: cub.encounterID, leaseToken: lease.token, actor: "boris", verdict: .same,
                                                individualID: "L01"))
        }
    }

    @Test func aNewIndividualWaitsForASecondDifferentReviewer() throws {
        var settings = SurveySettings()
        settings.confirmNewIndividuals = true
        let f = try ReviewFixture(settings: settings)
        #expect(f.store.settings.confirmNewIndividuals)
        let e = try f.encounter([f.media[0]])
        let a = try #require(try f.store.leaseNext(actor: "anna"))
        let held = try f.store.submit(ReviewSubmission(encounterID: e.encounterID, leaseToken: a.token, actor: "anna", verdict: .newIndividual,
                                                       individualID: "L09", sex: "male"))
        #expect(held.pending && held.decision == nil)
        #expect(throws: CatalogError.unknownIndividual(id: "L09")) { try f.store.individual("L09") }
        #expect(try f.store.pendingNewIndividual(encounterID: e.encounterID)?.proposedBy == "anna")
        #expect(try f.store.leaseNext(actor: "anna") == nil, "not in the proposer's queue")
        #expect(throws: ReviewError.awaitingSecondReviewer(encounterID: e.encounterID, proposedBy: "anna")) {
            try f.store.lease(encounterID: e.encounterID, actor: "anna")
        }
        #expect(throws: ReviewError.sameReviewer(encounterID: e.encounterID, proposedBy: "anna")) {
            try f.store.confirmPending(encounterID: e.encounterID, leaseToken: a.token, actor: "anna", accept: true)
        }
        let b = try #require(try f.store.leaseNext(actor: "boris"))
        #expect(b.encounterID == e.encounterID)
        let confirmed = try f.store.confirmPending(encounterID: e.encounterID, leaseToken: b.token, actor: "boris", accept: true)
        #expect(try f.store.individual("L09").sex == "male")
        #expect(try f.store.latestDecision(encounterID: e.encounterID)?.actor == "anna")
        #expect(try f.store.logEntry(confirmed.entryID).kind == .confirm)
        // The confirmation can be undone: the individual goes again and the new individual waits again.
        try f.store.undo(entryID: confirmed.entryID, actor: "boris")
        #expect(throws: CatalogError.unknownIndividual(id: "L09")) { try f.store.individual("L09") }
        #expect(try f.store.pendingNewIndividual(encounterID: e.encounterID)?.individualID == "L09")
    }
}
