import ArgumentParser
import Core
import Exchange
import Foundation
import Store

/// `rosette import …`: exchange packages into the survey.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Read an exchange package (Camtrap DP) into the survey.",
        subcommands: [CamtrapDP.self])

    /// `rosette import camtrap-dp PACKAGE`.
    struct CamtrapDP: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "camtrap-dp",
            abstract: "Import a Camtrap DP package: deployments, media, observations, individuals.",
            discussion: """
                The whole package is checked first; every problem is listed with its file, row and column, and if there \
                is any, nothing is imported. Rows are keyed on the package's IDs: importing the same package again adds \
                nothing, and a row whose ID was imported before with other content is reported as a conflict. \
                Media paths resolve against the package folder (URLs are kept as they are); individuals the \
                observations name are added to the catalog when it does not have them.
                """)

        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Argument(help: "The package folder (holding datapackage.json).", completion: .directory) var package: String

        func run() throws {
            let store = try survey.open()
            do {
                let result = try CamtrapImporter.importPackage(URL(fileURLWithPath: package), into: store,
                                                               actor: actor.actor ?? store.settings.defaultActor)
                let missing = result.filesNotInPackage
                let entities = ["deployment", "media", "event", "observation"]
                let added = entities.map { "\(result.added[$0] ?? 0) \($0 == "media" ? $0 : $0 + "s")" }.joined(separator: ", ")
                let same = entities.reduce(0) { $0 + (result.unchanged[$1] ?? 0) }
                print("Imported \(package): \(added) added; \(same) row(s) already imported; "
                      + "\(result.individualsAdded.count) individual(s) added to the catalog"
                      + (result.individualsKept.isEmpty ? "." : ", \(result.individualsKept.count) already in it (left as they are).")
                      + (missing.isEmpty ? "" : " \(missing.count) media file(s) are referenced but not in the package (e.g. \(missing[0])): recorded without their files."))
            } catch let problems as PackageProblems {
                printError(problems.description)
                throw ExitCode(1)
            } catch let error as ExchangeError {
                printError(error.description)
                throw ExitCode(1)
            }
        }
    }
}
