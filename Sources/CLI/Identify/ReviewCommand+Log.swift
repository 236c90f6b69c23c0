import ArgumentParser
import Foundation
import Store

extension ReviewCommand {
    /// `rosette review log`: the review log, newest first, or one individual's history.
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the review log (decisions, merges, undos, redos), newest first; with --individual, its history.")
        @OptionGroup var survey: SurveyOption
        @Option(help: "Only the entries that changed this individual (oldest first).") var individual: String?
        @Option(help: "Only this reviewer's entries.") var actor: String?
        @Option(help: "At most this many entries.") var limit: Int = 50

        func run() throws {
            let store = try survey.open()
            let entries = try individual.map { try store.history(individualID: $0) }
                ?? store.reviewLog(actor: actor, limit: limit)
            var table = [["entry", "at", "who", "kind", "what", "rows"]]
            for e in entries.prefix(limit) {
                table.append([String(e.id), ReviewError.when(e.at), e.actor, e.kind.rawValue + (e.reverts.map { " \($0)" } ?? ""),
                              e.summary, String(e.rows.count)])
            }
            print(entries.isEmpty ? "no review log entries" : TextTable.render(table))
        }
    }

    /// `rosette review undo ENTRY`: reverts a log entry with a compensating entry.
    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Undo a review log entry (a decision, a merge, a confirmation): every row it changed is put back; --redo re-applies an undo.")
        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Argument(help: "The log entry (see `rosette review log`); default: your latest one.") var entry: Int64?
        @Flag(help: "Redo: ENTRY is an undo to take back (default: your latest undo).") var redo = false

        func run() throws {
            let store = try survey.open()
            let who = actor.actor ?? store.settings.defaultActor
            let target = try entry ?? (redo ? store.lastRedoable(actor: who) : store.lastUndoable(actor: who))?.id
            guard let target else { throw ValidationError("nothing of \(who)'s to \(redo ? "redo" : "undo") (see `rosette review log`)") }
            let done = redo ? try store.redo(entryID: target, actor: who) : try store.undo(entryID: target, actor: who)
            print("entry \(done.id): \(done.summary) (\(done.rows.count) rows put back)")
        }
    }
}
