import Core
import Foundation
import GRDB

extension SurveyStore {
    /// How many photos carry a camera-trap reading, by trigger ("motion", "time-lapse", "other", "" for none).
    public func cameraTrapCounts() throws -> [String: Int] {
        try pool.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT COALESCE(cameraTrigger, '') AS t, COUNT(*) AS n FROM media
                WHERE cameraTrigger IS NOT NULL OR cameraSequenceIndex IS NOT NULL OR cameraEventNumber IS NOT NULL
                   OR cameraTemperatureC IS NOT NULL
                GROUP BY t
                """) { counts[row["t"]] = row["n"] }
            return counts
        }
    }

    /// The camera-trap readings of some photos, by mediaID (photos without one are left out).
    public func cameraTrapReadings(mediaIDs: [Int64]) throws -> [Int64: CameraTrapReading] {
        guard !mediaIDs.isEmpty else { return [:] }
        return try pool.read { db in
            var out: [Int64: CameraTrapReading] = [:]
            for chunk in stride(from: 0, to: mediaIDs.count, by: 500).map({ Array(mediaIDs[$0..<min($0 + 500, mediaIDs.count)]) }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for row in try Row.fetchAll(db, sql: """
                    SELECT mediaID, make, cameraTrigger, cameraSequenceIndex, cameraSequenceLength, cameraEventNumber,
                           cameraTemperatureC, cameraMoonPhase FROM media WHERE mediaID IN (\(marks))
                    """, arguments: StatementArguments(chunk)) {
                    var media = Media(rootID: 0, filePath: "", fileMediatype: "", fileSize: 0, fileModified: 0, contentKey: "")
                    media.make = row["make"]
                    media.cameraTrigger = row["cameraTrigger"]
                    media.cameraSequenceIndex = row["cameraSequenceIndex"]
                    media.cameraSequenceLength = row["cameraSequenceLength"]
                    media.cameraEventNumber = row["cameraEventNumber"]
                    media.cameraTemperatureC = row["cameraTemperatureC"]
                    media.cameraMoonPhase = row["cameraMoonPhase"]
                    if let reading = media.cameraTrap { out[row["mediaID"]] = reading }
                }
            }
            return out
        }
    }
}
