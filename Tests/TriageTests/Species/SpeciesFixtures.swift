import Core
import Foundation
import GRDB
@testable import Store
import TestSupport
@testable import Triage

/// A survey of stored media rows with bursts, boxes, tags and guesses written directly, for species tests.
struct SpeciesSurvey {
    let dir = TemporaryDirectory()
    let store: SurveyStore
    var ids: [String: Int64] = [:]

    /// `photos`: relative path → burst.
    init(photos: [(String, String)]) throws {
        store = try TriageFixtures.store(paths: photos.map(\.0), in: dir)
        for m in try store.triageMediaRefs() { ids[m.filePath] = m.mediaID }
        for (path, event) in photos {
            try store.pool.write { db in
                try db.execute(sql: "UPDATE media SET eventID = ?, deploymentID = NULL WHERE mediaID = ?", arguments: [event, ids[path]])
            }
        }
    }

    static func box(_ i: Int) -> RelativeBox { RelativeBox(x: 0.1 * Double(i), y: 0.2, width: 0.15, height: 0.3) }

    /// Stores a detector's boxes: per photo, [(kind, confidence)], box i at `box(i)`.
    func detect(_ boxes: [String: [(Observation.Kind, Double)]], detector: String = "md") throws {
        let results = boxes.map { path, list in
            TriageMediaResult(mediaID: ids[path]!, detections: list.enumerated().map { i, b in
                Detection(kind: b.0, confidence: b.1, box: Self.box(i)).observation(label: b.0.rawValue)
            }, imageWidth: 640, imageHeight: 480)
        }
        try store.saveTriageResults(runID: nil, detector: detector, results: results)
    }

    /// A person's tag (as ingest stores XMP tags) on a photo.
    func tag(_ path: String, _ label: String, type: Observation.Kind = .animal) throws {
        var o = Observation(mediaID: ids[path], deploymentID: nil, observationType: type)
        o.speciesLabel = label
        o.classificationMethod = "human"
        o.source = ObservationSource.xmp
        try store.pool.write { db in try o.insert(db) }
    }

    /// A classifier's guesses for box `index` of a photo.
    func guess(_ path: String, box index: Int, _ guesses: [(String, Double)], taxonomy: Taxonomy = .builtIn) throws {
        let b = Self.box(index)
        let observations = guesses.map { label, p in
            var o = Observation(mediaID: nil, deploymentID: nil, observationType: .animal)
            o.speciesLabel = label
            o.scientificName = taxonomy.resolve(label)?.scientificName
            (o.bboxX, o.bboxY, o.bboxWidth, o.bboxHeight) = (b.x, b.y, b.width, b.height)
            o.classificationProbability = p
            return o
        }
        try store.saveClassifications(runID: nil, classifier: "tiny", results: [
            ClassifierMediaResult(mediaID: ids[path]!, observations: observations, boxes: 1),
        ])
    }

    func count(_ sql: String) throws -> Int { try store.pool.read { db in try Int.fetchOne(db, sql: sql) ?? 0 } }
}
