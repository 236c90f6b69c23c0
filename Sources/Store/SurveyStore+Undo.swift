import Foundation
import GRDB

extension SurveyStore {
    /// Reverts a log entry (a decision, a merge, a confirmation, a redo) by appending a compensating entry that
    /// puts back, exactly, every row the entry changed; returns the new entry. Undoing an undo is a redo.
    ///
    /// Refused, nothing written, when the entry was already reverted (`alreadyReverted`), changed nothing
    /// (`nothingToUndo`), when any of its rows is no longer as it left them or the encounter was decided again
    /// since (`changedLater`, naming the later entry, who and when), or when an individual it created is used by
    /// something written later (`stillInUse`). Individuals it touches get new versions and the catalog version grows.
    @discardableResult
    public func undo(entryID: Int64, actor: String) throws -> LogEntry {
        try revert(entryID, actor: actor, redo: false)
    }

    /// Re-applies what an undo entry took back (the entry is the undo); returns the new entry. Throws `notAnUndo`
    /// for another kind of entry, and the same conflicts as `undo`.
    @discardableResult
    public func redo(entryID: Int64, actor: String) throws -> LogEntry {
        try revert(entryID, actor: actor, redo: true)
    }

    /// The reviewer's latest entry still in effect that can be undone (the page's Z), nil when there is none.
    public func lastUndoable(actor: String) throws -> LogEntry? {
        try pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT * FROM decisionLog l WHERE l.actor = ? AND l.kind IN ('decision', 'merge', 'confirm', 'link', 'redo') AND l.changes <> '[]'
                  AND NOT EXISTS (SELECT 1 FROM decisionLog u WHERE u.reverts = l.id)
                ORDER BY l.id DESC LIMIT 1
                """, arguments: [actor]).map(SurveyStore.entry)
        }
    }

    /// The reviewer's latest undo that can be redone (the page's Shift+Z): not redone yet, and no new decision or
    /// merge by the reviewer since.
    public func lastRedoable(actor: String) throws -> LogEntry? {
        try pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT * FROM decisionLog l WHERE l.actor = ? AND l.kind = 'undo'
                  AND NOT EXISTS (SELECT 1 FROM decisionLog r WHERE r.reverts = l.id)
                  AND NOT EXISTS (SELECT 1 FROM decisionLog n WHERE n.actor = l.actor AND n.id > l.id
                                  AND n.kind IN ('decision', 'merge', 'confirm', 'link') AND n.changes <> '[]')
                ORDER BY l.id DESC LIMIT 1
                """, arguments: [actor]).map(SurveyStore.entry)
        }
    }

    private func revert(_ entryID: Int64, actor: String, redo: Bool) throws -> LogEntry {
        try pool.write { db in
            let (entry, row) = try SurveyStore.entry(db, id: entryID)
            if redo, entry.kind != .undo { throw ReviewError.notAnUndo(entryID: entryID) }
            let changes = try SurveyStore.changes(of: row)
            guard !changes.isEmpty else { throw ReviewError.nothingToUndo(entryID: entryID) }
            if let by = try Row.fetchOne(db, sql: "SELECT id, actor FROM decisionLog WHERE reverts = ? ORDER BY id DESC LIMIT 1",
                                         arguments: [entryID]) {
                throw ReviewError.alreadyReverted(entryID: entryID, by: by["id"], actor: by["actor"])
            }
            try SurveyStore.checkUnchanged(db, entryID, changes, encounterID: entry.encounterID)
            let kind: LogEntry.Kind = entry.kind == .undo ? .redo : .undo
            let header = LogHeader(actor: actor, kind: kind, verdict: entry.verdict, encounterID: entry.encounterID,
                                   individualID: entry.individualID, candidateID: entry.candidateID, rankShown: entry.rankShown,
                                   reverts: entryID, summary: "\(kind.rawValue) of entry \(entryID) (\(entry.actor)): \(entry.summary)")
            let newID = try SurveyStore.logged(db, header) {
                try SurveyStore.restore(db, entryID, changes)
                let individuals = changes.reduce(into: Set<String>()) { $0.formUnion($1.individualIDs) }
                    .union(changes.compactMap { c -> String? in
                        if c.table == "individual", case .text(let id) = c.key { return id }
                        return nil
                    })
                for id in individuals.sorted() {
                    try SurveyStore.log(db, actor: actor, entity: "individual", id: id, action: kind.rawValue,
                                        detail: "log entry \(entryID): \(entry.summary)")
                }
                if let e = entry.encounterID {
                    try SurveyStore.log(db, actor: actor, entity: "encounter", id: String(e), action: kind.rawValue,
                                        detail: "log entry \(entryID): \(entry.summary)")
                }
            }.entryID
            return try SurveyStore.entry(db, id: newID).0
        }
    }

    /// Throws `changedLater` unless every row is as the entry left it and no later decision or pending "new
    /// individual" exists for its encounter.
    private static func checkUnchanged(_ db: Database, _ entryID: Int64, _ changes: [RowChange], encounterID: Int64?) throws {
        for c in changes {
            guard let table = RowTracker.table(c.table) else { continue }
            if try RowTracker.current(db, table: table, key: c.key) != c.after {
                throw try changedLater(db, entryID, table: c.table, key: c.key.text, individual: c.individualIDs.sorted().first)
            }
        }
        guard let encounterID else { return }
        for (table, extra) in [("reviewDecision", ""), ("pendingDecision", " AND status = 'pending'")] {
            let ids = changes.filter { $0.table == table }.compactMap { c -> Int64? in
                if case .integer(let i) = c.key { return i }
                return nil
            }
            guard let newest = ids.max() else { continue }
            if let later = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM \(table) WHERE encounterID = ? AND id > ?\(extra)",
                                              arguments: [encounterID, newest]) {
                throw try changedLater(db, entryID, table: table, key: String(later), individual: nil)
            }
        }
    }

    private static func changedLater(_ db: Database, _ entryID: Int64, table: String, key: String, individual: String?) throws -> ReviewError {
        if let later = try Row.fetchOne(db, sql: """
            SELECT l.id, l.actor, l.at, l.summary FROM decisionLogRow r JOIN decisionLog l ON l.id = r.entryID
            WHERE r.tableName = ? AND r.rowKey = ? AND r.entryID > ? ORDER BY r.entryID DESC LIMIT 1
            """, arguments: [table, key, entryID]) {
            return .changedLater(entryID: entryID, table: table, key: key, entry: later["id"],
                                 change: ReviewError.Change(actor: later["actor"], at: later["at"], what: later["summary"]))
        }
        let subject = table == "individual" ? key : individual
        return .changedLater(entryID: entryID, table: table, key: key, entry: nil,
                             change: try subject.flatMap { try lastChange(db, entity: "individual", id: $0) })
    }

    /// Puts every row back to its before-image, foreign keys checked at the end: proposals naming an individual
    /// that goes are dropped (their encounters are ranked again), a decision's proposal that is gone is left out.
    private static func restore(_ db: Database, _ entryID: Int64, _ changes: [RowChange]) throws {
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        let going = changes.filter { $0.table == "individual" && $0.before == nil }.map(\.key)
        for key in going {
            try db.execute(sql: """
                UPDATE encounter SET catalogVersion = NULL WHERE encounterID IN (SELECT encounterID FROM matchCandidate WHERE individualID = ?)
                """, arguments: [key.databaseValue])
            try db.execute(sql: """
                DELETE FROM matchCandidate WHERE individualID = ? AND id NOT IN (SELECT candidateID FROM reviewDecision WHERE candidateID IS NOT NULL)
                """, arguments: [key.databaseValue])
        }
        for c in changes {
            guard let table = RowTracker.table(c.table) else { continue }
            var image = c.before
            if c.table == "reviewDecision", var i = image, case .integer(let candidate)? = i["candidateID"],
               try Int.fetchOne(db, sql: "SELECT 1 FROM matchCandidate WHERE id = ?", arguments: [candidate]) == nil,
               let n = i.columns.firstIndex(where: { $0.name == "candidateID" }) {
                i.columns[n].value = .null
                image = i
            }
            try RowTracker.restore(db, table: table, key: c.key, to: image)
        }
        guard !going.isEmpty else { return }
        for table in ["individual", "referencePhoto", "reviewDecision", "matchCandidate"] {
            if let v = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check(\(table))") {
                throw ReviewError.stillInUse(entryID: entryID, individualID: going.map(\.text).joined(separator: ", "),
                                             table: v[0], rowID: v[1] ?? 0)
            }
        }
    }
}
