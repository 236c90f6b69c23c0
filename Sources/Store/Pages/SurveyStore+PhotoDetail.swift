import Core
import Foundation
import GRDB

extension SurveyStore {
    /// A photo with its observations (on it, and on its burst as a whole) and its burst neighbours; nil when unknown.
    public func photoDetail(_ mediaID: Int64) throws -> PhotoDetail? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT m.*, COALESCE(d.locationID, d.locationName, d.deploymentID) AS station, d.latitude, d.longitude
                FROM media m LEFT JOIN deployment d ON d.deploymentID = m.deploymentID WHERE m.mediaID = ?
                """, arguments: [mediaID]) else { return nil }
            let eventID: String? = row["eventID"]
            let observations = try Observation.fetchAll(db, sql: """
                SELECT * FROM observation WHERE mediaID = ? OR (mediaID IS NULL AND eventID IS NOT NULL AND eventID = ?) ORDER BY observationID
                """, arguments: [mediaID, eventID])
            let burst = try eventID.map {
                try Int64.fetchAll(db, sql: "SELECT mediaID FROM media WHERE eventID = ? AND mediaID <> ? AND duplicateOf IS NULL ORDER BY timestamp, mediaID",
                                   arguments: [$0, mediaID])
            } ?? []
            return PhotoDetail(mediaID: mediaID, filePath: row["filePath"], mediatype: row["fileMediatype"], timestamp: row["timestamp"],
                               deploymentID: row["deploymentID"], station: row["station"], latitude: row["latitude"], longitude: row["longitude"],
                               eventID: eventID, width: row["width"], height: row["height"], make: row["make"], model: row["model"],
                               observations: observations, burst: burst)
        }
    }
}
