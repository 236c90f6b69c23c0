import Core
import Foundation
import GRDB

/// What a decision did: the reference photo it added, and notes on what it recorded about the animal
/// (for instance a sex the catalog already had otherwise).
public struct DecisionOutcome: Sendable, Equatable {
    public var reference: Int64?
    public var notes: [String]
}

/// A female the review proposes as the mother of an encounter's animal: she was decided in the same burst,
/// and this animal's boxes are much smaller than hers or it is a known cub.
public struct MotherProposal: Sendable, Equatable {
    public var motherID: String
    /// This encounter's median box area over hers (cubs in their first year are about half her size or less).
    public var sizeRatio: Double
    public var reason: String
}

extension SurveyStore {
    /// A decision's sex, life stage and mother, taken into the catalog by the life-history rules.
    static func applyDecisionHistory(_ db: Database, _ id: String, _ decision: EncounterDecision, encounter: Encounter,
                                     zone: ZoneSpec, actor: String) throws -> [String] {
        guard decision.sex != nil || decision.lifeStage != nil || decision.motherID != nil,
              let facts = try facts(db, id) else { return [] }
        var edit = IndividualEdit(), notes: [String] = []
        if let sex = decision.sex {
            if facts.sex == nil || facts.sex == "unknown" { edit.sex = sex }
            else if facts.sex != sex { notes.append("\(id) is \(facts.sex!) in the catalog; the encounter's '\(sex)' is kept on its photos only (change it with `rosette individuals edit \(id) --sex`)") }
        }
        if let stage = decision.lifeStage {
            let day = try Date.fetchOne(db, sql: """
                SELECT MIN(m.timestamp) FROM encounterFrame f JOIN media m ON m.mediaID = f.mediaID WHERE f.encounterID = ?
                """, arguments: [encounter.encounterID]).map { String(Timestamp.format($0, in: zone).prefix(10)) }
            if SurveyStore.isMoreInformative(stage, on: day, than: facts) {
                edit.lifeStage = stage
                edit.lifeStageDate = day
            }
        }
        if let mother = decision.motherID {
            if facts.motherID == nil { edit.motherID = mother }
            else if facts.motherID != mother { notes.append("\(id)'s mother is \(facts.motherID!) in the catalog; '\(mother)' was not recorded (conflict)") }
        }
        if !edit.isEmpty {
            try applyEdit(db, id, edit, actor: actor, action: "review", because: "encounter \(encounter.encounterID)")
        }
        return notes
    }

    /// Whether a stage seen on `day` says more about the birth year than the catalog's dated stage: a cub or
    /// subadult gives the birth year, an adult only a latest birth year (the earlier the adult sighting, the more
    /// it says); so a cub or subadult sighting replaces an adult one, and an earlier adult sighting a later one.
    static func isMoreInformative(_ stage: LifeStage, on day: String?, than facts: CatalogFacts) -> Bool {
        guard let known = facts.lifeStage.flatMap(LifeStage.init(label:)), let knownDay = facts.lifeStageDate else { return true }
        guard let day else { return false }
        switch (stage == .adult, known == .adult) {
        case (false, true): return true
        case (true, false): return false
        case (true, true): return day < knownDay
        case (false, false): return day > knownDay
        }
    }

    /// Females decided in the same burst as this encounter, proposed as its animal's mother when its boxes are
    /// at most `maxSizeRatio` of hers (by median box area) or its best proposal is a known cub.
    public func proposedMothers(encounterID: Int64, topCandidate: String? = nil, maxSizeRatio: Double = 0.6) throws -> [MotherProposal] {
        try pool.read { db in
            guard let eventID = try String.fetchOne(db, sql: "SELECT eventID FROM encounter WHERE encounterID = ?", arguments: [encounterID])
            else { return [] }
            func medianArea(_ id: Int64) throws -> Double {
                let areas = try Double.fetchAll(db, sql: "SELECT bboxWidth * bboxHeight FROM encounterFrame WHERE encounterID = ?",
                                                arguments: [id]).sorted()
                return areas.isEmpty ? 0 : areas[areas.count / 2]
            }
            let mine = try medianArea(encounterID)
            let year = try String.fetchOne(db, sql: """
                SELECT MIN(m.timestamp) FROM encounterFrame f JOIN media m ON m.mediaID = f.mediaID WHERE f.encounterID = ?
                """, arguments: [encounterID]).flatMap { Int($0.prefix(4)) }
            let knownCub = try topCandidate.flatMap { try SurveyStore.facts(db, $0) }.flatMap { f in year.flatMap { f.stage(in: $0) } } == .cub
            var proposals: [MotherProposal] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT e.encounterID, d.individualID FROM encounter e
                JOIN reviewDecision d ON d.id = (SELECT MAX(id) FROM reviewDecision WHERE encounterID = e.encounterID)
                WHERE e.eventID = ? AND e.encounterID != ? AND d.individualID IS NOT NULL
                """, arguments: [eventID, encounterID]) {
                let other: Int64 = row["encounterID"], who: String = row["individualID"]
                guard who != topCandidate, let f = try SurveyStore.facts(db, who), f.sex == "female", f.mergedInto == nil else { continue }
                if let year, let stage = f.stage(in: year), stage != .adult { continue }
                let hers = try medianArea(other)
                let ratio = hers > 0 ? mine / hers : 1
                guard ratio <= maxSizeRatio || knownCub, !proposals.contains(where: { $0.motherID == who }) else { continue }
                proposals.append(MotherProposal(motherID: who, sizeRatio: ratio,
                                                reason: "adult female in the same burst" + (knownCub ? "; \(topCandidate!) is a cub"
                                                    : String(format: "; this animal's boxes are %.2f× hers", ratio))))
            }
            return proposals.sorted { $0.sizeRatio < $1.sizeRatio }
        }
    }
}
