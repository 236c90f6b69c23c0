import Foundation
import GRDB

extension SurveyStore {
    /// Replaces the stored proposals of a partner (all of its individuals) with `matches`, in one transaction.
    /// Pairs set apart earlier ("not") and partner individuals already linked are left out.
    @discardableResult
    public func saveCrossMatches(partner: String, _ matches: [CrossMatch]) throws -> [CrossMatch] {
        try pool.write { db in
            try SurveyStore.requirePartner(db, partner)
            let rejected = Set(try Row.fetchAll(db, sql: "SELECT partnerID, individualID FROM crossRejected WHERE partner = ?",
                                                arguments: [partner]).map { "\($0["partnerID"] as String)\u{1}\($0["individualID"] as String)" })
            let linked = Set(try String.fetchAll(db, sql: "SELECT partnerID FROM crossLink WHERE partner = ?", arguments: [partner]))
            let kept = matches.filter { $0.partner == partner && !linked.contains($0.partnerID)
                && !rejected.contains("\($0.partnerID)\u{1}\($0.individualID)") }
            try db.execute(sql: "DELETE FROM crossMatch WHERE partner = ?", arguments: [partner])
            let now = Date()
            for m in kept {
                try db.execute(sql: """
                    INSERT INTO crossMatch(partner, partnerID, individualID, rank, score, inliers, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [partner, m.partnerID, m.individualID, m.rank, m.score, m.inliers, now])
            }
            return kept
        }
    }

    /// The stored pairs still awaiting a decision: partner individual not linked, pair not set apart; by partner ID
    /// then rank.
    public func pendingCrossMatches(partner: String) throws -> [CrossMatch] {
        try pool.read { db in
            try SurveyStore.requirePartner(db, partner)
            return try SurveyStore.pendingCrossMatches(db, partner: partner)
        }
    }

    static func pendingCrossMatches(_ db: Database, partner: String) throws -> [CrossMatch] {
        try Row.fetchAll(db, sql: """
            SELECT m.* FROM crossMatch m WHERE m.partner = ?
              AND NOT EXISTS (SELECT 1 FROM crossLink l WHERE l.partner = m.partner AND l.partnerID = m.partnerID)
              AND NOT EXISTS (SELECT 1 FROM crossRejected r WHERE r.partner = m.partner AND r.partnerID = m.partnerID
                              AND r.individualID = m.individualID)
            ORDER BY m.partnerID, m.rank
            """, arguments: [partner]).map { row in
            CrossMatch(partner: row["partner"], partnerID: row["partnerID"], individualID: row["individualID"], rank: row["rank"],
                       score: row["score"], inliers: row["inliers"])
        }
    }

    /// Records a reviewer's verdict on a pair through the review log, so `undo` reverses it: `same` writes a
    /// `crossLink` (the partner individual and ours are one animal), otherwise a `crossRejected` row (the pair
    /// is not proposed again). Returns the log entry. Neither catalog is changed.
    @discardableResult
    public func decideCrossPair(partner: String, partnerID: String, individualID: String, same: Bool, actor: String) throws -> LogEntry {
        try pool.write { db in
            try SurveyStore.requirePartnerIndividual(db, partner, partnerID)
            try SurveyStore.requireIndividual(db, individualID)
            if let into = try String.fetchOne(db, sql: "SELECT mergedInto FROM individual WHERE individualID = ?", arguments: [individualID]) {
                throw CatalogError.mergedIndividual(id: individualID, into: into)
            }
            let qualified = PartnerNamespace.qualified(partner, partnerID)
            if same {
                if let other = try String.fetchOne(db, sql: "SELECT individualID FROM crossLink WHERE partner = ? AND partnerID = ?",
                                                   arguments: [partner, partnerID]) {
                    throw PartnerError.alreadyLinked(partner: partner, id: partnerID, individualID: other)
                }
                if let other = try String.fetchOne(db, sql: "SELECT partnerID FROM crossLink WHERE partner = ? AND individualID = ?",
                                                   arguments: [partner, individualID]) {
                    throw PartnerError.individualAlreadyLinked(partner: partner, individualID: individualID, partnerID: other)
                }
            } else if try Int.fetchOne(db, sql: "SELECT 1 FROM crossRejected WHERE partner = ? AND partnerID = ? AND individualID = ?",
                                       arguments: [partner, partnerID, individualID]) != nil {
                throw PartnerError.alreadyRejected(partner: partner, id: partnerID, individualID: individualID)
            }
            let summary = same ? "\(qualified) is the same animal as \(individualID)" : "\(qualified) is not \(individualID)"
            let header = LogHeader(actor: actor, kind: .link, verdict: nil, individualID: individualID, summary: summary)
            let entryID = try SurveyStore.logged(db, header) {
                let table = same ? "crossLink" : "crossRejected"
                try db.execute(sql: "INSERT INTO \(table)(partner, partnerID, individualID, decidedBy, decidedAt) VALUES (?, ?, ?, ?, ?)",
                               arguments: [partner, partnerID, individualID, actor, Date()])
                try SurveyStore.log(db, actor: actor, entity: "individual", id: individualID, action: same ? "link" : "notLink",
                                    detail: summary)
            }.entryID
            return try SurveyStore.entry(db, id: entryID).0
        }
    }

    /// The pairs set apart ("not this one") of a partner: partner ID → our individuals.
    public func crossRejections(partner: String) throws -> [String: Set<String>] {
        try pool.read { db in
            var out: [String: Set<String>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT partnerID, individualID FROM crossRejected WHERE partner = ?", arguments: [partner]) {
                out[row["partnerID"], default: []].insert(row["individualID"])
            }
            return out
        }
    }

    /// "Same animal" links, of one partner or all, by partner then partner ID.
    public func crossLinks(partner: String? = nil) throws -> [CrossLink] {
        try pool.read { db in
            if let partner { try SurveyStore.requirePartner(db, partner) }
            return try SurveyStore.crossLinks(db, partner: partner)
        }
    }

    static func crossLinks(_ db: Database, partner: String?) throws -> [CrossLink] {
        try Row.fetchAll(db, sql: "SELECT * FROM crossLink WHERE (? IS NULL OR partner = ?) ORDER BY partner, partnerID",
                         arguments: [partner, partner]).map { row in
            CrossLink(partner: row["partner"], partnerID: row["partnerID"], individualID: row["individualID"], decidedBy: row["decidedBy"],
                      decidedAt: row["decidedAt"])
        }
    }
}
