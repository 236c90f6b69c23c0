import Core
import Foundation
import GRDB

extension SurveyStore {
    /// Animal boxes of a species waiting for identification, in deployment and time order.
    ///
    /// The boxes and their species are `speciesBoxes` (a person's tags first, then the classifier smoothed
    /// over the burst): those whose detection confidence reaches `detectionThreshold` and whose species lies
    /// within `species` (e.g. "Panthera pardus"), machine species counting from `speciesThreshold`. Photos
    /// already in an encounter, or whose animal a person has already named, are left out; so are copies of
    /// files stored earlier and photos the viewer may not see.
    public func identificationBoxes(detector: String?, detectionThreshold: Double, speciesThreshold: Double = 0.5,
                                    species: String, viewer: Viewer = .owner) throws -> [IdentificationBox] {
        let boxes = try speciesBoxes(detectionThreshold: detectionThreshold, speciesThreshold: speciesThreshold,
                                     scientificNamePrefix: species, detector: detector, viewer: viewer)
        let (excluded, counted) = try pool.read { db -> (Set<Int64>, [Int64: Int]) in
            let excluded = Set(try Int64.fetchAll(db, sql: """
                SELECT mediaID FROM encounterFrame
                UNION SELECT mediaID FROM observation WHERE classificationMethod = 'human' AND individualID IS NOT NULL AND mediaID IS NOT NULL
                UNION SELECT mediaID FROM media WHERE duplicateOf IS NOT NULL
                """))
            var counted: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT mediaID, SUM(COALESCE(count, 1)) AS n FROM observation
                WHERE classificationMethod = 'human' AND mediaID IS NOT NULL AND lower(scientificName) LIKE lower(?) || '%'
                GROUP BY mediaID
                """, arguments: [species]) { counted[row["mediaID"]] = row["n"] }
            return (excluded, counted)
        }
        return boxes.filter { !excluded.contains($0.mediaID) }
            .sorted { ($0.deploymentID ?? "", $0.timestamp ?? .distantPast, $0.mediaID) < ($1.deploymentID ?? "", $1.timestamp ?? .distantPast, $1.mediaID) }
            .map { b in
                IdentificationBox(observationID: b.detectionID, mediaID: b.mediaID, eventID: b.eventID, deploymentID: b.deploymentID,
                                  timestamp: b.timestamp, path: b.filePath, width: b.imageWidth, height: b.imageHeight, box: b.bbox,
                                  confidence: b.detectionConfidence, scientificName: b.scientificName,
                                  personCount: b.evidence == .person ? counted[b.mediaID] : nil)
            }
    }

    /// A number that grows with every change to the catalog (individuals, reference photos, merges, splits):
    /// proposals ranked at an older version may miss an individual and are ranked again before review.
    public func catalogVersion() throws -> Int64 {
        try pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM changeLog WHERE entity = 'individual'") ?? 0
        }
    }

    /// Stores a new encounter and its frames; returns it as stored.
    @discardableResult
    public func createEncounter(_ new: NewEncounter) throws -> Encounter {
        let id: Int64 = try pool.write { db in
            try db.execute(sql: """
                INSERT INTO encounter(eventID, deploymentID, scientificName, side, detector, createdAt) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [new.eventID, new.deploymentID, new.scientificName, new.side, new.detector, Date()])
            let id = db.lastInsertedRowID
            for b in new.boxes {
                try db.execute(sql: """
                    INSERT INTO encounterFrame(encounterID, mediaID, detectionID, bboxX, bboxY, bboxWidth, bboxHeight, detectionConfidence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, b.mediaID, b.observationID, b.box[0], b.box[1], b.box[2], b.box[3], b.confidence])
            }
            return id
        }
        return try encounter(id)
    }

    /// One encounter with its frames; throws `unknownEncounter`.
    public func encounter(_ id: Int64) throws -> Encounter {
        try pool.read { db in try SurveyStore.fetchEncounter(db, id) }
    }

    static func fetchEncounter(_ db: Database, _ id: Int64) throws -> Encounter {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM encounter WHERE encounterID = ?", arguments: [id]) else {
            throw CatalogError.unknownEncounter(id: id)
        }
        let frames = try Row.fetchAll(db, sql: """
            SELECT f.*, m.width, m.height, r.path || '/' || m.filePath AS full FROM encounterFrame f
            JOIN media m ON m.mediaID = f.mediaID JOIN mediaRoot r ON r.rootID = m.rootID
            WHERE f.encounterID = ? ORDER BY m.timestamp, f.id
            """, arguments: [id]).map { f in
            Encounter.Frame(id: f["id"], mediaID: f["mediaID"], path: f["full"], width: f["width"], height: f["height"],
                            box: [f["bboxX"], f["bboxY"], f["bboxWidth"], f["bboxHeight"]],
                            detectionConfidence: f["detectionConfidence"], features: f["features"], failure: f["failure"])
        }
        return Encounter(encounterID: id, eventID: row["eventID"], deploymentID: row["deploymentID"],
                         scientificName: row["scientificName"], side: row["side"], sideSource: row["sideSource"], frames: frames,
                         catalogVersion: row["catalogVersion"], rankedAt: row["rankedAt"])
    }

    /// Encounters without a decision, oldest first; those a person skipped go behind the others.
    /// With `version`, only those not yet ranked against that catalog version.
    public func undecidedEncounterIDs(rankedBefore version: Int64? = nil) throws -> [Int64] {
        try pool.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT e.encounterID FROM encounter e
                WHERE NOT EXISTS (SELECT 1 FROM reviewDecision d WHERE d.encounterID = e.encounterID)
                  AND (:version IS NULL OR e.catalogVersion IS NULL OR e.catalogVersion <> :version)
                ORDER BY (SELECT COUNT(*) FROM changeLog c WHERE c.entity = 'encounter' AND c.entityID = CAST(e.encounterID AS TEXT)
                          AND c.action = 'skip'), e.encounterID
                """, arguments: ["version": version])
        }
    }

