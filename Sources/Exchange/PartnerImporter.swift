import Core
import Crypto
import Foundation
import Identify
import Store

/// Reads a partner catalog package, checks all of it, and loads it read-only under the partner's namespace.
///
/// Every problem is collected first, naming its file, row and column (a missing column, an unknown individual in
/// chips.csv, a missing file, a digest that does not match, a path with `..` or outside the package, a feature file
/// that does not parse); if there is any, nothing is written. Otherwise the partner's rows are replaced in one
/// transaction (`SurveyStore.importPartner`).
public enum PartnerImporter {
    /// Validates and imports; throws `PackageProblems` (nothing written) or `ExchangeError.noDescriptor`.
    @discardableResult
    public static func importPackage(_ directory: URL, into store: SurveyStore, as name: String?, actor: String) throws -> PartnerImportResult {
        let batch = try read(directory, as: name)
        return try store.importPartner(batch, actor: actor)
    }

    /// The package as a batch for the store, or `PackageProblems` listing every problem found.
    public static func read(_ directory: URL, as name: String?) throws -> PartnerCatalogBatch {
        let descriptorFile = PartnerPackageFormat.descriptorFile
        guard let descriptorData = try? Data(contentsOf: directory.appendingPathComponent(descriptorFile)) else {
            throw ExchangeError.noDescriptor(path: directory.path)
        }
        guard let json = try? JSONSerialization.jsonObject(with: descriptorData) as? [String: Any] else {
            throw PackageProblems([.badDescriptor(file: descriptorFile, detail: "not a JSON object")])
        }
        var problems: [ExchangeError] = []
        let profile = json["profile"] as? String ?? ""
        if profile != PartnerPackageFormat.profile { problems.append(.notPartnerPackage(file: descriptorFile, profile: profile)) }
        let resources = json["resources"] as? [[String: Any]] ?? []
        func resourcePath(_ resource: String, _ fallback: String) -> String? {
            guard let r = resources.first(where: { $0["name"] as? String == resource }) else {
                problems.append(.missingPartnerResource(file: descriptorFile, name: resource))
                return nil
            }
            let path = r["path"] as? String ?? fallback
            if let reason = PackagePath.problem(path, in: directory) {
                problems.append(.badDescriptor(file: descriptorFile, detail: "resource \(resource): path '\(path)' \(reason)"))
                return nil
            }
            return path
        }
        let namespace = name ?? json["namespace"] as? String
        if namespace == nil { problems.append(.noNamespace(file: descriptorFile)) }
        if let namespace, !PartnerNamespace.isValid(namespace) {
            problems.append(.badDescriptor(file: descriptorFile, detail: "namespace '\(namespace)': use letters, digits, '-' or '_' (no ':')"))
        }
        var digest = SHA256()
        digest.update(data: descriptorData)
        var table: [String: (CSVReader, Set<String>)] = [:]
        for (resource, fallback) in [("individuals", PartnerPackageFormat.individualsFile), ("chips", PartnerPackageFormat.chipsFile)] {
            guard let path = resourcePath(resource, fallback) else { continue }
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(path)) else {
                problems.append(.unreadableTable(file: path, reason: "no such file in the package"))
                continue
            }
            digest.update(data: data)
            let csv = CSVReader(text: String(decoding: data, as: UTF8.self), file: path)
            if let fatal = csv.fatal { problems.append(.unreadableTable(file: path, reason: "\(fatal)")) }
            let required = resource == "chips" ? PartnerPackageFormat.requiredChipColumns : PartnerPackageFormat.requiredIndividualColumns
            let columns = resource == "chips" ? PartnerPackageFormat.chipColumns : PartnerPackageFormat.individualColumns
            let missing = Set(columns.filter { required.contains($0) && !csv.header.contains($0) })
            for column in columns where missing.contains(column) { problems.append(.missingColumn(file: path, column: column)) }
            table[resource] = (csv, missing)
        }
        var rows = PartnerRows(directory: directory)
        if let (csv, missing) = table["individuals"] { rows.individuals(csv, missing: missing) }
        if let (csv, missing) = table["chips"] { rows.chips(csv, missing: missing) }
        problems += rows.problems
        guard problems.isEmpty, let namespace else { throw PackageProblems(problems) }
        let digestText = digest.finalize().map { String(format: "%02x", $0) }.joined()
        let title = (json["source"] as? [String: Any])?["title"] as? String
        return PartnerCatalogBatch(name: namespace, title: title, packageDigest: digestText, individuals: rows.parsedIndividuals,
                                   chips: rows.parsedChips)
    }
}
