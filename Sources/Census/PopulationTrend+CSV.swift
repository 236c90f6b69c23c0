import Core
import Foundation

extension PopulationTrend {
    /// Reads yearly estimates from a CSV with columns `year`, `estimate` and `se` (or `lcl` and `ucl`; both
    /// may be given, and the interval is then used for the weight). Bad lines are skipped and reported with
    /// file, line and column; a missing required column is an error naming the file.
    public static func readEstimates(contentsOf url: URL, displayName: String? = nil) throws
        -> (points: [(year: Int, estimate: Estimate)], problems: [String]) {
        let name = displayName ?? url.path
        let csv: CSVReader
        do { csv = try CSVReader(contentsOf: url, displayName: name) } catch {
            throw CensusError.unreadableFile(file: name, reason: "\(error)")
        }
        if let fatal = csv.fatal { throw CensusError.unreadableFile(file: name, reason: "\(fatal)") }
        let index = csv.columnIndex
        let missing = csv.missing(["year", "estimate"])
        guard missing.isEmpty, index["se"] != nil || (index["lcl"] != nil && index["ucl"] != nil) else {
            throw CensusError.invalidArgument("\(name): needs columns year, estimate and se (or lcl and ucl); the header is '\(csv.header.joined(separator: ","))'")
        }
        var points: [(year: Int, estimate: Estimate)] = []
        var problems: [String] = []
        for record in csv.records {
            func number(_ column: String, optional: Bool = false) -> Double?? {
                guard let i = index[column] else { return .some(nil) }
                guard i < record.fields.count else {
                    problems.append("\(name):\(record.line): column '\(column)' (\(i + 1)) is missing; line skipped")
                    return nil
                }
                let text = record.fields[i].trimmingCharacters(in: .whitespaces)
                if optional, text.isEmpty || text.uppercased() == "NA" { return .some(nil) }
                guard let v = Double(text), v.isFinite else {
                    problems.append("\(name):\(record.line): column '\(column)' (\(i + 1)): '\(text)' is not a number; line skipped")
                    return nil
                }
                return .some(v)
            }
            guard let yearValue = number("year"), let year = yearValue, year == year.rounded() else {
                if problems.last?.hasPrefix("\(name):\(record.line):") != true {
                    problems.append("\(name):\(record.line): column 'year' is not a whole year; line skipped")
                }
                continue
            }
            guard let estimate = number("estimate"), let d = estimate,
                  let se = number("se", optional: true), let lcl = number("lcl", optional: true),
                  let ucl = number("ucl", optional: true) else { continue }
            points.append((Int(year), Estimate(estimate: d, se: se ?? .nan, lcl: lcl ?? .nan, ucl: ucl ?? .nan)))
        }
        return (points, problems)
    }
}
