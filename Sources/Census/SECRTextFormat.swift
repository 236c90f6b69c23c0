import Foundation

/// Readers for secr's whitespace-separated text formats (`read.traps`, `read.capthist`).
///
/// Trap file: `Detector x y [usage]`, where usage is a string of 0/1 digits (e.g. `11101`) or one number
/// per occasion; anything after a `/` (detector covariates) is ignored. Capture file: `Session ID Occasion
/// Detector` or `Session ID Occasion X Y` (X Y matched to a detector's coordinates); extra trailing columns
/// are ignored. `#` starts a comment. Errors name the file, the line and the offending value.
public enum SECRTextFormat {
    /// How capture records identify the detector.
    public enum CaptureLayout: String, Sendable, CaseIterable {
        /// Decide from the first record: `X Y` columns when they match a detector position, else detector ID.
        case automatic
        /// `Session ID Occasion Detector`.
        case detectorID
        /// `Session ID Occasion X Y`.
        case coordinates
    }

    /// Reads a trap file from disk.
    public static func readTraps(contentsOf url: URL) throws -> TrapLayout {
        try parseTraps(readText(url), fileName: url.path)
    }

    /// Parses the text of a trap file; `fileName` is used in error messages.
    public static func parseTraps(_ text: String, fileName: String) throws -> TrapLayout {
        var ids: [String] = [], xs: [Double] = [], ys: [Double] = []
        var usage: [[Double]] = []
        var usageLength: Int?
        var seen = Set<String>()
        for (lineNumber, raw, tokens) in dataLines(text) {
            guard tokens.count >= 3 else {
                throw CensusError.malformedLine(file: fileName, line: lineNumber, value: raw,
                                                expected: "'Detector x y [usage]'")
            }
            guard let x = Double(tokens[1]), let y = Double(tokens[2]), x.isFinite, y.isFinite else {
                throw CensusError.malformedLine(file: fileName, line: lineNumber, value: raw,
                                                expected: "numeric x and y coordinates after the detector ID")
            }
            guard seen.insert(tokens[0]).inserted else {
                throw CensusError.duplicateDetector(file: fileName, line: lineNumber, detector: tokens[0])
            }
            var extra = Array(tokens.dropFirst(3))
            if let slash = extra.firstIndex(where: { $0.hasPrefix("/") }) { extra = Array(extra[..<slash]) }
            let row = try parseUsage(extra, raw: raw, line: lineNumber, file: fileName)
            if ids.isEmpty { usageLength = row?.count }
            if row?.count != usageLength {
                let shown = extra.joined(separator: " ")
                throw CensusError.inconsistentUsage(file: fileName, line: lineNumber,
                                                    value: shown.isEmpty ? "(none)" : shown,
                                                    expectedLength: usageLength ?? 0)
            }
            ids.append(tokens[0]); xs.append(x); ys.append(y)
            if let row { usage.append(row) }
        }
        guard !ids.isEmpty else { throw CensusError.noDetections(file: fileName) }
        return TrapLayout(ids: ids, x: xs, y: ys, usage: usageLength == nil ? nil : usage)
    }

    /// Reads a capture file from disk and builds capture histories on the given traps.
    ///
    /// - Parameters:
    ///   - occasions: declared number of occasions; defaults to the usage length, else the largest occasion seen.
    ///   - detector: detector type; multi-catch data may not have two captures of one animal on one occasion.
    public static func readCaptures(contentsOf url: URL, traps: TrapLayout, occasions: Int? = nil,
                                    detector: DetectorType = .proximity,
                                    layout: CaptureLayout = .automatic) throws -> CaptureHistories {
        try parseCaptures(readText(url), fileName: url.path, traps: traps,
                          occasions: occasions, detector: detector, layout: layout)
    }

    /// Parses the text of a capture file; see ``readCaptures(contentsOf:traps:occasions:detector:layout:)``.
    public static func parseCaptures(_ text: String, fileName: String, traps: TrapLayout, occasions: Int? = nil,
                                     detector: DetectorType = .proximity,
                                     layout: CaptureLayout = .automatic) throws -> CaptureHistories {
        if let occasions, let u = traps.usageOccasions, occasions != u {
            throw CensusError.invalidArgument(
                "declared \(occasions) occasion(s) but the trap usage covers \(u) occasion(s)")
        }
        let limit = occasions ?? traps.usageOccasions
        var records: [(line: Int, animal: String, occasion: Int, detector: Int)] = []
        var resolved: CaptureLayout? = layout == .automatic ? nil : layout
        var session: String?
        for (lineNumber, raw, tokens) in dataLines(text) {
            guard tokens.count >= 4 else {
                throw CensusError.malformedLine(file: fileName, line: lineNumber, value: raw,
                                                expected: "'Session ID Occasion Detector' or 'Session ID Occasion X Y'")
            }
            if session == nil { session = tokens[0] }
            guard tokens[0] == session else {
                throw CensusError.malformedLine(file: fileName, line: lineNumber, value: raw,
                                                expected: "a single session '\(session ?? "")' (multi-session data are not supported)")
            }
            guard let occasion = Int(tokens[2]), occasion >= 1 else {
                throw CensusError.malformedLine(file: fileName, line: lineNumber, value: tokens[2],
                                                expected: "a positive whole occasion number in column 3")
            }
            if let limit, occasion > limit {
                throw CensusError.occasionOutOfRange(file: fileName, line: lineNumber, occasion: tokens[2],
                                                     occasions: limit)
            }
            if resolved == nil { resolved = guessLayout(tokens, traps: traps) }
            let k: Int
            if resolved == .coordinates {
                guard tokens.count >= 5, let x = Double(tokens[3]), let y = Double(tokens[4]) else {
                    throw CensusError.malformedLine(file: fileName, line: lineNumber, value: raw,
                                                    expected: "numeric X Y in columns 4 and 5")
                }
                guard let index = traps.index(x: x, y: y) else {
                    throw CensusError.unknownDetectorLocation(file: fileName, line: lineNumber, x: x, y: y)
                }
                k = index
            } else {
                guard let index = traps.index(of: tokens[3]) else {
                    throw CensusError.unknownDetector(file: fileName, line: lineNumber, detector: tokens[3])
                }
                k = index
            }
            if traps.effort(detector: k, occasion: occasion - 1) <= 0 {
                throw CensusError.captureWithoutUsage(file: fileName, line: lineNumber, detector: traps.ids[k],
                                                      occasion: occasion)
            }
            records.append((lineNumber, tokens[1], occasion, k))
        }
        guard !records.isEmpty else { throw CensusError.noDetections(file: fileName) }
        let nOccasions = limit ?? records.map(\.occasion).max() ?? 0
        var order: [String] = []
        var index: [String: Int] = [:]
        for r in records where index[r.animal] == nil {
            index[r.animal] = order.count
            order.append(r.animal)
        }
        var histories = CaptureHistories(animalIDs: order, occasions: nOccasions, traps: traps)
        for r in records {
            let i = index[r.animal]!, s = r.occasion - 1
            switch detector {
            case .multi:
                if (0..<traps.count).contains(where: { histories[animal: i, occasion: s, detector: $0] > 0 }) {
                    throw CensusError.multipleCatchesPerOccasion(file: fileName, line: r.line, animal: r.animal,
                                                                 occasion: r.occasion)
                }
                histories[animal: i, occasion: s, detector: r.detector] = 1
            case .proximity:
                histories[animal: i, occasion: s, detector: r.detector] = 1
            case .count:
                histories[animal: i, occasion: s, detector: r.detector] += 1
            }
        }
        return histories
    }
}
