import Core
import Foundation
import GRDB

extension SurveyStore {
    /// Every photo `individualID` was identified in (duplicates left out), in time order.
    public func sightings(individualID: String) throws -> [IndividualSighting] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT DISTINCT m.mediaID, m.timestamp, m.deploymentID, m.eventID,
                       COALESCE(d.locationID, d.locationName, d.deploymentID) AS station, d.latitude, d.longitude, d.jurisdiction
                FROM observation o JOIN media m ON m.mediaID = o.mediaID JOIN deployment d ON d.deploymentID = m.deploymentID
                WHERE o.individualID = ? AND m.duplicateOf IS NULL AND m.timestamp IS NOT NULL ORDER BY m.timestamp, m.mediaID
                """, arguments: [individualID]).map {
                IndividualSighting(mediaID: $0["mediaID"], timestamp: $0["timestamp"], deploymentID: $0["deploymentID"],
                                   station: $0["station"], latitude: $0["latitude"], longitude: $0["longitude"],
                                   jurisdiction: $0["jurisdiction"], eventID: $0["eventID"])
            }
        }
    }

    /// Every individual's detections in short, in one grouped query (for the catalog list and its filters).
    public func sightingSummaries(offsetSeconds: Int) throws -> [String: SightingSummary] {
        try pool.read { db in
            let shift = "'\(offsetSeconds >= 0 ? "+" : "")\(offsetSeconds) seconds'"
            var all: [String: SightingSummary] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT o.individualID AS id, COUNT(DISTINCT m.mediaID) AS photos, MIN(m.timestamp) AS first, MAX(m.timestamp) AS last,
                       GROUP_CONCAT(DISTINCT strftime('%Y', m.timestamp, \(shift))) AS years,
                       GROUP_CONCAT(DISTINCT COALESCE(d.locationID, d.locationName, d.deploymentID)) AS stations
                FROM observation o JOIN media m ON m.mediaID = o.mediaID JOIN deployment d ON d.deploymentID = m.deploymentID
                WHERE o.individualID IS NOT NULL AND m.duplicateOf IS NULL AND m.timestamp IS NOT NULL GROUP BY o.individualID
                """) {
                let years = ((row["years"] as String?) ?? "").split(separator: ",").compactMap { Int($0) }
                let stations = ((row["stations"] as String?) ?? "").split(separator: ",").map(String.init)
                all[row["id"]] = SightingSummary(photos: row["photos"], first: row["first"], last: row["last"],
                                                 years: Set(years), stations: Set(stations))
            }
            return all
        }
    }

    /// Of these media, the ones the viewer may not see (people photos, and unscreened ones when withheld), in one query.
    public func withheld(among mediaIDs: [Int64], for viewer: Viewer) throws -> Set<Int64> {
        guard !viewer.role.seesPeoplePhotos, !mediaIDs.isEmpty else { return [] }
        return try pool.read { db in
            let unscreened = viewer.withholdsUnscreened ? " OR \(SurveyStore.unscreenedPhotoSQL)" : ""
            var hidden: Set<Int64> = []
            for chunk in stride(from: 0, to: mediaIDs.count, by: 500).map({ Array(mediaIDs[$0..<min($0 + 500, mediaIDs.count)]) }) {
                let list = chunk.map(String.init).joined(separator: ",")
                hidden.formUnion(try Int64.fetchAll(db, sql: """
                    SELECT m.mediaID FROM media m WHERE m.mediaID IN (\(list)) AND (\(SurveyStore.peoplePhotoSQL)\(unscreened))
                    """, arguments: [viewer.peopleBoxThreshold]))
            }
            return hidden
        }
    }
}

extension SurveyStore {
    /// Every individual's ID and name (one query; for the catalog list).
    public func individualNames() throws -> [String: String?] {
        try pool.read { db in
            var all: [String: String?] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT individualID, name FROM individual") { all[row["individualID"]] = row["name"] as String? }
            return all
        }
    }
}
