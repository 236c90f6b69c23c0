import Core
import Foundation
import GRDB

extension SurveyStore {
    /// Counts of what the survey holds (deployments, media, sequences, tags, the last ingest run).
    ///
    /// Frames sampled from videos are counted apart (`videoFrames`), never as media or images.
    public func status() throws -> SurveyStatus {
        try pool.read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            var species: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT COALESCE(o.scientificName, o.speciesLabel) AS s, COUNT(*) AS n FROM observation o
                WHERE o.observationType = 'animal' AND \(SurveyStore.namesSpecies) GROUP BY s
                """) {
                species[(row["s"] as String?) ?? "unidentified"] = row["n"]
            }
            let lines = try Row.fetchAll(db, sql: """
                SELECT d.deploymentID, d.locationName,
                  (SELECT COUNT(*) FROM media m WHERE m.deploymentID = d.deploymentID AND m.duplicateOf IS NULL AND m.videoMediaID IS NULL) AS media,
                  (SELECT COUNT(*) FROM sequence s WHERE s.deploymentID = d.deploymentID) AS sequences,
                  (SELECT COUNT(*) FROM media m WHERE m.deploymentID = d.deploymentID AND m.outsideDeployment AND m.videoMediaID IS NULL) AS outside,
                  (SELECT MIN(timestamp) FROM media m WHERE m.deploymentID = d.deploymentID) AS first,
                  (SELECT MAX(timestamp) FROM media m WHERE m.deploymentID = d.deploymentID) AS last
                FROM deployment d ORDER BY d.deploymentID
                """).map {
                SurveyStatus.DeploymentLine(deploymentID: $0["deploymentID"], locationName: $0["locationName"],
                                            media: $0["media"], sequences: $0["sequences"], outside: $0["outside"],
                                            first: $0["first"], last: $0["last"])
            }
            let run = try Row.fetchOne(db, sql: "SELECT * FROM ingestRun ORDER BY runID DESC LIMIT 1").map {
                SurveyStatus.LastRun(runID: $0["runID"], root: $0["root"], status: $0["status"], filesSeen: $0["filesSeen"],
                                     added: $0["added"], updated: $0["updated"], unchanged: $0["unchanged"],
                                     problems: $0["problems"])
            }
            return SurveyStatus(
                deployments: try count("SELECT COUNT(*) FROM deployment"),
                media: try count("SELECT COUNT(*) FROM media WHERE videoMediaID IS NULL"),
                images: try count("SELECT COUNT(*) FROM media WHERE fileMediatype LIKE 'image/%' AND videoMediaID IS NULL"),
                videos: try count("SELECT COUNT(*) FROM media WHERE fileMediatype LIKE 'video/%'"),
                videoFrames: try count("SELECT COUNT(*) FROM media WHERE videoMediaID IS NOT NULL"),
                videosSampled: try count("SELECT COUNT(DISTINCT videoMediaID) FROM media WHERE videoMediaID IS NOT NULL"),
                duplicates: try count("SELECT COUNT(*) FROM media WHERE duplicateOf IS NOT NULL"),
                outsideDeployment: try count("SELECT COUNT(*) FROM media WHERE outsideDeployment AND videoMediaID IS NULL"),
                unassigned: try count("SELECT COUNT(*) FROM media WHERE deploymentID IS NULL AND videoMediaID IS NULL"),
                sequences: try count("SELECT COUNT(*) FROM sequence"),
                observations: try count("SELECT COUNT(*) FROM observation"),
                taggedSpecies: species,
                taggedIndividuals: try count("SELECT COUNT(DISTINCT COALESCE(scientificName, speciesLabel, '') || '|' || individualID) FROM observation WHERE individualID IS NOT NULL"),
                firstTimestamp: try Date.fetchOne(db, sql: "SELECT MIN(timestamp) FROM media"),
                lastTimestamp: try Date.fetchOne(db, sql: "SELECT MAX(timestamp) FROM media"),
                perDeployment: lines,
                lastRun: run)
        }
    }
}
