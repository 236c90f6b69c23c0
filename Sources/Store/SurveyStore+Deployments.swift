import Core
import Foundation
import GRDB

extension SurveyStore {
    /// Adds or replaces deployments (matched by deploymentID) with their malfunction periods.
    ///
    /// A replaced deployment keeps its media; their timestamps are recomputed if the zone or clock
    /// offset changed, and its sequences are rebuilt at the next `resequencePending`.
    /// Returns how many deployments were added and how many updated.
    @discardableResult
    public func upsertDeployments(_ items: [(Deployment, [Malfunction])], actor: String) throws -> (added: Int, updated: Int) {
        try pool.write { db in
            var added = 0, updated = 0
            for (deployment, malfunctions) in items {
                let existing = try Deployment.fetchOne(db, key: deployment.deploymentID)
                if let existing {
                    if existing != deployment {
                        try deployment.update(db)
                        try SurveyStore.log(db, actor: actor, entity: "deployment", id: deployment.deploymentID,
                                            action: "update", detail: "imported again with changes")
                        if existing.timezone != deployment.timezone || existing.clockOffset != deployment.clockOffset {
                            try SurveyStore.retime(db, deployment: deployment)
                        }
                        try SurveyStore.flagOutside(db, deployment: deployment)
                    }
                    updated += existing != deployment ? 1 : 0
                } else {
                    try deployment.insert(db)
                    try SurveyStore.log(db, actor: actor, entity: "deployment", id: deployment.deploymentID, action: "create")
                    added += 1
                }
                try db.execute(sql: "DELETE FROM malfunction WHERE deploymentID = ?", arguments: [deployment.deploymentID])
                for var m in malfunctions { try m.insert(db) }
            }
            return (added, updated)
        }
    }

    /// All deployments, by deploymentID.
    public func deployments() throws -> [Deployment] {
        try pool.read { db in try Deployment.order(Column("deploymentID")).fetchAll(db) }
    }

    /// One deployment; throws `unknownDeployment` when there is none with that ID.
    public func deployment(_ id: String) throws -> Deployment {
        guard let d = try pool.read({ db in try Deployment.fetchOne(db, key: id) }) else {
            throw RosetteError.unknownDeployment(id: id)
        }
        return d
    }

    /// Malfunction periods, grouped by deploymentID.
    public func malfunctions() throws -> [String: [Malfunction]] {
        let all = try pool.read { db in try Malfunction.order(Column("start")).fetchAll(db) }
        return Dictionary(grouping: all, by: \.deploymentID)
    }

    /// Sets a deployment's clock offset (seconds added to the camera's time), recomputes the
    /// timestamps of its media and rebuilds its sequences. Returns how many media were retimed.
    @discardableResult
    public func setClockOffset(_ seconds: Double, deploymentID: String, actor: String, reason: String) throws -> Int {
        let count = try pool.write { db -> Int in
            guard var d = try Deployment.fetchOne(db, key: deploymentID) else {
                throw RosetteError.unknownDeployment(id: deploymentID)
            }
            let old = d.clockOffset
            d.clockOffset = seconds
            try d.update(db)
            try SurveyStore.log(db, actor: actor, entity: "deployment", id: deploymentID, action: "clock-offset",
                                detail: "\(old) s -> \(seconds) s: \(reason)")
            let n = try SurveyStore.retime(db, deployment: d)
            try SurveyStore.flagOutside(db, deployment: d)
            return n
        }
        try resequencePending()
        return count
    }

    /// Recomputes the absolute timestamps of a deployment's media from their camera times.
    @discardableResult
    static func retime(_ db: Database, deployment d: Deployment) throws -> Int {
        let zone = d.zone
        let rows = try Row.fetchAll(db, sql: """
            SELECT mediaID, cameraTime, cameraSubSec FROM media
            WHERE deploymentID = ? AND cameraTime IS NOT NULL
            """, arguments: [d.deploymentID])
        for row in rows {
            let text: String = row["cameraTime"]
            guard let camera = CameraDateTime(exif: text, subSec: row["cameraSubSec"]) else { continue }
            let t = camera.absolute(in: zone, clockOffset: d.clockOffset)
            try db.execute(sql: "UPDATE media SET timestamp = ? WHERE mediaID = ?", arguments: [t, row["mediaID"] as Int64])
        }
        try db.execute(sql: "INSERT OR IGNORE INTO pendingSequencing(deploymentID) VALUES (?)", arguments: [d.deploymentID])
        return rows.count
    }

    /// Sets `outsideDeployment` for every media of a deployment from its current period.
    static func flagOutside(_ db: Database, deployment d: Deployment) throws {
        try db.execute(sql: """
            UPDATE media SET outsideDeployment = (timestamp < ? OR timestamp > ?)
            WHERE deploymentID = ? AND timestamp IS NOT NULL
            """, arguments: [d.deploymentStart, d.deploymentEnd, d.deploymentID])
    }

    /// The offset that makes a given photo show a known true time: true time − what the camera implies.
    public func clockOffset(makingMedia path: String, showTrueTime truth: Date) throws -> (deploymentID: String, offset: Double) {
        try pool.read { db in
            let candidates = try Row.fetchAll(db, sql: """
                SELECT m.cameraTime, m.cameraSubSec, m.deploymentID, d.timezone FROM media m
                JOIN deployment d ON d.deploymentID = m.deploymentID
                WHERE m.filePath = ? OR m.fileName = ? OR (SELECT path FROM mediaRoot r WHERE r.rootID = m.rootID) || '/' || m.filePath = ?
                """, arguments: [path, path, path])
            guard candidates.count == 1, let cameraText: String = candidates[0]["cameraTime"],
                  let camera = CameraDateTime(exif: cameraText, subSec: candidates[0]["cameraSubSec"]),
                  let zone = try? ZoneSpec(candidates[0]["timezone"] as String) else {
                throw RosetteError.mediaNotFound(path: path)
            }
            let implied = camera.absolute(in: zone)
            return (candidates[0]["deploymentID"], truth.timeIntervalSince(implied))
        }
    }
}
