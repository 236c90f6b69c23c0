import Core
import Foundation
import GRDB

/// What the store already knows of a file, to decide whether to read it again.
public struct KnownFile: Sendable, Equatable {
    public let mediaID: Int64
    public let fileSize: Int64
    public let fileModified: Double
}

/// One file read by ingest, ready to store: the media row and the observations its tags carry.
public struct IngestedFile: Sendable {
    public var media: Media
    public var observations: [Observation]
    /// The row this file replaces when it changed on disk since the last ingest.
    public var replacing: Int64?

    public init(media: Media, observations: [Observation], replacing: Int64?) {
        self.media = media
        self.observations = observations
        self.replacing = replacing
    }
}

extension SurveyStore {
    /// The ID of a media root (a folder photos were ingested from), created on first use.
    /// A folder inside an existing root uses that root, so paths stay unique.
    public func root(for directory: URL) throws -> (rootID: Int64, prefix: String) {
        let path = directory.standardizedFileURL.path
        return try pool.write { db in
            for row in try Row.fetchAll(db, sql: "SELECT rootID, path FROM mediaRoot") {
                let rootPath: String = row["path"]
                if path == rootPath { return (row["rootID"], "") }
                if path.hasPrefix(rootPath + "/") { return (row["rootID"], String(path.dropFirst(rootPath.count + 1)) + "/") }
            }
            try db.execute(sql: "INSERT INTO mediaRoot(path, addedAt) VALUES (?, ?)", arguments: [path, Date()])
            return (db.lastInsertedRowID, "")
        }
    }

    /// The absolute folder of a media root.
    public func rootPath(_ rootID: Int64) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT path FROM mediaRoot WHERE rootID = ?", arguments: [rootID]) }
    }

    /// The files already stored for one folder of a root, by relative path.
    public func knownFiles(rootID: Int64, folder: String) throws -> [String: KnownFile] {
        try pool.read { db in
            var known: [String: KnownFile] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT mediaID, filePath, fileSize, fileModified FROM media WHERE rootID = ? AND folder = ?
                """, arguments: [rootID, folder])
            while let row = try rows.next() {
                known[row["filePath"]] = KnownFile(mediaID: row["mediaID"], fileSize: row["fileSize"],
                                                   fileModified: row["fileModified"])
            }
            return known
        }
    }

    /// Starts an ingest run and returns its ID.
    /// Runs left "running" by a process that died are marked "interrupted" first.
    public func beginIngestRun(root: String) throws -> Int64 {
        try pool.write { db in
            try db.execute(sql: "UPDATE ingestRun SET status = 'interrupted' WHERE status = 'running'")
            try db.execute(sql: "INSERT INTO ingestRun(root, startedAt) VALUES (?, ?)", arguments: [root, Date()])
            return db.lastInsertedRowID
        }
    }

    /// Closes an ingest run with its final status ("finished" or "interrupted").
    public func finishIngestRun(_ runID: Int64, status: String) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE ingestRun SET finishedAt = ?, status = ? WHERE runID = ?",
                           arguments: [Date(), status, runID])
        }
    }

    /// Stores one batch of ingested files and problems in a single transaction, with the run's counters.
    ///
    /// Either the whole batch is stored or none of it (an interrupted process loses at most the batch
    /// it had not yet reported). Files whose content key is already stored are marked `duplicateOf`.
    public func saveIngestBatch(runID: Int64, files: [IngestedFile], problems: [(path: String, message: String)],
                                unchanged: Int) throws {
        try pool.write { db in
            var added = 0, updated = 0
            var deployments: Set<String> = []
            for file in files {
                var media = file.media
                media.ingestRunID = runID
                media.duplicateOf = try Int64.fetchOne(db.cachedStatement(sql: """
                    SELECT mediaID FROM media WHERE contentKey = ? AND mediaID IS NOT ? ORDER BY mediaID LIMIT 1
                    """), arguments: [media.contentKey, file.replacing])
                if let old = file.replacing {
                    if let oldDeployment = try String.fetchOne(db, sql: "SELECT deploymentID FROM media WHERE mediaID = ?", arguments: [old]) {
                        try db.execute(sql: "INSERT OR IGNORE INTO pendingSequencing(deploymentID) VALUES (?)", arguments: [oldDeployment])
                    }
                    media.mediaID = old
                    try media.update(db)
                    // A changed video is sampled again: its old frames go (with their triage results).
                    try db.execute(sql: "DELETE FROM media WHERE videoMediaID = ?", arguments: [old])
                    try db.execute(sql: "DELETE FROM observation WHERE mediaID = ? AND source = 'xmp'", arguments: [old])
                    updated += 1
                } else {
                    try media.insertFast(db)
                    added += 1
                }
                for var observation in file.observations {
                    observation.mediaID = media.mediaID
                    try observation.insert(db)
                }
                if let d = media.deploymentID { deployments.insert(d) }
            }
            for d in deployments {
                try db.execute(sql: "INSERT OR IGNORE INTO pendingSequencing(deploymentID) VALUES (?)", arguments: [d])
            }
            for problem in problems {
                try db.execute(sql: "INSERT INTO ingestProblem(runID, path, message) VALUES (?, ?, ?)",
                               arguments: [runID, problem.path, problem.message])
            }
            try db.execute(sql: """
                UPDATE ingestRun SET filesSeen = filesSeen + ?, added = added + ?, updated = updated + ?,
                    unchanged = unchanged + ?, problems = problems + ? WHERE runID = ?
                """, arguments: [files.count + problems.count + unchanged, added, updated, unchanged, problems.count, runID])
        }
    }

    /// Every media row, in deployment and time order (for exports and tests; streams from a cursor).
    public func forEachMedia(_ body: (Media) throws -> Void) throws {
        try pool.read { db in
            let cursor = try Media.order(Column("deploymentID"), Column("timestamp"), Column("mediaID")).fetchCursor(db)
            while let m = try cursor.next() { try body(m) }
        }
    }

    /// Observations of one media.
    public func observations(mediaID: Int64) throws -> [Observation] {
        try pool.read { db in try Observation.filter(Column("mediaID") == mediaID).fetchAll(db) }
    }

    /// Problems recorded by one ingest run.
    public func ingestProblems(runID: Int64) throws -> [(path: String, message: String)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT path, message FROM ingestProblem WHERE runID = ? ORDER BY id", arguments: [runID])
                .map { ($0["path"], $0["message"]) }
        }
    }
}

extension SurveyStore {
    /// Media stored by one run that are copies of a file stored earlier (same content key).
    public func duplicateCount(runID: Int64) throws -> Int {
        try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM media WHERE ingestRunID = ? AND duplicateOf IS NOT NULL",
                             arguments: [runID]) ?? 0
        }
    }
}

extension SurveyStore {
    /// The mediaID and absolute path of a photo given by its path (absolute, or relative to its media root).
    public func media(path: String) throws -> (mediaID: Int64, path: String, width: Int?, height: Int?) {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.mediaID, m.width, m.height, r.path || '/' || m.filePath AS full FROM media m
                JOIN mediaRoot r ON r.rootID = m.rootID
                WHERE m.filePath = ? OR r.path || '/' || m.filePath = ?
                """, arguments: [path, path])
            guard rows.count == 1 else { throw RosetteError.mediaNotFound(path: path) }
            return (rows[0]["mediaID"], rows[0]["full"], rows[0]["width"], rows[0]["height"])
        }
    }
}
