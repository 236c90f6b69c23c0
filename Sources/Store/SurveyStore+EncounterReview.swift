import Core
import Foundation
import GRDB

extension SurveyStore {
    /// Records a person's decision about an encounter and applies it.
    ///
    /// The decision is appended (the latest one counts). Its effects replace those of any earlier decision
    /// about the same encounter: every frame gets a human observation (the individual, or the other species
    /// for `notTarget`), and for `confirmed` / `newIndividual` the best frame (most keypoints) becomes one of
    /// the individual's reference photos, so the next ranking includes it. Returns the reference photo added.
    @discardableResult
    public func recordDecision(encounterID: Int64, _ decision: EncounterDecision, actor: String) throws -> Int64? {
        try decide(encounterID: encounterID, decision, actor: actor).reference
    }

    /// Records a decision as `recordDecision` does, and what it recorded about the animal's life history.
    ///
    /// Sex, life stage and mother given with a confirmed or new individual go on every frame's observation and
    /// into the catalog where it has none (the stage when it is newer than the catalog's); where the catalog
    /// already says otherwise it is kept and a note says so. The life-history rules apply: a decision naming a
    /// mother who is male or too young is refused, and nothing is recorded.
    ///
    /// The decision goes through the review log (so it can be undone, from the CLI or the web): it is refused
    /// while another reviewer holds a live lease on the encounter, releases the actor's own lease, and with
    /// `[review] confirm_new` a new individual is held for a second reviewer (a note says so) instead of applied.
    public func decide(encounterID: Int64, _ decision: EncounterDecision, actor: String) throws -> DecisionOutcome {
        if let sex = decision.sex, !["female", "male", "unknown"].contains(sex) { throw CatalogError.badSex(value: sex) }
        let zone = (try? ZoneSpec(settings.timeZone)) ?? (try! ZoneSpec("+00:00"))
        let holdNew = settings.confirmNewIndividuals
        return try pool.write { db in
            let encounter = try SurveyStore.fetchEncounter(db, encounterID)
            let now = Date()
            if let row = try Row.fetchOne(db, sql: "SELECT leaseHolder, leaseExpires FROM encounter WHERE encounterID = ?", arguments: [encounterID]),
               let holder: String = row["leaseHolder"], holder != actor, let until: Date = row["leaseExpires"], until > now {
                throw ReviewError.leasedByOther(encounterID: encounterID, holder: holder, until: until)
            }
            let verdict = ReviewVerdict(decision.kind)
            let header = LogHeader(actor: actor, kind: .decision, verdict: verdict, encounterID: encounterID,
                                   individualID: decision.individualID, candidateID: decision.candidateID,
                                   summary: SurveyStore.summary(verdict, decision.individualID ?? decision.scientificName, encounterID))
            let outcome: DecisionOutcome
            if holdNew, decision.kind == .newIndividual {
                guard let id = decision.individualID else { throw CatalogError.decisionNeedsIndividual(kind: decision.kind.rawValue) }
                _ = try SurveyStore.logged(db, header) { try SurveyStore.holdPending(db, encounterID, decision, actor: actor) }
                outcome = DecisionOutcome(reference: nil, notes: ["the new individual \(id) waits for a second reviewer to confirm it"])
            } else {
                outcome = try SurveyStore.logged(db, header) {
                    try SurveyStore.applyDecision(db, encounter, decision, actor: actor, zone: zone)
                }.result
            }
            try db.execute(sql: "UPDATE encounter SET leaseHolder = NULL, leaseToken = NULL, leaseExpires = NULL WHERE encounterID = ?",
                           arguments: [encounterID])
            return outcome
        }
    }

