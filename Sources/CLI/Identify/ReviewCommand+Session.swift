import ArgumentParser
import Core
import Foundation
import Identify
import Store

extension ReviewCommand {
    /// `rosette review session`: work through the queue in one sitting, decisions typed (or piped) one per line.
    struct Session: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Review encounter after encounter; each confirmed photo joins the pattern index at once (no rebuild).",
            discussion: """
                After each encounter, type a decision: a rank (1–5) or `confirm ID`, `new ID`, `reject`, `unidentifiable`, \
                `not-target [SCIENTIFIC NAME]`, `skip`, or `quit`. A rank, `confirm` or `new` may be followed by what was seen \
                of the animal: `sex=female`, `stage=cub`, `mother=L07` (e.g. `new L12 stage=cub mother=L07`). With --format tsv the encounter is printed as in \
                `review next --format tsv`, followed by a line `decide`; scripts answer on standard input.
                """
        )
        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Option(help: "Candidates drawn in each picture.") var rows: Int = 3
        @Option(help: "text, or tsv for scripts.") var format: Format = .text
        @OptionGroup var pattern: PatternOptions

        func run() throws {
            let store = try survey.open()
            let who = actor.actor ?? store.settings.defaultActor
            var review = EncounterReview(store: store)
            review.chip = pattern.chip
            review.features = pattern.features
            review.match = pattern.match
            review.match.searchThreads = ProcessInfo.processInfo.activeProcessorCount
            let session = try ReviewSession(review: review)
            session.gallery.problems.forEach { warn($0) }
            var decided = 0
            while let (encounter, proposals, problems) = try session.next() {
                problems.forEach { warn($0) }
                let id = encounter.encounterID
                let url = store.directory.appendingPathComponent("cache/review/encounter-\(id).jpg")
                try review.sheet(encounter, proposals: proposals, rows: max(1, rows)).write(to: url)
                ReviewCommand.show(encounter, proposals: proposals, reranked: false, sheet: url, format: format,
                                   mothers: try store.proposedMothers(encounterID: id, topCandidate: proposals.first?.individualID),
                                   flank: try? store.flank(encounterID: id))
                var done = false
                while !done {
                    print(format == .tsv ? "decide" : "decision (rank, confirm ID, new ID, reject, unidentifiable, not-target, skip, quit)> ",
                          terminator: format == .tsv ? "\n" : "")
                    fflush(nil)
                    guard let line = readLine() else {
                        print("\n\(decided) decisions recorded")
                        return
                    }
                    do {
                        switch try Self.parse(line, proposals: proposals) {
                        case .quit:
                            print("\(decided) decisions recorded")
                            return
                        case .skip:
                            try session.skip(id, actor: who)
                        case .decide(let decision):
                            let outcome = try session.decide(id, decision, actor: who)
                            decided += 1
                            outcome.notes.forEach { warn($0) }
                            if format == .text {
                                print("recorded: \(decision.kind.rawValue)" + (decision.individualID.map { " \($0)" } ?? "")
                                      + (outcome.reference.map { " (reference photo \($0) added to the index)" } ?? ""))
                            }
                        }
                        done = true
                    } catch {
                        print("error: \(error)")
                    }
                }
            }
            print(format == .tsv ? "done" : "nothing more to review; \(decided) decisions recorded")
        }

        enum Command: Equatable {
            case decide(EncounterDecision)
            case skip, quit
        }

        /// Reads one typed decision.
        static func parse(_ line: String, proposals: [MatchProposal]) throws -> Command {
            var words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let verb = words.first?.lowercased() else { throw ValidationError("type a decision (or quit)") }
            // Traits seen of the animal: key=value words after a rank, confirm or new.
            var traits = (sex: String?.none, stage: LifeStage?.none, mother: String?.none)
            if Int(verb) != nil || verb == "confirm" || verb == "new" {
                for word in words.dropFirst() where word.contains("=") {
                    let kv = word.split(separator: "=", maxSplits: 1).map(String.init)
                    let value = kv.count == 2 ? kv[1] : ""
                    switch kv[0].lowercased() {
                    case "sex":
                        guard ["female", "male", "unknown"].contains(value.lowercased()) else { throw ValidationError("sex=\(value): female, male or unknown") }
                        traits.sex = value.lowercased()
                    case "stage", "life-stage":
                        guard let s = LifeStage(label: value) else { throw ValidationError("stage=\(value): cub, subadult or adult") }
                        traits.stage = s
                    case "mother", "cub-of": traits.mother = value
                    default: throw ValidationError("unknown '\(word)': give sex=, stage= or mother=")
                    }
                }
                words = words.filter { !$0.contains("=") }
            }
            func with(_ d: EncounterDecision) -> EncounterDecision {
                var d = d
                d.sex = traits.sex
                d.lifeStage = traits.stage
                d.motherID = traits.mother
                return d
            }
            let rest = words.dropFirst().joined(separator: " ")
            if let rank = Int(verb) {
                guard let p = proposals.first(where: { $0.rank == rank }) else { throw ValidationError("no proposal ranked \(rank)") }
                return .decide(with(EncounterDecision(kind: .confirmed, individualID: p.individualID, candidateID: p.id)))
            }
            switch verb {
            case "confirm", "new":
                guard words.count == 2 else { throw ValidationError("\(verb) needs one individual ID, e.g. `\(verb) L07`") }
                let candidate = proposals.first { $0.individualID == words[1] }?.id
                return .decide(with(EncounterDecision(kind: verb == "new" ? .newIndividual : .confirmed, individualID: words[1],
                                                      candidateID: candidate)))
            case "reject": return .decide(EncounterDecision(kind: .rejected))
            case "unidentifiable": return .decide(EncounterDecision(kind: .unidentifiable))
            case "not-target": return .decide(EncounterDecision(kind: .notTarget, scientificName: rest.isEmpty ? nil : rest))
            case "skip": return .skip
            case "quit", "q", "exit": return .quit
            default: throw ValidationError("unknown decision '\(line)'")
            }
        }

        private func warn(_ message: String) {
            FileHandle.standardError.write(Data(("warning: " + message + "\n").utf8))
        }
    }
}
