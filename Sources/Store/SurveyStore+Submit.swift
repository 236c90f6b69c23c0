import Core
import Foundation
import GRDB

extension SurveyStore {
    /// Records a reviewer's verdict on an encounter they hold a lease on, in one write transaction.
    ///
    /// Checked first, nothing written when any fails: the encounter exists and is undecided (`unknownEncounter`,
    /// `alreadyDecided`), the lease token is the actor's live lease (`leaseMissing`, `leaseExpired`,
    /// `leasedByOther`), the individuals named exist (`unknownIndividual`, `individualExists` for a new one,
    /// `mergedIndividual`), every version in `seenVersions` is still current (`staleIndividual`, naming who
    /// changed it, when and how), and a `same` candidate is not the animal of another encounter in the same photo
    /// (`sameFrame`). Then: `notThisOne` remembers the pair and keeps the lease (extended); `skip` releases it and
    /// puts the encounter behind the others; a `newIndividual` with `[review] confirm_new` waits for a second
    /// reviewer; every other verdict is applied as `decide` applies it. Each is one entry of the review log.
    public func submit(_ s: ReviewSubmission, leaseDuration: TimeInterval = 300, now: Date = Date()) throws -> SubmissionOutcome {
        if let sex = s.sex, !["female", "male", "unknown"].contains(sex) { throw CatalogError.badSex(value: sex) }
        if let side = s.side, !["left", "right", "unknown"].contains(side) { throw ReviewError.badSide(value: side) }
        let zone = (try? ZoneSpec(settings.timeZone)) ?? (try! ZoneSpec("+00:00"))
        let holdNew = settings.confirmNewIndividuals
        return try pool.write { db in
            var encounter = try SurveyStore.fetchEncounter(db, s.encounterID)
            try SurveyStore.requireOpen(db, s.encounterID, actor: s.actor, now: now)
            try SurveyStore.checkLease(db, encounterID: s.encounterID, token: s.leaseToken, actor: s.actor, now: now)
            try SurveyStore.checkNames(db, s)
            try SurveyStore.checkVersions(db, s.seenVersions)
            if s.verdict == .same, let id = s.individualID, let clash = try SurveyStore.sameFrame(db, s.encounterID).first(where: { $0.individualID == id }),
               case .sameFrame(let other, let media) = clash.reason {
                throw ReviewError.sameFrame(encounterID: s.encounterID, individualID: id, otherEncounter: other, mediaID: media)
            }
            let header = LogHeader(actor: s.actor, kind: .decision, verdict: s.verdict, encounterID: s.encounterID,
                                   individualID: s.individualID, candidateID: s.candidateID, rankShown: s.rankShown, ranking: s.ranking,
                                   leaseToken: s.leaseToken,
                                   summary: SurveyStore.summary(s.verdict, s.individualID ?? s.scientificName, s.encounterID, rank: s.rankShown))
            var outcome: DecisionOutcome?, pending = false
            let entryID = try SurveyStore.logged(db, header) {
                if let side = s.side, side != encounter.side {
                    try db.execute(sql: "UPDATE encounter SET side = ?, sideSource = 'person', sideConfidence = 1 WHERE encounterID = ?",
                                   arguments: [side, s.encounterID])
                    try SurveyStore.log(db, actor: s.actor, entity: "encounter", id: String(s.encounterID), action: "side",
                                        detail: "\(encounter.side) → \(side)")
                    encounter.side = side
                }
                switch s.verdict {
                case .notThisOne:
                    try db.execute(sql: "INSERT OR IGNORE INTO rejectedPair(encounterID, individualID, actor, at) VALUES (?, ?, ?, ?)",
                                   arguments: [s.encounterID, s.individualID, s.actor, now])
                    try SurveyStore.log(db, actor: s.actor, entity: "encounter", id: String(s.encounterID), action: "notThisOne",
                                        detail: s.individualID)
                case .skip:
                    try SurveyStore.log(db, actor: s.actor, entity: "encounter", id: String(s.encounterID), action: "skip")
                case .newIndividual where holdNew:
                    try SurveyStore.holdPending(db, s.encounterID, s.decision!, actor: s.actor)
                    pending = true
                default:
                    outcome = try SurveyStore.applyDecision(db, encounter, s.decision!, actor: s.actor, zone: zone)
                }
            }.entryID
            var lease: ReviewLease?
            if s.verdict == .notThisOne {
                lease = ReviewLease(encounterID: s.encounterID, holder: s.actor, token: s.leaseToken, expires: now.addingTimeInterval(leaseDuration))
                try db.execute(sql: "UPDATE encounter SET leaseExpires = ? WHERE encounterID = ?", arguments: [lease!.expires, s.encounterID])
            } else {
                try db.execute(sql: "UPDATE encounter SET leaseHolder = NULL, leaseToken = NULL, leaseExpires = NULL WHERE encounterID = ?",
                               arguments: [s.encounterID])
            }
            return SubmissionOutcome(entryID: entryID, decision: outcome, pending: pending, lease: lease)
        }
    }

