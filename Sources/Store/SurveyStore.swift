import Core
import Foundation
import GRDB

/// A survey on disk: `rosette.sqlite` (all records, WAL mode) and `rosette.toml` (settings) in one folder.
///
/// The store is the API other modules call; it is `Sendable` and safe to use from several tasks
/// (one writer at a time, concurrent readers).
public final class SurveyStore: Sendable {
    public static let databaseName = "rosette.sqlite"

    /// The survey folder.
    public let directory: URL
    /// Settings read from rosette.toml when the store was opened.
    public let settings: SurveySettings
    let pool: DatabasePool

    /// Opens an existing survey; throws `surveyNotFound` when the folder holds none.
    public init(directory: URL) throws {
        let dbURL = directory.appendingPathComponent(SurveyStore.databaseName)
        guard FileManager.default.fileExists(atPath: dbURL.path) else {
            throw RosetteError.surveyNotFound(directory: directory.path)
        }
        self.directory = directory
        let tomlURL = directory.appendingPathComponent(SurveySettings.fileName)
        if let text = try? String(contentsOf: tomlURL, encoding: .utf8) {
            settings = try SurveySettings(toml: text, file: tomlURL.path)
        } else {
            settings = SurveySettings()
        }
        pool = try SurveyStore.openPool(at: dbURL)
        try Schema.migrator.migrate(pool)
    }

    /// Creates a survey folder with an empty database and a settings file.
    @discardableResult
    public static func create(directory: URL, settings: SurveySettings = SurveySettings()) throws -> SurveyStore {
        let fm = FileManager.default
        if fm.fileExists(atPath: directory.appendingPathComponent(databaseName).path) {
            throw RosetteError.surveyAlreadyExists(directory: directory.path)
        }
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        try fm.createDirectory(at: directory.appendingPathComponent("cache"), withIntermediateDirectories: true)
        let tomlURL = directory.appendingPathComponent(SurveySettings.fileName)
        if !fm.fileExists(atPath: tomlURL.path) {
            try settings.tomlText.write(to: tomlURL, atomically: true, encoding: .utf8)
        }
        let pool = try openPool(at: directory.appendingPathComponent(databaseName))
        try Schema.migrator.migrate(pool)
        try pool.close()
        return try SurveyStore(directory: directory)
    }

    private static func openPool(at url: URL) throws -> DatabasePool {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(30)
        return try DatabasePool(path: url.path, configuration: config)
    }

    /// The names of the applied migrations, oldest first.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try Schema.migrator.appliedMigrations(db) }
    }

    /// Records who changed what, in the same transaction as the change.
    static func log(_ db: Database, actor: String, entity: String, id: String, action: String, detail: String? = nil) throws {
        try db.execute(sql: """
            INSERT INTO changeLog(at, actor, entity, entityID, action, detail) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [Date(), actor, entity, id, action, detail])
    }

    /// The change history of one record, oldest first.
    public func changes(entity: String, id: String) throws -> [ChangeRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT at, actor, action, detail FROM changeLog WHERE entity = ? AND entityID = ? ORDER BY id
                """, arguments: [entity, id]).map {
                ChangeRecord(at: $0["at"], actor: $0["actor"], action: $0["action"], detail: $0["detail"])
            }
        }
    }
}

/// One attributed, timestamped change to a record.
public struct ChangeRecord: Sendable, Equatable {
    public let at: Date
    public let actor: String
    public let action: String
    public let detail: String?
}
