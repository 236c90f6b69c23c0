import ArgumentParser
import Foundation
import Identify
import Store
import Core

/// `rosette review`: a person decides on the matcher's proposals, one encounter at a time.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review identification proposals: show the next encounter (with a side-by-side picture), record a decision.",
        subcommands: [Next.self, Decide.self, Session.self, Log.self, Undo.self]
    )

    enum Format: String, ExpressibleByArgument { case text, tsv }

    /// Prints an encounter, its proposals and where its picture is: for a person, or as tab-separated lines.
    static func show(_ encounter: Encounter, proposals: [MatchProposal], reranked: Bool, sheet url: URL, format: Format,
                     mothers: [MotherProposal] = [], flank: StoredFlank? = nil) {
        switch format {
        case .tsv:
            print("encounter\t\(encounter.encounterID)\t\(encounter.eventID ?? "")\t\(encounter.deploymentID ?? "")\t\(encounter.side)")
            for f in encounter.frames {
                let box = f.box.map { String(format: "%.4f", $0) }.joined(separator: ",")
                print("frame\t\(f.mediaID)\t\(f.path)\t\(box)\t\(f.features.map(String.init) ?? "")\t\(f.failure ?? "")")
            }
            for p in proposals {
                print("proposal\t\(p.rank)\t\(p.individualID)\t\(p.verifiedScore)\t\(p.score)\t\(p.inliers)\t\(p.id ?? 0)")
            }
            for m in mothers { print("mother\t\(m.motherID)\t\(String(format: "%.3f", m.sizeRatio))\t\(m.reason)") }
            print("sheet\t\(url.path)")
        case .text:
            print("encounter \(encounter.encounterID): \(encounter.frames.count) frames at \(encounter.deploymentID ?? "?")"
                  + (encounter.eventID.map { " (burst \($0))" } ?? "") + (reranked ? " — ranked against the current catalog" : ""))
            if let flank { print("  " + flankText(flank)) }
            for f in encounter.frames {
                print("  photo \(f.mediaID): \(f.path)" + (f.failure.map { " — unusable: \($0)" } ?? ""))
            }
            if proposals.isEmpty {
                print("no candidate in the catalog: a new individual?")
            } else {
                var table = [["rank", "individual", "verified", "score", "inliers", "reference photo"]]
                for p in proposals {
                    table.append([String(p.rank), p.individualID, String(format: "%.2f", p.verifiedScore),
                                  String(format: "%.2f", p.score), String(p.inliers), p.referencePhotoID.map(String.init) ?? "-"])
                }
                print(TextTable.render(table))
            }
            for m in mothers { print("possible mother: \(m.motherID) (\(m.reason)); record it with --mother \(m.motherID)") }
            print("picture: \(url.path)")
        }
    }

    /// "side: right (travel, confidence 0.93)"; an unknown side is compared with both flanks.
    static func flankText(_ f: StoredFlank) -> String {
        let how = [f.source, f.confidence.map { String(format: "confidence %.2f", $0) }].compactMap { $0 }.joined(separator: ", ")
        return "side: \(f.side)" + (how.isEmpty ? "" : " (\(how))") + (f.side == "unknown" ? " — compared with both flanks" : "")
            + "; correct it with `review decide --side left|right`"
    }

    struct Next: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the next encounter waiting for a decision, with its proposals and a side-by-side picture.")
        @OptionGroup var survey: SurveyOption
        @Option(help: "Write the picture here (default: SURVEY/cache/review/encounter-N.jpg).") var sheet: String?
        @Option(help: "Candidates drawn in the picture.") var rows: Int = 3
        @Option(help: "text, or tsv for scripts (lines: encounter, frame (mediaID, path, box, features, failure), proposal, sheet).") var format: Format = .text
        @OptionGroup var pattern: PatternOptions

        func run() throws {
            let store = try survey.open()
            guard let id = try store.undecidedEncounterIDs().first else {
                print(format == .tsv ? "done" : "nothing to review")
                return
            }
            var review = EncounterReview(store: store)
            review.chip = pattern.chip
            review.features = pattern.features
            review.match = pattern.match
            review.match.searchThreads = ProcessInfo.processInfo.activeProcessorCount
            let (encounter, proposals, reranked, problems) = try review.prepare(id)
            problems.forEach { FileHandle.standardError.write(Data(("warning: " + $0 + "\n").utf8)) }
            let url = sheet.map { URL(fileURLWithPath: $0) }
                ?? store.directory.appendingPathComponent("cache/review/encounter-\(id).jpg")
            try review.sheet(encounter, proposals: proposals, rows: max(1, rows)).write(to: url)
            ReviewCommand.show(encounter, proposals: proposals, reranked: reranked, sheet: url, format: format,
                               mothers: try store.proposedMothers(encounterID: id, topCandidate: proposals.first?.individualID),
                               flank: try? store.flank(encounterID: id))
            if format == .text {
                print("decide with: rosette review decide --encounter \(id) --confirm ID | --new ID | --reject | --unidentifiable"
                      + " | --not-target [--species NAME] | --skip")
            }
        }
    }

    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a decision about an encounter's identity.")
        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Option(help: "The encounter (from `review next`).") var encounter: Int64?
        @Option(help: "Or a photo of an undecided encounter (its mediaID).") var media: Int64?
        @Option(help: "The encounter shows this catalogued individual.") var confirm: String?
        @Option(name: .customLong("new"), help: "The encounter shows a new individual, created with this ID.") var newID: String?
        @Flag(help: "None of the proposals; identity left open.") var reject = false
        @Flag(help: "The pattern cannot be seen well enough.") var unidentifiable = false
        @Flag(help: "Not the species being identified (give --species when known).") var notTarget = false
        @Option(help: "With --not-target: what it is (scientific name).") var species: String?
        @Flag(help: "Decide later: the encounter goes to the back of the queue.") var skip = false
        @Flag(help: "Do not add the encounter's best frame to the individual's reference photos.") var noReference = false
        @Option var note: String?
        @Option(help: "With --confirm/--new: the animal's sex as seen (female, male, unknown).") var sex: String?
        @Option(help: "With --confirm/--new: its life stage as seen (cub, subadult, adult) on the encounter's day.") var lifeStage: String?
        @Option(help: "With --confirm/--new: its mother (\"cub of L07\").") var mother: String?
        @Option(help: "The flank side the encounter shows (left, right, unknown), when the estimate is wrong.") var side: String?

        func validate() throws {
            let chosen = [confirm != nil, newID != nil, reject, unidentifiable, notTarget, skip].filter { $0 }.count
            guard chosen == 1 else {
                throw ValidationError("give exactly one of --confirm ID, --new ID, --reject, --unidentifiable, --not-target, --skip")
            }
            guard (encounter == nil) != (media == nil) else { throw ValidationError("give --encounter N or --media ID") }
            if species != nil && !notTarget { throw ValidationError("--species goes with --not-target") }
            if (sex != nil || lifeStage != nil || mother != nil) && confirm == nil && newID == nil {
                throw ValidationError("--sex, --life-stage and --mother go with --confirm or --new")
            }
            if let side, !["left", "right", "unknown"].contains(side.lowercased()) {
                throw ValidationError("--side '\(side)' is not one of left, right, unknown")
            }
            if let lifeStage, LifeStage(label: lifeStage) == nil { throw ValidationError("--life-stage '\(lifeStage)' is not one of cub, subadult, adult") }
        }

        func run() throws {
            let store = try survey.open()
            let who = actor.actor ?? store.settings.defaultActor
            guard let id = try encounter ?? media.flatMap({ try store.undecidedEncounter(mediaID: $0) }) else {
                throw ValidationError("photo \(media ?? 0) is in no undecided encounter (see `rosette review next`)")
            }
            if let side {
                try store.setFlank(encounterID: id, side: side.lowercased(), confidence: 1, source: "person", actor: who)
            }
            if skip {
                try store.skipEncounter(id, actor: who)
                print("skipped: encounter \(id) goes to the back of the queue")
                return
            }
            let kind: ReviewDecisionKind = confirm != nil ? .confirmed : newID != nil ? .newIndividual
                : reject ? .rejected : unidentifiable ? .unidentifiable : .notTarget
            let individual = confirm ?? newID
            let candidate = try individual.flatMap { ind in try store.proposals(encounterID: id).first { $0.individualID == ind }?.id }
            let outcome = try store.decide(
                encounterID: id,
                EncounterDecision(kind: kind, individualID: individual, scientificName: species, candidateID: candidate,
                                  addReference: !noReference, note: note, sex: sex?.lowercased(),
                                  lifeStage: lifeStage.flatMap(LifeStage.init(label:)), motherID: mother),
                actor: who)
            let reference = outcome.reference
            outcome.notes.forEach { FileHandle.standardError.write(Data("note: \($0)\n".utf8)) }
            print("recorded: encounter \(id) \(kind.rawValue)" + (individual.map { " \($0)" } ?? "")
                  + (reference.map { "; its best frame is reference photo \($0)" } ?? ""))
        }
    }
}
