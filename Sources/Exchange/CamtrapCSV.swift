import Foundation

/// CSV text of a package table: the schema's columns in order, RFC 4180 quoting, LF line ends.
enum CamtrapCSV {
    static func text(_ table: CamtrapTable, rows: [[String: String]]) -> String {
        var out = table.columns.map(quote).joined(separator: ",") + "\n"
        for row in rows {
            out += table.columns.map { quote(row[$0] ?? "") }.joined(separator: ",") + "\n"
        }
        return out
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
