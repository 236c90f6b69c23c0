import Foundation
import GRDB

extension SurveyStore {
    /// Gives `actor` the next encounter to review, leased for `duration` seconds; nil when none is open.
    ///
    /// A reviewer who already holds a live lease gets that encounter back (lease extended). Otherwise one
    /// `UPDATE … WHERE` takes the first open encounter — undecided, not leased or lease expired, not a new
    /// individual this reviewer proposed — in one write transaction, so two reviewers never get the same one.
    /// New individuals waiting for a second reviewer come first, skipped encounters last.
    public func leaseNext(actor: String, duration: TimeInterval = 300, now: Date = Date()) throws -> ReviewLease? {
        try pool.write { db in
            if let held = try Row.fetchOne(db, sql: """
                SELECT encounterID, leaseToken FROM encounter e WHERE leaseHolder = ? AND leaseExpires > ?
                  AND NOT EXISTS (SELECT 1 FROM reviewDecision d WHERE d.encounterID = e.encounterID)
                ORDER BY encounterID LIMIT 1
                """, arguments: [actor, now]) {
                let lease = ReviewLease(encounterID: held["encounterID"], holder: actor, token: held["leaseToken"],
                                        expires: now.addingTimeInterval(duration))
                try db.execute(sql: "UPDATE encounter SET leaseExpires = ? WHERE encounterID = ?", arguments: [lease.expires, lease.encounterID])
                return lease
            }
            let token = UUID().uuidString, expires = now.addingTimeInterval(duration)
            guard let id = try Int64.fetchOne(db, sql: """
                UPDATE encounter SET leaseHolder = :actor, leaseToken = :token, leaseExpires = :expires
                WHERE encounterID = (
                    SELECT e.encounterID FROM encounter e
                    WHERE NOT EXISTS (SELECT 1 FROM reviewDecision d WHERE d.encounterID = e.encounterID)
                      AND (e.leaseHolder IS NULL OR e.leaseExpires IS NULL OR e.leaseExpires <= :now)
                      AND NOT EXISTS (SELECT 1 FROM pendingDecision p WHERE p.encounterID = e.encounterID AND p.status = 'pending'
                                      AND p.proposedBy = :actor)
                    ORDER BY NOT EXISTS (SELECT 1 FROM pendingDecision p WHERE p.encounterID = e.encounterID AND p.status = 'pending'),
                             (SELECT COUNT(*) FROM changeLog c WHERE c.entity = 'encounter' AND c.entityID = CAST(e.encounterID AS TEXT)
                              AND c.action = 'skip'), e.encounterID
                    LIMIT 1)
                  AND (leaseHolder IS NULL OR leaseExpires IS NULL OR leaseExpires <= :now)
                RETURNING encounterID
                """, arguments: ["actor": actor, "token": token, "expires": expires, "now": now]) else { return nil }
            try SurveyStore.log(db, actor: actor, entity: "encounter", id: String(id), action: "lease")
            return ReviewLease(encounterID: id, holder: actor, token: token, expires: expires)
        }
    }

    /// Leases one encounter to `actor` (the page opened it directly); a lease the actor already holds is extended.
    ///
    /// Throws `unknownEncounter`, `alreadyDecided`, `leasedByOther` (naming the holder), or
    /// `awaitingSecondReviewer` for a new individual this actor proposed.
    public func lease(encounterID: Int64, actor: String, duration: TimeInterval = 300, now: Date = Date()) throws -> ReviewLease {
        try pool.write { db in
            try SurveyStore.requireOpen(db, encounterID, actor: actor, now: now)
            let row = try Row.fetchOne(db, sql: "SELECT leaseHolder, leaseToken, leaseExpires FROM encounter WHERE encounterID = ?",
                                       arguments: [encounterID])!
            let expires = now.addingTimeInterval(duration)
            if row["leaseHolder"] as String? == actor, let token: String = row["leaseToken"], let until: Date = row["leaseExpires"], until > now {
                try db.execute(sql: "UPDATE encounter SET leaseExpires = ? WHERE encounterID = ?", arguments: [expires, encounterID])
                return ReviewLease(encounterID: encounterID, holder: actor, token: token, expires: expires)
            }
            let token = UUID().uuidString
            try db.execute(sql: "UPDATE encounter SET leaseHolder = ?, leaseToken = ?, leaseExpires = ? WHERE encounterID = ?",
                           arguments: [actor, token, expires, encounterID])
            try SurveyStore.log(db, actor: actor, entity: "encounter", id: String(encounterID), action: "lease")
            return ReviewLease(encounterID: encounterID, holder: actor, token: token, expires: expires)
        }
    }