    /// A second reviewer's answer to a "new individual" another reviewer proposed (with `[review] confirm_new`):
    /// `accept` applies it (the catalog gains the individual), otherwise it is refused and the encounter is open again.
    ///
    /// Needs the actor's live lease on the encounter; throws `noPendingDecision`, or `sameReviewer` when the
    /// actor is the one who proposed it.
    public func confirmPending(encounterID: Int64, leaseToken: String, actor: String, accept: Bool, now: Date = Date()) throws -> SubmissionOutcome {
        let zone = (try? ZoneSpec(settings.timeZone)) ?? (try! ZoneSpec("+00:00"))
        return try pool.write { db in
            let encounter = try SurveyStore.fetchEncounter(db, encounterID)
            guard let row = try Row.fetchOne(db, sql: """
                SELECT * FROM pendingDecision WHERE encounterID = ? AND status = 'pending' ORDER BY id DESC LIMIT 1
                """, arguments: [encounterID]) else { throw ReviewError.noPendingDecision(encounterID: encounterID) }
            let proposer: String = row["proposedBy"], individualID: String = row["individualID"]
            guard proposer != actor else { throw ReviewError.sameReviewer(encounterID: encounterID, proposedBy: proposer) }
            try SurveyStore.checkLease(db, encounterID: encounterID, token: leaseToken, actor: actor, now: now)
            let payload = try JSONDecoder().decode(PendingPayload.self, from: Data((row["decision"] as String).utf8))
            if accept, try Int.fetchOne(db, sql: "SELECT 1 FROM individual WHERE individualID = ?", arguments: [individualID]) != nil {
                throw CatalogError.individualExists(id: individualID)
            }
            let header = LogHeader(actor: actor, kind: .confirm, verdict: .newIndividual, encounterID: encounterID, individualID: individualID,
                                   leaseToken: leaseToken,
                                   summary: "\(accept ? "confirmed" : "refused") \(proposer)'s new individual \(individualID) for encounter \(encounterID)")
            var outcome: DecisionOutcome?
            let entryID = try SurveyStore.logged(db, header) {
                try db.execute(sql: "UPDATE pendingDecision SET status = ?, resolvedBy = ?, resolvedAt = ? WHERE id = ?",
                               arguments: [accept ? "confirmed" : "refused", actor, now, row["id"] as Int64])
                if accept {
                    var decision = payload.decision
                    decision.note = [decision.note, "confirmed by \(actor)"].compactMap { $0 }.joined(separator: "; ")
                    outcome = try SurveyStore.applyDecision(db, encounter, decision, actor: proposer, zone: zone)
                }
                try SurveyStore.log(db, actor: actor, entity: "encounter", id: String(encounterID), action: accept ? "confirmNew" : "refuseNew",
                                    detail: "\(individualID) proposed by \(proposer)")
            }.entryID
            try db.execute(sql: "UPDATE encounter SET leaseHolder = NULL, leaseToken = NULL, leaseExpires = NULL WHERE encounterID = ?",
                           arguments: [encounterID])
            return SubmissionOutcome(entryID: entryID, decision: outcome, pending: false, lease: nil)
        }
    }

