import Core
import Foundation
import GRDB

extension SurveyStore {
    /// Adds an individual to the catalog, with its life history when given (checked by the same rules as an edit).
    public func addIndividual(_ id: String, name: String? = nil, sex: String? = nil, history: IndividualEdit = IndividualEdit(),
                              actor: String) throws {
        try pool.write { db in
            try SurveyStore.insertIndividual(db, id, name: name, sex: sex, actor: actor)
            if !history.isEmpty { try SurveyStore.applyEdit(db, id, history, actor: actor) }
        }
    }

    static func insertIndividual(_ db: Database, _ id: String, name: String?, sex: String?, actor: String) throws {
        try refusePartnerID(db, id)
        guard try Int.fetchOne(db, sql: "SELECT 1 FROM individual WHERE individualID = ?", arguments: [id]) == nil else {
            throw CatalogError.individualExists(id: id)
        }
        let now = Date()
        try db.execute(sql: """
            INSERT INTO individual(individualID, name, sex, scientificName, createdAt, updatedAt)
            VALUES (?, ?, ?, 'Panthera pardus orientalis', ?, ?)
            """, arguments: [id, name, sex, now, now])
        try SurveyStore.log(db, actor: actor, entity: "individual", id: id, action: "create")
    }

    /// All individuals (merged ones included, marked), by ID, with their active reference photos.
    public func individuals() throws -> [CatalogIndividual] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM individual ORDER BY individualID").map { try SurveyStore.individual(db, row: $0) }
        }
    }

    /// One individual; throws `unknownIndividual`.
    public func individual(_ id: String) throws -> CatalogIndividual {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM individual WHERE individualID = ?", arguments: [id]) else {
                throw CatalogError.unknownIndividual(id: id)
            }
            return try SurveyStore.individual(db, row: row)
        }
    }

    /// Changes an individual's name, sex, status, notes or life history; returns the changes (`field: old → new`).
    ///
    /// The life-history rules are checked first (see `IndividualEdit`); a broken rule throws and nothing changes.
    @discardableResult
    public func editIndividual(_ id: String, _ edit: IndividualEdit, actor: String) throws -> [String] {
        try pool.write { db in try SurveyStore.applyEdit(db, id, edit, actor: actor) }
    }

    /// Merges `source` into `target`: its reference photos, observations and candidates move to `target`;
    /// `source` stays in the catalog with status `merged` and `mergedInto` set.
    ///
    /// The life histories are combined: a fact only `source` has is copied to `target`; where both have
    /// different values (two mothers, two sexes, two birth years, two deaths) `target`'s is kept and the
    /// conflict listed. `source`'s cubs become `target`'s. The result must keep the life-history rules.
    @discardableResult
    public func mergeIndividual(_ source: String, into target: String, actor: String) throws -> MergeReport {
        guard source != target else { throw CatalogError.mergeIntoItself(id: source) }
        return try pool.write { db in
            try SurveyStore.requireIndividual(db, source)
            try SurveyStore.requireIndividual(db, target)
            let header = LogHeader(actor: actor, kind: .merge, individualID: target, summary: "merged \(source) into \(target)")
            return try SurveyStore.logged(db, header) { try SurveyStore.applyMerge(db, source, into: target, actor: actor) }.result
        }
    }

    static func applyMerge(_ db: Database, _ source: String, into target: String, actor: String) throws -> MergeReport {
        let report = try SurveyStore.combineHistories(db, source, into: target, actor: actor)
        let photos = try Int64.fetchAll(db, sql: "SELECT id FROM referencePhoto WHERE individualID = ? AND retiredAt IS NULL",
                                        arguments: [source])
        try db.execute(sql: "UPDATE referencePhoto SET individualID = ? WHERE individualID = ? AND retiredAt IS NULL",
                       arguments: [target, source])
        try db.execute(sql: "UPDATE observation SET individualID = ? WHERE individualID = ?", arguments: [target, source])
        try db.execute(sql: "UPDATE individual SET status = 'merged', mergedInto = ?, updatedAt = ? WHERE individualID = ?",
                       arguments: [target, Date(), source])
        try SurveyStore.checkRules(db, target)
        let moved = photos.map(String.init).joined(separator: ",")
        let history = (report.copied.isEmpty ? "" : "; copied \(report.copied.joined(separator: ", "))")
            + (report.conflicts.isEmpty ? "" : "; conflicts (kept \(target)'s): \(report.conflicts.joined(separator: "; "))")
            + (report.cubsMoved.isEmpty ? "" : "; cubs now \(target)'s: \(report.cubsMoved.joined(separator: ", "))")
        try SurveyStore.log(db, actor: actor, entity: "individual", id: source, action: "merge",
                            detail: "merged into \(target); reference photos \(moved)" + history)
        try SurveyStore.log(db, actor: actor, entity: "individual", id: target, action: "merge",
                            detail: "received \(source); reference photos \(moved)" + history)
        return report
    }

    /// Splits reference photos off `source` into a new individual `newID` (all or nothing).
    public func splitIndividual(_ source: String, photos: [Int64], into newID: String, actor: String) throws {
        try pool.write { db in
            try SurveyStore.requireIndividual(db, source)
            try SurveyStore.insertIndividual(db, newID, name: nil, sex: nil, actor: actor)
            for photo in photos {
                try db.execute(sql: "UPDATE referencePhoto SET individualID = ? WHERE id = ? AND individualID = ? AND retiredAt IS NULL",
                               arguments: [newID, photo, source])
                guard db.changesCount == 1 else { throw CatalogError.unknownReferencePhoto(id: photo, individualID: source) }
            }
            let list = photos.map(String.init).joined(separator: ",")
            try SurveyStore.log(db, actor: actor, entity: "individual", id: source, action: "split",
                                detail: "reference photos \(list) moved to \(newID)")
            try SurveyStore.log(db, actor: actor, entity: "individual", id: newID, action: "split",
                                detail: "reference photos \(list) taken from \(source)")
        }
    }

    /// Adds a reference flank photo (box relative 0–1, nil for the whole photo); returns its ID.
    @discardableResult
    public func addReferencePhoto(individualID: String, mediaID: Int64, side: String, box: [Double]?, actor: String) throws -> Int64 {
        try pool.write { db in
            try SurveyStore.requireIndividual(db, individualID)
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM media WHERE mediaID = ?", arguments: [mediaID]) != nil else {
                throw CatalogError.unknownMedia(id: mediaID)
            }
            try db.execute(sql: """
                INSERT INTO referencePhoto(individualID, mediaID, side, bboxX, bboxY, bboxWidth, bboxHeight, addedAt, addedBy)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [individualID, mediaID, side, box?[0], box?[1], box?[2], box?[3], Date(), actor])
            let id = db.lastInsertedRowID
            try SurveyStore.log(db, actor: actor, entity: "individual", id: individualID, action: "addReferencePhoto",
                                detail: "reference photo \(id): media \(mediaID), \(side) flank")
            return id
        }
    }

    static func requireIndividual(_ db: Database, _ id: String) throws {
        guard try Int.fetchOne(db, sql: "SELECT 1 FROM individual WHERE individualID = ?", arguments: [id]) != nil else {
            try refusePartnerID(db, id)
            throw CatalogError.unknownIndividual(id: id)
        }
    }

    private static func individual(_ db: Database, row: Row) throws -> CatalogIndividual {
        let id: String = row["individualID"]
        let photos = try Row.fetchAll(db, sql: """
            SELECT r.*, m.filePath, m.eventID, m.width, m.height, mr.path AS root FROM referencePhoto r JOIN media m ON m.mediaID = r.mediaID
            JOIN mediaRoot mr ON mr.rootID = m.rootID
            WHERE r.individualID = ? AND r.retiredAt IS NULL ORDER BY r.id
            """, arguments: [id]).map { r -> CatalogIndividual.ReferencePhoto in
            let x: Double? = r["bboxX"], y: Double? = r["bboxY"], w: Double? = r["bboxWidth"], h: Double? = r["bboxHeight"]
            let box = [x, y, w, h].compactMap { $0 }
            let root: String = r["root"], path: String = r["filePath"]
            return .init(id: r["id"], mediaID: r["mediaID"], filePath: (root as NSString).appendingPathComponent(path),
                         side: r["side"], box: box.count == 4 ? box : nil, addedBy: r["addedBy"], addedAt: r["addedAt"],
                         eventID: r["eventID"], width: r["width"], height: r["height"])
        }
        let facts = CatalogFacts(row: row)
        return CatalogIndividual(individualID: id, name: row["name"], sex: row["sex"], status: row["status"], notes: row["notes"],
                                 mergedInto: row["mergedInto"], referencePhotos: photos, birthYear: facts.birthYear,
                                 motherID: facts.motherID, fatherID: facts.fatherID, lifeStage: facts.lifeStage,
                                 lifeStageDate: facts.lifeStageDate, deathDate: facts.deathDate, deathCause: facts.deathCause,
                                 deathPlace: facts.deathPlace)
    }
}
