import ArgumentParser
import Core
import Foundation
import Store

/// `rosette status`: what the survey holds.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Summarise the survey.")

    @OptionGroup var survey: SurveyOption
    @Option(help: "text or json") var format: String = "text"

    func run() throws {
        let store = try survey.open()
        let s = try store.status()
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(s), as: UTF8.self))
            return
        }
        let zone = (try? ZoneSpec(store.settings.timeZone)) ?? (try! ZoneSpec("UTC"))
        func when(_ d: Date?) -> String { d.map { Timestamp.format($0, in: zone) } ?? "-" }
        print("Survey '\(store.settings.name)' at \(store.directory.path)")
        print("  deployments: \(s.deployments)")
        print("  media: \(s.media) (\(s.images) images, \(s.videos) videos); duplicates: \(s.duplicates); "
              + "outside deployment dates: \(s.outsideDeployment)")
        if s.videos > 0 {
            print("  video frames sampled: \(s.videoFrames) from \(s.videosSampled) of \(s.videos) videos "
                  + "(\(String(format: "%g", store.settings.videoFramesPerSecond)) per second; triaged as bursts, not counted as media)")
        }
        print("  sequences (bursts, gap ≤ \(Int(store.settings.sequenceGapSeconds)) s): \(s.sequences)")
        print("  time span: \(when(s.firstTimestamp)) … \(when(s.lastTimestamp))")
        print("  observations: \(s.observations); tagged individuals: \(s.taggedIndividuals)")
        for (species, n) in s.taggedSpecies.sorted(by: { $0.value > $1.value }) {
            print("    \(species): \(n)")
        }
        if let r = s.lastRun {
            print("  last ingest (run \(r.runID), \(r.status)): \(r.filesSeen) files, \(r.added) new, \(r.updated) changed, "
                  + "\(r.unchanged) unchanged, \(r.problems) with problems")
        }
        if !s.perDeployment.isEmpty {
            var rows = [["deployment", "location", "media", "sequences", "outside", "first", "last"]]
            for d in s.perDeployment {
                rows.append([d.deploymentID, d.locationName ?? "", String(d.media), String(d.sequences), String(d.outside),
                             when(d.first), when(d.last)])
            }
            print("")
            print(TextTable.render(rows))
        }
    }
}
