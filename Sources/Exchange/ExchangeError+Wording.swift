import Foundation

extension ExchangeError: CustomStringConvertible, LocalizedError {
    /// The message shown to a person: what is wrong, where (file, row, column, value), and what to do.
    public var description: String {
        switch self {
        case .noDescriptor(let path):
            return "\(path): no datapackage.json here; pass the folder of a Camtrap DP package"
        case .badDescriptor(let file, let detail):
            return "\(file): \(detail)"
        case .missingResource(let file, let name):
            return "\(file): no '\(name)' resource (a Camtrap DP package has deployments, media and observations)"
        case .unreadableTable(let file, let reason):
            return "\(file): cannot be read (\(reason))"
        case .missingColumn(let file, let column):
            return "\(file):1: column \(column): required column missing"
        case .fieldCount(let file, let row, let expected, let found):
            return "\(file):\(row): expected \(expected) fields as in the header, found \(found)"
        case .missingValue(let file, let row, let column):
            return "\(file):\(row): column \(column): a value is required"
        case .badValue(let file, let row, let column, let value, let expected):
            return "\(file):\(row): column \(column): '\(value)' is not \(expected)"
        case .timestampWithoutZone(let file, let row, let column, let value):
            return "\(file):\(row): column \(column): '\(value)' has no time zone (write it as 2024-09-01T06:30:00+10:00 or …Z)"
        case .duplicateID(let file, let row, let column, let value):
            return "\(file):\(row): column \(column): '\(value)' appears on an earlier row"
        case .unknownReference(let file, let row, let column, let value, let table):
            return "\(file):\(row): column \(column): '\(value)' is not a \(column) in \(table)"
        case .badPath(let file, let row, let column, let value, let reason):
            return "\(file):\(row): column \(column): '\(value)' \(reason)"
        case .conflict(let entity, let id, let reason):
            return "\(entity) \(id): \(reason); the survey's record is kept and nothing was imported"
        case .outputNotEmpty(let path):
            return "\(path): folder exists and is not empty; choose a new folder for the package"
        case .badPrecision(let value):
            return "--precision \(value): the grid size must be a positive number of kilometres"
        case .notPartnerPackage(let file, let profile):
            return "\(file): profile '\(profile)' is not '\(PartnerPackageFormat.profile)' (write one with `rosette exchange export --partner`)"
        case .missingPartnerResource(let file, let name):
            return "\(file): no '\(name)' resource (a partner catalog package has individuals and chips)"
        case .missingFile(let file, let row, let column, let value):
            return "\(file):\(row): column \(column): '\(value)' is not in the package"
        case .badDigest(let file, let row, let column, let value, let actual):
            return "\(file):\(row): column \(column): '\(value)' does not match the file (its SHA-256 is \(actual))"
        case .noNamespace(let file):
            return "\(file): no namespace given; name the partner with --as NAME"
        case .noPartner:
            return "no partner catalog in this survey, so there is nobody to compare with: import the partner's package first "
                + "(`rosette exchange import PACKAGE --as NAME`), then match and link (`rosette exchange match`, `rosette exchange decide`)"
        case .choosePartner(let names):
            return "the survey holds several partner catalogs (\(names.joined(separator: ", "))): choose one with --partner NAME"
        case .unknownYear(let year, let available):
            return "--year \(year): neither our catalog nor the partner's saw an individual that year"
                + (available.isEmpty ? " (neither side has any sighting yet)" : "; years with sightings: \(available.map(String.init).joined(separator: ", "))")
        }
    }

    public var errorDescription: String? { description }
}

extension PackageProblems: CustomStringConvertible, LocalizedError {
    /// All problems, one a line, then what happened.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
            + "\n\(problems.count) problem\(problems.count == 1 ? "" : "s") found; nothing was imported."
    }

    public var errorDescription: String? { description }
}
