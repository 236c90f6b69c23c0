import ArgumentParser
import Foundation
import Imaging
import Store

/// The `rosette` command: camera-trap photos of a survey to a census of known individuals.
@available(macOS 10.15, *)
public struct RosetteCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rosette",
        abstract: "Camera-trap photos to a census of individually known leopards.",
        discussion: """
            Every command that works on a survey takes --survey DIR (default: the current folder).
            Typical flow: init → deployments import → ingest → status.
            """,
        version: "0.1.0 (OpenCV \(NativeLibraries.openCVVersion), exiv2 \(NativeLibraries.exiv2Version))",
        subcommands: [InitCommand.self, DeploymentsCommand.self, IngestCommand.self, StatusCommand.self, CheckCommand.self, BackupCommand.self, RestoreCommand.self, CensusCommand.self,
                      SimulateCommand.self, IndividualsCommand.self, IdentifyCommand.self, ReviewCommand.self, ReidCommand.self,
                      TriageCommand.self, EvidenceCommand.self, ExportCommand.self, ImportCommand.self, ExchangeCommand.self, ServeCommand.self, UsersCommand.self]
    )

    public init() {}
}

/// `--survey DIR`, shared by every command that works on a survey.
struct SurveyOption: ParsableArguments {
    @Option(name: .long, help: "The survey folder (holding rosette.sqlite).", completion: .directory)
    var survey: String = "."

    var url: URL { URL(fileURLWithPath: survey) }

    /// Opens the survey, or fails with a message saying how to create one.
    func open() throws -> SurveyStore { try SurveyStore(directory: url) }
}

/// Who is recorded as making a change.
struct ActorOption: ParsableArguments {
    @Option(name: .long, help: "Who makes this change (recorded with it). Default: the survey's default_actor.")
    var actor: String?
}