    /// Extends a live lease (the page's heartbeat); throws `leaseExpired`, `leasedByOther` or `leaseMissing`.
    public func renew(_ lease: ReviewLease, duration: TimeInterval = 300, now: Date = Date()) throws -> ReviewLease {
        try pool.write { db in
            try SurveyStore.checkLease(db, encounterID: lease.encounterID, token: lease.token, actor: lease.holder, now: now)
            var renewed = lease
            renewed.expires = now.addingTimeInterval(duration)
            try db.execute(sql: "UPDATE encounter SET leaseExpires = ? WHERE encounterID = ? AND leaseToken = ?",
                           arguments: [renewed.expires, lease.encounterID, lease.token])
            return renewed
        }
    }

    /// Gives a lease up; returns false when it was no longer held under that token (expired and taken, or released).
    @discardableResult
    public func release(_ lease: ReviewLease) throws -> Bool {
        try pool.write { db in
            try db.execute(sql: """
                UPDATE encounter SET leaseHolder = NULL, leaseToken = NULL, leaseExpires = NULL WHERE encounterID = ? AND leaseToken = ?
                """, arguments: [lease.encounterID, lease.token])
            return db.changesCount == 1
        }
    }

    /// The live lease on an encounter, if any.
    public func currentLease(encounterID: Int64, now: Date = Date()) throws -> ReviewLease? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT leaseHolder, leaseToken, leaseExpires FROM encounter WHERE encounterID = ? AND leaseExpires > ?
                """, arguments: [encounterID, now]),
                  let holder: String = row["leaseHolder"], let token: String = row["leaseToken"] else { return nil }
            return ReviewLease(encounterID: encounterID, holder: holder, token: token, expires: row["leaseExpires"])
        }
    }

    /// Throws unless `token` is `actor`'s live lease on the encounter.
    static func checkLease(_ db: Database, encounterID: Int64, token: String, actor: String, now: Date) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT leaseHolder, leaseToken, leaseExpires FROM encounter WHERE encounterID = ?",
                                         arguments: [encounterID]) else { throw CatalogError.unknownEncounter(id: encounterID) }
        let holder: String? = row["leaseHolder"], held: String? = row["leaseToken"], until: Date? = row["leaseExpires"]
        if held == token, holder == actor {
            if let until, until <= now { throw ReviewError.leaseExpired(encounterID: encounterID, expired: until) }
            return
        }
        if let holder, let until, until > now { throw ReviewError.leasedByOther(encounterID: encounterID, holder: holder, until: until) }
        if held == token, let until { throw ReviewError.leaseExpired(encounterID: encounterID, expired: until) }
        throw ReviewError.leaseMissing(encounterID: encounterID)
    }

    /// Throws unless the encounter exists, is undecided, is not someone else's live lease, and is not a new
    /// individual `actor` proposed.
    static func requireOpen(_ db: Database, _ encounterID: Int64, actor: String, now: Date) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT leaseHolder, leaseExpires FROM encounter WHERE encounterID = ?",
                                         arguments: [encounterID]) else { throw CatalogError.unknownEncounter(id: encounterID) }
        if let d = try Row.fetchOne(db, sql: """
            SELECT decision, individualID, decidedBy, decidedAt FROM reviewDecision WHERE encounterID = ? ORDER BY id DESC LIMIT 1
            """, arguments: [encounterID]) {
            throw ReviewError.alreadyDecided(encounterID: encounterID, by: d["decidedBy"], at: d["decidedAt"],
                                             decision: [d["decision"] as String, d["individualID"] as String?].compactMap { $0 }.joined(separator: " "))
        }
        if let proposer = try String.fetchOne(db, sql: """
            SELECT proposedBy FROM pendingDecision WHERE encounterID = ? AND status = 'pending' AND proposedBy = ?
            """, arguments: [encounterID, actor]) {
            throw ReviewError.awaitingSecondReviewer(encounterID: encounterID, proposedBy: proposer)
        }
        if let holder: String = row["leaseHolder"], holder != actor, let until: Date = row["leaseExpires"], until > now {
            throw ReviewError.leasedByOther(encounterID: encounterID, holder: holder, until: until)
        }
    }
}
