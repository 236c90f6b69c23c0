import ArgumentParser
import Foundation
import Identify
import Store

/// `rosette review`: a person decides on the matcher's proposals, one photo at a time.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review identification proposals: show the next photo, record a decision.",
        subcommands: [Next.self, Decide.self]
    )

    struct Next: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the next photo waiting for a decision, with its proposals.")
        @OptionGroup var survey: SurveyOption

        func run() throws {
            guard let next = try survey.open().nextForReview() else {
                print("nothing to review")
                return
            }
            print("photo \(next.mediaID): \(next.filePath)")
            var rows = [["rank", "individual", "verified", "score", "inliers", "reference photo"]]
            for p in next.proposals {
                rows.append([String(p.rank), p.individualID, String(format: "%.2f", p.verifiedScore), String(format: "%.2f", p.score),
                             String(p.inliers), p.referencePhotoID.map(String.init) ?? "-"])
            }
            print(TextTable.render(rows))
            print("decide with: rosette review decide --media \(next.mediaID) --confirm ID | --new ID | --reject | --unidentifiable")
        }
    }

    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a decision about a photo's identity.")
        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Option(help: "The photo's mediaID (from `review next`).") var media: Int64
        @Option(help: "The photo shows this catalogued individual.") var confirm: String?
        @Option(name: .customLong("new"), help: "The photo shows a new individual, created with this ID.") var newID: String?
        @Flag(help: "None of the proposals; identity left open.") var reject = false
        @Flag(help: "The pattern cannot be seen well enough.") var unidentifiable = false
        @Option var note: String?

        func validate() throws {
            let chosen = [confirm != nil, newID != nil, reject, unidentifiable].filter { $0 }.count
            guard chosen == 1 else { throw ValidationError("give exactly one of --confirm ID, --new ID, --reject, --unidentifiable") }
        }

        func run() throws {
            let store = try survey.open()
            let who = actor.actor ?? store.settings.defaultActor
            let (kind, id): (ReviewDecisionKind, String?) = confirm.map { (.confirmed, $0) } ?? newID.map { (.newIndividual, $0) }
                ?? (reject ? (.rejected, nil) : (.unidentifiable, nil))
            try store.recordDecision(mediaID: media, kind, individualID: id, note: note, actor: who)
            print("recorded: photo \(media) \(kind.rawValue)" + (id.map { " \($0)" } ?? ""))
        }
    }
}
