import Core
import Foundation
import GRDB

extension SurveyStore {
    /// What `applySpecies` stored.
    public struct SpeciesApplySummary: Sendable, Equatable {
        /// Media-level rows: one per box whose species came from a machine (a person's tag is already a record).
        public var boxRows = 0
        /// Event-level rows: one per burst and species (eventID set, no mediaID).
        public var eventRows = 0
        /// Rows of an earlier apply that were replaced.
        public var replaced = 0
    }

    /// Stores the species of `boxes` (from `speciesBoxes`, seen as owner) as machine observations with source
    /// 'species', replacing every row an earlier apply stored and nothing else, in one transaction.
    ///
    /// Per box with machine evidence: a media-level row with the box, species, probability (the method and the
    /// thresholds in `observationComments`). Per burst and species (person evidence included): an event-level
    /// row whose count is the most boxes of that species in one photo of the burst and whose probability is the
    /// highest machine probability (nil when only a person's tags said so).
    @discardableResult
    public func applySpecies(_ boxes: [SpeciesBox], note: String) throws -> SpeciesApplySummary {
        var summary = SpeciesApplySummary()
        let now = Date()
        try pool.write { db in
            try db.execute(sql: "DELETE FROM observation WHERE source = ?", arguments: [ObservationSource.species])
            summary.replaced = db.changesCount
            var bursts: [String: [SpeciesName: [SpeciesBox]]] = [:]
            for b in boxes where b.evidence != .none {
                if let e = b.eventID { bursts[e, default: [:]][b.species, default: []].append(b) }
                guard b.evidence != .person else { continue }
                var o = SurveyStore.speciesRow(b.species, deploymentID: b.deploymentID, note: "\(b.evidence.rawValue); \(note)", at: now)
                o.mediaID = b.mediaID
                o.eventID = b.eventID
                o.count = 1
                (o.bboxX, o.bboxY, o.bboxWidth, o.bboxHeight) = (b.bbox[0], b.bbox[1], b.bbox[2], b.bbox[3])
                o.classificationProbability = b.speciesProbability
                try o.insert(db)
                summary.boxRows += 1
            }
            for (eventID, bySpecies) in bursts.sorted(by: { $0.key < $1.key }) {
                for (species, members) in bySpecies.sorted(by: { $0.key.key < $1.key.key }) {
                    let evidence = Set(members.map(\.evidence)).map(\.rawValue).sorted().joined(separator: "+")
                    var o = SurveyStore.speciesRow(species, deploymentID: members[0].deploymentID, note: "\(evidence); \(note)", at: now)
                    o.eventID = eventID
                    o.count = Dictionary(grouping: members, by: \.mediaID).values.map(\.count).max()
                    o.classificationProbability = members.compactMap(\.speciesProbability).max()
                    if members.contains(where: { $0.evidence == .person }) { o.classificationMethod = "human" }
                    try o.insert(db)
                    summary.eventRows += 1
                }
            }
        }
        return summary
    }

    private static func speciesRow(_ s: SpeciesName, deploymentID: String?, note: String, at date: Date) -> Observation {
        let kind: Observation.Kind = s.scientificName == "Homo sapiens" ? .human
            : Taxonomy.builtIn.resolve(s.speciesLabel ?? "")?.observationType ?? .animal
        var o = Observation(mediaID: nil, deploymentID: deploymentID, observationType: kind)
        o.scientificName = s.scientificName
        o.speciesLabel = s.speciesLabel
        o.classificationMethod = "machine"
        o.classifiedBy = "rosette species"
        o.classificationTimestamp = date
        o.source = ObservationSource.species
        o.observationComments = "evidence: " + note
        return o
    }
}
