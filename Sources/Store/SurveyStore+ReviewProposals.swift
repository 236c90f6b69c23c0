import Foundation
import GRDB

extension SurveyStore {
    /// An encounter's proposals with "not this one" pairs and same-frame individuals left out (and listed, with
    /// why, so the page can say "same frame: excluded"); `proposals(encounterID:)` returns the first part.
    public func reviewProposals(encounterID: Int64) throws -> ReviewProposals {
        try pool.read { db in
            let all = try SurveyStore.storedProposals(db, encounterID)
            var excluded = try Row.fetchAll(db, sql: "SELECT individualID, actor, at FROM rejectedPair WHERE encounterID = ? ORDER BY id",
                                            arguments: [encounterID]).map {
                ExcludedProposal(individualID: $0["individualID"], reason: .rejected(by: $0["actor"], at: $0["at"]))
            }
            excluded += try SurveyStore.sameFrame(db, encounterID).filter { f in !excluded.contains { $0.individualID == f.individualID } }
            let out = Set(excluded.map(\.individualID))
            return ReviewProposals(proposals: all.filter { !out.contains($0.individualID) }, excluded: excluded)
        }
    }

    /// Individuals decided (latest decision) for other encounters that share a photo with this one.
    static func sameFrame(_ db: Database, _ encounterID: Int64) throws -> [ExcludedProposal] {
        try Row.fetchAll(db, sql: """
            SELECT d.individualID, d.encounterID, MIN(f2.mediaID) AS mediaID FROM encounterFrame f1
            JOIN encounterFrame f2 ON f2.mediaID = f1.mediaID AND f2.encounterID <> f1.encounterID
            JOIN reviewDecision d ON d.encounterID = f2.encounterID
            WHERE f1.encounterID = ? AND d.individualID IS NOT NULL
              AND d.id = (SELECT MAX(id) FROM reviewDecision WHERE encounterID = f2.encounterID)
            GROUP BY d.individualID, d.encounterID ORDER BY d.encounterID
            """, arguments: [encounterID]).map {
            ExcludedProposal(individualID: $0["individualID"], reason: .sameFrame(encounterID: $0["encounterID"], mediaID: $0["mediaID"]))
        }
    }
}
