import ArgumentParser
import Core
import Foundation
import Ingest
import Store

/// `rosette deployments …`: import, list, and correct camera clocks.
struct DeploymentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deployments",
        abstract: "Import and list deployments (camera × location × period); correct camera clocks.",
        subcommands: [Import.self, List.self, Clock.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import deployments from a CSV with Camtrap DP column names.",
            discussion: """
                Required columns: \(DeploymentsCSV.required.joined(separator: ", ")). Also read: locationID, locationName,
                coordinateUncertainty, cameraID, cameraModel, timezone, jurisdiction, malfunctions (start/end;…), clockOffset.
                Bad lines are reported with their line and column and skipped; the rest is imported.
                """)

        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Argument(help: "The deployments CSV.", completion: .file(extensions: ["csv"]))
        var file: String

        func run() throws {
            let store = try survey.open()
            let parsed = try DeploymentsCSV.read(URL(fileURLWithPath: file), defaultZone: try ZoneSpec(store.settings.timeZone))
            for problem in parsed.problems { printError(problem.description) }
            let (added, updated) = try store.upsertDeployments(parsed.deployments, actor: actor.actor ?? store.settings.defaultActor)
            let malfunctions = parsed.deployments.reduce(0) { $0 + $1.1.count }
            print("Deployments: \(added) added, \(updated) updated, \(parsed.deployments.count - added - updated) unchanged, "
                  + "\(parsed.problems.count) line(s) skipped; \(malfunctions) malfunction period(s).")
            if parsed.deployments.isEmpty && !parsed.problems.isEmpty { throw ExitCode(1) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the survey's deployments.")
        @OptionGroup var survey: SurveyOption

        func run() throws {
            let store = try survey.open()
            let malfunctions = try store.malfunctions()
            var rows = [["deploymentID", "location", "camera", "lat", "lon", "start", "end", "zone", "clock", "juris.", "malf."]]
            for d in try store.deployments() {
                let zone = d.zone
                rows.append([d.deploymentID, d.locationName ?? "", d.cameraID ?? "", String(format: "%.5f", d.latitude),
                             String(format: "%.5f", d.longitude), Timestamp.format(d.deploymentStart, in: zone),
                             Timestamp.format(d.deploymentEnd, in: zone), d.timezone,
                             d.clockOffset == 0 ? "" : String(format: "%+.0f s", d.clockOffset), d.jurisdiction ?? "",
                             String(malfunctions[d.deploymentID]?.count ?? 0)])
            }
            print(TextTable.render(rows))
        }
    }

    struct Clock: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct a camera's clock: a fixed offset, or the true time a given photo shows.",
            discussion: """
                rosette deployments clock S07-A --offset 3600        (camera was an hour slow)
                rosette deployments clock --photo S07/A/IMG_0001.JPG --true-time 2024-09-03T10:00:00+10:00
                Timestamps of the deployment's media are recomputed and its sequences rebuilt.
                """)
        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Argument(help: "The deploymentID (not needed with --photo).") var deploymentID: String?
        @Option(help: "Seconds to add to the camera's time.") var offset: Double?
        @Option(help: "A photo (path as stored, or file name) whose true time you know.") var photo: String?
        @Option(help: "The true time the photo shows (ISO 8601 with zone).") var trueTime: String?
        @Option(help: "Why (recorded in the change log).") var reason: String = "clock correction"

        func validate() throws {
            if offset == nil && (photo == nil || trueTime == nil) {
                throw ValidationError("give --offset SECONDS, or --photo PATH with --true-time T")
            }
            if offset != nil && deploymentID == nil { throw ValidationError("--offset needs a deploymentID") }
        }

        func run() throws {
            let store = try survey.open()
            var id = deploymentID ?? ""
            var seconds = offset ?? 0
            if let photo, let trueTime {
                guard let truth = Timestamp.parse(trueTime, defaultZone: nil) else {
                    throw ValidationError("--true-time '\(trueTime)' needs a date-time with zone, e.g. 2024-09-03T10:00:00+10:00")
                }
                (id, seconds) = try store.clockOffset(makingMedia: photo, showTrueTime: truth)
                if let given = deploymentID, given != id { throw ValidationError("\(photo) belongs to \(id), not \(given)") }
            }
            let n = try store.setClockOffset(seconds, deploymentID: id, actor: actor.actor ?? store.settings.defaultActor, reason: reason)
            print("Deployment \(id): clock offset \(String(format: "%+.1f", seconds)) s; \(n) media retimed, sequences rebuilt.")
        }
    }
}
