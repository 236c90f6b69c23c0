import Core
import Foundation
import GRDB

extension SurveyStore {
    /// Stores parsed evidence rows of one file in one transaction; nothing is stored if it fails.
    ///
    /// A row whose content key is stored already is counted as present and not added. An individual (or mother,
    /// father) not in the catalog skips the line with a message naming its file, line and column, unless
    /// `addIndividuals`: then it is created, attributed to `actor`. Samples: a row with a sampleID and an
    /// individualID ties the sample to that individual, so every stored row of the sample without an individual
    /// gets it, and later rows of the sample alone inherit it; a row tying a sample to another individual than
    /// the one it is tied to already is skipped (change it with `assignSample`).
    public func importEvidence(_ rows: [Evidence], addIndividuals: Bool, actor: String, source: String) throws -> EvidenceImport {
        try pool.write { db in
            var result = EvidenceImport()
            var known = Set(try String.fetchAll(db, sql: "SELECT individualID FROM individual"))
            let now = Date()
            rowLoop: for var row in rows {
                for (column, id) in [("individualID", row.individualID), ("motherID", row.motherID), ("fatherID", row.fatherID)] {
                    guard let id, !known.contains(id) else { continue }
                    guard addIndividuals else {
                        result.problems.append(.csvBadValue(file: row.sourceFile, line: row.sourceLine, column: column, value: id,
                                                            expected: "an individual in the catalog (see `rosette individuals list`, or import with --add-individuals)"))
                        continue rowLoop
                    }
                    try SurveyStore.insertIndividual(db, id, name: nil, sex: nil, actor: actor)
                    try SurveyStore.log(db, actor: actor, entity: "individual", id: id, action: "addFromEvidence",
                                        detail: "\(row.sourceFile):\(row.sourceLine) (\(column))")
                    known.insert(id)
                    result.addedIndividuals.append(id)
                }
                if let sample = row.sampleID {
                    let owner = try String.fetchOne(db, sql: """
                        SELECT individualID FROM evidence WHERE sampleID = ? AND individualID IS NOT NULL ORDER BY evidenceID LIMIT 1
                        """, arguments: [sample])
                    if let owner, let id = row.individualID, owner != id {
                        result.problems.append(.csvBadValue(file: row.sourceFile, line: row.sourceLine, column: "individualID", value: id,
                                                            expected: "the individual sample \(sample) is tied to already (\(owner)); "
                                                                + "change it with `rosette evidence assign \(sample) \(id)`"))
                        continue rowLoop
                    }
                    if row.individualID == nil { row.individualID = owner }
                }
                try db.execute(sql: """
                    INSERT INTO evidence(method, individualID, sampleID, timestamp, latitude, longitude, uncertainty, motherID, fatherID,
                                         cause, notes, sourceFile, sourceLine, contentKey, importedAt, importedBy)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(contentKey) DO NOTHING
                    """, arguments: [row.method.rawValue, row.individualID, row.sampleID, row.timestamp, row.latitude, row.longitude,
                                     row.uncertainty, row.motherID, row.fatherID, row.cause?.rawValue, row.notes, row.sourceFile,
                                     row.sourceLine, row.contentKey, now, actor])
                if db.changesCount == 0 { result.alreadyPresent += 1 } else { result.imported[row.method, default: 0] += 1 }
                if let sample = row.sampleID, let id = row.individualID {
                    try db.execute(sql: "UPDATE evidence SET individualID = ? WHERE sampleID = ? AND individualID IS NULL", arguments: [id, sample])
                    if db.changesCount > 0 {
                        result.assignedSamples += db.changesCount
                        try SurveyStore.log(db, actor: actor, entity: "evidenceSample", id: sample, action: "assign",
                                            detail: "\(db.changesCount) row(s) → \(id) (\(row.sourceFile):\(row.sourceLine))")
                    }
                }
            }
            let byMethod = result.imported.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
            try SurveyStore.log(db, actor: actor, entity: "evidence", id: source, action: "import",
                                detail: "\(result.importedCount) row(s) (\(byMethod.joined(separator: ", "))), \(result.alreadyPresent) already present, "
                                    + "\(result.problems.count) skipped")
            return result
        }
    }

