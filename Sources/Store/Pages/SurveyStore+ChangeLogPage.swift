import Foundation
import GRDB

/// One line of the change log with its number (for paging).
public struct ChangeLogLine: Sendable, Equatable {
    public let id: Int64
    public let at: Date
    public let actor: String
    public let entity: String
    public let entityID: String
    public let action: String
    public let detail: String?
}

extension SurveyStore {
    /// A page of the change log, newest first: `limit` lines with ids below `before` (nil: from the newest), and the total.
    public func changeLogPage(before: Int64? = nil, limit: Int = 100) throws -> (lines: [ChangeLogLine], total: Int) {
        try pool.read { db in
            let lines = try Row.fetchAll(db, sql: """
                SELECT * FROM changeLog WHERE id < ? ORDER BY id DESC LIMIT ?
                """, arguments: [before ?? Int64.max, limit]).map {
                ChangeLogLine(id: $0["id"], at: $0["at"], actor: $0["actor"], entity: $0["entity"], entityID: $0["entityID"],
                              action: $0["action"], detail: $0["detail"])
            }
            return (lines, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM changeLog") ?? 0)
        }
    }

    /// A cheap stamp that changes whenever the catalog, the media, triage, observations, encounters or the logs change
    /// (for caches of derived pages).
    public func dataStamp() throws -> String {
        try pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT MAX(id) FROM changeLog) AS a, (SELECT MAX(id) FROM decisionLog) AS b,
                       (SELECT MAX(observationID) FROM observation) AS c, (SELECT COUNT(*) FROM observation) AS d,
                       (SELECT MAX(id) FROM reviewDecision) AS e, (SELECT COUNT(*) FROM evidence) AS f,
                       (SELECT MAX(mediaID) FROM media) AS g, (SELECT COUNT(*) FROM media) AS h,
                       (SELECT COUNT(*) FROM triageMedia) AS i, (SELECT MAX(encounterID) FROM encounter) AS j
                """)
            return ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"].map { "\((row?[$0] as Int64?) ?? 0)" }.joined(separator: "-")
        }
    }
}
