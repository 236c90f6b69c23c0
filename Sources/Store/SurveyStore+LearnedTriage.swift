import Core
import Foundation
import GRDB

/// One burst as the learned triage sees it: its photos in time order, each with the detector's boxes.
public struct LearningBurst: Sendable, Equatable {
    /// One photo of the burst with what the camera said of it and the detector's boxes (x, y, w, h, score).
    public struct Frame: Sendable, Equatable {
        public var mediaID: Int64
        public var cameraTime: String?
        public var cameraTrigger: String?
        public var temperatureC: Double?
        public var boxes: [[Double]]

        public init(mediaID: Int64, cameraTime: String?, cameraTrigger: String?, temperatureC: Double?, boxes: [[Double]]) {
            self.mediaID = mediaID
            self.cameraTime = cameraTime
            self.cameraTrigger = cameraTrigger
            self.temperatureC = temperatureC
            self.boxes = boxes
        }
    }

    public var eventID: String
    /// The station (locationID, else the deployment) the burst was taken at.
    public var station: String
    public var frames: [Frame]

    public init(eventID: String, station: String, frames: [Frame]) {
        self.eventID = eventID
        self.station = station
        self.frames = frames
    }
}

extension SurveyStore {
    /// The `classifiedBy` of the learned triage's marks for a detector.
    public static func learnedName(detector: String) -> String { "learned:" + detector }

