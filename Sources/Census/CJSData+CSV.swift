import Core
import Foundation

extension CJSData {
    /// Reads histories from a CSV with a `ch` column (one 0/1 character per occasion, as MARK and the R
    /// package marked write them) and, optionally, a group column such as `sex`.
    ///
    /// A bad line (a character other than 0/1, a history of the wrong length, a missing field or an empty
    /// group value) is skipped and reported in `problems` with file, line and column; the rest is used. The
    /// history length is the most common one among well-formed lines. A missing `ch` (or group) column is an
    /// error naming the file.
    public static func readCSV(contentsOf url: URL, group: String? = nil, displayName: String? = nil) throws -> CJSData {
        let name = displayName ?? url.path
        let csv: CSVReader
        do { csv = try CSVReader(contentsOf: url, displayName: name) } catch {
            throw CensusError.unreadableFile(file: name, reason: "\(error)")
        }
        return try parseCSV(csv, group: group)
    }

    /// Parses CSV text (see `readCSV`).
    public static func parseCSV(text: String, file: String, group: String? = nil) throws -> CJSData {
        try parseCSV(CSVReader(text: text, file: file), group: group)
    }

    static func parseCSV(_ csv: CSVReader, group: String?) throws -> CJSData {
        let file = csv.file
        if let fatal = csv.fatal { throw CensusError.unreadableFile(file: file, reason: "\(fatal)") }
        let index = csv.columnIndex
        guard let chColumn = index["ch"] else {
            throw CensusError.invalidArgument("\(file): no 'ch' column (capture histories); the header is '\(csv.header.joined(separator: ","))'")
        }
        var groupColumn: Int?
        if let group {
            guard let g = index[group] else {
                throw CensusError.invalidArgument("\(file): no '\(group)' column for --group; the header is '\(csv.header.joined(separator: ","))'")
            }
            groupColumn = g
        }
        var problems: [String] = []
        var rows: [(line: Int, history: [Bool], level: String)] = []
        for record in csv.records {
            func field(_ column: Int, _ label: String) -> String? {
                guard column < record.fields.count else {
                    problems.append("\(file):\(record.line): column '\(label)' (\(column + 1)) is missing; line skipped")
                    return nil
                }
                return record.fields[column].trimmingCharacters(in: .whitespaces)
            }
            guard let ch = field(chColumn, "ch") else { continue }
            if let bad = ch.first(where: { $0 != "0" && $0 != "1" }) {
                problems.append("\(file):\(record.line): column 'ch' (\(chColumn + 1)): '\(ch)' has '\(bad)'; "
                                + "a history is one 0 or 1 per occasion; line skipped")
                continue
            }
            var level = ""
            if let groupColumn, let group {
                guard let value = field(groupColumn, group) else { continue }
                guard !value.isEmpty else {
                    problems.append("\(file):\(record.line): column '\(group)' (\(groupColumn + 1)) is empty; line skipped")
                    continue
                }
                level = value
            }
            rows.append((record.line, ch.map { $0 == "1" }, level))
        }
        var lengths: [Int: Int] = [:]
        for r in rows { lengths[r.history.count, default: 0] += 1 }
        guard let length = lengths.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key else {
            throw CensusError.noDetections(file: file)
        }
        var kept: [(history: [Bool], level: String)] = []
        for r in rows {
            if r.history.count != length {
                problems.append("\(file):\(r.line): column 'ch' (\(chColumn + 1)): history of \(r.history.count) occasion(s), "
                                + "where the others have \(length); line skipped")
            } else {
                kept.append((r.history, r.level))
            }
        }
        let levels = group == nil ? ["all"] : Array(Set(kept.map(\.level))).sorted()
        let levelIndex = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
        return try CJSData(histories: kept.map(\.history),
                           groups: group == nil ? nil : kept.map { levelIndex[$0.level]! },
                           groupName: group, groupLevels: levels, problems: problems)
    }
}
