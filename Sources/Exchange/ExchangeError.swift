import Foundation

/// Everything that can be wrong with a Camtrap DP package or an export, as one enum.
///
/// Each problem in a package names its file, row (the CSV line, header = 1) and column; the wording lives in
/// `ExchangeError+Wording.swift` and nowhere else.
public enum ExchangeError: Error, Sendable, Equatable {
    // The package as a whole
    case noDescriptor(path: String)
    case badDescriptor(file: String, detail: String)
    case missingResource(file: String, name: String)
    case unreadableTable(file: String, reason: String)
    // Columns and cells
    case missingColumn(file: String, column: String)
    case fieldCount(file: String, row: Int, expected: Int, found: Int)
    case missingValue(file: String, row: Int, column: String)
    case badValue(file: String, row: Int, column: String, value: String, expected: String)
    case timestampWithoutZone(file: String, row: Int, column: String, value: String)
    case duplicateID(file: String, row: Int, column: String, value: String)
    case unknownReference(file: String, row: Int, column: String, value: String, table: String)
    case badPath(file: String, row: Int, column: String, value: String, reason: String)
    // Against the survey
    case conflict(entity: String, id: String, reason: String)
    // Export
    case outputNotEmpty(path: String)
    case badPrecision(value: Double)
    // Partner catalog packages
    case notPartnerPackage(file: String, profile: String)
    case missingPartnerResource(file: String, name: String)
    case missingFile(file: String, row: Int, column: String, value: String)
    case badDigest(file: String, row: Int, column: String, value: String, actual: String)
    case noNamespace(file: String)
    // Exchange report
    case noPartner
    case choosePartner(names: [String])
    case unknownYear(year: Int, available: [Int])
}

/// Every problem found in a package (the import stops before writing anything when there is one).
public struct PackageProblems: Error, Sendable, Equatable {
    public var problems: [ExchangeError]

    public init(_ problems: [ExchangeError]) { self.problems = problems }
}
