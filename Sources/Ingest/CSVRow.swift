import Core
import Foundation

/// One line of a CSV file read by column name, whose errors name the file, line and column.
///
/// Each reader (deployments, evidence) adds its own typed accessors in an extension.
struct CSVRow {
    let file: String
    let record: CSVReader.Record
    let col: [String: Int]

    /// The trimmed value of a column; nil when the column is absent or the cell empty.
    func text(_ name: String) -> String? {
        guard let i = col[name], i < record.fields.count else { return nil }
        let v = record.fields[i].trimmingCharacters(in: .whitespaces)
        return v.isEmpty ? nil : v
    }

    /// The error for a bad value in a column, naming the file, line, column, value and what was expected.
    func bad(_ name: String, _ expected: String) -> RosetteError {
        .csvBadValue(file: file, line: record.line, column: name, value: text(name) ?? "", expected: expected)
    }
}
