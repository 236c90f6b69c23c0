import Core
import Foundation
import Store
import Testing
import TestSupport

@Suite struct ReviewUndoTests {
    enum Change: String, CaseIterable { case confirm, newIndividual, merge }

    /// A catalog with two individuals that have photos, observations and a life history, and one decided encounter.
    static func catalog() throws -> (ReviewFixture, Encounter) {
        let f = try ReviewFixture()
        try f.store.addIndividual("L01", sex: "female", actor: "anna")
        try f.store.addIndividual("L02", actor: "anna")
        try f.store.editIndividual("L02", IndividualEdit(notes: "scar on the right hip", birthYear: 2019), actor: "anna")
        try f.store.addReferencePhoto(individualID: "L02", mediaID: f.media[3], side: "left", box: [0.1, 0.2, 0.3, 0.4], actor: "anna")
        let old = try f.encounter([f.media[2]], proposals: ["L02"])
        try f.store.decide(encounterID: old.encounterID, EncounterDecision(kind: .confirmed, individualID: "L02"), actor: "anna")
        return (f, try f.encounter([f.media[0], f.media[1]], proposals: ["L01", "L02"]))
    }

    @discardableResult
    static func apply(_ change: Change, _ f: ReviewFixture, _ e: Encounter) throws -> Int64 {
        switch change {
        case .confirm:
            try f.store.decide(encounterID: e.encounterID, EncounterDecision(kind: .confirmed, individualID: "L01", sex: "female"), actor: "boris")
        case .newIndividual:
            try f.store.decide(encounterID: e.encounterID, EncounterDecision(kind: .newIndividual, individualID: "L09", sex: "male",
                                                                             lifeStage: .subadult), actor: "boris")
        case .merge:
            try f.store.mergeIndividual("L02", into: "L01", actor: "boris")
        }
        return try #require(try f.store.lastUndoable(actor: "boris")).id
    }

    @Test(arguments: Change.allCases)
    func undoRestoresEveryRowExactlyAndRedoTheDecidedState(_ change: Change) throws {
        let (f, e) = try Self.catalog()
        let start = try f.dump(), versionBefore = try f.store.catalogVersion()
        let entry = try Self.apply(change, f, e)
        let done = try f.dump()
        #expect(done != start)
        let versionsDone = try f.store.individualVersions(["L01", "L02", "L09"])
        let undo = try f.store.undo(entryID: entry, actor: "boris")
        #expect(undo.kind == .undo && undo.reverts == entry)
        #expect(try f.dump(ReviewFixture.catalogTables.filter { $0 != "pendingDecision" }) == start.filter { $0.key != "pendingDecision" })
        #expect(try f.store.catalogVersion() > versionBefore)
        let versionsUndone = try f.store.individualVersions(["L01", "L02", "L09"])
        let touched = change == .confirm ? ["L01"] : change == .newIndividual ? ["L09"] : ["L01", "L02"]
        for id in touched { #expect(versionsUndone[id]! > versionsDone[id]!, "the version of \(id) did not grow with the undo") }
        let redo = try f.store.redo(entryID: undo.id, actor: "boris")
        #expect(redo.kind == .redo && redo.reverts == undo.id)
        #expect(try f.dump() == done)
        // The entry is in the history of the individuals it changed.
        let subject = change == .newIndividual ? "L09" : "L01"
        #expect(try f.store.history(individualID: subject).map(\.id).contains(entry))
    }

    @Test func undoOfAnEntryWhoseRowsChangedLaterIsAConflictNamingTheLaterChange() throws {
        let (f, e) = try Self.catalog()
        let entry = try Self.apply(.newIndividual, f, e)
        try f.store.editIndividual("L09", IndividualEdit(name: "Zolotoy"), actor: "vera")
        let before = try f.dump(), counts = try f.counts()
        let edited = try #require(throws: ReviewError.self) { try f.store.undo(entryID: entry, actor: "boris") }
        guard case .changedLater(let id, let table, let key, nil, let who?) = edited else { Issue.record("\(edited)"); return }
        #expect(id == entry && table == "individual" && key == "L09" && who.actor == "vera" && who.what.contains("Zolotoy"))
        #expect(edited.category == .conflict)
        #expect(try f.dump() == before && f.counts() == counts)

        // A later log entry (a merge) is named by its entry number.
        let merge = try Self.apply(.merge, f, e)
        // anna's decision for the older encounter gave L02 a reference photo, which the merge moved to L01.
        let older = try #require(try f.store.history(individualID: "L02").first)
        #expect(older.actor == "anna" && older.verdict == .same)
        let merged = try #require(throws: ReviewError.self) { try f.store.undo(entryID: older.id, actor: "anna") }
        guard case .changedLater(_, _, _, let later?, let by?) = merged else { Issue.record("\(merged)"); return }
        #expect(later == merge && by.actor == "boris")
    }

    @Test func undoAndRedoFollowEachReviewersOwnStack() throws {
        let f = try ReviewFixture()
        try f.store.addIndividual("L01", actor: "anna")
        let e1 = try f.encounter([f.media[0]], proposals: ["L01"]), e2 = try f.encounter([f.media[1]], proposals: ["L01"])
        try f.store.decide(encounterID: e1.encounterID, EncounterDecision(kind: .unidentifiable), actor: "boris")
        try f.store.decide(encounterID: e2.encounterID, EncounterDecision(kind: .confirmed, individualID: "L01"), actor: "boris")
        try f.store.decide(encounterID: try f.encounter([f.media[2]]).encounterID, EncounterDecision(kind: .rejected), actor: "vera")
        let second = try #require(try f.store.lastUndoable(actor: "boris"))
        #expect(second.encounterID == e2.encounterID && second.verdict == .same)
        try f.store.undo(entryID: second.id, actor: "boris")
        let first = try #require(try f.store.lastUndoable(actor: "boris"))
        #expect(first.encounterID == e1.encounterID)
        try f.store.undo(entryID: first.id, actor: "boris")
        #expect(try f.store.lastUndoable(actor: "boris") == nil)
        #expect(Set(try f.store.undecidedEncounterIDs()) == [e1.encounterID, e2.encounterID])
        #expect(throws: ReviewError.self) { try f.store.undo(entryID: first.id, actor: "boris") }
        let redo1 = try #require(try f.store.lastRedoable(actor: "boris"))
        #expect(redo1.reverts == first.id)
        try f.store.redo(entryID: redo1.id, actor: "boris")
        #expect(try f.store.lastRedoable(actor: "boris")?.reverts == second.id)
        #expect(try f.store.undecidedEncounterIDs() == [e2.encounterID])
        #expect(try f.store.lastUndoable(actor: "vera")?.verdict == .cantTell)
    }
}
