import ArgumentParser
import Foundation
import Store

/// `rosette individuals`: the catalog of known leopards and their reference flank photos.
struct IndividualsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "individuals",
        abstract: "The catalog of individuals: add, list, show, edit, merge, split.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Merge.self, Split.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an individual, optionally with a reference photo.")
        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Argument(help: "The new individual's ID, e.g. PPO-F12.") var id: String
        @Option(help: "A name.") var name: String?
        @Option(help: "female, male or unknown.") var sex: String?
        @OptionGroup var photo: ReferencePhotoOptions

        func run() throws {
            let store = try survey.open()
            let who = actor.actor ?? store.settings.defaultActor
            try store.addIndividual(id, name: name, sex: sex, actor: who)
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
            var rows = [["individual", "name", "sex", "status", "left", "right", "unknown"]]
            for i in try survey.open().individuals() {
                let count = { (side: String) in String(i.referencePhotos.filter { $0.side == side }.count) }
                rows.append([i.individualID, i.name ?? "", i.sex ?? "", i.mergedInto.map { "merged into \($0)" } ?? i.status,
                             count("left"), count("right"), count("unknown")])
            }
            print(TextTable.render(rows))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an individual, its reference photos and history.")
        @OptionGroup var survey: SurveyOption
        @Argument var id: String

        func run() throws {
            let store = try survey.open()
            let i = try store.individual(id)
            print("\(i.individualID)  name: \(i.name ?? "-")  sex: \(i.sex ?? "-")  status: \(i.status)"
                  + (i.mergedInto.map { "  merged into \($0)" } ?? ""))
            if let notes = i.notes { print("notes: \(notes)") }
            for p in i.referencePhotos {
                print("  photo \(p.id): \(p.side) flank  \(p.filePath)" + (p.box.map { "  box \($0)" } ?? "") + "  (added by \(p.addedBy))")
            }
            for c in try store.changes(entity: "individual", id: id) {
                print("  \(c.at)  \(c.actor)  \(c.action)" + (c.detail.map { ": \($0)" } ?? ""))
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an individual's name, sex, status or notes.")
        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Argument var id: String
        @Option var name: String?
        @Option var sex: String?
        @Option(help: "alive, dead or unknown.") var status: String?
        @Option var notes: String?

        func run() throws {
            let store = try survey.open()
            try store.editIndividual(id, IndividualEdit(name: name, sex: sex, status: status, notes: notes),
                                     actor: actor.actor ?? store.settings.defaultActor)
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
            try store.mergeIndividual(source, into: into, actor: actor.actor ?? store.settings.defaultActor)
            print("merged \(source) into \(into)")
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
