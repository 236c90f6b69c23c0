import Core
import Foundation

/// A frame-labelled table (path, burst, label, species; datetime, count, notes, class optional), as people
/// label real camera-trap bursts frame by frame.
///
/// Reading never stops at a bad row: each problem is kept with the file and line, and the good rows are scored.
public struct FrameLabels: Sendable {
    /// What a person saw in one frame.
    public enum Label: String, Sendable, CaseIterable, Codable {
        case empty, animal, human
    }

    /// One labelled frame.
    public struct Frame: Sendable, Equatable {
        public var line: Int
        public var path: String
        /// The labels' burst name; empty when the row gave none (the survey's own sequence is used then).
        public var burst: String
        public var label: Label
        /// Lowercased, trimmed; empty for empty frames.
        public var species: String
        /// An explicit class from an optional `class` column (mammal, bird, reptile …), else empty.
        public var taxonClass: String
    }

    public static let requiredColumns = ["path", "burst", "label", "species"]

    public let file: String
    /// Data rows in the file (each a frame, or a problem).
    public private(set) var rows = 0
    public private(set) var frames: [Frame] = []
    public private(set) var problems: [TriageWarning] = []

    /// Reads `path`; throws only when the file cannot be read or has no path or label column (nothing to score).
    public init(path: String) throws {
        let csv: CSVReader
        do { csv = try CSVReader(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw TriageError.unreadableTruth(path: path, reason: String(describing: error))
        }
        try self.init(csv: csv)
    }

    /// Reads an already parsed table.
    public init(csv: CSVReader) throws {
        file = csv.file
        let missing = csv.missing(FrameLabels.requiredColumns)
        if missing.contains("path") || missing.contains("label") {
            throw TriageError.unreadableTruth(path: file, reason: "line 1: missing column(s) " + missing.joined(separator: ", ")
                                              + "; a labels table needs " + FrameLabels.requiredColumns.joined(separator: ", "))
        }
        if !missing.isEmpty { problems.append(.missingLabelColumns(path: file, line: 1, columns: missing)) }
        if case .csvUnterminatedQuote(_, let line) = csv.fatal {
            problems.append(.badLabelRow(path: file, line: line, detail: "a quoted field is never closed, so the rest of the file was not read"))
        }
        let c = csv.columnIndex
        func field(_ r: CSVReader.Record, _ name: String) -> String {
            guard let i = c[name], i < r.fields.count else { return "" }
            return r.fields[i].trimmingCharacters(in: .whitespaces)
        }
        rows = csv.records.count
        for r in csv.records {
            let path = field(r, "path")
            guard !path.isEmpty else {
                problems.append(.badLabelRow(path: file, line: r.line, detail: "no path"))
                continue
            }
            let value = field(r, "label")
            guard let label = Label(rawValue: value.lowercased()) else {
                problems.append(.unknownFrameLabel(path: file, line: r.line, value: value))
                continue
            }
            frames.append(Frame(line: r.line, path: path, burst: field(r, "burst"), label: label,
                                species: label == .empty ? "" : field(r, "species").lowercased(),
                                taxonClass: field(r, "class").lowercased()))
        }
    }
}
