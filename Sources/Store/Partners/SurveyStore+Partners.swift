import Foundation
import GRDB

extension SurveyStore {
    /// Loads a partner's catalog under its namespace in one transaction, replacing what an earlier import of that
    /// partner stored (a re-import updates it). Links to partner IDs the new package no longer has are kept and
    /// reported; stored proposals of the partner are dropped, as they were ranked against the old chips.
    @discardableResult
    public func importPartner(_ batch: PartnerCatalogBatch, actor: String) throws -> PartnerImportResult {
        guard PartnerNamespace.isValid(batch.name) else { throw PartnerError.badNamespace(name: batch.name) }
        return try pool.write { db in
            let previous = try String.fetchOne(db, sql: "SELECT packageDigest FROM partner WHERE name = ?", arguments: [batch.name])
            let before = Set(try String.fetchAll(db, sql: "SELECT partnerID FROM partnerIndividual WHERE partner = ?", arguments: [batch.name]))
            let dropped = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM crossMatch WHERE partner = ?", arguments: [batch.name]) ?? 0
            try db.execute(sql: "DELETE FROM crossMatch WHERE partner = ?", arguments: [batch.name])
            try db.execute(sql: "DELETE FROM partnerChip WHERE partner = ?", arguments: [batch.name])
            try db.execute(sql: "DELETE FROM partnerIndividual WHERE partner = ?", arguments: [batch.name])
            try db.execute(sql: """
                INSERT INTO partner(name, title, importedAt, packageDigest) VALUES (?, ?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET title = excluded.title, importedAt = excluded.importedAt, packageDigest = excluded.packageDigest
                """, arguments: [batch.name, batch.title, Date(), batch.packageDigest])
            for i in batch.individuals {
                let cells = String(decoding: try JSONEncoder().encode(i.cells), as: UTF8.self)
                try db.execute(sql: """
                    INSERT INTO partnerIndividual(partner, partnerID, sex, firstYear, lastYear, cells) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [batch.name, i.partnerID, i.sex, i.firstYear, i.lastYear, cells])
            }
            for c in batch.chips {
                try db.execute(sql: """
                    INSERT INTO partnerChip(partner, chipID, partnerID, side, jpeg, features, width, height) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [batch.name, c.chipID, c.partnerID, c.side, c.jpeg, c.features, c.width, c.height])
            }
            let after = Set(batch.individuals.map(\.partnerID))
            let orphaned = try SurveyStore.crossLinks(db, partner: batch.name).filter { !after.contains($0.partnerID) }
            try SurveyStore.log(db, actor: actor, entity: "partner", id: batch.name, action: previous == nil ? "import" : "reimport",
                                detail: "\(batch.individuals.count) individuals, \(batch.chips.count) chips, package \(batch.packageDigest.prefix(12))")
            return PartnerImportResult(partner: batch.name, replaced: previous != nil, unchanged: previous == batch.packageDigest,
                                       individuals: batch.individuals.count, chips: batch.chips.count,
                                       added: after.subtracting(before).sorted(), removed: before.subtracting(after).sorted(),
                                       orphanedLinks: orphaned, droppedProposals: dropped)
        }
    }

    /// Every partner with its counts, by name.
    public func partners() throws -> [PartnerSummary] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.*,
                  (SELECT COUNT(*) FROM partnerIndividual i WHERE i.partner = p.name) AS individuals,
                  (SELECT COUNT(*) FROM partnerChip c WHERE c.partner = p.name) AS chips,
                  (SELECT COUNT(*) FROM crossLink l WHERE l.partner = p.name) AS links
                FROM partner p ORDER BY p.name
                """).map { row in
                let name: String = row["name"]
                return PartnerSummary(name: name, title: row["title"], importedAt: row["importedAt"], packageDigest: row["packageDigest"],
                                      individuals: row["individuals"], chips: row["chips"], links: row["links"],
                                      pendingPairs: try SurveyStore.pendingCrossMatches(db, partner: name).count)
            }
        }
    }

    /// A partner's individuals, by partner ID; throws `unknownPartner`.
    public func partnerIndividuals(_ partner: String) throws -> [PartnerIndividual] {
        try pool.read { db in
            try SurveyStore.requirePartner(db, partner)
            return try Row.fetchAll(db, sql: "SELECT * FROM partnerIndividual WHERE partner = ? ORDER BY partnerID", arguments: [partner]).map { row in
                let cells = (try? JSONDecoder().decode([String].self, from: Data((row["cells"] as String).utf8))) ?? []
                return PartnerIndividual(partnerID: row["partnerID"], sex: row["sex"], firstYear: row["firstYear"], lastYear: row["lastYear"],
                                         cells: cells)
            }
        }
    }

    /// A partner's chips, by partner ID then chip ID; throws `unknownPartner`.
    public func partnerChips(_ partner: String) throws -> [PartnerChip] {
        try pool.read { db in
            try SurveyStore.requirePartner(db, partner)
            return try Row.fetchAll(db, sql: "SELECT * FROM partnerChip WHERE partner = ? ORDER BY partnerID, chipID", arguments: [partner]).map { row in
                PartnerChip(chipID: row["chipID"], partnerID: row["partnerID"], side: row["side"], jpeg: row["jpeg"], features: row["features"],
                            width: row["width"], height: row["height"])
            }
        }
    }

    static func requirePartner(_ db: Database, _ partner: String) throws {
        guard try Int.fetchOne(db, sql: "SELECT 1 FROM partner WHERE name = ?", arguments: [partner]) != nil else {
            throw PartnerError.unknownPartner(name: partner)
        }
    }

    static func requirePartnerIndividual(_ db: Database, _ partner: String, _ id: String) throws {
        try requirePartner(db, partner)
        guard try Int.fetchOne(db, sql: "SELECT 1 FROM partnerIndividual WHERE partner = ? AND partnerID = ?", arguments: [partner, id]) != nil else {
            throw PartnerError.unknownPartnerIndividual(partner: partner, id: id)
        }
    }

    /// Throws `partnerReadOnly` when `id` is written `NAME:ID` for a partner's individual: partner catalogs are
    /// read-only, and their IDs never become ours.
    static func refusePartnerID(_ db: Database, _ id: String) throws {
        guard let colon = id.firstIndex(of: ":") else { return }
        let name = String(id[..<colon]), rest = String(id[id.index(after: colon)...])
        if try Int.fetchOne(db, sql: "SELECT 1 FROM partner WHERE name = ?", arguments: [name]) != nil {
            throw PartnerError.partnerReadOnly(partner: name, id: rest)
        }
    }
}
