import Core
import Foundation
import GRDB

extension SurveyStore {
    /// Applies an edit to an individual inside a write transaction, then checks the life-history rules for
    /// it, its mother and its cubs; a broken rule throws and the transaction (and so the edit) is rolled back.
    ///
    /// Returns what changed, as `field: old → new` lines (also written to the change log, attributed).
    @discardableResult
    static func applyEdit(_ db: Database, _ id: String, _ edit: IndividualEdit, actor: String, action: String = "edit",
                          because reason: String? = nil) throws -> [String] {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM individual WHERE individualID = ?", arguments: [id]) else {
            try refusePartnerID(db, id)
            throw CatalogError.unknownIndividual(id: id)
        }
        if let sex = edit.sex, !["female", "male", "unknown"].contains(sex) { throw CatalogError.badSex(value: sex) }
        if let status = edit.status, !["alive", "dead", "unknown"].contains(status) { throw CatalogError.badStatus(value: status) }
        let statusAfter = edit.status ?? (row["status"] as String)
        if statusAfter != "dead", edit.deathDate != nil || edit.deathCause != nil || edit.deathPlace != nil {
            throw CatalogError.deathWithoutDeath(id: id)
        }
        var values: [(String, DatabaseValueConvertible?)] = []
        if let v = edit.name { values.append(("name", v)) }
        if let v = edit.sex { values.append(("sex", v)) }
        if let v = edit.status { values.append(("status", v)) }
        if let v = edit.notes { values.append(("notes", v)) }
        if let v = edit.birthYear { values.append(("birthYear", v)) }
        if let v = edit.motherID {
            guard v != id else { throw CatalogError.ownMother(id: id) }
            try requireIndividual(db, v)
            values.append(("motherID", v))
        }
        if let v = edit.fatherID { try requireIndividual(db, v); values.append(("fatherID", v)) }
        if let v = edit.lifeStage {
            values.append(("lifeStage", v.rawValue))
            values.append(("lifeStageDate", edit.lifeStageDate ?? String(Timestamp.format(Date(), offsetSeconds: 0).prefix(10))))
        }
        if let v = edit.deathDate { values.append(("deathDate", v)) }
        if let v = edit.deathCause { values.append(("deathCause", v.rawValue)) }
        if let place = edit.deathPlace {
            let resolved = try resolve(db, place)
            values += [("deathLocationID", resolved.locationID), ("deathLatitude", resolved.latitude), ("deathLongitude", resolved.longitude)]
        }
        if statusAfter == "dead", row["deathCause"] as String? == nil, edit.deathCause == nil {
            values.append(("deathCause", DeathCause.unknown.rawValue))
        }
        var changed: [String] = []
        for (column, value) in values {
            let old = row[column] as DatabaseValue
            let new = value?.databaseValue ?? .null
            guard old != new else { continue }
            try db.execute(sql: "UPDATE individual SET \(column) = ?, updatedAt = ? WHERE individualID = ?", arguments: [value, Date(), id])
            changed.append("\(column): \(describe(old)) → \(describe(new))")
        }
        guard !changed.isEmpty else { return [] }
        try checkRules(db, id)
        try log(db, actor: actor, entity: "individual", id: id, action: action,
                detail: changed.joined(separator: "; ") + (reason.map { " (\($0))" } ?? ""))
        return changed
    }

    /// The life-history rules for one individual, as a cub and as a mother; throws the first one broken.
    static func checkRules(_ db: Database, _ id: String) throws {
        guard let me = try facts(db, id) else { throw CatalogError.unknownIndividual(id: id) }
        if let born = me.birthYear, let died = me.deathDate.map({ Int(Timestamp.format($0, offsetSeconds: 0).prefix(4)) ?? 0 }), died < born {
            throw CatalogError.deathBeforeBirth(id: id, died: died, born: born)
        }
        if let motherID = me.motherID, let mother = try facts(db, motherID) { try checkMother(mother, of: me) }
        for cubID in try String.fetchAll(db, sql: "SELECT individualID FROM individual WHERE motherID = ?", arguments: [id]) {
            if let cub = try facts(db, cubID) { try checkMother(me, of: cub) }
        }
        // No cycles through mothers or fathers: walk up from the individual.
        var chain = [id], frontier = [id]
        var seen: Set<String> = [id]
        while let current = frontier.popLast() {
            guard let f = try facts(db, current) else { continue }
            for parent in [f.motherID, f.fatherID].compactMap({ $0 }) {
                if parent == id { throw CatalogError.ancestryCycle(chain: chain + [parent]) }
                if seen.insert(parent).inserted { frontier.append(parent); chain.append(parent) }
            }
        }
    }

    private static func checkMother(_ mother: CatalogFacts, of cub: CatalogFacts) throws {
        guard mother.sex == "female" else {
            throw CatalogError.motherNotFemale(mother: mother.individualID, sex: mother.sex, cub: cub.individualID)
        }
        if let motherEarliest = mother.birthYearRange.earliest, let cubLatest = cub.birthYearRange.latest, cubLatest - motherEarliest < 2 {
            throw CatalogError.motherTooYoung(mother: mother.individualID, motherBorn: motherEarliest, cub: cub.individualID, cubBorn: cubLatest)
        }
    }

    static func facts(_ db: Database, _ id: String) throws -> CatalogFacts? {
        try Row.fetchOne(db, sql: "SELECT * FROM individual WHERE individualID = ?", arguments: [id]).map(CatalogFacts.init(row:))
    }

    /// A death place with the station's coordinates filled in (a station is a deployment's locationID, locationName
    /// or deploymentID).
    private static func resolve(_ db: Database, _ place: DeathPlace) throws -> DeathPlace {
        if let lat = place.latitude, let lon = place.longitude {
            guard (-90...90).contains(lat), (-180...180).contains(lon) else { throw CatalogError.badCoordinates(latitude: lat, longitude: lon) }
        }
        guard let name = place.locationID else { return place }
        guard let row = try Row.fetchOne(db, sql: """
            SELECT COALESCE(locationID, locationName, deploymentID) AS station, latitude, longitude FROM deployment
            WHERE locationID = ? OR locationName = ? OR deploymentID = ? ORDER BY deploymentStart LIMIT 1
            """, arguments: [name, name, name]) else { throw CatalogError.unknownDeathPlace(place: name) }
        return DeathPlace(locationID: row["station"], latitude: place.latitude ?? row["latitude"], longitude: place.longitude ?? row["longitude"])
    }

    static func describe(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "-"
        case .int64(let i): String(i)
        case .double(let d): String(d)
        case .string(let s): s
        case .blob: "(data)"
        }
    }
}

