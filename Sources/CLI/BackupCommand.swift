import ArgumentParser
import Core
import Foundation
import Store

/// `rosette backup OUT`: a consistent copy of the survey's database while other commands run.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the survey's records into a new folder (SQLite online backup; other commands may go on).",
        discussion: """
            OUT gets rosette.sqlite (one consistent snapshot, checked with integrity_check and rows per table before it
            is given its name), rosette.toml and backup.json (rows per table, SHA-256). Photos are not copied (they stay
            on their cards and disks), nor the rebuildable cache/. Restore with `rosette restore OUT --survey NEW`.
            """)

    @OptionGroup var survey: SurveyOption
    @Argument(help: "A new folder for the backup.") var out: String

    func run() throws {
        let store = try survey.open()
        let start = Date()
        let m = try store.backup(to: URL(fileURLWithPath: out))
        let rows = m.tables.values.reduce(0, +)
        print(String(format: "Backed up '%@' to %@: %d rows in %d tables, %.1f MB, checked (integrity_check, rows per table) in %.1f s.",
                     m.surveyName, out, rows, m.tables.count, Double(m.bytes) / 1e6, Date().timeIntervalSince(start)))
        for key in ["media", "observation", "individual", "encounter", "decisionLog", "evidence"] {
            if let n = m.tables[key] { print("  \(key): \(n)") }
        }
    }
}

/// `rosette restore BACKUP --survey S`: a verified backup put back as a survey.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Put a backup back as a survey (verified first: SHA-256, integrity_check, rows per table).",
        discussion: """
            --survey names the folder to restore into: a new one, or with --replace an existing survey, whose database
            (and its -wal/-shm files) is kept beside it as rosette.sqlite.before-restore-<time>. Stop `rosette serve` and
            other commands on that survey first. A damaged backup is refused and nothing is written.
            """)

    @Argument(help: "The backup folder (made by `rosette backup`).") var backup: String
    @Option(name: .long, help: "The survey folder to restore into.") var survey: String
    @Flag(help: "Replace the survey already in --survey (its database is kept beside as .before-restore-…).") var replace = false

    func run() throws {
        let m = try SurveyStore.restore(backup: URL(fileURLWithPath: backup), to: URL(fileURLWithPath: survey), replace: replace)
        let store = try SurveyStore(directory: URL(fileURLWithPath: survey))
        let report = try store.checkRecords()
        print("Restored '\(m.surveyName)' (backed up \(ISO8601DateFormatter().string(from: m.createdAt))) into \(survey): "
              + "\(m.tables.values.reduce(0, +)) rows in \(m.tables.count) tables, verified"
              + (report.problems.isEmpty ? "; rosette check finds no problem in the records." : "; rosette check: \(report.problems.count) problem(s) in the records."))
    }
}
