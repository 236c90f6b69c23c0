import ArgumentParser
import Core
import Foundation
import Store
import Triage

/// `--role`: whose view of the survey a command shows.
struct RoleOption: ParsableArguments {
    @Option(help: "View as owner, staff, partner or public (partner and public do not see photos with people; what the CLI prints or writes for them has locations generalised and station names withheld).")
    var role = "owner"

    func viewer(_ store: SurveyStore) throws -> Viewer {
        guard let r = AccessRole(rawValue: role.lowercased()) else {
            throw ValidationError("--role must be one of \(AccessRole.allCases.map(\.rawValue).joined(separator: ", ")), not '\(role)'")
        }
        return store.viewer(r)
    }
}

extension TriageCommand {
    /// `rosette triage species`: each box's species from tags, classifiers and imports, smoothed over bursts.
    struct Species: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give every detection box a species (person tags > classifier or imported, smoothed over bursts).",
            discussion: """
                Evidence precedence: a person's tag on the photo or its burst; else the box's classifier or imported
                classification, smoothed over the burst (a burst's frames share the species with the most summed
                evidence unless a frame's own evidence for another is at least --strong); else none ("animal").
                Prints a summary per species and writes nothing, unless --apply: then the species are stored as
                machine observations per box and per burst (source 'species'), replacing only an earlier apply's rows.
                """)

        @OptionGroup var survey: SurveyOption
        @OptionGroup var access: RoleOption
        @Option(help: "Boxes below this detector confidence are left out.") var detectionThreshold = 0.2
        @Option(help: "Machine species below this probability count as unknown.") var speciesThreshold = 0.5
        @Option(help: "A frame's own evidence at least this strong is not smoothed away.") var strong = 0.9
        @Option(help: "Only this detector's boxes (default: every detector's).") var detector: String?
        @Option(help: "Only species within this scientific name (e.g. \"Panthera pardus\").") var species: String?
        @Flag(help: "Store the species as observations (source 'species').") var apply = false

        func run() throws {
            let store = try survey.open()
            let viewer = try access.viewer(store)
            if apply && viewer.role != .owner { throw ValidationError("--apply stores for everyone: run it as --role owner") }
            let boxes = try store.speciesBoxes(detectionThreshold: detectionThreshold, speciesThreshold: speciesThreshold,
                                               scientificNamePrefix: species, detector: detector, viewer: viewer,
                                               strongEvidence: strong)
            let withheld = try store.withheldMediaIDs(for: viewer).count
            print("\(boxes.count) box(es) at detection ≥ \(detectionThreshold) in \(Set(boxes.map(\.mediaID)).count) photo(s); "
                  + "species ≥ \(speciesThreshold)" + (withheld > 0 ? "; \(withheld) photo(s) withheld from --role \(viewer.role.rawValue) (people, or not yet screened for people)" : "") + ".")
            print(TextTable.render(Self.summary(boxes)))
            guard apply else { return }
            let note = "detection ≥ \(detectionThreshold), species ≥ \(speciesThreshold), strong \(strong)"
            let s = try store.applySpecies(boxes, note: note)
            print("Stored \(s.boxRows) box species and \(s.eventRows) burst species observation(s) (source 'species'); "
                  + "\(s.replaced) from an earlier apply replaced.")
        }

        /// One row per species: boxes, photos, bursts, and boxes by evidence.
        static func summary(_ boxes: [SpeciesBox]) -> [[String]] {
            let evidence = SpeciesEvidence.allCases
            var rows = [["species", "boxes", "photos", "bursts"] + evidence.map(\.rawValue)]
            let groups = Dictionary(grouping: boxes) { $0.scientificName ?? $0.speciesLabel ?? "animal" }
            for (name, members) in groups.sorted(by: { ($0.value.count, $1.key) > ($1.value.count, $0.key) }) {
                let label = members[0].scientificName.flatMap { s in members[0].speciesLabel.map { "\(s) (\($0))" } } ?? name
                rows.append([label, String(members.count), String(Set(members.map(\.mediaID)).count),
                             String(Set(members.map { $0.eventID ?? "media-\($0.mediaID)" }).count)]
                            + evidence.map { e in String(members.filter { $0.evidence == e }.count) })
            }
            return rows
        }
    }
}
