import Foundation
import GRDB

extension SurveyStore {
    /// Every individual of our catalog (not merged away) with its sightings: the photos observations name it in
    /// and its reference photos (duplicates left out), in time order. For the exchange report, which needs every
    /// individual's places and dates at once.
    public func sightingsByIndividual() throws -> [String: [IndividualSighting]] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT DISTINCT x.individualID, m.mediaID, m.timestamp, m.deploymentID, m.eventID,
                       COALESCE(d.locationID, d.locationName, d.deploymentID) AS station, d.latitude, d.longitude, d.jurisdiction
                FROM (SELECT individualID, mediaID FROM observation WHERE individualID IS NOT NULL AND mediaID IS NOT NULL
                      UNION SELECT individualID, mediaID FROM referencePhoto WHERE retiredAt IS NULL) x
                JOIN individual i ON i.individualID = x.individualID AND i.mergedInto IS NULL
                JOIN media m ON m.mediaID = x.mediaID
                JOIN deployment d ON d.deploymentID = m.deploymentID
                WHERE m.duplicateOf IS NULL AND m.timestamp IS NOT NULL
                ORDER BY x.individualID, m.timestamp, m.mediaID
                """)
            var out: [String: [IndividualSighting]] = [:]
            for row in rows {
                out[row["individualID"], default: []].append(IndividualSighting(
                    mediaID: row["mediaID"], timestamp: row["timestamp"], deploymentID: row["deploymentID"], station: row["station"],
                    latitude: row["latitude"], longitude: row["longitude"], jurisdiction: row["jurisdiction"], eventID: row["eventID"]))
            }
            return out
        }
    }
}
