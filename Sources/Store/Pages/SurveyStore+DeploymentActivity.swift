import Core
import Foundation
import GRDB

extension SurveyStore {
    /// Activity of every deployment (or one), in three grouped queries; deployments without photos are included.
    public func deploymentActivity(_ deploymentID: String? = nil) throws -> [String: DeploymentActivity] {
        try pool.read { db in
            let only = deploymentID == nil ? "" : " AND m.deploymentID = ?"
            let args: StatementArguments = deploymentID.map { [$0] } ?? []
            var all: [String: DeploymentActivity] = [:]
            for id in try String.fetchAll(db, sql: "SELECT deploymentID FROM deployment" + (deploymentID == nil ? "" : " WHERE deploymentID = ?"),
                                          arguments: args) {
                all[id] = DeploymentActivity(deploymentID: id, photos: 0, bySpecies: [:], leopardDetections: 0, individuals: 0)
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT m.deploymentID AS d, COUNT(*) AS n, MIN(m.timestamp) AS first, MAX(m.timestamp) AS last FROM media m
                WHERE m.duplicateOf IS NULL AND m.deploymentID IS NOT NULL\(only) GROUP BY d
                """, arguments: args) {
                let d: String = row["d"]
                all[d]?.photos = row["n"]
                all[d]?.first = row["first"]
                all[d]?.last = row["last"]
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT m.deploymentID AS d, COALESCE(o.scientificName, o.speciesLabel) AS species, COUNT(*) AS n,
                       SUM(\(SurveyStore.leopardObservationSQL)) AS leopard, COUNT(DISTINCT o.individualID) AS individuals
                FROM observation o JOIN media m ON m.mediaID = o.mediaID
                WHERE o.observationType = 'animal' AND m.duplicateOf IS NULL AND m.deploymentID IS NOT NULL
                  AND \(SurveyStore.namesSpecies)\(only) GROUP BY d, species
                """, arguments: args) {
                let d: String = row["d"]
                guard all[d] != nil else { continue }
                if let species: String = row["species"] { all[d]!.bySpecies[species, default: 0] += row["n"] as Int }
                all[d]!.leopardDetections += row["leopard"] as Int? ?? 0
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT m.deploymentID AS d, COUNT(DISTINCT o.individualID) AS n FROM observation o JOIN media m ON m.mediaID = o.mediaID
                WHERE o.individualID IS NOT NULL AND m.duplicateOf IS NULL AND m.deploymentID IS NOT NULL\(only) GROUP BY d
                """, arguments: args) {
                let d: String = row["d"]
                all[d]?.individuals = row["n"]
            }
            return all
        }
    }
}
