import Foundation

/// One problem `rosette check` found in a survey, with what it concerns and whether `--fix` may repair it.
public struct IntegrityProblem: Sendable, Equatable, Codable {
    /// What kind of damage it is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// SQLite's `integrity_check` reported damage to the database file itself.
        case database
        /// A row refers to a row that does not exist (`foreign_key_check`).
        case brokenReference
        /// A media row's file is gone.
        case missingFile
        /// A media row's file is there but not as ingest read it (size, modification time or content key).
        case changedFile
        /// A review decision's observation names an individual that is not in the catalog (nor a partner's `NS:ID`).
        case unknownIndividual
        /// An observation that belongs to no photo and no burst.
        case orphanObservation
        /// An encounter with no frames.
        case emptyEncounter
        /// Evidence names an individual that is not in the catalog.
        case evidenceIndividual
        /// Deployments whose bursts are still to be rebuilt (an ingest or an edit stopped before it).
        case pendingSequences
    }

    public var kind: Kind
    /// The table and row (or file) it concerns, e.g. `observation 12`, `media 7`.
    public var subject: String
    /// What is wrong, in words that name the value at fault.
    public var message: String
    /// True when `--fix` may repair it without losing anything a person recorded.
    public var fixable: Bool

    public init(kind: Kind, subject: String, message: String, fixable: Bool) {
        self.kind = kind
        self.subject = subject
        self.message = message
        self.fixable = fixable
    }
}

/// What a check found, and what a fix repaired.
public struct IntegrityReport: Sendable, Equatable, Codable {
    public var problems: [IntegrityProblem]
    /// Rows and files looked at, by what they are (`media files`, `observations`, …).
    public var checked: [String: Int]
    /// What `--fix` repaired (empty without it).
    public var fixed: [String]

    public init(problems: [IntegrityProblem] = [], checked: [String: Int] = [:], fixed: [String] = []) {
        self.problems = problems
        self.checked = checked
        self.fixed = fixed
    }

    /// Problems by kind.
    public var counts: [IntegrityProblem.Kind: Int] {
        problems.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
    }
}
