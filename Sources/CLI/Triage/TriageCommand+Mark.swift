import ArgumentParser
import Core
import Foundation
import Store
import Triage

extension TriageCommand {
    /// `rosette triage mark`: a reviewer's verdicts on bursts, from a labels file or one burst at a time.
    struct Mark: ParsableCommand {
        enum Verdict: String, ExpressibleByArgument, CaseIterable { case empty, animal }

        static let configuration = CommandConfiguration(
            abstract: "Store a reviewer's verdicts on photos and bursts (empty or animal) as human observations.",
            discussion: """
                --labels FILE.csv: a reviewed frame-labelled table (path, burst, label, species; as `triage validate
                --labels` reads): each matched photo gets a human observation (empty → blank, animal with its species,
                human). --burst ID --as empty|animal marks every photo of one burst. Marking a photo again replaces what
                this command said of it before; tags from ingest and review decisions are left as they are. These are the
                verdicts `triage learn` learns from.
                """)

        @OptionGroup var survey: SurveyOption
        @Option(help: "A reviewed frame-labelled CSV.", completion: .file(extensions: ["csv"])) var labels: String?
        @Option(help: "A burst (eventID, as `triage validate` and the web pages show it).") var burst: String?
        @Option(name: .customLong("as"), help: "With --burst: empty or animal.") var verdict: Verdict?
        @Option(help: "Who reviewed (stored as classifiedBy).") var reviewer = "reviewer"

        func validate() throws {
            guard (labels == nil) != (burst == nil) else { throw ValidationError("give one of --labels FILE or --burst ID") }
            if burst != nil && verdict == nil { throw ValidationError("--burst needs --as empty or --as animal") }
        }

        func run() throws {
            let store = try survey.open()
            try store.resequencePending()
            if let burst, let verdict {
                let ids = try store.burstMediaIDs(event: burst)
                guard !ids.isEmpty else {
                    printError("No burst '\(burst)' in this survey (see the burst names `triage validate` lists). Nothing was changed.")
                    throw ExitCode(1)
                }
                let kind: Observation.Kind = verdict == .empty ? .blank : .animal
                try store.saveReviewedVerdicts(ids.map { ($0, Observation(mediaID: $0, deploymentID: nil, observationType: kind)) }, by: reviewer)
                print("Burst \(burst): \(ids.count) photo(s) marked \(verdict.rawValue) by \(reviewer).")
                return
            }
            guard let labels else { return }
            let table = try FrameLabels(path: labels)
            var problems = table.problems.map(\.description)
            let matcher = MediaPathMatcher(media: try store.triageMediaRefs(), roots: try store.rootPaths())
            let taxonomy = try Taxonomy.forSurvey(directory: store.directory)
            var verdicts: [(mediaID: Int64, observation: Observation)] = []
            var seen: Set<Int64> = []
            for f in table.frames {
                guard case .media(let id) = matcher.match(f.path) else {
                    var candidates = 0
                    if case .ambiguous(let n) = matcher.match(f.path) { candidates = n }
                    problems.append(TriageWarning.unmatchedLabelPath(path: table.file, line: f.line, value: f.path, candidates: candidates).description)
                    continue
                }
                guard seen.insert(id).inserted else { continue }
                let kind: Observation.Kind = f.label == .empty ? .blank : f.label == .human ? .human : .animal
                var o = Observation(mediaID: id, deploymentID: nil, observationType: kind)
                if kind == .animal, !f.species.isEmpty {
                    o.speciesLabel = f.species
                    o.scientificName = taxonomy.resolve(f.species)?.scientificName
                }
                verdicts.append((id, o))
            }
            for p in problems { printError(p) }
            try store.saveReviewedVerdicts(verdicts, by: reviewer)
            let empty = verdicts.filter { $0.observation.observationType == .blank }.count
            print("\(labels): \(verdicts.count) photo(s) marked by \(reviewer) (\(empty) empty, \(verdicts.count - empty) not empty)"
                  + (problems.isEmpty ? "." : "; \(problems.count) row problem(s) listed above, those rows left out."))
        }
    }
}
