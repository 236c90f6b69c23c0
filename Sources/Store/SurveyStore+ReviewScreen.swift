import Foundation
import GRDB

/// A photo's time and place: what the review screen's context strip compares.
public struct PhotoPlace: Sendable, Equatable {
    public var mediaID: Int64
    public var timestamp: Date?
    public var deploymentID: String?
    /// The station (deployment's locationID, else its locationName).
    public var locationID: String?
    public var latitude: Double?
    public var longitude: Double?
}

extension SurveyStore {
    /// Time and place of stored photos, by mediaID (photos without a deployment have no place).
    public func photoPlaces(_ mediaIDs: [Int64]) throws -> [Int64: PhotoPlace] {
        guard !mediaIDs.isEmpty else { return [:] }
        return try pool.read { db in
            let marks = Array(repeating: "?", count: mediaIDs.count).joined(separator: ",")
            var out: [Int64: PhotoPlace] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT m.mediaID, m.timestamp, m.deploymentID, COALESCE(d.locationID, d.locationName) AS location,
                       d.latitude, d.longitude
                FROM media m LEFT JOIN deployment d ON d.deploymentID = m.deploymentID WHERE m.mediaID IN (\(marks))
                """, arguments: StatementArguments(mediaIDs)) {
                let place = PhotoPlace(mediaID: row["mediaID"], timestamp: row["timestamp"], deploymentID: row["deploymentID"],
                                       locationID: row["location"], latitude: row["latitude"], longitude: row["longitude"])
                out[place.mediaID] = place
            }
            return out
        }
    }

    /// Where and when an individual was seen: photos a person named it in, and its reference photos, oldest first.
    public func sightingPlaces(individualID: String) throws -> [PhotoPlace] {
        let ids = try pool.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT mediaID FROM observation WHERE individualID = ?1 AND classificationMethod = 'human' AND mediaID IS NOT NULL
                UNION SELECT mediaID FROM referencePhoto WHERE individualID = ?1 AND retiredAt IS NULL
                """, arguments: [individualID])
        }
        return try photoPlaces(ids).values.sorted { ($0.timestamp ?? .distantPast, $0.mediaID) < ($1.timestamp ?? .distantPast, $1.mediaID) }
    }
}
