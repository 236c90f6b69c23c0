import Foundation
import GRDB

/// One SQLite value kept exactly (integers, reals by bit pattern, text, blobs, null), for row images in the log.
enum StoredValue: Codable, Equatable, Sendable, Comparable {
    case null
    case integer(Int64)
    case real(UInt64)
    case text(String)
    case blob(Data)

    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let i): self = .integer(i)
        case .double(let d): self = .real(d.bitPattern)
        case .string(let s): self = .text(s)
        case .blob(let b): self = .blob(b)
        }
    }

    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let i): i.databaseValue
        case .real(let bits): Double(bitPattern: bits).databaseValue
        case .text(let s): s.databaseValue
        case .blob(let b): b.databaseValue
        }
    }

    /// The value as a person reads it.
    var text: String {
        switch self {
        case .null: "-"
        case .integer(let i): String(i)
        case .real(let bits): String(Double(bitPattern: bits))
        case .text(let s): s
        case .blob(let b): "(\(b.count) bytes)"
        }
    }

    static func < (a: StoredValue, b: StoredValue) -> Bool { a.text < b.text }
}

/// A row's columns and values, in the table's column order.
struct RowImage: Codable, Equatable, Sendable {
    struct Column: Codable, Equatable, Sendable {
        var name: String
        var value: StoredValue
    }

    var columns: [Column]

    init(_ row: Row, ignoring ignored: Set<String>) {
        columns = row.columnNames.filter { !ignored.contains($0) }.map { Column(name: $0, value: StoredValue(row[$0] as DatabaseValue)) }
    }

    subscript(_ name: String) -> StoredValue? { columns.first { $0.name == name }?.value }
}

/// How one row changed: its image before (nil: it did not exist) and after (nil: it was deleted).
struct RowChange: Codable, Equatable, Sendable {
    var table: String
    var key: StoredValue
    var before: RowImage?
    var after: RowImage?

    /// The individuals this row is about, before and after (the row itself for `individual`).
    var individualIDs: Set<String> {
        var ids: Set<String> = []
        for image in [before, after].compactMap({ $0 }) {
            if case .text(let id)? = image["individualID"] { ids.insert(id) }
        }
        return ids
    }

    var reversed: RowChange { RowChange(table: table, key: key, before: after, after: before) }

    var publicChange: LoggedRowChange {
        LoggedRowChange(table: table, key: key.text, change: before == nil ? .inserted : after == nil ? .deleted : .updated,
                        changedColumns: before.flatMap { b in after.map { a in
                            a.columns.filter { b[$0.name] != $0.value }.map(\.name)
                        } } ?? [])
    }
}
