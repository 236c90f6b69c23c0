import Core
import Foundation

/// One data row of a package table: its CSV line (the header is line 1) and its cells by column name.
public struct CamtrapRow: Sendable, Equatable {
    public var line: Int
    public var values: [String: String]

    public init(line: Int, values: [String: String]) {
        self.line = line
        self.values = values
    }

    /// The cell, or nil when it is empty or one of the schemas' missing values ("", NA, NaN, nan).
    public subscript(_ column: String) -> String? {
        guard let v = values[column], !CamtrapPackage.missingValues.contains(v) else { return nil }
        return v
    }
}

/// A Camtrap DP package as read from disk: its descriptor's name and the rows of its tables, not yet checked.
public struct CamtrapPackage: Sendable {
    static let missingValues: Set<String> = ["", "NA", "NaN", "nan"]

    public var directory: URL
    /// The descriptor's `id`, else its `name`, else the folder name: what the import is recorded under.
    public var source: String
    public var tables: [CamtrapTable: [CamtrapRow]] = [:]
    /// The header of each table read from a CSV.
    public var headers: [CamtrapTable: [String]] = [:]

    /// Reads `datapackage.json` and the CSVs of its deployments, media, observations (and individuals) resources.
    /// Problems that stop reading a table are returned; a missing or unreadable descriptor throws.
    public static func read(_ directory: URL) throws -> (package: CamtrapPackage, problems: [ExchangeError]) {
        let descriptorURL = directory.appendingPathComponent("datapackage.json")
        guard let data = try? Data(contentsOf: descriptorURL) else { throw ExchangeError.noDescriptor(path: directory.path) }
        let file = "datapackage.json"
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ExchangeError.badDescriptor(file: file, detail: "not a JSON object")
        }
        guard let resources = json["resources"] as? [[String: Any]] else {
            throw ExchangeError.badDescriptor(file: file, detail: "no resources list")
        }
        let source = (json["id"] as? String) ?? (json["name"] as? String) ?? directory.lastPathComponent
        var package = CamtrapPackage(directory: directory, source: source)
        var problems: [ExchangeError] = []
        for table in CamtrapTable.allCases {
            guard let resource = resources.first(where: { $0["name"] as? String == table.rawValue }) else {
                if table != .individuals { problems.append(.missingResource(file: file, name: table.rawValue)) }
                continue
            }
            if let inline = resource["data"] as? [[String: Any]] {
                // Another tool's extra resource that happens to be called "individuals" is not Rosette's catalog.
                if table == .individuals, !inline.allSatisfy({ $0["individualID"] != nil }) { continue }
                package.tables[table] = inline.enumerated().map { i, object in
                    CamtrapRow(line: i + 1, values: object.mapValues { "\($0)" })
                }
                continue
            }
            guard let path = resource["path"] as? String else {
                problems.append(.badDescriptor(file: file, detail: "resource '\(table.rawValue)' has no path"))
                continue
            }
            if let reason = PackagePath.problem(path, in: directory) {
                problems.append(.badDescriptor(file: file, detail: "resource '\(table.rawValue)' path '\(path)' \(reason)"))
                continue
            }
            let url = directory.appendingPathComponent(path)
            let reader: CSVReader
            do { reader = try CSVReader(contentsOf: url, displayName: path) } catch {
                problems.append(.unreadableTable(file: path, reason: (error as? RosetteError)?.description ?? "\(error)"))
                continue
            }
            if let fatal = reader.fatal { problems.append(.unreadableTable(file: path, reason: fatal.description)) }
            if table == .individuals, !reader.header.contains("individualID") { continue }
            package.headers[table] = reader.header
            var rows: [CamtrapRow] = []
            for record in reader.records {
                if record.fields.count != reader.header.count {
                    problems.append(.fieldCount(file: path, row: record.line, expected: reader.header.count, found: record.fields.count))
                    continue
                }
                rows.append(CamtrapRow(line: record.line, values: Dictionary(zip(reader.header, record.fields), uniquingKeysWith: { a, _ in a })))
            }
            package.tables[table] = rows
        }
        return (package, problems)
    }

    /// The file a table was read from (for messages).
    public func fileName(_ table: CamtrapTable) -> String { headers[table] == nil ? "datapackage.json" : table.fileName }

    /// Rows of a table (none when absent).
    public func rows(_ table: CamtrapTable) -> [CamtrapRow] { tables[table] ?? [] }
}