    /// Applies a decision's effects inside the caller's transaction (see `decide`).
    static func applyDecision(_ db: Database, _ encounter: Encounter, _ decision: EncounterDecision, actor: String,
                              zone: ZoneSpec) throws -> DecisionOutcome {
        let encounterID = encounter.encounterID
        try db.execute(sql: """
            UPDATE pendingDecision SET status = 'superseded', resolvedBy = ?, resolvedAt = ? WHERE encounterID = ? AND status = 'pending'
            """, arguments: [actor, Date(), encounterID])
        let kind = decision.kind
        var individualID = decision.individualID
        switch kind {
        case .confirmed, .newIndividual:
            guard let id = individualID else { throw CatalogError.decisionNeedsIndividual(kind: kind.rawValue) }
            if kind == .newIndividual {
                try SurveyStore.insertIndividual(db, id, name: nil, sex: nil, actor: actor)
            } else {
                try SurveyStore.requireIndividual(db, id)
                if let into = try String.fetchOne(db, sql: "SELECT mergedInto FROM individual WHERE individualID = ?", arguments: [id]) {
                    throw CatalogError.mergedIndividual(id: id, into: into)
                }
            }
        default:
            individualID = nil
        }
        let bestFrame = encounter.frames.filter { $0.failure == nil }.max { ($0.features ?? 0) < ($1.features ?? 0) }
            ?? encounter.frames.first
        let now = Date()
        try db.execute(sql: """
            INSERT INTO reviewDecision(mediaID, decision, individualID, candidateID, decidedBy, decidedAt, note, encounterID,
                                       sex, lifeStage, motherID)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [bestFrame?.mediaID, kind.rawValue, individualID, decision.candidateID, actor, now, decision.note,
                             encounterID, decision.sex, decision.lifeStage?.rawValue, decision.motherID])
        // Undo the effects of an earlier decision about this encounter.
        try db.execute(sql: "DELETE FROM observation WHERE source = 'review' AND encounterID = ?", arguments: [encounterID])
        try db.execute(sql: """
            UPDATE referencePhoto SET retiredAt = ?, retiredBy = ? WHERE encounterID = ? AND retiredAt IS NULL
            """, arguments: [now, actor, encounterID])

        let name: String? = kind == .notTarget ? decision.scientificName : (encounter.scientificName ?? "Panthera pardus orientalis")
        let type = kind == .notTarget && decision.scientificName == nil ? "unknown" : "animal"
        if kind != .rejected {
            for f in encounter.frames {
                try db.execute(sql: """
                    INSERT INTO observation(mediaID, eventID, deploymentID, observationType, scientificName, count, individualID,
                                            bboxX, bboxY, bboxWidth, bboxHeight, classificationMethod, classifiedBy,
                                            classificationTimestamp, source, observationComments, encounterID, sex, lifeStage)
                    SELECT m.mediaID, m.eventID, m.deploymentID, ?, ?, 1, ?, ?, ?, ?, ?, 'human', ?, ?, 'review', ?, ?, ?, ?
                    FROM media m WHERE m.mediaID = ?
                    """, arguments: [type, name, individualID, f.box[0], f.box[1], f.box[2], f.box[3], actor, now,
                                     "encounter \(encounterID): \(kind.rawValue)", encounterID,
                                     individualID == nil ? nil : decision.sex, individualID == nil ? nil : decision.lifeStage?.rawValue,
                                     f.mediaID])
            }
        }
        var reference: Int64?
        if let individualID, decision.addReference, let bestFrame, bestFrame.failure == nil {
            try db.execute(sql: """
                INSERT INTO referencePhoto(individualID, mediaID, side, bboxX, bboxY, bboxWidth, bboxHeight, addedAt, addedBy, encounterID)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [individualID, bestFrame.mediaID, encounter.side, bestFrame.box[0], bestFrame.box[1],
                                 bestFrame.box[2], bestFrame.box[3], now, actor, encounterID])
            reference = db.lastInsertedRowID
            try SurveyStore.log(db, actor: actor, entity: "individual", id: individualID, action: "addReferencePhoto",
                                detail: "reference photo \(reference!): media \(bestFrame.mediaID), \(encounter.side) flank, from encounter \(encounterID)")
        }
        var notes: [String] = []
        if let individualID {
            notes = try SurveyStore.applyDecisionHistory(db, individualID, decision, encounter: encounter, zone: zone, actor: actor)
        }
        try SurveyStore.log(db, actor: actor, entity: "encounter", id: String(encounterID), action: "review",
                            detail: ([kind.rawValue, individualID ?? decision.scientificName].compactMap { $0 }
                                     + [decision.sex, decision.lifeStage?.rawValue, decision.motherID.map { "cub of \($0)" }].compactMap { $0 })
                                .joined(separator: " "))
        return DecisionOutcome(reference: reference, notes: notes)
    }

    /// The latest decision about an encounter, if any.
    public func latestDecision(encounterID: Int64) throws -> (kind: ReviewDecisionKind, individualID: String?, actor: String, at: Date)? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT decision, individualID, decidedBy, decidedAt FROM reviewDecision WHERE encounterID = ? ORDER BY id DESC LIMIT 1
                """, arguments: [encounterID]) else { return nil }
            guard let kind = ReviewDecisionKind(rawValue: row["decision"]) else { return nil }
            return (kind, row["individualID"], row["decidedBy"], row["decidedAt"])
        }
    }

    /// The undecided encounter a photo belongs to (the latest one), for decisions given by mediaID.
    public func undecidedEncounter(mediaID: Int64) throws -> Int64? {
        try pool.read { db in
            try Int64.fetchOne(db, sql: """
                SELECT f.encounterID FROM encounterFrame f WHERE f.mediaID = ?
                  AND NOT EXISTS (SELECT 1 FROM reviewDecision d WHERE d.encounterID = f.encounterID)
                ORDER BY f.encounterID DESC LIMIT 1
                """, arguments: [mediaID])
        }
    }
}

extension SurveyStore {
    /// A reference photo by its id (retired ones too), with the individual it belongs to.
    public func referencePhoto(id: Int64) throws -> (individualID: String, photo: CatalogIndividual.ReferencePhoto)? {
        try pool.read { db in
            guard let r = try Row.fetchOne(db, sql: """
                SELECT rp.*, m.filePath, m.eventID, m.width, m.height, mr.path AS root FROM referencePhoto rp
                JOIN media m ON m.mediaID = rp.mediaID JOIN mediaRoot mr ON mr.rootID = m.rootID WHERE rp.id = ?
                """, arguments: [id]) else { return nil }
            let x: Double? = r["bboxX"], y: Double? = r["bboxY"], w: Double? = r["bboxWidth"], h: Double? = r["bboxHeight"]
            let box = [x, y, w, h].compactMap { $0 }
            let root: String = r["root"], path: String = r["filePath"]
            return (r["individualID"], CatalogIndividual.ReferencePhoto(
                id: id, mediaID: r["mediaID"], filePath: (root as NSString).appendingPathComponent(path), side: r["side"],
                box: box.count == 4 ? box : nil, addedBy: r["addedBy"], addedAt: r["addedAt"], eventID: r["eventID"],
                width: r["width"], height: r["height"]))
        }
    }

    /// Puts an encounter at the back of the review queue (a person skipped it for now).
    public func skipEncounter(_ id: Int64, actor: String) throws {
        _ = try encounter(id)
        try pool.write { db in try SurveyStore.log(db, actor: actor, entity: "encounter", id: String(id), action: "skip") }
    }
}

extension SurveyStore {
    /// The observations a review decision wrote for an encounter's frames, in frame order.
    public func reviewObservations(encounterID: Int64) throws -> [Observation] {
        try pool.read { db in
            try Observation.fetchAll(db, sql: """
                SELECT * FROM observation WHERE source = 'review' AND encounterID = ? ORDER BY mediaID, observationID
                """, arguments: [encounterID])
        }
    }
}
