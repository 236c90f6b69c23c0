import ArgumentParser
import Core
import Foundation
import Ingest
import Store

/// `rosette check`: the integrity of a survey — the database, its references, and the media files.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check a survey's integrity: database, references, media files; exit 1 on any problem.",
        discussion: """
            Checks SQLite's integrity_check and foreign_key_check (a mother, a merge, a reference photo, a frame that
            points nowhere), observations naming an individual not in the catalog or belonging to no photo and no burst,
            encounters without frames, evidence naming an unknown individual, bursts still to be rebuilt, and every
            media file: missing, or changed since ingest (size, modification time; --content also the content key).
            --fix repairs only what loses nothing a person recorded: derived rows (candidates, frames, triage marks)
            that refer to nothing, encounters without frames or decisions, bursts to rebuild. Missing or changed
            photos are reported, never changed.
            """)

    @OptionGroup var survey: SurveyOption
    @Flag(help: "Repair what is safe to repair (see above), then check again.") var fix = false
    @Flag(help: "Also recompute each media file's content key (two 16 KiB reads per file).") var content = false
    @Flag(help: "Skip the media files (database and references only).") var noFiles = false
    @Option(help: "text or json") var format: String = "text"
    @Flag(help: "No progress lines.") var quiet = false

    func validate() throws {
        guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json, not '\(format)'") }
    }

    func run() throws {
        let store = try survey.open()
        var report = try inspect(store)
        if fix, report.problems.contains(where: \.fixable) {
            let done = try store.fixRecords(report.problems)
            report = try inspect(store)
            report.fixed = done
        }
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            for line in report.fixed { print("fixed: \(line)") }
            for p in report.problems {
                print("\(p.kind.rawValue): \(p.subject): \(p.message)" + (p.fixable ? "  [--fix repairs it]" : ""))
            }
            let looked = report.checked.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            if report.problems.isEmpty {
                print("Survey '\(store.settings.name)': no problems (\(looked)).")
            } else {
                let kinds = report.counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
                let fixable = report.problems.filter(\.fixable).count
                print("Survey '\(store.settings.name)': \(report.problems.count) problem(s): \(kinds) (\(looked))"
                      + (fixable > 0 ? "; \(fixable) can be repaired with --fix." : "."))
            }
        }
        if !report.problems.isEmpty { throw ExitCode(1) }
    }

    func inspect(_ store: SurveyStore) throws -> IntegrityReport {
        var report = try store.checkRecords()
        if !noFiles {
            let meter = ProgressMeter(label: "media files", total: try store.mediaFileCount(), enabled: !quiet)
            let files = try MediaFileCheck(contentKeys: content).run(store) { meter.update(done: $0) }
            meter.finish(done: files.checked)
            report.problems += files.problems
            report.checked["media files"] = files.checked
        }
        return report
    }
}
