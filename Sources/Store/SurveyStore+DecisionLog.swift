import Foundation
import GRDB

/// What a log entry is about, written with the rows it changed.
struct LogHeader {
    var actor: String
    var kind: LogEntry.Kind
    var verdict: ReviewVerdict? = nil
    var encounterID: Int64? = nil
    var individualID: String? = nil
    var candidateID: Int64? = nil
    var rankShown: Int? = nil
    var ranking: RankingShown? = nil
    var leaseToken: String? = nil
    var reverts: Int64? = nil
    var summary: String
}

extension SurveyStore {
    /// Runs `body` inside the caller's write transaction with every catalog row it changes recorded, then appends
    /// the log entry (with the before/after images), the rows and individuals it touched, and bumps the version
    /// of every individual whose row or reference photos changed.
    static func logged<T>(_ db: Database, _ header: LogHeader, body: () throws -> T) throws -> (result: T, entryID: Int64) {
        try RowTracker.begin(db)
        let result = try body()
        let changes = try RowTracker.finish(db)
        return (result, try appendEntry(db, header, changes))
    }

    static func appendEntry(_ db: Database, _ header: LogHeader, _ changes: [RowChange]) throws -> Int64 {
        let json = String(decoding: try JSONEncoder().encode(changes), as: UTF8.self)
        let settings = try header.ranking.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        try db.execute(sql: """
            INSERT INTO decisionLog(at, actor, kind, verdict, encounterID, individualID, candidateID, rankShown, settings, leaseToken,
                                    reverts, summary, changes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [Date(), header.actor, header.kind.rawValue, header.verdict?.rawValue, header.encounterID,
                             header.individualID, header.candidateID, header.rankShown, settings, header.leaseToken,
                             header.reverts, header.summary, json])
        let id = db.lastInsertedRowID
        var individuals: Set<String> = header.individualID.map { [$0] } ?? []
        var versioned: Set<String> = []
        for c in changes {
            try db.execute(sql: "INSERT INTO decisionLogRow(entryID, tableName, rowKey) VALUES (?, ?, ?)",
                           arguments: [id, c.table, c.key.text])
            individuals.formUnion(c.individualIDs)
            if c.table == "individual", case .text(let key) = c.key { individuals.insert(key); versioned.insert(key) }
            if c.table == "referencePhoto" { versioned.formUnion(c.individualIDs) }
        }
        for ind in individuals {
            try db.execute(sql: "INSERT OR IGNORE INTO decisionLogIndividual(entryID, individualID) VALUES (?, ?)", arguments: [id, ind])
        }
        for ind in versioned {
            try db.execute(sql: """
                INSERT INTO individualVersion(individualID, version) VALUES (?, 1)
                ON CONFLICT(individualID) DO UPDATE SET version = version + 1
                """, arguments: [ind])
        }
        return id
    }

    static func changes(of row: Row) throws -> [RowChange] {
        try JSONDecoder().decode([RowChange].self, from: Data((row["changes"] as String).utf8))
    }

    static func entry(_ row: Row) throws -> LogEntry {
        let settings: String? = row["settings"]
        return LogEntry(id: row["id"], at: row["at"], actor: row["actor"], kind: LogEntry.Kind(rawValue: row["kind"]) ?? .decision,
                        verdict: (row["verdict"] as String?).flatMap(ReviewVerdict.init(rawValue:)), encounterID: row["encounterID"],
                        individualID: row["individualID"], candidateID: row["candidateID"], rankShown: row["rankShown"],
                        ranking: try settings.map { try JSONDecoder().decode(RankingShown.self, from: Data($0.utf8)) },
                        leaseToken: row["leaseToken"], reverts: row["reverts"], summary: row["summary"],
                        rows: try changes(of: row).map(\.publicChange))
    }

    static func entry(_ db: Database, id: Int64) throws -> (LogEntry, Row) {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM decisionLog WHERE id = ?", arguments: [id]) else {
            throw ReviewError.unknownEntry(id: id)
        }
        return (try entry(row), row)
    }

    /// One review log entry; throws `ReviewError.unknownEntry`.
    public func logEntry(_ id: Int64) throws -> LogEntry {
        try pool.read { db in try SurveyStore.entry(db, id: id).0 }
    }

    /// The review log, newest first: all of it, or the entries of one reviewer or one encounter.
    public func reviewLog(actor: String? = nil, encounterID: Int64? = nil, limit: Int = 100) throws -> [LogEntry] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM decisionLog WHERE (? IS NULL OR actor = ?) AND (? IS NULL OR encounterID = ?) ORDER BY id DESC LIMIT ?
                """, arguments: [actor, actor, encounterID, encounterID, limit]).map(SurveyStore.entry)
        }
    }

    /// Every log entry that changed an individual (its row, reference photos, observations, decisions), oldest
    /// first: decisions, merges, undos and redos, each of which can be reverted from here.
    public func history(individualID: String) throws -> [LogEntry] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.* FROM decisionLog l JOIN decisionLogIndividual i ON i.entryID = l.id WHERE i.individualID = ? ORDER BY l.id
                """, arguments: [individualID]).map(SurveyStore.entry)
        }
    }

    /// The current version of each individual (0 for one never changed through the log): a decision carries the
    /// versions its page showed, and a changed one makes it a conflict.
    public func individualVersions(_ ids: [String]) throws -> [String: Int64] {
        try pool.read { db in
            var versions: [String: Int64] = [:]
            for id in ids { versions[id] = try SurveyStore.version(db, id) }
            return versions
        }
    }

    static func version(_ db: Database, _ id: String) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT version FROM individualVersion WHERE individualID = ?", arguments: [id]) ?? 0
    }

    /// The latest change-log line about a record, as who / when / what.
    static func lastChange(_ db: Database, entity: String, id: String) throws -> ReviewError.Change? {
        try Row.fetchOne(db, sql: """
            SELECT at, actor, action, detail FROM changeLog WHERE entity = ? AND entityID = ? ORDER BY id DESC LIMIT 1
            """, arguments: [entity, id]).map { row in
            let detail: String? = row["detail"]
            return ReviewError.Change(actor: row["actor"], at: row["at"],
                                      what: [row["action"] as String, detail].compactMap { $0 }.joined(separator: ": "))
        }
    }
}
