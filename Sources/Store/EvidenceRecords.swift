import Core
import Foundation

/// What an evidence import did.
public struct EvidenceImport: Sendable, Equatable {
    /// New rows stored, by method.
    public var imported: [Evidence.Method: Int] = [:]
    /// Rows whose content key was already stored (a re-import, or a repeated line).
    public var alreadyPresent = 0
    /// Lines skipped here (unknown individuals, a sample already tied to another individual), each named.
    public var problems: [RosetteError] = []
    /// Individuals created for `--add-individuals`.
    public var addedIndividuals: [String] = []
    /// Stored rows of a sample without an individual that this import tied to one.
    public var assignedSamples = 0

    public var importedCount: Int { imported.values.reduce(0, +) }
}

/// A located observation of a known individual, from any evidence method: for known-alive counts, maps and
/// home ranges. Individuals merged into another are reported under the one they were merged into.
public struct LocatedEvidence: Sendable, Equatable {
    public var individualID: String
    public var method: Evidence.Method
    public var timestamp: Date
    public var latitude: Double
    public var longitude: Double
    /// Metres, when given.
    public var uncertainty: Double?
}

/// A parentage statement from evidence (typically scat or hair DNA): the individual's mother and/or father.
public struct EvidenceParentage: Sendable, Equatable {
    public var individualID: String?
    public var sampleID: String?
    public var motherID: String?
    public var fatherID: String?
    public var method: Evidence.Method
    public var timestamp: Date
    public var sourceFile: String
    public var sourceLine: Int
}

/// A carcass find: who died, when it was found, of what, and where.
public struct EvidenceDeath: Sendable, Equatable {
    public var individualID: String?
    public var sampleID: String?
    public var date: Date
    public var cause: Evidence.Cause
    public var latitude: Double?
    public var longitude: Double?
    public var sourceFile: String
    public var sourceLine: Int
}
