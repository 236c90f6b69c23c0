import Core
import Foundation
import GRDB

extension SurveyStore {
    /// Every animal detection box at or above `detectionThreshold` with its species, probability and evidence,
    /// optionally only those whose scientific name lies within `scientificNamePrefix` ("Panthera pardus" gives
    /// every leopard box, subspecies included). What identification reads.
    ///
    /// Evidence precedence: a person's tag on the photo or its burst > the box's classifier or imported
    /// classification, smoothed over the burst (see `SpeciesSmoother`) > none. Machine results below
    /// `speciesThreshold` count as unknown. Boxes of photos the viewer may not see are left out.
    /// `detector` limits the boxes to one detector's (default: every detector's). Tag labels are resolved
    /// through `taxonomy` (default: the built-in one extended by the survey's taxonomy.csv).
    public func speciesBoxes(detectionThreshold: Double, speciesThreshold: Double, scientificNamePrefix: String? = nil,
                             detector: String? = nil, viewer: Viewer = .owner, taxonomy: Taxonomy? = nil,
                             strongEvidence: Double = 0.9) throws -> [SpeciesBox] {
        let taxonomy = try taxonomy ?? Taxonomy.forSurvey(directory: directory)
        let hidden = try withheldMediaIDs(for: viewer)
        let roots = try rootPaths()
        var boxes = try pool.read { db in try SurveyStore.boxRows(db, threshold: detectionThreshold, detector: detector) }
        var tags: [Int64: [SpeciesName]] = [:]
        var burstTags: [String: [SpeciesName]] = [:]
        var guesses: [Int64: [SpeciesSmoother.Guess]] = [:]
        boxes.removeAll { hidden.contains($0.mediaID) }
        let mediaIDs = Set(boxes.map(\.mediaID))
        let eventIDs = Set(boxes.compactMap(\.eventID))
        try pool.read { db in
            for row in try Row.fetchAll(db, sql: """
                SELECT mediaID, eventID, scientificName, speciesLabel, observationType FROM observation
                WHERE classificationMethod = 'human' AND COALESCE(source, '') <> ?
                  AND (scientificName IS NOT NULL OR speciesLabel IS NOT NULL) AND observationType <> 'blank'
                ORDER BY observationID
                """, arguments: [ObservationSource.species]) {
                let name = SurveyStore.resolved(scientificName: row["scientificName"], label: row["speciesLabel"], taxonomy: taxonomy)
                if let m: Int64 = row["mediaID"] {
                    if mediaIDs.contains(m), !(tags[m] ?? []).contains(name) { tags[m, default: []].append(name) }
                } else if let e: String = row["eventID"], eventIDs.contains(e), !(burstTags[e] ?? []).contains(name) {
                    burstTags[e, default: []].append(name)
                }
            }
            // Tags on photos without boxes still speak for their burst.
            for row in try Row.fetchAll(db, sql: """
                SELECT m.eventID, o.scientificName, o.speciesLabel FROM observation o JOIN media m ON m.mediaID = o.mediaID
                WHERE o.classificationMethod = 'human' AND COALESCE(o.source, '') <> ? AND m.eventID IS NOT NULL
                  AND (o.scientificName IS NOT NULL OR o.speciesLabel IS NOT NULL) AND o.observationType <> 'blank'
                ORDER BY o.observationID
                """, arguments: [ObservationSource.species]) {
                guard let e: String = row["eventID"], eventIDs.contains(e) else { continue }
                let name = SurveyStore.resolved(scientificName: row["scientificName"], label: row["speciesLabel"], taxonomy: taxonomy)
                if !(burstTags[e] ?? []).contains(name) { burstTags[e, default: []].append(name) }
            }
            let byPlace = Dictionary(grouping: boxes) { BoxPlace(mediaID: $0.mediaID, bbox: $0.bbox) }
            for row in try Row.fetchAll(db, sql: """
                SELECT mediaID, bboxX, bboxY, bboxWidth, bboxHeight, scientificName, speciesLabel, classificationProbability, source
                FROM observation WHERE source IN (?, ?) AND bboxX IS NOT NULL AND classificationProbability IS NOT NULL
                """, arguments: [ObservationSource.classifier, ObservationSource.importedClassification]) {
                let place = BoxPlace(mediaID: row["mediaID"], bbox: [row["bboxX"], row["bboxY"], row["bboxWidth"], row["bboxHeight"]])
                guard let matching = byPlace[place] else { continue }
                let guess = SpeciesSmoother.Guess(
                    species: SurveyStore.resolved(scientificName: row["scientificName"], label: row["speciesLabel"], taxonomy: taxonomy),
                    probability: row["classificationProbability"], imported: (row["source"] as String) != ObservationSource.classifier)
                for b in matching { guesses[b.detectionID, default: []].append(guess) }
            }
        }
        let decisions = SpeciesSmoother(speciesThreshold: speciesThreshold, strongEvidence: strongEvidence).decide(
            boxes: boxes.map { SpeciesSmoother.Box(id: $0.detectionID, mediaID: $0.mediaID, eventID: $0.eventID) },
            personTags: tags, burstTags: burstTags, guesses: guesses)
        var result: [SpeciesBox] = []
        result.reserveCapacity(boxes.count)
        for var b in boxes {
            let d = decisions[b.detectionID]!
            b.scientificName = d.species?.scientificName
            b.speciesLabel = d.species.map { $0.speciesLabel ?? taxonomy.taxon(scientificName: $0.scientificName ?? "")?.commonName }
                ?? "animal"
            b.speciesProbability = d.probability
            b.evidence = d.evidence
            if let root = roots[b.rootID] { b.filePath = root + "/" + b.filePath }
            if let prefix = scientificNamePrefix {
                let matches = b.scientificName.map { Taxon.name($0, isWithin: prefix) }
                    ?? (b.speciesLabel.map { Taxonomy.key($0) == Taxonomy.key(prefix) } ?? false)
                guard matches else { continue }
            }
            result.append(b.box)
        }
        return result
    }

