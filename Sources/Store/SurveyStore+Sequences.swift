import Core
import Foundation
import GRDB

extension SurveyStore {
    /// Rebuilds the sequences (bursts) of every deployment whose media changed since the last rebuild.
    ///
    /// Media of one deployment no more than `settings.sequenceGapSeconds` apart form one sequence, except
    /// where the camera numbers its own sequences (`BurstNumbering`): a new "1 of N" starts a burst and the
    /// next frame of the camera's sequence stays in it. A duplicate file joins its original's sequence and is
    /// not counted. Returns the deployments rebuilt.
    @discardableResult
    public func resequencePending() throws -> [String] {
        let pending = try pool.read { db in try String.fetchAll(db, sql: "SELECT deploymentID FROM pendingSequencing") }
        for deploymentID in pending {
            try pool.write { db in
                try SurveyStore.resequence(db, deploymentID: deploymentID, gap: settings.sequenceGapSeconds)
                try db.execute(sql: "DELETE FROM pendingSequencing WHERE deploymentID = ?", arguments: [deploymentID])
            }
        }
        return pending
    }

    static func eventID(deploymentID: String, start: Date) -> String {
        deploymentID + "/" + Timestamp.format(start, offsetSeconds: 0)
            .replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    static func resequence(_ db: Database, deploymentID: String, gap: Double) throws {
        try db.execute(sql: "DELETE FROM sequence WHERE deploymentID = ?", arguments: [deploymentID])
        let rows = try Row.fetchCursor(db, sql: """
            SELECT mediaID, timestamp, cameraSequenceIndex, cameraSequenceLength, cameraEventNumber FROM media
            WHERE deploymentID = ? AND timestamp IS NOT NULL AND duplicateOf IS NULL
            ORDER BY timestamp, cameraEventNumber, cameraSequenceIndex, mediaID
            """, arguments: [deploymentID])
        var members: [Int64] = []
        var start = Date.distantPast, last = Date.distantPast
        var lastNumber: BurstNumbering?
        var used: Set<String> = []
        func flush() throws {
            guard !members.isEmpty else { return }
            var id = eventID(deploymentID: deploymentID, start: start)
            // Two camera sequences can start within one second: the later one's ID gets a suffix.
            if used.contains(id) {
                var k = 2
                while used.contains(id + "-\(k)") { k += 1 }
                id += "-\(k)"
            }
            used.insert(id)
            try MediaSequence(eventID: id, deploymentID: deploymentID, eventStart: start, eventEnd: last,
                              mediaCount: members.count).insert(db)
            for mediaID in members {
                try db.cachedStatement(sql: "UPDATE media SET eventID = ? WHERE mediaID = ?").execute(arguments: [id, mediaID])
            }
            members.removeAll(keepingCapacity: true)
        }
        while let row = try rows.next() {
            let t: Date = row["timestamp"]
            let number = BurstNumbering(index: row["cameraSequenceIndex"], length: row["cameraSequenceLength"],
                                        event: row["cameraEventNumber"])
            if !members.isEmpty && BurstNumbering.startsBurst(number, after: lastNumber, gapSeconds: t.timeIntervalSince(last), gap: gap) {
                try flush()
            }
            if members.isEmpty { start = t }
            members.append(row["mediaID"])
            last = t
            lastNumber = number
        }
        try flush()
        try db.execute(sql: """
            UPDATE media SET eventID = (SELECT o.eventID FROM media o WHERE o.mediaID = media.duplicateOf)
            WHERE deploymentID = ? AND duplicateOf IS NOT NULL
            """, arguments: [deploymentID])
        // A clip's sampled frames are one burst with the clip, whatever the gap setting.
        try db.execute(sql: """
            UPDATE media SET eventID = (SELECT v.eventID FROM media v WHERE v.mediaID = media.videoMediaID)
            WHERE deploymentID = ? AND videoMediaID IS NOT NULL
            """, arguments: [deploymentID])
        try db.execute(sql: """
            UPDATE observation SET eventID = (SELECT m.eventID FROM media m WHERE m.mediaID = observation.mediaID)
            WHERE mediaID IN (SELECT mediaID FROM media WHERE deploymentID = ?)
            """, arguments: [deploymentID])
    }

    /// The sequences of one deployment, in time order.
    public func sequences(deploymentID: String) throws -> [MediaSequence] {
        try pool.read { db in
            try MediaSequence.filter(Column("deploymentID") == deploymentID).order(Column("eventStart")).fetchAll(db)
        }
    }
}
