import Core
import Crypto
import Foundation
import Identify
import Store

/// The rows of a partner package's tables checked cell by cell: every problem kept with its file, row and column.
struct PartnerRows {
    let directory: URL
    var problems: [ExchangeError] = []
    var parsedIndividuals: [PartnerIndividual] = []
    var parsedChips: [PartnerChip] = []
    private var individualIDs: Set<String> = []

    init(directory: URL) { self.directory = directory }

    private static func cells(_ csv: CSVReader, _ record: CSVReader.Record) -> [String: String] {
        var values: [String: String] = [:]
        for (i, name) in csv.header.enumerated() where i < record.fields.count { values[name] = record.fields[i] }
        return values
    }

    private mutating func fieldCount(_ csv: CSVReader, _ record: CSVReader.Record) -> Bool {
        guard record.fields.count == csv.header.count else {
            problems.append(.fieldCount(file: csv.file, row: record.line, expected: csv.header.count, found: record.fields.count))
            return false
        }
        return true
    }

    private mutating func year(_ v: [String: String], _ column: String, _ file: String, _ line: Int) -> Int? {
        guard let text = v[column], !text.isEmpty else { return nil }
        guard let y = Int(text), (1900...2200).contains(y) else {
            problems.append(.badValue(file: file, row: line, column: column, value: text, expected: "a year"))
            return nil
        }
        return y
    }

    mutating func individuals(_ csv: CSVReader, missing: Set<String>) {
        for record in csv.records {
            guard fieldCount(csv, record) else { continue }
            let v = Self.cells(csv, record), file = csv.file, line = record.line
            guard !missing.contains("individualID") else { continue }
            guard let id = v["individualID"], !id.isEmpty else {
                problems.append(.missingValue(file: file, row: line, column: "individualID"))
                continue
            }
            if id.contains(":") || id.contains(where: \.isNewline) {
                problems.append(.badValue(file: file, row: line, column: "individualID", value: id, expected: "an ID without ':'"))
            }
            if individualIDs.contains(id) { problems.append(.duplicateID(file: file, row: line, column: "individualID", value: id)) }
            individualIDs.insert(id)
            let sex = v["sex"].flatMap { $0.isEmpty ? nil : $0 }
            if let sex, !PartnerPackageFormat.sexes.contains(sex) {
                problems.append(.badValue(file: file, row: line, column: "sex", value: sex, expected: "female, male or unknown"))
            }
            let first = year(v, "firstSeenYear", file, line), last = year(v, "lastSeenYear", file, line)
            if let first, let last, first > last {
                problems.append(.badValue(file: file, row: line, column: "lastSeenYear", value: String(last),
                                          expected: "a year at or after firstSeenYear \(first)"))
            }
            let cells = (v["cells"] ?? "").split(separator: ";").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for cell in cells where !Self.isCell(cell) {
                problems.append(.badValue(file: file, row: line, column: "cells", value: cell, expected: "a grid cell (cell-10km-<row>-<col>)"))
            }
            parsedIndividuals.append(PartnerIndividual(partnerID: id, sex: sex, firstYear: first, lastYear: last, cells: cells))
        }
    }

    /// A grid cell ID, never a coordinate: `cell-<km>km-<row>-<col>`.
    static func isCell(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 4, parts[0] == "cell", parts[1].hasSuffix("km") else { return false }
        // Rows and columns may be negative ("cell-10km--3-12"): the rest is integers and empty parts for the signs.
        return parts[2...].allSatisfy { $0.isEmpty || Int($0) != nil }
    }

    mutating func chips(_ csv: CSVReader, missing: Set<String>) {
        var chipIDs: Set<String> = []
        for record in csv.records {
            guard fieldCount(csv, record) else { continue }
            let v = Self.cells(csv, record), file = csv.file, line = record.line
            func value(_ column: String) -> String? {
                guard !missing.contains(column) else { return nil }
                guard let text = v[column], !text.isEmpty else {
                    problems.append(.missingValue(file: file, row: line, column: column))
                    return nil
                }
                return text
            }
            let chipID = value("chipID"), individual = value("individualID"), side = value("side")
            if let chipID {
                if chipIDs.contains(chipID) { problems.append(.duplicateID(file: file, row: line, column: "chipID", value: chipID)) }
                chipIDs.insert(chipID)
            }
            if let individual, !individualIDs.contains(individual) {
                problems.append(.unknownReference(file: file, row: line, column: "individualID", value: individual,
                                                  table: PartnerPackageFormat.individualsFile))
            }
            if let side, !PartnerPackageFormat.sides.contains(side) {
                problems.append(.badValue(file: file, row: line, column: "side", value: side, expected: "left, right or unknown"))
            }
            let jpeg = self.file(value("path"), column: "path", digest: value("sha256"), digestColumn: "sha256", file: file, line: line)
            let bin = self.file(value("featuresPath"), column: "featuresPath", digest: value("featuresSha256"), digestColumn: "featuresSha256",
                                file: file, line: line)
            var features: FeatureSet?
            if let bin {
                features = FeatureSet(binary: [UInt8](bin))
                if features == nil {
                    problems.append(.badValue(file: file, row: line, column: "featuresPath", value: v["featuresPath"] ?? "",
                                              expected: "a Rosette feature file (RSF2)"))
                }
            }
            if let chipID, let individual, let side, let jpeg, let bin, let features {
                parsedChips.append(PartnerChip(chipID: chipID, partnerID: individual, side: side, jpeg: jpeg, features: bin,
                                               width: features.chipWidth, height: features.chipHeight))
            }
        }
    }

    /// The bytes of a file the row names, checked: path inside the package, file present, SHA-256 as stated.
    private mutating func file(_ path: String?, column: String, digest: String?, digestColumn: String, file: String, line: Int) -> Data? {
        guard let path else { return nil }
        if let reason = PackagePath.problem(path, in: directory) {
            problems.append(.badPath(file: file, row: line, column: column, value: path, reason: reason))
            return nil
        }
        guard let data = try? Data(contentsOf: directory.appendingPathComponent(path)) else {
            problems.append(.missingFile(file: file, row: line, column: column, value: path))
            return nil
        }
        guard let digest else { return nil }
        let actual = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        guard actual == digest.lowercased() else {
            problems.append(.badDigest(file: file, row: line, column: digestColumn, value: digest, actual: actual))
            return nil
        }
        return data
    }
}
