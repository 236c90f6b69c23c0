import Core
import Foundation

/// Checks every row of a package against the Camtrap DP table schemas and against each other, collecting every
/// problem with its file, row and column (nothing stops at the first).
public enum CamtrapValidator {
    /// All problems in the package's tables: missing required columns and values, values of the wrong type or
    /// outside their range or list, timestamps without a zone, repeated IDs, references to deployments or media
    /// the package does not have, and media paths that are absolute, contain `..` or leave the package.
    public static func problems(in package: CamtrapPackage) -> [ExchangeError] {
        var problems: [ExchangeError] = []
        var ids: [CamtrapTable: Set<String>] = [:]
        for table in CamtrapTable.allCases where package.tables[table] != nil {
            let file = package.fileName(table)
            let missingColumns = Set(package.headers[table].map { header in
                table.fields.filter { $0.required && !header.contains($0.name) }.map(\.name)
            } ?? [])
            for column in table.fields.map(\.name) where missingColumns.contains(column) {
                problems.append(.missingColumn(file: file, column: column))
            }
            var seen = Set<String>()
            for row in package.rows(table) {
                for field in table.fields where !missingColumns.contains(field.name) {
                    if let problem = check(field, row, file: file, present: package.headers[table]?.contains(field.name) ?? true) {
                        problems.append(problem)
                    }
                }
                if let id = row[table.key] {
                    if !seen.insert(id).inserted { problems.append(.duplicateID(file: file, row: row.line, column: table.key, value: id)) }
                }
            }
            ids[table] = seen
        }
        problems += references(package, ids: ids)
        problems += paths(package)
        return problems
    }

    /// The problem with one cell, if any.
    static func check(_ field: CamtrapField, _ row: CamtrapRow, file: String, present: Bool) -> ExchangeError? {
        guard present, let value = row[field.name] else {
            return field.required ? .missingValue(file: file, row: row.line, column: field.name) : nil
        }
        let bad = { (expected: String) in ExchangeError.badValue(file: file, row: row.line, column: field.name, value: value, expected: expected) }
        var number: Double?
        switch field.kind {
        case .string, .any: break
        case .number:
            guard let n = Double(value), n.isFinite else { return bad("a number") }
            number = n
        case .integer:
            guard let n = Int(value) else { return bad("a whole number") }
            number = Double(n)
        case .boolean:
            guard CamtrapValue.bool(value) != nil else { return bad("true or false") }
        case .datetime:
            if Timestamp.parse(value, defaultZone: nil) == nil {
                return Timestamp.parse(value, defaultZone: try? ZoneSpec("UTC")) != nil && value.count > 10
                    ? .timestampWithoutZone(file: file, row: row.line, column: field.name, value: value)
                    : bad("a date-time YYYY-MM-DDThh:mm:ss with a zone (Z or ±hh:mm)")
            }
        }
        if let allowed = field.allowed, !allowed.contains(value) { return bad("one of " + allowed.joined(separator: ", ")) }
        if let number, let min = field.minimum, number < min { return bad("at least \(CamtrapValue.number(min))") }
        if let number, let max = field.maximum, number > max { return bad("at most \(CamtrapValue.number(max))") }
        if field.name == "fileMediatype", !(value.hasPrefix("image/") || value.hasPrefix("video/") || value.hasPrefix("audio/")) {
            return bad("a media type image/…, video/… or audio/…")
        }
        return nil
    }

    /// Media and observations naming a deployment, and observations naming a media, the package does not have; an
    /// observation on a media of another deployment; a media-level observation without its mediaID.
    static func references(_ package: CamtrapPackage, ids: [CamtrapTable: Set<String>]) -> [ExchangeError] {
        var problems: [ExchangeError] = []
        let deployments = ids[.deployments] ?? [], media = ids[.media] ?? []
        var mediaDeployment: [String: String] = [:]
        for row in package.rows(.media) { if let m = row["mediaID"], let d = row["deploymentID"] { mediaDeployment[m] = d } }
        for table in [CamtrapTable.media, .observations] {
            let file = package.fileName(table)
            for row in package.rows(table) {
                if let d = row["deploymentID"], !deployments.contains(d) {
                    problems.append(.unknownReference(file: file, row: row.line, column: "deploymentID", value: d,
                                                      table: CamtrapTable.deployments.fileName))
                }
                guard table == .observations else { continue }
                if let m = row["mediaID"], !media.contains(m) {
                    problems.append(.unknownReference(file: file, row: row.line, column: "mediaID", value: m, table: CamtrapTable.media.fileName))
                } else if let m = row["mediaID"], let d = row["deploymentID"], let expected = mediaDeployment[m], deployments.contains(expected), expected != d {
                    problems.append(.badValue(file: file, row: row.line, column: "deploymentID", value: d,
                                              expected: "\(expected), the deployment of media \(m)"))
                }
                if row["observationLevel"] == "media", row["mediaID"] == nil {
                    problems.append(.missingValue(file: file, row: row.line, column: "mediaID"))
                }
            }
        }
        return problems
    }

    /// Media paths that are absolute, contain `..` or otherwise leave the package (URLs are accepted).
    static func paths(_ package: CamtrapPackage) -> [ExchangeError] {
        package.rows(.media).compactMap { row -> ExchangeError? in
            guard let path = row["filePath"], let reason = PackagePath.problem(path, in: package.directory) else { return nil }
            return .badPath(file: package.fileName(.media), row: row.line, column: "filePath", value: path, reason: reason)
        }
    }

    /// Relative media paths with no file behind them: allowed (a package may reference files it does not ship,
    /// as Rosette's generalised packages do), but worth saying.
    public static func filesNotInPackage(_ package: CamtrapPackage) -> [String] {
        package.rows(.media).compactMap { row in
            guard let path = row["filePath"], !PackagePath.isURL(path),
                  !FileManager.default.fileExists(atPath: package.directory.appendingPathComponent(path).path) else { return nil }
            return path
        }
    }
}
