import Core
import Foundation
import GRDB

/// Thrown inside the import transaction to roll it back when rows conflict.
private struct ConflictRollback: Error { let conflicts: [ExchangeConflict] }

extension SurveyStore {
    /// Writes a validated package in one transaction, keyed on the package's IDs.
    ///
    /// A row whose package ID was imported before with the same digest is left alone (a second import adds
    /// nothing); one imported before with another digest, or whose ID the survey already holds from elsewhere with
    /// other content, is a conflict. When there is any conflict nothing is written and the conflicts are returned.
    /// Individuals the observations name are created when the catalog does not have them.
    public func importExchange(_ batch: ExchangeBatch, actor: String) throws -> ExchangeImportResult {
        do {
            return try pool.write { db in
                var result = ExchangeImportResult()
                var conflicts: [ExchangeConflict] = []
                let rootID = try SurveyStore.exchangeRoot(db, batch.root)
                func known(_ entity: String, _ id: String, _ digest: String) throws -> Bool? {
                    guard let row = try Row.fetchOne(db, sql: "SELECT digest FROM exchangeKey WHERE entity = ? AND externalID = ?",
                                                     arguments: [entity, id]) else { return nil }
                    let stored: String = row["digest"]
                    if stored != digest {
                        conflicts.append(ExchangeConflict(entity: entity, externalID: id, reason: "imported earlier with other content"))
                    }
                    return true
                }
                func key(_ entity: String, _ row: ExchangeRow<some Sendable & Equatable>, local: String) throws {
                    let extras = row.extras.isEmpty ? nil : String(decoding: try JSONEncoder.sorted.encode(row.extras), as: UTF8.self)
                    try db.execute(sql: """
                        INSERT INTO exchangeKey(entity, externalID, localID, digest, extras, source, importedAt) VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [entity, row.externalID, local, row.digest, extras, batch.source, Date()])
                    result.added[entity, default: 0] += 1
                }
                for row in batch.deployments {
                    if try known("deployment", row.externalID, row.digest) != nil { result.unchanged["deployment", default: 0] += 1; continue }
                    if let existing = try Deployment.fetchOne(db, key: row.record.deploymentID) {
                        if existing != row.record {
                            conflicts.append(ExchangeConflict(entity: "deployment", externalID: row.externalID, reason: "already in the survey with other content"))
                            continue
                        }
                    } else {
                        try row.record.insert(db)
                    }
                    try key("deployment", row, local: row.record.deploymentID)
                }
                for row in batch.events {
                    if try known("event", row.externalID, row.digest) != nil { result.unchanged["event", default: 0] += 1; continue }
                    if try MediaSequence.fetchOne(db, key: row.record.eventID) != nil {
                        conflicts.append(ExchangeConflict(entity: "event", externalID: row.externalID, reason: "already in the survey, not from this package"))
                        continue
                    }
                    try row.record.insert(db)
                    try key("event", row, local: row.record.eventID)
                }
                var mediaIDs: [String: Int64] = [:]
                for row in batch.media {
                    if try known("media", row.externalID, row.digest) != nil {
                        mediaIDs[row.externalID] = try SurveyStore.exchangeLocalID(db, "media", row.externalID)
                        result.unchanged["media", default: 0] += 1
                        continue
                    }
                    var media = row.record
                    media.rootID = rootID
                    if try Int.fetchOne(db, sql: "SELECT 1 FROM media WHERE rootID = ? AND filePath = ?", arguments: [rootID, media.filePath]) != nil {
                        conflicts.append(ExchangeConflict(entity: "media", externalID: row.externalID, reason: "its file is already in the survey"))
                        continue
                    }
                    try media.insert(db)
                    mediaIDs[row.externalID] = media.mediaID
                    try key("media", row, local: String(media.mediaID ?? 0))
                }
                for row in batch.observations {
                    if try known("observation", row.externalID, row.digest) != nil { result.unchanged["observation", default: 0] += 1; continue }
                    var observation = row.record
                    if let ref = row.mediaRef { observation.mediaID = mediaIDs[ref] }
                    try observation.insert(db)
                    try key("observation", row, local: String(observation.observationID ?? 0))
                }
                guard conflicts.isEmpty else { throw ConflictRollback(conflicts: conflicts) }
                result.individualsAdded = try SurveyStore.addExchangeIndividuals(db, batch.individuals, actor: actor)
                result.individualsKept = batch.individuals.map(\.individualID).filter { !result.individualsAdded.contains($0) }
                if result.totalAdded > 0 || !result.individualsAdded.isEmpty {
                    try SurveyStore.log(db, actor: actor, entity: "exchange", id: batch.source, action: "import",
                                        detail: result.added.sorted { $0.key < $1.key }.map { "\($0.key) +\($0.value)" }.joined(separator: ", "))
                }
                return result
            }
        } catch let rollback as ConflictRollback {
            var result = ExchangeImportResult()
            result.conflicts = rollback.conflicts
            return result
        }
    }

    private static func exchangeRoot(_ db: Database, _ root: URL) throws -> Int64 {
        let path = root.standardizedFileURL.path
        if let id = try Int64.fetchOne(db, sql: "SELECT rootID FROM mediaRoot WHERE path = ?", arguments: [path]) { return id }
        try db.execute(sql: "INSERT INTO mediaRoot(path, addedAt) VALUES (?, ?)", arguments: [path, Date()])
        return db.lastInsertedRowID
    }

    private static func exchangeLocalID(_ db: Database, _ entity: String, _ externalID: String) throws -> Int64? {
        try String.fetchOne(db, sql: "SELECT localID FROM exchangeKey WHERE entity = ? AND externalID = ?",
                            arguments: [entity, externalID]).flatMap { Int64($0) }
    }

    /// Creates the individuals the catalog lacks (mothers set once all are in); returns their IDs.
    private static func addExchangeIndividuals(_ db: Database, _ items: [ExchangeIndividual], actor: String) throws -> [String] {
        var added: [String] = []
        let now = Date()
        for i in items where try Int.fetchOne(db, sql: "SELECT 1 FROM individual WHERE individualID = ?", arguments: [i.individualID]) == nil {
            try refusePartnerID(db, i.individualID)  // a partner's NS:ID never becomes one of ours
            try db.execute(sql: """
                INSERT INTO individual(individualID, name, scientificName, sex, lifeStage, lifeStageDate, birthYear, status,
                                       deathDate, deathCause, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [i.individualID, i.name, i.scientificName ?? "Panthera pardus orientalis", i.sex, i.lifeStage,
                                 i.lifeStageDate, i.birthYear, i.status ?? "alive", i.deathDate, i.deathCause, now, now])
            try log(db, actor: actor, entity: "individual", id: i.individualID, action: "create", detail: "from a Camtrap DP package")
            added.append(i.individualID)
        }
        for i in items where added.contains(i.individualID) {
            guard let mother = i.motherID,
                  try Int.fetchOne(db, sql: "SELECT 1 FROM individual WHERE individualID = ?", arguments: [mother]) != nil else { continue }
            try db.execute(sql: "UPDATE individual SET motherID = ? WHERE individualID = ?", arguments: [mother, i.individualID])
        }
        return added
    }

    /// Everything an export needs, read in one transaction.
    public func exchangeSnapshot() throws -> ExchangeSnapshot {
        let individuals = try individuals()
        return try pool.read { db in
            var keys: [String: [String: ExchangeKey]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT entity, externalID, localID, extras FROM exchangeKey") {
                let text: String? = row["extras"]
                let extras = text.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) } ?? [:]
                let k = ExchangeKey(entity: row["entity"], externalID: row["externalID"], localID: row["localID"], extras: extras)
                keys[k.entity, default: [:]][k.localID] = k
            }
            var roots: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT rootID, path FROM mediaRoot") { roots[row["rootID"]] = row["path"] }
            return ExchangeSnapshot(
                deployments: try Deployment.order(Column("deploymentID")).fetchAll(db),
                media: try Media.filter(Column("duplicateOf") == nil)
                    .order(Column("deploymentID"), Column("timestamp"), Column("mediaID")).fetchAll(db),
                roots: roots,
                observations: try Observation.order(Column("observationID")).fetchAll(db),
                sequences: try MediaSequence.order(Column("deploymentID"), Column("eventStart")).fetchAll(db),
                individuals: individuals, keys: keys)
        }
    }
}

extension JSONEncoder {
    /// An encoder with sorted keys, so equal dictionaries encode to equal bytes.
    fileprivate static var sorted: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }
}
