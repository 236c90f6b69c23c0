import Foundation

extension ClosedCaptureData {
    /// Reads a histories file: one 0/1 string per animal (an optional leading ID column is allowed),
    /// `#` starts a comment.
    public static func readHistories(contentsOf url: URL) throws -> ClosedCaptureData {
        try parseHistories(SECRTextFormat.readText(url), fileName: url.path)
    }

    /// Parses the text of a histories file; `fileName` is used in error messages.
    public static func parseHistories(_ text: String, fileName: String) throws -> ClosedCaptureData {
        var rows: [[Bool]] = []
        var length: Int?
        for (line, raw, tokens) in SECRTextFormat.dataLines(text) {
            let history = tokens.count == 1 ? tokens[0] : tokens.count == 2 ? tokens[1] : nil
            guard let history, !history.isEmpty, history.allSatisfy({ $0 == "0" || $0 == "1" }) else {
                throw CensusError.malformedLine(file: fileName, line: line, value: raw,
                                                expected: "one capture history of 0/1 digits per line (optionally after an ID)")
            }
            if let length, history.count != length {
                throw CensusError.malformedLine(file: fileName, line: line, value: history,
                                                expected: "\(length) occasions like the first history")
            }
            length = history.count
            rows.append(history.map { $0 == "1" })
        }
        guard !rows.isEmpty else { throw CensusError.noDetections(file: fileName) }
        return try ClosedCaptureData(histories: rows)
    }

    /// Parses `f1,f2,…` frequencies as typed on a command line.
    public static func parseFrequencies(_ text: String, occasions: Int) throws -> ClosedCaptureData {
        var values: [Int] = []
        for token in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
            guard let v = Int(token), v >= 0 else {
                throw CensusError.malformedLine(file: "--frequencies", line: 1, value: String(token),
                                                expected: "comma-separated non-negative whole numbers f1,f2,…")
            }
            values.append(v)
        }
        return try ClosedCaptureData(frequencies: values, occasions: occasions)
    }
}
