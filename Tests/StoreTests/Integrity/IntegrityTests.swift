import Foundation
import GRDB
import Store
import Testing
import TestSupport

/// `checkRecords` finds each kind of damage a crash, a hand edit or an old bug can leave, and `fixRecords` repairs
/// only derived rows and empty, undecided encounters, never what a person recorded.
@Suite struct IntegrityTests {
    /// Writes damage through a second connection with foreign keys off, as a hand edit or another tool would.
    static func damage(_ f: ReviewFixture, _ sql: String) throws {
        var config = Configuration()
        config.foreignKeysEnabled = false
        let q = try DatabaseQueue(path: f.store.directory.appendingPathComponent("rosette.sqlite").path, configuration: config)
        try q.write { try $0.execute(sql: sql) }
    }

    @Test func aSoundSurveyHasNoProblems() throws {
        let f = try ReviewFixture()
        try f.store.addIndividual("L01", actor: "anna")
        try f.encounter([f.media[0]], proposals: ["L01"])
        let report = try f.store.checkRecords()
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.checked["encounters"] == 1 && report.checked["individuals"] == 1)
    }

    @Test func eachKindOfDamageIsFoundAndOnlyTheSafeOnesAreFixed() throws {
        let f = try ReviewFixture()
        try f.store.addIndividual("L01", actor: "anna")
        let decided = try f.encounter([f.media[0]], proposals: ["L01"])
        _ = try f.store.decide(encounterID: decided.encounterID, EncounterDecision(kind: .confirmed, individualID: "L01"), actor: "anna")
        let now = "'2024-09-01 00:00:00'"
        try Self.damage(f, """
            UPDATE individual SET motherID = 'NOBODY' WHERE individualID = 'L01';
            INSERT INTO observation(mediaID, observationType, individualID, source) VALUES (\(f.media[1]), 'animal', 'GHOST', 'review');
            INSERT INTO observation(mediaID, observationType, individualID, source) VALUES (\(f.media[1]), 'animal', 'TAGGED', 'xmp');
            INSERT INTO observation(observationType, eventID) VALUES ('animal', 'S01/19990101T000000Z');
            INSERT INTO encounter(side, createdAt) VALUES ('left', \(now));
            INSERT INTO matchCandidate(mediaID, individualID, rank, score, verifiedScore, inliers, method, createdAt)
              VALUES (999999, 'L01', 1, 1, 1, 1, 'test', \(now));
            INSERT INTO pendingSequencing(deploymentID) VALUES ('D-LOST');
            DELETE FROM encounterFrame WHERE encounterID = \(decided.encounterID);
            """)
        let report = try f.store.checkRecords()
        let kinds = report.counts
        #expect(kinds[.brokenReference] == 2, "\(report.problems)")   // the mother, the candidate's photo
        #expect(kinds[.unknownIndividual] == 1 && kinds[.orphanObservation] == 1 && kinds[.emptyEncounter] == 2 && kinds[.pendingSequences] == 1,
                "\(report.problems)")
        let mother = try #require(report.problems.first { $0.subject.hasPrefix("individual") })
        #expect(!mother.fixable && mother.message.contains("individual row that does not exist"))
        #expect(report.problems.contains { $0.kind == .unknownIndividual && $0.message.contains("'GHOST'") })
        #expect(report.problems.contains { $0.kind == .orphanObservation && $0.message.contains("S01/19990101T000000Z") })
        let empties = report.problems.filter { $0.kind == .emptyEncounter }
        #expect(empties.filter(\.fixable).count == 1, "the encounter with a decision is left as it is: \(empties)")

        let done = try f.store.fixRecords(report.problems)
        #expect(done.count == 3, "\(done)")   // the candidate, the undecided empty encounter, the bursts
        let after = try f.store.checkRecords()
        #expect(after.problems.allSatisfy { !$0.fixable }, "\(after.problems)")
        #expect(after.counts[.brokenReference] == 1 && after.counts[.emptyEncounter] == 1 && after.counts[.unknownIndividual] == 1)
        // Nothing a person recorded was removed.
        #expect(try f.store.individual("L01").individualID == "L01")
        #expect(try f.store.latestDecision(encounterID: decided.encounterID) != nil)
    }
}
