import Core
import Crypto
import Foundation
import GRDB

/// What a backup holds, written beside it as `backup.json` and checked again by a restore.
public struct BackupManifest: Sendable, Equatable, Codable {
    public var createdAt: Date
    public var source: String
    public var surveyName: String
    /// Rows per table at the moment of the backup (the backup is one consistent snapshot).
    public var tables: [String: Int]
    /// SHA-256 of the backup's database file.
    public var sha256: String
    public var bytes: Int64

    public static let fileName = "backup.json"
}

extension SurveyStore {
    /// Copies the survey's database into `directory` with SQLite's online backup API while other commands (or the
    /// web app) go on reading and writing; one read snapshot, so the copy is consistent. The copy is written under a
    /// temporary name, checked (`integrity_check`, rows per table equal to the snapshot's), then renamed, so a
    /// half-written file never looks like a backup; `rosette.toml` and `backup.json` go beside it. The rebuildable
    /// `cache/` (features, sampled video frames) is not copied.
    @discardableResult
    public func backup(to directory: URL) throws -> BackupManifest {
        let fm = FileManager.default
        let final = directory.appendingPathComponent(SurveyStore.databaseName)
        if fm.fileExists(atPath: final.path) { throw BackupError.destinationHoldsBackup(path: directory.path) }
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(SurveyStore.databaseName + ".partial")
        try? fm.removeItem(at: temporary)
        var counts: [String: Int] = [:]
        do {
            let destination = try DatabaseQueue(path: temporary.path)
            try destination.writeWithoutTransaction { destDb in
                try pool.read { db in
                    counts = try SurveyStore.tableCounts(db)
                    try db.backup(to: destDb)
                }
            }
            try destination.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = DELETE")   // one self-contained file
            }
            let (problems, copied) = try destination.read { db in
                (try String.fetchAll(db, sql: "PRAGMA integrity_check"), try SurveyStore.tableCounts(db))
            }
            try destination.close()
            guard problems == ["ok"] else { throw BackupError.damaged(path: temporary.path, detail: problems.prefix(3).joined(separator: "; ")) }
            guard copied == counts else { throw BackupError.damaged(path: temporary.path, detail: "row counts differ from the survey's snapshot") }
        } catch {
            try? fm.removeItem(at: temporary)
            throw error
        }
        let (digest, bytes) = try SurveyStore.fileDigest(temporary)
        let manifest = BackupManifest(createdAt: Date(), source: self.directory.path, surveyName: settings.name, tables: counts,
                                      sha256: digest, bytes: bytes)
        let toml = self.directory.appendingPathComponent(SurveySettings.fileName)
        if fm.fileExists(atPath: toml.path) {
            let copy = directory.appendingPathComponent(SurveySettings.fileName)
            try? fm.removeItem(at: copy)
            try fm.copyItem(at: toml, to: copy)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(manifest).write(to: directory.appendingPathComponent(BackupManifest.fileName), options: .atomic)
        try fm.moveItem(at: temporary, to: final)
        return manifest
    }

    /// Checks a backup folder: its manifest, the database file's digest, `integrity_check` and rows per table.
    public static func verifyBackup(_ directory: URL) throws -> BackupManifest {
        let fm = FileManager.default
        let db = directory.appendingPathComponent(databaseName), manifestURL = directory.appendingPathComponent(BackupManifest.fileName)
        guard fm.fileExists(atPath: db.path) else { throw BackupError.notABackup(path: directory.path, missing: databaseName) }
        guard let data = fm.contents(atPath: manifestURL.path) else { throw BackupError.notABackup(path: directory.path, missing: BackupManifest.fileName) }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let manifest: BackupManifest
        do { manifest = try decoder.decode(BackupManifest.self, from: data) } catch {
            throw BackupError.damaged(path: directory.path, detail: "\(BackupManifest.fileName) cannot be read: \(error.localizedDescription)")
        }
        let (digest, _) = try fileDigest(db)
        guard digest == manifest.sha256 else {
            throw BackupError.damaged(path: directory.path, detail: "\(databaseName) has changed since the backup (SHA-256 \(digest.prefix(12))… ≠ \(manifest.sha256.prefix(12))…)")
        }
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: db.path, configuration: config)
        defer { try? queue.close() }
        let (problems, counts) = try queue.read { db in (try String.fetchAll(db, sql: "PRAGMA integrity_check"), try tableCounts(db)) }
        guard problems == ["ok"] else { throw BackupError.damaged(path: directory.path, detail: problems.prefix(3).joined(separator: "; ")) }
        guard counts == manifest.tables else { throw BackupError.damaged(path: directory.path, detail: "row counts differ from backup.json") }
        return manifest
    }

    /// Puts a verified backup in `target` (a new folder, or with `replace` an existing survey whose database, WAL
    /// and shared-memory files are kept beside it as `….before-restore-<time>`). Returns the manifest restored.
    @discardableResult
    public static func restore(backup: URL, to target: URL, replace: Bool = false) throws -> BackupManifest {
        let manifest = try verifyBackup(backup)
        let fm = FileManager.default
        let db = target.appendingPathComponent(databaseName)
        if fm.fileExists(atPath: db.path) {
            guard replace else { throw BackupError.targetHoldsSurvey(path: target.path) }
            let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
            for suffix in ["", "-wal", "-shm"] {
                let f = target.appendingPathComponent(databaseName + suffix)
                if fm.fileExists(atPath: f.path) {
                    try fm.moveItem(at: f, to: target.appendingPathComponent(databaseName + suffix + ".before-restore-" + stamp))
                }
            }
        }
        try fm.createDirectory(at: target.appendingPathComponent("cache"), withIntermediateDirectories: true)
        let partial = target.appendingPathComponent(databaseName + ".partial")
        try? fm.removeItem(at: partial)
        try fm.copyItem(at: backup.appendingPathComponent(databaseName), to: partial)
        let toml = backup.appendingPathComponent(SurveySettings.fileName), targetToml = target.appendingPathComponent(SurveySettings.fileName)
        if fm.fileExists(atPath: toml.path) {
            try? fm.removeItem(at: targetToml)
            try fm.copyItem(at: toml, to: targetToml)
        }
        try fm.moveItem(at: partial, to: db)
        return manifest
    }

    /// Rows per user table (SQLite's own tables left out).
    static func tableCounts(_ db: Database) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name") {
            out[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(table)\"") ?? 0
        }
        return out
    }

    static func fileDigest(_ url: URL) throws -> (String, Int64) {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        var bytes: Int64 = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            bytes += Int64(chunk.count)
        }
        return (hasher.finalize().map { String(format: "%02x", $0) }.joined(), bytes)
    }
}