    /// Replaces an encounter's proposals with a new ranking made against catalog `version`.
    public func saveRanking(encounterID: Int64, catalogVersion version: Int64, frames: [FrameOutcome],
                            proposals: [MatchProposal], method: String) throws {
        try pool.write { db in
            let now = Date()
            try db.execute(sql: "DELETE FROM matchCandidate WHERE encounterID = ?", arguments: [encounterID])
            for f in frames {
                try db.execute(sql: "UPDATE encounterFrame SET features = ?, failure = ? WHERE id = ? AND encounterID = ?",
                               arguments: [f.features, f.failure, f.frameID, encounterID])
            }
            let side = try String.fetchOne(db, sql: "SELECT side FROM encounter WHERE encounterID = ?", arguments: [encounterID]) ?? "unknown"
            for p in proposals {
                let frame = try p.frameID.flatMap {
                    try Row.fetchOne(db, sql: "SELECT mediaID, bboxX, bboxY, bboxWidth, bboxHeight FROM encounterFrame WHERE id = ?",
                                     arguments: [$0])
                }
                var mediaID: Int64? = frame?["mediaID"]
                if mediaID == nil {
                    mediaID = try Int64.fetchOne(db, sql: "SELECT mediaID FROM encounterFrame WHERE encounterID = ? ORDER BY id LIMIT 1",
                                                 arguments: [encounterID])
                }
                try db.execute(sql: """
                    INSERT INTO matchCandidate(mediaID, side, bboxX, bboxY, bboxWidth, bboxHeight, individualID, rank, score,
                                               verifiedScore, inliers, referencePhotoID, method, createdAt, encounterID, frameID)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [mediaID, side, frame?["bboxX"] as Double?, frame?["bboxY"] as Double?,
                                     frame?["bboxWidth"] as Double?, frame?["bboxHeight"] as Double?, p.individualID, p.rank,
                                     p.score, p.verifiedScore, p.inliers, p.referencePhotoID, method, now, encounterID, p.frameID])
                let candidateID = db.lastInsertedRowID
                for (kind, pairs) in [("verified", p.pairs), ("scene", p.scenePairs)] {
                    for pair in pairs {
                        try db.execute(sql: """
                            INSERT INTO matchPair(candidateID, queryX, queryY, galleryX, galleryY, weight, kind) VALUES (?, ?, ?, ?, ?, ?, ?)
                            """, arguments: [candidateID, pair.queryX, pair.queryY, pair.galleryX, pair.galleryY, pair.weight, kind])
                    }
                }
            }
            try db.execute(sql: "UPDATE encounter SET catalogVersion = ?, rankedAt = ? WHERE encounterID = ?",
                           arguments: [version, now, encounterID])
        }
    }

    /// An encounter's current proposals by rank, with their keypoint pairs; individuals a reviewer said "not this
    /// one" to for it, and those decided for another encounter in the same photo, are left out (see `reviewProposals`).
    public func proposals(encounterID: Int64) throws -> [MatchProposal] {
        try reviewProposals(encounterID: encounterID).proposals
    }

    static func storedProposals(_ db: Database, _ encounterID: Int64) throws -> [MatchProposal] {
        try Row.fetchAll(db, sql: "SELECT * FROM matchCandidate WHERE encounterID = ? ORDER BY rank", arguments: [encounterID]).map { row in
            let id: Int64 = row["id"]
            var pairs: [KeypointPair] = [], scene: [KeypointPair] = []
            for r in try Row.fetchAll(db, sql: "SELECT * FROM matchPair WHERE candidateID = ? ORDER BY rowid", arguments: [id]) {
                let pair = KeypointPair(queryX: r["queryX"], queryY: r["queryY"], galleryX: r["galleryX"], galleryY: r["galleryY"],
                                        weight: r["weight"])
                if (r["kind"] as String?) == "scene" { scene.append(pair) } else { pairs.append(pair) }
            }
            return MatchProposal(id: id, individualID: row["individualID"], rank: row["rank"], score: row["score"],
                                 verifiedScore: row["verifiedScore"], inliers: row["inliers"],
                                 referencePhotoID: row["referencePhotoID"], frameID: row["frameID"], pairs: pairs,
                                 scenePairs: scene)
        }
    }
}

extension SurveyStore {
    /// The full scientific name the survey uses for a species prefix (e.g. "Panthera pardus" → "Panthera pardus
    /// orientalis"): the most frequent matching name among its observations, else the prefix itself.
    public func targetScientificName(prefix: String) throws -> String {
        try pool.read { db in
            try String.fetchOne(db, sql: """
                SELECT scientificName FROM observation WHERE lower(scientificName) LIKE lower(?) || '%'
                GROUP BY scientificName ORDER BY COUNT(*) DESC, scientificName LIMIT 1
                """, arguments: [prefix]) ?? prefix
        }
    }
}
