import Foundation

/// Why the review log refused a lease, a decision, an undo or a redo; nothing was written.
///
/// `category` says how a caller should answer: `.conflict` (someone else holds or changed it; HTTP 409),
/// `.notFound`, or `.badRequest`. Unknown encounters and individuals are `CatalogError.unknownEncounter` /
/// `.unknownIndividual`.
public enum ReviewError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// Who changed something, when and how (from the change log or the review log).
    public struct Change: Sendable, Equatable {
        public var actor: String
        public var at: Date
        public var what: String
        public init(actor: String, at: Date, what: String) {
            self.actor = actor
            self.at = at
            self.what = what
        }
    }

    public enum Category: Sendable, Equatable { case conflict, notFound, badRequest }

    case leaseMissing(encounterID: Int64)
    case leaseExpired(encounterID: Int64, expired: Date)
    case leasedByOther(encounterID: Int64, holder: String, until: Date)
    case alreadyDecided(encounterID: Int64, by: String, at: Date, decision: String)
    case awaitingSecondReviewer(encounterID: Int64, proposedBy: String)
    case sameReviewer(encounterID: Int64, proposedBy: String)
    case noPendingDecision(encounterID: Int64)
    case staleIndividual(individualID: String, seen: Int64, current: Int64, change: Change?)
    case changedLater(entryID: Int64, table: String, key: String, entry: Int64?, change: Change?)
    case stillInUse(entryID: Int64, individualID: String, table: String, rowID: Int64)
    case alreadyReverted(entryID: Int64, by: Int64, actor: String)
    case nothingToUndo(entryID: Int64)
    case notAnUndo(entryID: Int64)
    case unknownEntry(id: Int64)
    case needsCandidate(verdict: String)
    case sameFrame(encounterID: Int64, individualID: String, otherEncounter: Int64, mediaID: Int64)
    case badSide(value: String)

    public var category: Category {
        switch self {
        case .unknownEntry: .notFound
        case .needsCandidate, .notAnUndo, .nothingToUndo, .sameReviewer, .noPendingDecision, .sameFrame, .badSide: .badRequest
        default: .conflict
        }
    }

    public static func when(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return f.string(from: date)
    }

    static func said(_ c: Change?) -> String {
        c.map { "\($0.actor) at \(when($0.at)) (\($0.what))" } ?? "a change outside the review log"
    }

    public var description: String {
        switch self {
        case .leaseMissing(let e):
            return "encounter \(e) is not leased to you: take it first (lease it again); nothing was written"
        case .leaseExpired(let e, let t):
            return "your lease on encounter \(e) expired at \(Self.when(t)): lease it again; nothing was written"
        case .leasedByOther(let e, let who, let t):
            return "encounter \(e) is being reviewed by \(who) (lease until \(Self.when(t))); nothing was written"
        case .alreadyDecided(let e, let who, let t, let d):
            return "encounter \(e) was already decided by \(who) at \(Self.when(t)) (\(d)); nothing was written"
        case .awaitingSecondReviewer(let e, let who):
            return "encounter \(e) is a new individual proposed by \(who), waiting for a different reviewer to confirm it"
        case .sameReviewer(let e, let who):
            return "the new individual of encounter \(e) was proposed by \(who): a different reviewer must confirm it; nothing was written"
        case .noPendingDecision(let e):
            return "encounter \(e) has no new individual waiting for confirmation"
        case .staleIndividual(let id, let seen, let now, let c):
            return "'\(id)' changed since you saw it (version \(seen), now \(now)): changed by \(Self.said(c)); look again; nothing was written"
        case .changedLater(let entry, let table, let key, let later, let c):
            return "log entry \(entry) cannot be reverted: \(table) \(key) was changed later"
                + (later.map { " by entry \($0)" } ?? "") + " — \(Self.said(c)); revert that first; nothing was written"
        case .stillInUse(let entry, let id, let table, let row):
            return "log entry \(entry) cannot be reverted: '\(id)' would go, but \(table) row \(row) (written later) refers to it; nothing was written"
        case .alreadyReverted(let entry, let by, let who):
            return "log entry \(entry) was already reverted by entry \(by) (\(who)); nothing was written"
        case .nothingToUndo(let entry): return "log entry \(entry) changed nothing that can be reverted"
        case .notAnUndo(let entry): return "log entry \(entry) is not an undo: only an undo can be redone"
        case .unknownEntry(let id): return "no review log entry \(id) (see `rosette review log`)"
        case .needsCandidate(let v): return "a '\(v)' verdict needs the candidate individual's ID"
        case .badSide(let v): return "flank side '\(v)' is not one of left, right, unknown; nothing was written"
        case .sameFrame(let e, let id, let other, let media):
            return "'\(id)' is the animal of encounter \(other) in the same photo (mediaID \(media)): two animals in one frame "
                + "cannot be one individual (encounter \(e)); nothing was written"
        }
    }

    public var errorDescription: String? { description }
}
