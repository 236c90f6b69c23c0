import ArgumentParser
import Core
import Foundation
import Store

/// `rosette individuals`: the catalog of known leopards and their reference flank photos.
struct IndividualsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "individuals",
        abstract: "The catalog of individuals: add, add-photo, list, show, edit, merge, split.",
        subcommands: [Add.self, AddPhoto.self, List.self, Show.self, Edit.self, Merge.self, Split.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an individual, optionally with a reference photo.")
        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Argument(help: "The new individual's ID, e.g. PPO-F12.") var id: String
        @Option(help: "A name.") var name: String?
        @Option(help: "female, male or unknown.") var sex: String?
        @OptionGroup var history: LifeHistoryOptions
        @OptionGroup var photo: ReferencePhotoOptions

        func run() throws {
            let store = try survey.open()
            let who = actor.actor ?? store.settings.defaultActor
            let edit = try history.edit(zone: try ZoneSpec(store.settings.timeZone), sex: sex)
            try store.addIndividual(id, name: name, history: edit, actor: who)
            try IndividualsCommand.warnDetectionsAfterDeath(store, id)
            if let path = photo.photo {
                let media = try store.media(path: path)
                let ref = try store.addReferencePhoto(individualID: id, mediaID: media.mediaID, side: photo.side.rawValue,
                                                      box: try photo.relativeBox(), actor: who)
                print("added \(id) with reference photo \(ref) (\(photo.side.rawValue) flank)")
            } else {
                print("added \(id)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List individuals with their reference photos per flank.")
        @OptionGroup var survey: SurveyOption

        func run() throws {
            let store = try survey.open()
            let flagged = Set(try store.detectionsAfterDeath().map(\.individualID))
            var rows = [["individual", "name", "sex", "born", "stage", "mother", "status", "left", "right", "unknown"]]
            for i in try store.individuals() {
                let count = { (side: String) in String(i.referencePhotos.filter { $0.side == side }.count) }
                let status = i.mergedInto.map { "merged into \($0)" }
                    ?? (i.status == "dead" ? "dead (\(i.deathCause ?? "unknown"))" : i.status) + (flagged.contains(i.individualID) ? " — seen after death!" : "")
                rows.append([i.individualID, i.name ?? "", i.sex ?? "", i.birthYear.map(String.init) ?? "",
                             i.lifeStage.map { s in s + (i.lifeStageDate.map { " (\($0))" } ?? "") } ?? "", i.motherID ?? "",
                             status, count("left"), count("right"), count("unknown")])
            }
            print(TextTable.render(rows))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an individual, its life history, reference photos and change history.")
        @OptionGroup var survey: SurveyOption
        @OptionGroup var role: RoleOption
        @Argument var id: String

        func run() throws {
            let store = try survey.open()
            let viewer = try role.viewer(store)
            let zone = try ZoneSpec(store.settings.timeZone)
            let i = try store.individual(id)
            print("\(i.individualID)  name: \(i.name ?? "-")  sex: \(i.sex ?? "-")  status: \(i.status)"
                  + (i.mergedInto.map { "  merged into \($0)" } ?? ""))
            for line in IndividualsCommand.lifeHistoryLines(i, store: store, viewer: viewer, zone: zone) { print(line) }
            if let notes = i.notes { print("notes: \(notes)") }
            if viewer.role.receivesExactLocations {
                for p in i.referencePhotos {
                    print("  photo \(p.id): \(p.side) flank  \(p.filePath)" + (p.box.map { "  box \($0)" } ?? "") + "  (added by \(p.addedBy))")
                }
            } else {
                print("  \(i.referencePhotos.count) reference photo(s) (paths withheld from --role \(viewer.role.rawValue))")
            }
            for c in try store.changes(entity: "individual", id: id) {
                var detail = c.detail
                if !viewer.role.receivesExactLocations, let d = detail {   // a death place is a sensitive location
                    detail = d.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                        .map { $0.hasPrefix("death") && ["deathLocationID", "deathLatitude", "deathLongitude"].contains(where: $0.hasPrefix) ? "death place (withheld)" : $0 }
                        .joined(separator: "; ")
                }
                print("  \(c.at)  \(c.actor)  \(c.action)" + (detail.map { ": \($0)" } ?? ""))
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change an individual's name, sex, notes or life history (mother, birth year, life stage, death).",
            discussion: """
                Rules, checked before anything is written: a mother is female and at least 2 years older than her cub \
                (by birth year, or by the life stage observed); no individual is its own ancestor; --death-* go with \
                --status dead (given alone, they set it). Each change is attributed and kept in the history.
                """)
        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Argument var id: String
        @Option var name: String?
        @Option(help: "female, male or unknown.") var sex: String?
        @Option var notes: String?
        @OptionGroup var history: LifeHistoryOptions

        func run() throws {
            let store = try survey.open()
            let edit = try history.edit(zone: try ZoneSpec(store.settings.timeZone), name: name, sex: sex, notes: notes)
            guard !edit.isEmpty else { throw ValidationError("nothing to change: give an option such as --sex or --mother") }
            let changes = try store.editIndividual(id, edit, actor: actor.actor ?? store.settings.defaultActor)
            print(changes.isEmpty ? "\(id): nothing changed" : "\(id): " + changes.joined(separator: "; "))
            try IndividualsCommand.warnDetectionsAfterDeath(store, id)
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Merge an individual into another (it is kept, marked merged).")
        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Argument var source: String
        @Option(help: "The individual that remains.") var into: String

        func run() throws {
            let store = try survey.open()
            let report = try store.mergeIndividual(source, into: into, actor: actor.actor ?? store.settings.defaultActor)
            print("merged \(source) into \(into)")
            if !report.copied.isEmpty { print("copied from \(source): \(report.copied.joined(separator: ", "))") }
            if !report.cubsMoved.isEmpty { print("cubs now \(into)'s: \(report.cubsMoved.joined(separator: ", "))") }
            for c in report.conflicts { print("conflict (kept \(into)'s): \(c)") }
        }
    }

    struct Split: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move reference photos of an individual to a new individual.")
        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Argument var source: String
        @Option(help: "Reference photo IDs, comma-separated (see `individuals show`).") var photos: String
        @Option(help: "The new individual's ID.") var into: String

        func run() throws {
            let ids = photos.split(separator: ",").compactMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
            guard !ids.isEmpty else { throw ValidationError("--photos: give reference photo IDs, e.g. --photos 3,7") }
            let store = try survey.open()
            try store.splitIndividual(source, photos: ids, into: into, actor: actor.actor ?? store.settings.defaultActor)
            print("moved \(ids.count) photo(s) from \(source) to the new individual \(into)")
        }
    }
}
