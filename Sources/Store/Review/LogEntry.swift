import Foundation

/// One entry of the append-only review log.
public struct LogEntry: Sendable, Equatable {
    /// What kind of entry it is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A reviewer's verdict on an encounter (applied, remembered, or held pending).
        case decision
        /// A compensating entry restoring what `reverts` changed.
        case undo
        /// Re-applies what the undo entry `reverts` took back.
        case redo
        /// Two individuals merged.
        case merge
        /// A second reviewer confirmed or refused a pending "new individual".
        case confirm
        /// A partner catalog's individual linked to one of ours ("same animal") or set apart from it ("not").
        case link
    }

    public var id: Int64
    public var at: Date
    public var actor: String
    public var kind: Kind
    public var verdict: ReviewVerdict?
    public var encounterID: Int64?
    public var individualID: String?
    public var candidateID: Int64?
    public var rankShown: Int?
    public var ranking: RankingShown?
    public var leaseToken: String?
    /// The entry this one undoes (undo) or whose undo it takes back (redo).
    public var reverts: Int64?
    /// One line saying what happened.
    public var summary: String
    /// Every row the entry changed.
    public var rows: [LoggedRowChange]
}

/// One row a log entry changed.
public struct LoggedRowChange: Sendable, Equatable {
    public enum Change: String, Sendable { case inserted, updated, deleted }
    public var table: String
    public var key: String
    public var change: Change
    /// For updates: the columns whose value changed.
    public var changedColumns: [String]
}
