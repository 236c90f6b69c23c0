import Foundation
import GRDB

extension SurveyStore {
    /// Tables whose rows are derived (re-made by triage, identification or sequencing): a row of one that refers
    /// to nothing can be deleted by `--fix` without losing anything a person recorded.
    static let derivedTables: Set<String> = ["matchCandidate", "matchPair", "encounterFrame", "triageMedia", "classifierMedia",
                                             "cameraBackground", "crossMatch"]

    /// The database's own checks: SQLite's `integrity_check`, `foreign_key_check`, and the references Rosette keeps
    /// without a foreign key (observations' and evidence's individuals, observations' photos and bursts, encounters'
    /// frames, bursts still to be rebuilt). Files are checked by Ingest's `MediaFileCheck`.
    public func checkRecords() throws -> IntegrityReport {
        try pool.read { db in
            var report = IntegrityReport()
            for line in try String.fetchAll(db, sql: "PRAGMA integrity_check") where line != "ok" {
                report.problems.append(IntegrityProblem(kind: .database, subject: "database", message: line, fixable: false))
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                let table: String = row[0], rowid: Int64? = row[1], parent: String = row[2]
                report.problems.append(IntegrityProblem(
                    kind: .brokenReference, subject: "\(table) \(rowid.map(String.init) ?? "?")",
                    message: "refers to a \(parent) row that does not exist", fixable: SurveyStore.derivedTables.contains(table) && rowid != nil))
            }
            let catalog = Set(try String.fetchAll(db, sql: "SELECT individualID FROM individual"))
            let partners = Set(try String.fetchAll(db, sql: "SELECT name FROM partner"))
            func known(_ id: String) -> Bool {
                if catalog.contains(id) { return true }
                if let colon = id.firstIndex(of: ":") { return partners.contains(String(id[..<colon])) }
                return false
            }
            var observations = 0
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT o.observationID, o.individualID, o.mediaID, o.eventID, o.source,
                       (o.eventID IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sequence s WHERE s.eventID = o.eventID)) AS lostEvent
                FROM observation o
                """)
            while let row = try cursor.next() {
                observations += 1
                let id: Int64 = row["observationID"]
                // A review decision names a catalog individual; a person's tag (XMP, a package) may name one the
                // catalog never had (camtrapR's workflow), which is not damage.
                if row["source"] as String? == "review", let who: String = row["individualID"], !who.isEmpty, !known(who) {
                    report.problems.append(IntegrityProblem(kind: .unknownIndividual, subject: "observation \(id)",
                                                            message: "names individual '\(who)', which is not in the catalog", fixable: false))
                }
                let mediaID: Int64? = row["mediaID"], eventID: String? = row["eventID"], lostEvent: Bool = row["lostEvent"]
                if mediaID == nil, eventID == nil || lostEvent {
                    report.problems.append(IntegrityProblem(
                        kind: .orphanObservation, subject: "observation \(id)",
                        message: eventID.map { "belongs to burst '\($0)', which no longer exists, and to no photo" } ?? "belongs to no photo and no burst",
                        fixable: false))
                }
            }
            report.checked["observations"] = observations
            for id in try Int64.fetchAll(db, sql: """
                SELECT e.encounterID FROM encounter e WHERE NOT EXISTS (SELECT 1 FROM encounterFrame f WHERE f.encounterID = e.encounterID)
                """) {
                let decided = try Int.fetchOne(db, sql: """
                    SELECT 1 WHERE EXISTS (SELECT 1 FROM decisionLog WHERE encounterID = ?) OR EXISTS (SELECT 1 FROM reviewDecision WHERE encounterID = ?)
                    """, arguments: [id, id]) != nil
                report.problems.append(IntegrityProblem(
                    kind: .emptyEncounter, subject: "encounter \(id)",
                    message: "has no frames" + (decided ? " (and decisions in the review log: left as it is)" : ""), fixable: !decided))
            }
            report.checked["encounters"] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM encounter") ?? 0
            for row in try Row.fetchAll(db, sql: "SELECT evidenceID, individualID, sourceFile, sourceLine FROM evidence WHERE individualID IS NOT NULL") {
                let who: String = row["individualID"]
                guard !who.isEmpty, !known(who) else { continue }
                let file: String = row["sourceFile"], line: Int = row["sourceLine"]
                report.problems.append(IntegrityProblem(
                    kind: .evidenceIndividual, subject: "evidence \(row["evidenceID"] as Int64)",
                    message: "names individual '\(who)', which is not in the catalog (imported from \((file as NSString).lastPathComponent):\(line))",
                    fixable: false))
            }
            report.checked["evidence"] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM evidence") ?? 0
            let pending = try String.fetchAll(db, sql: "SELECT deploymentID FROM pendingSequencing ORDER BY deploymentID")
            if !pending.isEmpty {
                report.problems.append(IntegrityProblem(
                    kind: .pendingSequences, subject: "sequences",
                    message: "the bursts of \(pending.count) deployment(s) are still to be rebuilt: \(pending.prefix(5).joined(separator: ", "))"
                        + (pending.count > 5 ? ", …" : ""), fixable: true))
            }
            report.checked["individuals"] = catalog.count
            return report
        }
    }

    /// Repairs what `checkRecords` marked fixable: derived rows that refer to nothing are deleted, encounters
    /// without frames and without decisions are deleted, pending bursts are rebuilt. One transaction for the rows;
    /// returns what was done, in words.
    public func fixRecords(_ problems: [IntegrityProblem]) throws -> [String] {
        var done: [String] = []
        let fixable = problems.filter(\.fixable)
        let broken = fixable.filter { $0.kind == .brokenReference }
        let empty = fixable.filter { $0.kind == .emptyEncounter }
        if !broken.isEmpty || !empty.isEmpty {
            try pool.write { db in
                for p in broken {
                    let parts = p.subject.split(separator: " ")
                    guard parts.count == 2, SurveyStore.derivedTables.contains(String(parts[0])), let rowid = Int64(parts[1]) else { continue }
                    try db.execute(sql: "DELETE FROM \(parts[0]) WHERE rowid = ?", arguments: [rowid])
                    if db.changesCount > 0 { done.append("deleted \(p.subject) (derived, it referred to nothing)") }
                }
                for p in empty {
                    guard let id = Int64(p.subject.split(separator: " ").last ?? "") else { continue }
                    try db.execute(sql: """
                        DELETE FROM encounter WHERE encounterID = ?
                          AND NOT EXISTS (SELECT 1 FROM encounterFrame WHERE encounterID = ?)
                          AND NOT EXISTS (SELECT 1 FROM decisionLog WHERE encounterID = ?)
                          AND NOT EXISTS (SELECT 1 FROM reviewDecision WHERE encounterID = ?)
                        """, arguments: [id, id, id, id])
                    if db.changesCount > 0 { done.append("deleted \(p.subject) (no frames, no decisions; identify makes encounters again)") }
                }
            }
        }
        if fixable.contains(where: { $0.kind == .pendingSequences }) {
            let rebuilt = try resequencePending()
            if !rebuilt.isEmpty { done.append("rebuilt the bursts of \(rebuilt.count) deployment(s)") }
        }
        return done
    }

    /// How many media rows there are (the total for a file check's progress).
    public func mediaFileCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM media") ?? 0 }
    }

    /// Every media row's file as ingest stored it: root, path, size, modification time and content key.
    public func mediaFiles(_ body: (StoredMediaFile) throws -> Void) throws {
        try pool.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT m.mediaID, r.path AS root, m.filePath, m.fileSize, m.fileModified, m.contentKey, m.videoMediaID
                FROM media m JOIN mediaRoot r ON r.rootID = m.rootID ORDER BY m.mediaID
                """)
            while let row = try rows.next() {
                try body(StoredMediaFile(mediaID: row["mediaID"], root: row["root"], filePath: row["filePath"], size: row["fileSize"],
                                         modified: row["fileModified"], contentKey: row["contentKey"],
                                         isVideoFrame: (row["videoMediaID"] as Int64?) != nil))
            }
        }
    }
}

/// A media row's file as ingest read it.
public struct StoredMediaFile: Sendable, Equatable {
    public let mediaID: Int64
    public let root: String
    public let filePath: String
    public let size: Int64
    /// Seconds since 1970, as ingest read the file's modification time.
    public let modified: Double
    public let contentKey: String
    /// A frame sampled from a video clip (its JPEG lives in the rebuildable `cache/frames/`).
    public let isVideoFrame: Bool

    public var fullPath: String { (root as NSString).appendingPathComponent(filePath) }
}
