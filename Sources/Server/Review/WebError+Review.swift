import Foundation
import Hummingbird
import Store

extension WebError {
    /// A refusal of the review log as the API answers it: `.conflict` → 409, `.notFound` → 404, `.badRequest` → 400,
    /// with who changed what (or who holds the lease) in `detail`.
    init(_ error: ReviewError) {
        let status: HTTPResponse.Status = switch error.category {
        case .conflict: .conflict
        case .notFound: .notFound
        case .badRequest: .badRequest
        }
        var detail: [String: String] = [:]
        var code = "review-refused"
        switch error {
        case .leasedByOther(let e, let holder, let until):
            code = "leased-by-other"
            detail = ["encounterID": String(e), "holder": holder, "until": ReviewError.when(until)]
        case .leaseExpired(let e, let expired):
            code = "lease-expired"
            detail = ["encounterID": String(e), "expired": ReviewError.when(expired)]
        case .leaseMissing(let e):
            code = "lease-missing"
            detail = ["encounterID": String(e)]
        case .alreadyDecided(let e, let by, let at, let decision):
            code = "already-decided"
            detail = ["encounterID": String(e), "changedBy": by, "changedAt": ReviewError.when(at), "change": decision]
        case .staleIndividual(let id, let seen, let current, let change):
            code = "stale-individual"
            detail = ["individualID": id, "seenVersion": String(seen), "currentVersion": String(current)]
            if let change { detail.merge(["changedBy": change.actor, "changedAt": ReviewError.when(change.at), "change": change.what]) { $1 } }
        case .changedLater(let entry, let table, let key, let later, let change):
            code = "changed-later"
            detail = ["entryID": String(entry), "table": table, "key": key]
            if let later { detail["laterEntry"] = String(later) }
            if let change { detail.merge(["changedBy": change.actor, "changedAt": ReviewError.when(change.at), "change": change.what]) { $1 } }
        case .awaitingSecondReviewer(let e, let who):
            code = "awaiting-second-reviewer"
            detail = ["encounterID": String(e), "proposedBy": who]
        case .alreadyReverted(let entry, let by, let actor):
            code = "already-reverted"
            detail = ["entryID": String(entry), "revertedBy": String(by), "changedBy": actor]
        case .stillInUse: code = "still-in-use"
        case .unknownEntry: code = "not-found"
        case .sameFrame: code = "same-frame"
        case .nothingToUndo: code = "nothing-to-undo"
        default: code = status == .conflict ? "conflict" : "bad-input"
        }
        self = .reviewRefused(status: status, code: code, message: error.description, detail: detail)
    }

    /// A refusal of the catalog: an unknown encounter or individual → 404, a broken rule → 400.
    init(_ error: CatalogError) {
        switch error {
        case .unknownEncounter, .unknownIndividual, .unknownMedia, .unknownReferencePhoto, .unknownSample:
            self = .reviewRefused(status: .notFound, code: "not-found", message: error.description, detail: [:])
        case .individualExists, .mergedIndividual:
            self = .reviewRefused(status: .conflict, code: "conflict", message: error.description, detail: [:])
        default:
            self = .reviewRefused(status: .badRequest, code: "bad-input", message: error.description, detail: [:])
        }
    }
}
