import Core
import Foundation
import GRDB

/// A stored image as triage sees it: where it is, which camera and burst it belongs to.
public struct TriageMediaRef: Sendable, Hashable {
    public let mediaID: Int64
    public let rootID: Int64
    /// Relative to the media root, forward slashes.
    public let filePath: String
    public let deploymentID: String?
    public let eventID: String?
    public let timestamp: Date?
    public let width: Int?
    public let height: Int?
    /// True for a copy of a file stored earlier (same content key).
    public let isDuplicate: Bool
    /// The camera's trigger from its maker note (`CameraTrapReading.Trigger` raw value), nil when unknown.
    public let cameraTrigger: String?

    public init(mediaID: Int64, rootID: Int64, filePath: String, deploymentID: String?, eventID: String?, timestamp: Date?,
                width: Int?, height: Int?, isDuplicate: Bool, cameraTrigger: String? = nil) {
        self.mediaID = mediaID
        self.rootID = rootID
        self.filePath = filePath
        self.deploymentID = deploymentID
        self.eventID = eventID
        self.timestamp = timestamp
        self.width = width
        self.height = height
        self.isDuplicate = isDuplicate
        self.cameraTrigger = cameraTrigger
    }
}

/// What one detector concluded about one image: its detections, or why it could not be processed.
public struct TriageMediaResult: Sendable, Equatable {
    public var mediaID: Int64
    /// Machine observations (boxes); empty when the image was processed and nothing was found.
    public var detections: [Observation]
    /// Why the image could not be processed (MegaDetector's `failure`); nil when it was.
    public var failure: String?
    public var imageWidth: Int?
    public var imageHeight: Int?
    /// Species guesses for the boxes (imported MegaDetector `classifications`): each carries its box's bbox.
    public var classifications: [Observation]
    /// The photo's time as the results file gave it, kept verbatim for export.
    public var datetime: String?

    public init(mediaID: Int64, detections: [Observation], failure: String? = nil, imageWidth: Int? = nil, imageHeight: Int? = nil,
                classifications: [Observation] = [], datetime: String? = nil) {
        self.mediaID = mediaID
        self.detections = detections
        self.failure = failure
        self.imageWidth = imageWidth
        self.imageHeight = imageHeight
        self.classifications = classifications
        self.datetime = datetime
    }
}

/// A stored triage result joined with its media's path, for exports and validation.
public struct StoredTriageResult: Sendable, Equatable {
    public var mediaID: Int64
    public var rootID: Int64
    public var filePath: String
    public var eventID: String?
    public var result: TriageMediaResult
}