extension SurveyStore {
    /// Litters: each mother's cubs grouped by birth year (a cub without a birth year is placed by the year its
    /// observed stage puts its birth in; cubs of unknown birth year are left out).
    public func litters() throws -> [Litter] {
        Litter.group(Array(try catalogFacts().values))
    }

    /// Detections of individuals after the day of their recorded death (person-named or machine observations alike).
    public func detectionsAfterDeath() throws -> [DetectionAfterDeath] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT i.individualID, i.deathDate, m.mediaID, m.timestamp, m.filePath
                FROM individual i JOIN observation o ON o.individualID = i.individualID JOIN media m ON m.mediaID = o.mediaID
                WHERE i.deathDate IS NOT NULL AND m.timestamp > datetime(i.deathDate, '+1 day')
                GROUP BY i.individualID, m.mediaID ORDER BY i.individualID, m.timestamp
                """).map { DetectionAfterDeath(individualID: $0["individualID"], deathDate: $0["deathDate"], mediaID: $0["mediaID"],
                                               timestamp: $0["timestamp"], filePath: $0["filePath"]) }
        }
    }
}

extension SurveyStore {
    /// Copies `source`'s life-history facts that `target` lacks, lists those that differ, and moves `source`'s cubs.
    static func combineHistories(_ db: Database, _ source: String, into target: String, actor: String) throws -> MergeReport {
        guard let s = try Row.fetchOne(db, sql: "SELECT * FROM individual WHERE individualID = ?", arguments: [source]),
              let t = try Row.fetchOne(db, sql: "SELECT * FROM individual WHERE individualID = ?", arguments: [target]) else {
            throw CatalogError.unknownIndividual(id: source)
        }
        var report = MergeReport()
        let fields = ["name", "sex", "birthYear", "motherID", "fatherID", "lifeStage", "lifeStageDate", "deathDate", "deathCause",
                      "deathLocationID", "deathLatitude", "deathLongitude", "notes"]
        for field in fields {
            let a = s[field] as DatabaseValue, b = t[field] as DatabaseValue
            if a.isNull || a == b { continue }
            if b.isNull {
                try db.execute(sql: "UPDATE individual SET \(field) = ? WHERE individualID = ?", arguments: [a, target])
                report.copied.append("\(field) \(describe(a))")
            } else if field == "notes" {
                try db.execute(sql: "UPDATE individual SET notes = ? WHERE individualID = ?",
                               arguments: ["\(describe(b)) / \(describe(a))", target])
            } else if field != "lifeStageDate" || s["lifeStage"] as String? == t["lifeStage"] as String? {
                report.conflicts.append("\(field): \(target) \(describe(b)), \(source) \(describe(a))")
            }
        }
        if s["status"] as String == "dead", t["status"] as String != "dead" {
            try db.execute(sql: "UPDATE individual SET status = 'dead' WHERE individualID = ?", arguments: [target])
            report.copied.append("status dead")
        }
        report.cubsMoved = try String.fetchAll(db, sql: "SELECT individualID FROM individual WHERE motherID = ? ORDER BY individualID",
                                               arguments: [source])
        try db.execute(sql: "UPDATE individual SET motherID = ? WHERE motherID = ?", arguments: [target, source])
        try db.execute(sql: "UPDATE individual SET fatherID = ? WHERE fatherID = ?", arguments: [target, source])
        return report
    }
}
