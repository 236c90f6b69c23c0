import ArgumentParser
import Core
import Foundation
import Store

/// `rosette init SURVEY`: creates a survey folder.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a survey folder (rosette.sqlite, rosette.toml, cache/).")

    @Argument(help: "The folder to create.", completion: .directory)
    var directory: String

    @Option(name: .long, help: "Zone of camera clocks for deployments that do not name one (IANA name or +hh:mm).")
    var timeZone: String = "UTC"

    @Option(name: .long, help: "Seconds between media of one deployment that still make one sequence (burst).")
    var sequenceGap: Double = 60

    @Option(name: .long, help: "A name for the survey.")
    var name: String?

    func run() throws {
        _ = try ZoneSpec(timeZone)
        var settings = SurveySettings()
        settings.timeZone = timeZone
        settings.sequenceGapSeconds = sequenceGap
        settings.name = name ?? URL(fileURLWithPath: directory).lastPathComponent
        let store = try SurveyStore.create(directory: URL(fileURLWithPath: directory), settings: settings)
        print("Created survey '\(settings.name)' in \(store.directory.path) (time zone \(timeZone), sequence gap \(Int(sequenceGap)) s).")
    }
}
