import Foundation

extension SECRTextFormat {
    /// Non-empty, comment-stripped lines with their 1-based numbers, raw text and whitespace tokens.
    static func dataLines(_ text: String) -> [(Int, String, [String])] {
        var result: [(Int, String, [String])] = []
        var number = 0
        text.enumerateLines { line, _ in
            number += 1
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let tokens = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
                .map(String.init)
            if !tokens.isEmpty {
                result.append((number, content.trimmingCharacters(in: .whitespaces), tokens))
            }
        }
        return result
    }

    /// Reads a UTF-8 text file, mapping failures to ``CensusError/unreadableFile(file:reason:)``.
    static func readText(_ url: URL) throws -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CensusError.unreadableFile(file: url.path, reason: error.localizedDescription)
        }
    }

    /// Usage tokens after the coordinates: one 0/1 string (secr binary usage) or one number per occasion.
    static func parseUsage(_ tokens: [String], raw: String, line: Int, file: String) throws -> [Double]? {
        if tokens.isEmpty { return nil }
        if tokens.count == 1, tokens[0].allSatisfy({ $0 == "0" || $0 == "1" }) {
            return tokens[0].map { $0 == "1" ? 1 : 0 }
        }
        var row: [Double] = []
        for token in tokens {
            guard let value = Double(token), value.isFinite, value >= 0 else {
                throw CensusError.malformedLine(file: file, line: line, value: token,
                                                expected: "usage as a 0/1 string (e.g. 11101) or non-negative numbers per occasion")
            }
            row.append(value)
        }
        return row
    }

    /// Chooses the capture layout from the first record.
    static func guessLayout(_ tokens: [String], traps: TrapLayout) -> CaptureLayout {
        if tokens.count >= 5, let x = Double(tokens[3]), let y = Double(tokens[4]),
           traps.index(x: x, y: y) != nil {
            return .coordinates
        }
        return .detectorID
    }
}
