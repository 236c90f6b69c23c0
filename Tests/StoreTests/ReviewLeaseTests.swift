import Core
import Foundation
import Store
import Testing
import TestSupport

@Suite struct ReviewLeaseTests {
    @Test func twoReviewersOnTwoStoresNeverGetTheSameEncounter() async throws {
        let f = try ReviewFixture()
        for i in 0..<100 { try f.encounter([f.media[i % f.media.count]]) }
        let stores = [f.store, try f.secondStore()]
        let taken = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for (n, store) in stores.enumerated() {
                group.addTask {
                    var mine: [Int64] = []
                    let actor = n == 0 ? "anna" : "boris"
                    for _ in 0..<50 {
                        guard let lease = try store.leaseNext(actor: actor) else { break }
                        mine.append(lease.encounterID)
                        // Each lease is decided, so the next call takes a new encounter.
                        _ = try store.submit(ReviewSubmission(encounterID: lease.encounterID, leaseToken: lease.token, actor: actor,
                                                              verdict: .unidentifiable))
                    }
                    return mine
                }
            }
            var all: [[Int64]] = []
            for try await ids in group { all.append(ids) }
            return all
        }
        let flat = taken.flatMap { $0 }
        #expect(Set(flat).count == flat.count, "an encounter was given to both reviewers")
        #expect(flat.count == 100 && Set(flat).count == 100)
        #expect(try f.store.undecidedEncounterIDs().isEmpty)
    }

    @Test func anExpiredLeaseCanBeTakenAndAHeartbeatExtendsOne() throws {
        let f = try ReviewFixture()
        let e = try f.encounter([f.media[0]])
        let t0 = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let a = try #require(try f.store.leaseNext(actor: "anna", duration: 300, now: t0))
        #expect(a.encounterID == e.encounterID)
        #expect(try f.store.leaseNext(actor: "anna", now: t0.addingTimeInterval(5))?.token == a.token, "a holder gets its lease back")
        #expect(try f.store.leaseNext(actor: "boris", now: t0.addingTimeInterval(10)) == nil)
        let renewed = try f.store.renew(a, duration: 300, now: t0.addingTimeInterval(250))
        #expect(renewed.expires > a.expires)
        #expect(try f.store.leaseNext(actor: "boris", now: t0.addingTimeInterval(400)) == nil, "the heartbeat kept it")
        #expect(throws: ReviewError.leasedByOther(encounterID: e.encounterID, holder: "anna", until: renewed.expires)) {
            try f.store.lease(encounterID: e.encounterID, actor: "boris", now: t0.addingTimeInterval(400))
        }
        let b = try #require(try f.store.leaseNext(actor: "boris", now: t0.addingTimeInterval(600)))
        #expect(b.encounterID == e.encounterID && b.token != a.token)
        #expect(throws: ReviewError.leasedByOther(encounterID: e.encounterID, holder: "boris", until: b.expires)) {
            try f.store.renew(renewed, now: t0.addingTimeInterval(610))
        }
        #expect(try f.store.release(renewed) == false)
        #expect(try f.store.release(b) == true)
        #expect(try f.store.currentLease(encounterID: e.encounterID) == nil)
    }

    @Test func skippedEncountersGoBehindAndTheLeaseIsReleased() throws {
        let f = try ReviewFixture()
        let first = try f.encounter([f.media[0]]), second = try f.encounter([f.media[1]])
        let lease = try #require(try f.store.leaseNext(actor: "anna"))
        #expect(lease.encounterID == first.encounterID)
        let out = try f.store.submit(ReviewSubmission(encounterID: lease.encounterID, leaseToken: lease.token, actor: "anna", verdict: .skip))
        #expect(out.lease == nil && out.decision == nil)
        #expect(try f.store.leaseNext(actor: "anna")?.encounterID == second.encounterID)
    }

    enum BadLease: String, CaseIterable { case missing, expired, foreign }

    @Test(arguments: BadLease.allCases)
    func aDecisionWithoutALiveLeaseIsAConflictAndWritesNothing(_ bad: BadLease) throws {
        let f = try ReviewFixture()
        try f.store.addIndividual("L01", actor: "anna")
        let e = try f.encounter([f.media[0], f.media[1]], proposals: ["L01"])
        let t0 = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        var token = "no-such-token"
        var expected: ReviewError = .leaseMissing(encounterID: e.encounterID)
        switch bad {
        case .missing: break
        case .expired:
            let lease = try f.store.lease(encounterID: e.encounterID, actor: "anna", duration: 60, now: t0.addingTimeInterval(-120))
            token = lease.token
            expected = .leaseExpired(encounterID: e.encounterID, expired: lease.expires)
        case .foreign:
            let lease = try f.store.lease(encounterID: e.encounterID, actor: "boris", now: t0)
            expected = .leasedByOther(encounterID: e.encounterID, holder: "boris", until: lease.expires)
        }
        let before = try f.dump(), counts = try f.counts()
        let submission = ReviewSubmission(encounterID: e.encounterID, leaseToken: token, actor: "anna", verdict: .same, individualID: "L01")
        #expect(throws: expected) { try f.store.submit(submission, now: t0) }
        #expect(try f.dump() == before && f.counts() == counts)
        let error = try #require(throws: ReviewError.self) { try f.store.submit(submission, now: t0) }
        #expect(error.category == .conflict)
        if bad == .foreign { #expect(error.description.contains("boris")) }
    }

    @Test func unknownEncountersAndIndividualsAreNotFoundAndWriteNothing() throws {
        let f = try ReviewFixture()
        let e = try f.encounter([f.media[0]])
        let lease = try f.store.lease(encounterID: e.encounterID, actor: "anna")
        let counts = try f.counts()
        #expect(throws: CatalogError.unknownEncounter(id: 999)) { try f.store.lease(encounterID: 999, actor: "anna") }
        #expect(throws: CatalogError.unknownEncounter(id: 999)) {
            try f.store.submit(ReviewSubmission(encounterID: 999, leaseToken: lease.token, actor: "anna", verdict: .cantTell))
        }
        #expect(throws: CatalogError.unknownIndividual(id: "L77")) {
            try f.store.submit(ReviewSubmission(encounterID: e.encounterID, leaseToken: lease.token, actor: "anna", verdict: .same,
                                                individualID: "L77"))
        }
        #expect(throws: ReviewError.needsCandidate(verdict: "notThisOne")) {
            try f.store.submit(ReviewSubmission(encounterID: e.encounterID, leaseToken: lease.token, actor: "anna", verdict: .notThisOne))
        }
        #expect(throws: ReviewError.unknownEntry(id: 4242)) { try f.store.undo(entryID: 4242, actor: "anna") }
        #expect(try f.counts() == counts)
    }
}