    /// Ties every stored row of a sample to an individual (replacing an earlier tie); returns the rows changed.
    @discardableResult
    public func assignSample(_ sampleID: String, to individualID: String, actor: String) throws -> Int {
        try pool.write { db in
            try SurveyStore.requireIndividual(db, individualID)
            let before = try String?.fetchAll(db, sql: "SELECT DISTINCT individualID FROM evidence WHERE sampleID = ?", arguments: [sampleID])
            guard !before.isEmpty else { throw CatalogError.unknownSample(id: sampleID) }
            try db.execute(sql: "UPDATE evidence SET individualID = ? WHERE sampleID = ?", arguments: [individualID, sampleID])
            let n = db.changesCount
            let was = before.map { $0 ?? "unassigned" }.joined(separator: ", ")
            try SurveyStore.log(db, actor: actor, entity: "evidenceSample", id: sampleID, action: "assign",
                                detail: "\(n) row(s) → \(individualID) (was \(was))")
            return n
        }
    }

    /// An individual's evidence (with that of individuals merged into it), oldest first.
    public func evidence(individualID: String) throws -> [Evidence] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM evidence WHERE individualID = ?
                   OR individualID IN (SELECT individualID FROM individual WHERE mergedInto = ?) ORDER BY timestamp, evidenceID
                """, arguments: [individualID, individualID]).map(SurveyStore.evidenceRecord)
        }
    }

    /// Evidence in a time window (either end open) and of one method (nil: all), oldest first.
    public func evidence(from: Date? = nil, to: Date? = nil, method: Evidence.Method? = nil) throws -> [Evidence] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM evidence WHERE (? IS NULL OR timestamp >= ?) AND (? IS NULL OR timestamp < ?) AND (? IS NULL OR method = ?)
                ORDER BY timestamp, evidenceID
                """, arguments: [from, from, to, to, method?.rawValue, method?.rawValue]).map(SurveyStore.evidenceRecord)
        }
    }

    /// Located observations of known individuals (merged ones under their target), oldest first.
    public func locatedEvidence(from: Date? = nil, to: Date? = nil, methods: Set<Evidence.Method>? = nil) throws -> [LocatedEvidence] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT COALESCE(i.mergedInto, e.individualID) AS who, e.method, e.timestamp, e.latitude, e.longitude, e.uncertainty
                FROM evidence e LEFT JOIN individual i ON i.individualID = e.individualID
                WHERE e.individualID IS NOT NULL AND e.latitude IS NOT NULL AND e.longitude IS NOT NULL
                  AND (? IS NULL OR e.timestamp >= ?) AND (? IS NULL OR e.timestamp < ?)
                ORDER BY e.timestamp, e.evidenceID
                """, arguments: [from, from, to, to]).compactMap { r -> LocatedEvidence? in
                guard let method = Evidence.Method(rawValue: r["method"]), methods?.contains(method) ?? true else { return nil }
                return LocatedEvidence(individualID: r["who"], method: method, timestamp: r["timestamp"], latitude: r["latitude"],
                                       longitude: r["longitude"], uncertainty: r["uncertainty"])
            }
        }
    }

    /// Every parentage statement in the evidence (a mother or a father given), in import order.
    public func evidenceParentage() throws -> [EvidenceParentage] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM evidence WHERE motherID IS NOT NULL OR fatherID IS NOT NULL ORDER BY evidenceID
                """).map { r in
                let e = try SurveyStore.evidenceRecord(r)
                return EvidenceParentage(individualID: e.individualID, sampleID: e.sampleID, motherID: e.motherID, fatherID: e.fatherID,
                                         method: e.method, timestamp: e.timestamp, sourceFile: e.sourceFile, sourceLine: e.sourceLine)
            }
        }
    }

    /// Carcass finds, oldest first (a carcass without a stated cause has cause `unknown`).
    public func evidenceDeaths() throws -> [EvidenceDeath] {
        try evidence(method: .carcass).map {
            EvidenceDeath(individualID: $0.individualID, sampleID: $0.sampleID, date: $0.timestamp, cause: $0.cause ?? .unknown,
                          latitude: $0.latitude, longitude: $0.longitude, sourceFile: $0.sourceFile, sourceLine: $0.sourceLine)
        }
    }

    static func evidenceRecord(_ r: Row) throws -> Evidence {
        let label: String = r["method"]
        guard let method = Evidence.Method(rawValue: label) else {
            throw DatabaseError(message: "evidence \(r["evidenceID"] as Int64? ?? 0): unknown method '\(label)'")
        }
        let cause: String? = r["cause"]
        return Evidence(evidenceID: r["evidenceID"], method: method, individualID: r["individualID"], sampleID: r["sampleID"],
                        timestamp: r["timestamp"], latitude: r["latitude"], longitude: r["longitude"], uncertainty: r["uncertainty"],
                        motherID: r["motherID"], fatherID: r["fatherID"], cause: cause.flatMap(Evidence.Cause.init(rawValue:)),
                        notes: r["notes"], sourceFile: r["sourceFile"], sourceLine: r["sourceLine"], contentKey: r["contentKey"])
    }
}
