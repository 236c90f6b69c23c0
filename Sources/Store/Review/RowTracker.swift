import Foundation
import GRDB

/// Records the before-image of every row a write changes in the catalog tables, through temporary triggers
/// on the writer connection that live only inside one transaction.
///
/// `begin` creates the triggers and an empty before-image table per tracked table; every first touch of a row
/// (update, delete) copies the row as it was, an insert marks the row as new. `finish` reads the before-images
/// and the rows as they are now, drops the triggers, and returns the rows whose content changed.
struct RowTracker {
    /// A table whose rows the review log keeps: its primary key and the columns it leaves out (derived or
    /// lease state, not part of what a decision changed).
    struct Table {
        let name: String
        let key: String
        let ignored: Set<String>
    }

    static let tables: [Table] = [
        Table(name: "individual", key: "individualID", ignored: []),
        Table(name: "observation", key: "observationID", ignored: []),
        Table(name: "referencePhoto", key: "id", ignored: []),
        Table(name: "reviewDecision", key: "id", ignored: []),
        Table(name: "rejectedPair", key: "id", ignored: []),
        Table(name: "pendingDecision", key: "id", ignored: []),
        Table(name: "encounter", key: "encounterID",
              ignored: ["rankedAt", "catalogVersion", "leaseHolder", "leaseToken", "leaseExpires"]),
        Table(name: "crossLink", key: "id", ignored: []),
        Table(name: "crossRejected", key: "id", ignored: []),
    ]

    static func table(_ name: String) -> Table? { tables.first { $0.name == name } }

    static func begin(_ db: Database) throws {
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS rlTouched(tbl TEXT NOT NULL, k, PRIMARY KEY (tbl, k))")
        try db.execute(sql: "DELETE FROM temp.rlTouched")
        for t in tables {
            let b = "rlBefore_\(t.name)"
            try db.execute(sql: "DROP TABLE IF EXISTS temp.\(b)")
            try db.execute(sql: "CREATE TEMP TABLE \(b) AS SELECT * FROM main.\(t.name) WHERE 0")
            // Trigger bodies may not qualify the tables they write: the temporary tables are found first by name.
            let untouched = "NOT EXISTS (SELECT 1 FROM rlTouched WHERE tbl = '\(t.name)' AND k = OLD.\(t.key))"
            let mark = "INSERT OR IGNORE INTO rlTouched(tbl, k) VALUES ('\(t.name)', OLD.\(t.key));"
            let copy = "INSERT INTO \(b) SELECT * FROM main.\(t.name) WHERE \(t.key) = OLD.\(t.key) AND \(untouched);"
            try db.execute(sql: """
                CREATE TEMP TRIGGER rl_\(t.name)_insert AFTER INSERT ON main.\(t.name) BEGIN
                    INSERT OR IGNORE INTO rlTouched(tbl, k) VALUES ('\(t.name)', NEW.\(t.key));
                END;
                CREATE TEMP TRIGGER rl_\(t.name)_update BEFORE UPDATE ON main.\(t.name) BEGIN
                    \(copy) \(mark)
                END;
                CREATE TEMP TRIGGER rl_\(t.name)_delete BEFORE DELETE ON main.\(t.name) BEGIN
                    \(copy) \(mark)
                END;
                """)
        }
    }

    /// The rows changed since `begin`, in table order (parents first), then key order; drops the triggers.
    static func finish(_ db: Database) throws -> [RowChange] {
        var changes: [RowChange] = []
        for t in tables {
            let keys = try DatabaseValue.fetchAll(db, sql: "SELECT k FROM temp.rlTouched WHERE tbl = ? ORDER BY k", arguments: [t.name])
            for key in keys {
                let before = try Row.fetchOne(db, sql: "SELECT * FROM temp.rlBefore_\(t.name) WHERE \(t.key) = ?", arguments: [key])
                let after = try Row.fetchOne(db, sql: "SELECT * FROM main.\(t.name) WHERE \(t.key) = ?", arguments: [key])
                let change = RowChange(table: t.name, key: StoredValue(key), before: before.map { RowImage($0, ignoring: t.ignored) },
                                       after: after.map { RowImage($0, ignoring: t.ignored) })
                if change.before != change.after { changes.append(change) }
            }
        }
        for t in tables {
            try db.execute(sql: """
                DROP TRIGGER temp.rl_\(t.name)_insert; DROP TRIGGER temp.rl_\(t.name)_update; DROP TRIGGER temp.rl_\(t.name)_delete;
                DROP TABLE temp.rlBefore_\(t.name);
                """)
        }
        try db.execute(sql: "DELETE FROM temp.rlTouched")
        return changes
    }

    /// A row as it is now (ignored columns left out), nil when there is none.
    static func current(_ db: Database, table: Table, key: StoredValue) throws -> RowImage? {
        try Row.fetchOne(db, sql: "SELECT * FROM main.\(table.name) WHERE \(table.key) = ?", arguments: [key.databaseValue])
            .map { RowImage($0, ignoring: table.ignored) }
    }

    /// Puts a row back as `image` says (deleting it when nil), column by column, values and types exactly.
    static func restore(_ db: Database, table: Table, key: StoredValue, to image: RowImage?) throws {
        let exists = try Int.fetchOne(db, sql: "SELECT 1 FROM main.\(table.name) WHERE \(table.key) = ?",
                                      arguments: [key.databaseValue]) != nil
        guard let image else {
            if exists {
                try db.execute(sql: "DELETE FROM main.\(table.name) WHERE \(table.key) = ?", arguments: [key.databaseValue])
            }
            return
        }
        let columns = image.columns.map(\.name)
        let values = StatementArguments(image.columns.map { $0.value.databaseValue })
        if exists {
            let set = columns.map { "\"\($0)\" = ?" }.joined(separator: ", ")
            try db.execute(sql: "UPDATE main.\(table.name) SET \(set) WHERE \(table.key) = ?",
                           arguments: values + [key.databaseValue])
        } else {
            let names = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
            try db.execute(sql: "INSERT INTO main.\(table.name)(\(names)) VALUES (\(marks))", arguments: values)
        }
    }
}