extension SurveyStore {
    /// Every stored image (not videos), in deployment and time order.
    public func triageMediaRefs() throws -> [TriageMediaRef] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT mediaID, rootID, filePath, deploymentID, eventID, timestamp, width, height, duplicateOf, cameraTrigger
                FROM media WHERE fileMediatype LIKE 'image/%' ORDER BY deploymentID, timestamp, mediaID
                """).map {
                TriageMediaRef(mediaID: $0["mediaID"], rootID: $0["rootID"], filePath: $0["filePath"],
                               deploymentID: $0["deploymentID"], eventID: $0["eventID"], timestamp: $0["timestamp"],
                               width: $0["width"], height: $0["height"], isDuplicate: ($0["duplicateOf"] as Int64?) != nil,
                               cameraTrigger: $0["cameraTrigger"])
            }
        }
    }

    /// The absolute folder of every media root, by rootID.
    public func rootPaths() throws -> [Int64: String] {
        try pool.read { db in
            var roots: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT rootID, path FROM mediaRoot") { roots[row["rootID"]] = row["path"] }
            return roots
        }
    }

    /// Starts a triage run (method: "megadetector-import", "motion", "onnx"); `info` is kept verbatim (JSON).
    public func beginTriageRun(method: String, detector: String, info: String?) throws -> Int64 {
        try pool.write { db in
            try db.execute(sql: "UPDATE triageRun SET status = 'interrupted' WHERE status = 'running' AND detector = ?",
                           arguments: [detector])
            try db.execute(sql: "INSERT INTO triageRun(method, detector, startedAt, info) VALUES (?, ?, ?, ?)",
                           arguments: [method, detector, Date(), info])
            return db.lastInsertedRowID
        }
    }

    /// Closes a triage run ("finished" or "interrupted").
    public func finishTriageRun(_ runID: Int64, status: String) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE triageRun SET finishedAt = ?, status = ? WHERE runID = ?", arguments: [Date(), status, runID])
        }
    }

    /// The `info` text of the latest run of a detector (e.g. the imported MegaDetector info block).
    public func latestTriageInfo(detector: String) throws -> String? {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT info FROM triageRun WHERE detector = ? AND info IS NOT NULL ORDER BY runID DESC LIMIT 1",
                                arguments: [detector])
        }
    }

    /// Detectors with stored results, with how many images each processed.
    public func triageDetectors() throws -> [(detector: String, media: Int)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT detector, COUNT(*) AS n FROM triageMedia GROUP BY detector ORDER BY detector")
                .map { ($0["detector"], $0["n"]) }
        }
    }

    /// Media already processed by a detector (successfully or not), so a run can resume.
    public func triagedMediaIDs(detector: String, includingFailures: Bool = true) throws -> Set<Int64> {
        try pool.read { db in
            Set(try Int64.fetchAll(db, sql: "SELECT mediaID FROM triageMedia WHERE detector = ?"
                                   + (includingFailures ? "" : " AND failure IS NULL"), arguments: [detector]))
        }
    }

    /// Stores one batch of a detector's results in one transaction, replacing what that detector said before
    /// about the same media (so re-importing the same file changes nothing).
    public func saveTriageResults(runID: Int64?, detector: String, results: [TriageMediaResult]) throws {
        let now = Date()
        try pool.write { db in
            for r in results {
                try db.execute(sql: """
                    DELETE FROM observation WHERE mediaID = ? AND classifiedBy = ? AND source IN (?, ?)
                    """, arguments: [r.mediaID, detector, ObservationSource.triage, ObservationSource.importedClassification])
                try db.execute(sql: """
                    INSERT OR REPLACE INTO triageMedia(mediaID, detector, runID, failure, imageWidth, imageHeight, processedAt, datetime)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [r.mediaID, detector, runID, r.failure, r.imageWidth, r.imageHeight, now, r.datetime])
                let media = try Row.fetchOne(db, sql: "SELECT deploymentID, eventID FROM media WHERE mediaID = ?", arguments: [r.mediaID])
                for (rows, source) in [(r.detections, ObservationSource.triage), (r.classifications, ObservationSource.importedClassification)] {
                    for var o in rows {
                        o.observationID = nil
                        o.mediaID = r.mediaID
                        o.deploymentID = media?["deploymentID"]
                        o.eventID = media?["eventID"]
                        o.classificationMethod = "machine"
                        o.classifiedBy = detector
                        o.source = source
                        try o.insert(db)
                    }
                }
            }
        }
    }

    /// Everything a detector stored, in path order, with detections ordered by confidence (highest first).
    public func triageResults(detector: String) throws -> [StoredTriageResult] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT t.mediaID, t.failure, t.imageWidth, t.imageHeight, t.datetime, m.rootID, m.filePath, m.eventID
                FROM triageMedia t JOIN media m ON m.mediaID = t.mediaID
                WHERE t.detector = ? ORDER BY m.filePath, m.rootID
                """, arguments: [detector])
            var byMedia: [Int64: [Observation]] = [:]
            var classifications: [Int64: [Observation]] = [:]
            let observations = try Observation.fetchAll(db, sql: """
                SELECT * FROM observation WHERE classifiedBy = ? AND source IN (?, ?)
                ORDER BY mediaID, observationID
                """, arguments: [detector, ObservationSource.triage, ObservationSource.importedClassification])
            for o in observations {
                if o.source == ObservationSource.triage { byMedia[o.mediaID ?? -1, default: []].append(o) }
                else { classifications[o.mediaID ?? -1, default: []].append(o) }
            }
            for (id, list) in byMedia {   // highest confidence first; stored order on ties
                byMedia[id] = list.enumerated().sorted {
                    ($0.element.classificationProbability ?? 0, -$0.offset) > ($1.element.classificationProbability ?? 0, -$1.offset)
                }.map(\.element)
            }
            return rows.map { row in
                let id: Int64 = row["mediaID"]
                return StoredTriageResult(
                    mediaID: id, rootID: row["rootID"], filePath: row["filePath"], eventID: row["eventID"],
                    result: TriageMediaResult(mediaID: id, detections: byMedia[id] ?? [], failure: row["failure"],
                                              imageWidth: row["imageWidth"], imageHeight: row["imageHeight"],
                                              classifications: classifications[id] ?? [], datetime: row["datetime"]))
            }
        }
    }
}

extension SurveyStore {
    /// Per burst (eventID) that a detector processed: whether any of its photos has a detection at or above
    /// `threshold`. A burst mapped to false is blank for that detector at that threshold.
    public func sequenceVerdicts(detector: String, threshold: Double) throws -> [String: Bool] {
        try pool.read { db in
            var verdicts: [String: Bool] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT m.eventID AS eventID,
                       EXISTS (SELECT 1 FROM observation o WHERE o.mediaID = t.mediaID AND o.classifiedBy = t.detector
                               AND o.source = 'triage' AND o.classificationProbability >= ?) AS found
                FROM triageMedia t JOIN media m ON m.mediaID = t.mediaID
                WHERE t.detector = ? AND t.failure IS NULL AND m.eventID IS NOT NULL
                """, arguments: [threshold, detector])
            while let row = try rows.next() {
                let id: String = row["eventID"]
                verdicts[id] = (verdicts[id] ?? false) || (row["found"] as Bool)
            }
            return verdicts
        }
    }
}
