import Core
import Foundation
import GRDB

extension SurveyStore {
    /// SQL true for an observation `o` of the leopard (the survey's focal species for identification).
    static let leopardObservationSQL = "(o.scientificName LIKE 'Panthera pardus%' OR lower(o.speciesLabel) IN ('leopard', 'amur leopard'))"

    /// The dashboard's counts, in a few grouped queries (no query per photo or per row).
    ///
    /// Months are taken in the survey's time zone at its current UTC offset. Duplicate files are not counted.
    public func dashboardCounts(offsetSeconds: Int) throws -> DashboardCounts {
        try pool.read { db in
            let shift = "'\(offsetSeconds >= 0 ? "+" : "")\(offsetSeconds) seconds'"
            var cells: [String: DashboardCounts.Cell] = [:]
            func key(_ d: String, _ m: String) -> String { d + "\u{1}" + m }
            for row in try Row.fetchAll(db, sql: """
                SELECT m.deploymentID AS d, COALESCE(dep.locationID, dep.locationName, m.deploymentID) AS station,
                       COALESCE(strftime('%Y-%m', m.timestamp, \(shift)), '?') AS month, COUNT(*) AS photos,
                       SUM(EXISTS (SELECT 1 FROM triageMedia t WHERE t.mediaID = m.mediaID)) AS triaged,
                       SUM((SELECT COUNT(*) FROM observation o WHERE o.mediaID = m.mediaID AND o.bboxX IS NOT NULL
                            AND \(SurveyStore.leopardObservationSQL))) AS boxes
                FROM media m JOIN deployment dep ON dep.deploymentID = m.deploymentID
                WHERE m.duplicateOf IS NULL GROUP BY d, month
                """) {
                let c = DashboardCounts.Cell(deploymentID: row["d"], station: row["station"], month: row["month"], photos: row["photos"],
                                             triaged: row["triaged"], leopardBoxes: row["boxes"] ?? 0, encounters: 0, encountersReviewed: 0)
                cells[key(c.deploymentID, c.month)] = c
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT e.deploymentID AS d, COALESCE(dep.locationID, dep.locationName, e.deploymentID) AS station,
                       COALESCE(strftime('%Y-%m', (SELECT MIN(m.timestamp) FROM encounterFrame f JOIN media m ON m.mediaID = f.mediaID
                                                   WHERE f.encounterID = e.encounterID), \(shift)), '?') AS month,
                       COUNT(*) AS n, SUM(EXISTS (SELECT 1 FROM reviewDecision r WHERE r.encounterID = e.encounterID)) AS reviewed
                FROM encounter e JOIN deployment dep ON dep.deploymentID = e.deploymentID GROUP BY d, month
                """) {
                let d: String = row["d"], m: String = row["month"]
                var c = cells[key(d, m)] ?? DashboardCounts.Cell(deploymentID: d, station: row["station"], month: m, photos: 0, triaged: 0,
                                                                  leopardBoxes: 0, encounters: 0, encountersReviewed: 0)
                c.encounters = row["n"]
                c.encountersReviewed = row["reviewed"]
                cells[key(d, m)] = c
            }
            var reviewers: [String: DashboardCounts.Reviewer] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT decidedBy, decision, COUNT(*) AS n, MAX(decidedAt) AS last FROM reviewDecision GROUP BY decidedBy, decision
                """) {
                let who: String = row["decidedBy"]
                var r = reviewers[who] ?? .init(actor: who, decisions: 0, byVerdict: [:], logEntries: [:], last: nil)
                let n: Int = row["n"]
                r.decisions += n
                r.byVerdict[row["decision"], default: 0] += n
                let last: Date? = row["last"]
                if let last, last > (r.last ?? .distantPast) { r.last = last }
                reviewers[who] = r
            }
            for row in try Row.fetchAll(db, sql: "SELECT actor, kind, COUNT(*) AS n, MAX(at) AS last FROM decisionLog GROUP BY actor, kind") {
                let who: String = row["actor"]
                var r = reviewers[who] ?? .init(actor: who, decisions: 0, byVerdict: [:], logEntries: [:], last: nil)
                r.logEntries[row["kind"], default: 0] += row["n"] as Int
                let last: Date? = row["last"]
                if let last, last > (r.last ?? .distantPast) { r.last = last }
                reviewers[who] = r
            }
            let open = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM encounter e WHERE NOT EXISTS (SELECT 1 FROM reviewDecision r WHERE r.encounterID = e.encounterID)
                """) ?? 0
            return DashboardCounts(cells: cells.values.sorted { ($0.deploymentID, $0.month) < ($1.deploymentID, $1.month) },
                                   reviewers: reviewers.values.sorted { $0.actor < $1.actor }, openEncounters: open)
        }
    }
}