    /// The "new individual" waiting for a second reviewer on an encounter, if any: who proposed which ID, when.
    public func pendingNewIndividual(encounterID: Int64) throws -> (individualID: String, proposedBy: String, at: Date)? {
        try pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT individualID, proposedBy, proposedAt FROM pendingDecision WHERE encounterID = ? AND status = 'pending'
                ORDER BY id DESC LIMIT 1
                """, arguments: [encounterID]).map { ($0["individualID"], $0["proposedBy"], $0["proposedAt"]) }
        }
    }

    static func holdPending(_ db: Database, _ encounterID: Int64, _ decision: EncounterDecision, actor: String) throws {
        guard let id = decision.individualID else { throw CatalogError.decisionNeedsIndividual(kind: decision.kind.rawValue) }
        if try Int.fetchOne(db, sql: "SELECT 1 FROM individual WHERE individualID = ?", arguments: [id]) != nil {
            throw CatalogError.individualExists(id: id)
        }
        try db.execute(sql: """
            UPDATE pendingDecision SET status = 'superseded', resolvedBy = ?, resolvedAt = ? WHERE encounterID = ? AND status = 'pending'
            """, arguments: [actor, Date(), encounterID])
        let json = String(decoding: try JSONEncoder().encode(PendingPayload(decision)), as: UTF8.self)
        try db.execute(sql: "INSERT INTO pendingDecision(encounterID, individualID, proposedBy, proposedAt, decision) VALUES (?, ?, ?, ?, ?)",
                       arguments: [encounterID, id, actor, Date(), json])
        try log(db, actor: actor, entity: "encounter", id: String(encounterID), action: "proposeNew", detail: "\(id), awaiting a second reviewer")
    }

    private static func checkNames(_ db: Database, _ s: ReviewSubmission) throws {
        switch s.verdict {
        case .same, .notThisOne:
            guard let id = s.individualID else { throw ReviewError.needsCandidate(verdict: s.verdict.rawValue) }
            try requireIndividual(db, id)
            if s.verdict == .same, let into = try String.fetchOne(db, sql: "SELECT mergedInto FROM individual WHERE individualID = ?", arguments: [id]) {
                throw CatalogError.mergedIndividual(id: id, into: into)
            }
        case .newIndividual:
            guard let id = s.individualID else { throw CatalogError.decisionNeedsIndividual(kind: ReviewDecisionKind.newIndividual.rawValue) }
            if try Int.fetchOne(db, sql: "SELECT 1 FROM individual WHERE individualID = ?", arguments: [id]) != nil {
                throw CatalogError.individualExists(id: id)
            }
        default: break
        }
        if let mother = s.motherID { try requireIndividual(db, mother) }
    }

    static func checkVersions(_ db: Database, _ seen: [String: Int64]) throws {
        for (id, v) in seen.sorted(by: { $0.key < $1.key }) {
            let current = try version(db, id)
            guard current != v else { continue }
            throw ReviewError.staleIndividual(individualID: id, seen: v, current: current,
                                              change: try lastChange(db, entity: "individual", id: id))
        }
    }

    static func summary(_ verdict: ReviewVerdict, _ subject: String?, _ encounterID: Int64, rank: Int? = nil) -> String {
        let what: String = switch verdict {
        case .same: "same as \(subject ?? "?")" + (rank.map { " (rank \($0))" } ?? "")
        case .notThisOne: "not \(subject ?? "?")" + (rank.map { " (rank \($0))" } ?? "")
        case .newIndividual: "new individual \(subject ?? "?")"
        case .cantTell: "can't tell"
        case .unidentifiable: "unidentifiable"
        case .skip: "skipped"
        case .notTarget: "not the target species" + (subject.map { ": \($0)" } ?? "")
        }
        return "encounter \(encounterID): \(what)"
    }
}

extension ReviewVerdict {
    /// The verdict a stored decision kind stands for.
    init(_ kind: ReviewDecisionKind) {
        switch kind {
        case .confirmed: self = .same
        case .newIndividual: self = .newIndividual
        case .rejected: self = .cantTell
        case .unidentifiable: self = .unidentifiable
        case .notTarget: self = .notTarget
        }
    }
}

/// A held "new individual" decision, as stored until a second reviewer answers.
struct PendingPayload: Codable {
    var individualID: String?
    var candidateID: Int64?
    var addReference: Bool
    var note: String?
    var sex: String?
    var lifeStage: String?
    var motherID: String?

    init(_ d: EncounterDecision) {
        individualID = d.individualID
        candidateID = d.candidateID
        addReference = d.addReference
        note = d.note
        sex = d.sex
        lifeStage = d.lifeStage?.rawValue
        motherID = d.motherID
    }

    var decision: EncounterDecision {
        EncounterDecision(kind: .newIndividual, individualID: individualID, candidateID: candidateID, addReference: addReference, note: note,
                          sex: sex, lifeStage: lifeStage.flatMap(LifeStage.init(rawValue:)), motherID: motherID)
    }
}