    /// A tag or guess as a species name: the stored scientific name, else the taxonomy's for the label.
    static func resolved(scientificName: String?, label: String?, taxonomy: Taxonomy) -> SpeciesName {
        if let scientificName { return SpeciesName(scientificName: scientificName, speciesLabel: label) }
        let taxon = label.flatMap { taxonomy.resolve($0) }
        return SpeciesName(scientificName: taxon?.scientificName, speciesLabel: label)
    }

    private static func boxRows(_ db: Database, threshold: Double, detector: String?) throws -> [BoxRow] {
        var sql = """
            SELECT o.observationID, o.mediaID, o.classifiedBy, o.bboxX, o.bboxY, o.bboxWidth, o.bboxHeight,
                   o.classificationProbability, m.eventID, m.deploymentID, m.timestamp, m.rootID, m.filePath,
                   COALESCE(t.imageWidth, m.width) AS w, COALESCE(t.imageHeight, m.height) AS h
            FROM observation o JOIN media m ON m.mediaID = o.mediaID
            LEFT JOIN triageMedia t ON t.mediaID = o.mediaID AND t.detector = o.classifiedBy
            WHERE o.source = '\(ObservationSource.triage)' AND o.observationType = 'animal' AND o.bboxX IS NOT NULL
              AND o.classificationProbability >= ? AND m.duplicateOf IS NULL
            """
        var arguments: StatementArguments = [threshold]
        if let detector { sql += " AND o.classifiedBy = ?"; arguments += [detector] }
        sql += " ORDER BY m.deploymentID, m.timestamp, m.mediaID, o.classificationProbability DESC, o.observationID"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            BoxRow(box: SpeciesBox(mediaID: row["mediaID"], eventID: row["eventID"], deploymentID: row["deploymentID"],
                                   timestamp: row["timestamp"], filePath: row["filePath"], imageWidth: row["w"], imageHeight: row["h"],
                                   detectionID: row["observationID"], detector: row["classifiedBy"],
                                   bbox: [row["bboxX"], row["bboxY"], row["bboxWidth"], row["bboxHeight"]],
                                   detectionConfidence: row["classificationProbability"], scientificName: nil, speciesLabel: nil,
                                   speciesProbability: nil, evidence: .none),
                   rootID: row["rootID"])
        }
    }
}

/// A box being decided, with the root its path is relative to.
@dynamicMemberLookup
struct BoxRow {
    var box: SpeciesBox
    var rootID: Int64
    subscript<T>(dynamicMember path: WritableKeyPath<SpeciesBox, T>) -> T {
        get { box[keyPath: path] }
        set { box[keyPath: path] = newValue }
    }
}

/// Where a box is: its photo and its exact stored coordinates (a classification row carries its box's).
struct BoxPlace: Hashable {
    var mediaID: Int64
    var bbox: [Double]
}
