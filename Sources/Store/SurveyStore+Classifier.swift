import Core
import Foundation
import GRDB

extension SurveyStore {
    /// Animal boxes at or above `minConfidence` (of one detector, or of all), grouped by photo in the order of
    /// `triageMediaRefs()`; duplicate files are left out.
    public func animalBoxes(detector: String?, minConfidence: Double) throws -> [(media: TriageMediaRef, boxes: [StoredBox])] {
        let refs = try triageMediaRefs().filter { !$0.isDuplicate }
        let boxes: [Int64: [StoredBox]] = try pool.read { db in
            var sql = """
                SELECT observationID, mediaID, classifiedBy, bboxX, bboxY, bboxWidth, bboxHeight, classificationProbability
                FROM observation WHERE source = '\(ObservationSource.triage)' AND observationType = 'animal'
                  AND bboxX IS NOT NULL AND classificationProbability >= ?
                """
            var arguments: StatementArguments = [minConfidence]
            if let detector { sql += " AND classifiedBy = ?"; arguments += [detector] }
            sql += " ORDER BY mediaID, classificationProbability DESC, observationID"
            var byMedia: [Int64: [StoredBox]] = [:]
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                let box = StoredBox(observationID: row["observationID"], mediaID: row["mediaID"], detector: row["classifiedBy"],
                                    bbox: [row["bboxX"], row["bboxY"], row["bboxWidth"], row["bboxHeight"]],
                                    confidence: row["classificationProbability"])
                byMedia[box.mediaID, default: []].append(box)
            }
            return byMedia
        }
        return refs.compactMap { ref in boxes[ref.mediaID].map { (ref, $0) } }
    }

    /// Media a classifier has already processed (successfully or not), so a run can resume.
    public func classifiedMediaIDs(classifier: String) throws -> Set<Int64> {
        try pool.read { db in
            Set(try Int64.fetchAll(db, sql: "SELECT mediaID FROM classifierMedia WHERE classifier = ?", arguments: [classifier]))
        }
    }

    /// Photos each classifier processed, and how many of them failed.
    public func classifiers() throws -> [(classifier: String, media: Int, failed: Int)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT classifier, COUNT(*) AS n, SUM(failure IS NOT NULL) AS f FROM classifierMedia GROUP BY classifier ORDER BY classifier
                """).map { ($0["classifier"], $0["n"], $0["f"]) }
        }
    }

    /// Stores one batch of a classifier's results in one transaction, replacing what it said before about the
    /// same photos. Observations get the photo's deployment and burst, method machine, source 'classifier'.
    public func saveClassifications(runID: Int64?, classifier: String, results: [ClassifierMediaResult]) throws {
        let now = Date()
        try pool.write { db in
            for r in results {
                try db.execute(sql: "DELETE FROM observation WHERE mediaID = ? AND classifiedBy = ? AND source = ?",
                               arguments: [r.mediaID, classifier, ObservationSource.classifier])
                try db.execute(sql: """
                    INSERT OR REPLACE INTO classifierMedia(mediaID, classifier, runID, failure, boxes, processedAt)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [r.mediaID, classifier, runID, r.failure, r.boxes, now])
                let media = try Row.fetchOne(db, sql: "SELECT deploymentID, eventID FROM media WHERE mediaID = ?", arguments: [r.mediaID])
                for var o in r.observations {
                    o.observationID = nil
                    o.mediaID = r.mediaID
                    o.deploymentID = media?["deploymentID"]
                    o.eventID = media?["eventID"]
                    o.classificationMethod = "machine"
                    o.classifiedBy = classifier
                    o.classificationTimestamp = now
                    o.source = ObservationSource.classifier
                    try o.insert(db)
                }
            }
        }
    }
}

/// One stored species guess for a box: a classifier's or an imported classification.
public struct SpeciesGuess: Sendable, Equatable {
    public var label: String?
    public var scientificName: String?
    public var probability: Double
    /// 'classifier' or 'md-classification'.
    public var source: String
    /// The classifier (or, for imports, the detector) that said it.
    public var classifiedBy: String
    /// The box it is about: [x, y, width, height] relative.
    public var bbox: [Double]
}

extension SurveyStore {
    /// Every species guess stored for a photo's boxes, highest probability first.
    public func speciesEvidence(mediaID: Int64) throws -> [SpeciesGuess] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT speciesLabel, scientificName, classificationProbability, source, classifiedBy, bboxX, bboxY, bboxWidth, bboxHeight
                FROM observation WHERE mediaID = ? AND source IN (?, ?) AND classificationProbability IS NOT NULL
                ORDER BY classificationProbability DESC, observationID
                """, arguments: [mediaID, ObservationSource.classifier, ObservationSource.importedClassification]).map {
                SpeciesGuess(label: $0["speciesLabel"], scientificName: $0["scientificName"], probability: $0["classificationProbability"],
                             source: $0["source"], classifiedBy: $0["classifiedBy"],
                             bbox: [$0["bboxX"], $0["bboxY"], $0["bboxWidth"], $0["bboxHeight"]])
            }
        }
    }
}
