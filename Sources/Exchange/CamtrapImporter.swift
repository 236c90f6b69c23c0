import Core
import Crypto
import Foundation
import Store

/// Imports a Camtrap DP package into a survey: validate everything first, then write it in one transaction.
public enum CamtrapImporter {
    /// Reads, validates and imports a package. Throws `PackageProblems` listing every problem (nothing written)
    /// when the package is invalid or rows conflict with the survey's; otherwise returns what was added.
    public static func importPackage(_ directory: URL, into store: SurveyStore, actor: String) throws -> ExchangeImportResult {
        let (batch, missing) = try self.batch(directory)
        var result = try store.importExchange(batch, actor: actor)
        if !result.conflicts.isEmpty {
            throw PackageProblems(result.conflicts.map { .conflict(entity: $0.entity, id: $0.externalID, reason: $0.reason) })
        }
        result.filesNotInPackage = missing
        return result
    }

    /// The validated package as records to store, and the media files it does not ship; throws
    /// `PackageProblems` with every problem found.
    public static func batch(_ directory: URL) throws -> (batch: ExchangeBatch, filesNotInPackage: [String]) {
        let (package, readProblems) = try CamtrapPackage.read(directory)
        let problems = readProblems + CamtrapValidator.problems(in: package)
        guard problems.isEmpty else { throw PackageProblems(problems) }
        return (CamtrapMapping(package: package).batch(), CamtrapValidator.filesNotInPackage(package))
    }

    /// A stable digest of a row's non-empty cells (column order does not matter).
    static func digest(_ row: CamtrapRow) -> String {
        let text = row.values.filter { !CamtrapPackage.missingValues.contains($0.value) }
            .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{1F}")
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