    /// People's verdicts per burst: true when a person said something is there (an animal, a person or a
    /// vehicle) on any of its photos or on the burst itself, false when they marked it blank and nothing else.
    ///
    /// Human-method observations only (XMP tags, `triage mark`, review decisions, Camtrap DP rows a person
    /// made); `triage species` echoes are left out, and unknown/unclassified say nothing.
    public func reviewedBurstVerdicts() throws -> [String: Bool] {
        try pool.read { db in
            var verdicts: [String: Bool] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT COALESCE(m.eventID, o.eventID) AS eventID, o.observationType AS kind
                FROM observation o LEFT JOIN media m ON m.mediaID = o.mediaID
                WHERE o.classificationMethod = 'human' AND COALESCE(o.source, '') <> ?
                  AND o.observationType IN ('blank', 'animal', 'human', 'vehicle')
                  AND COALESCE(m.eventID, o.eventID) IS NOT NULL
                """, arguments: [ObservationSource.species])
            while let row = try rows.next() {
                let id: String = row["eventID"]
                let kind: String = row["kind"]
                verdicts[id] = (verdicts[id] ?? false) || kind != "blank"
            }
            return verdicts
        }
    }

    /// Every burst with at least one photo the detector processed, with its frames and boxes.
    public func learningBursts(detector: String) throws -> [LearningBurst] {
        try pool.read { db in
            var boxes: [Int64: [[Double]]] = [:]
            let obs = try Row.fetchCursor(db, sql: """
                SELECT mediaID, bboxX, bboxY, bboxWidth, bboxHeight, classificationProbability FROM observation
                WHERE classifiedBy = ? AND source = ? AND bboxX IS NOT NULL ORDER BY mediaID, observationID
                """, arguments: [detector, ObservationSource.triage])
            while let r = try obs.next() {
                boxes[r["mediaID"], default: []].append([r["bboxX"], r["bboxY"], r["bboxWidth"], r["bboxHeight"],
                                                          (r["classificationProbability"] as Double?) ?? 0])
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.mediaID, m.eventID, m.cameraTime, m.cameraTrigger, m.cameraTemperatureC,
                       COALESCE(d.locationID, m.deploymentID, '') AS station
                FROM triageMedia t JOIN media m ON m.mediaID = t.mediaID LEFT JOIN deployment d ON d.deploymentID = m.deploymentID
                WHERE t.detector = ? AND t.failure IS NULL AND m.eventID IS NOT NULL
                ORDER BY m.eventID, m.timestamp, m.mediaID
                """, arguments: [detector])
            var bursts: [LearningBurst] = []
            for r in rows {
                let id: String = r["eventID"]
                let mediaID: Int64 = r["mediaID"]
                let frame = LearningBurst.Frame(mediaID: mediaID, cameraTime: r["cameraTime"], cameraTrigger: r["cameraTrigger"],
                                                temperatureC: r["cameraTemperatureC"], boxes: boxes[mediaID] ?? [])
                if bursts.last?.eventID == id { bursts[bursts.count - 1].frames.append(frame) }
                else { bursts.append(LearningBurst(eventID: id, station: r["station"], frames: [frame])) }
            }
            return bursts
        }
    }

    /// Photos of each burst (by eventID).
    func mediaIDs(_ db: Database, event: String) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT mediaID FROM media WHERE eventID = ? ORDER BY mediaID", arguments: [event])
    }

    /// What the learned triage marked empty for a detector: photo → P(empty) as stored.
    public func learnedBlanks(detector: String) throws -> [Int64: Double] {
        try pool.read { db in
            var marks: [Int64: Double] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT mediaID, classificationProbability FROM observation WHERE source = ? AND classifiedBy = ? AND mediaID IS NOT NULL
                """, arguments: [ObservationSource.learned, SurveyStore.learnedName(detector: detector)]) {
                marks[r["mediaID"]] = r["classificationProbability"] ?? 0
            }
            return marks
        }
    }

    /// What changed when the learned triage's marks were replaced.
    public struct LearnedMarkChange: Sendable, Equatable {
        public var added = 0, removed = 0, unchanged = 0
        public init() {}
    }

    /// Makes the learned triage's blank marks for `detector` exactly `bursts` (eventID → P(empty)): one machine
    /// `blank` observation per photo, source `learned`. Marks already right are left as they are, so the same
    /// call twice changes nothing; a burst a person has given a verdict is never marked. One transaction.
    public func replaceLearnedBlanks(detector: String, bursts: [String: Double]) throws -> LearnedMarkChange {
        let name = SurveyStore.learnedName(detector: detector)
        let reviewed = try reviewedBurstVerdicts()
        return try pool.write { db in
            var change = LearnedMarkChange()
            var wanted: [Int64: (event: String, p: Double)] = [:]
            for (event, p) in bursts where reviewed[event] == nil {
                for id in try mediaIDs(db, event: event) { wanted[id] = (event, (p * 1000).rounded() / 1000) }
            }
            var existing: [Int64: Double] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT observationID, mediaID, classificationProbability FROM observation WHERE source = ? AND classifiedBy = ?
                """, arguments: [ObservationSource.learned, name]) {
                let id: Int64? = r["mediaID"]
                if let id, let w = wanted[id], existing[id] == nil, (r["classificationProbability"] as Double?) == w.p {
                    existing[id] = w.p
                    change.unchanged += 1
                } else {
                    try db.execute(sql: "DELETE FROM observation WHERE observationID = ?", arguments: [r["observationID"] as Int64])
                    change.removed += 1
                }
            }
            let now = Date()
            for (id, w) in wanted.sorted(by: { $0.key < $1.key }) where existing[id] == nil {
                let deployment = try String.fetchOne(db, sql: "SELECT deploymentID FROM media WHERE mediaID = ?", arguments: [id])
                var o = Observation(mediaID: id, deploymentID: deployment, observationType: .blank)
                o.eventID = w.event
                o.classificationMethod = "machine"
                o.classifiedBy = name
                o.classificationProbability = w.p
                o.classificationTimestamp = now
                o.source = ObservationSource.learned
                try o.insert(db)
                change.added += 1
            }
            return change
        }
    }

    /// Stores people's verdicts on photos (from a reviewed labels file or `triage mark --burst`): each photo's
    /// earlier rows from the same `source` are replaced, so importing the same file twice changes nothing.
    public func saveReviewedVerdicts(_ verdicts: [(mediaID: Int64, observation: Observation)], by reviewer: String,
                                     source: String = ObservationSource.labels) throws {
        try pool.write { db in
            for id in Set(verdicts.map(\.mediaID)) {
                try db.execute(sql: "DELETE FROM observation WHERE mediaID = ? AND source = ?", arguments: [id, source])
            }
            for v in verdicts {
                let media = try Row.fetchOne(db, sql: "SELECT deploymentID, eventID FROM media WHERE mediaID = ?", arguments: [v.mediaID])
                var o = v.observation
                o.observationID = nil
                o.mediaID = v.mediaID
                o.deploymentID = media?["deploymentID"]
                o.eventID = media?["eventID"]
                o.classificationMethod = "human"
                o.classifiedBy = reviewer
                o.source = source
                try o.insert(db)
            }
        }
    }

    /// The photos of a burst, empty when there is no such burst.
    public func burstMediaIDs(event: String) throws -> [Int64] {
        try pool.read { db in try mediaIDs(db, event: event) }
    }
}
