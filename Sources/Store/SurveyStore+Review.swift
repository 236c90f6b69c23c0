import Core
import Foundation
import GRDB

extension SurveyStore {
    /// Stores the matcher's proposals for a photo (box relative 0–1, nil for the whole photo).
    public func recordProposals(mediaID: Int64, side: String, box: [Double]?, proposals: [MatchProposal], method: String) throws {
        try pool.write { db in
            let now = Date()
            for p in proposals {
                try db.execute(sql: """
                    INSERT INTO matchCandidate(mediaID, side, bboxX, bboxY, bboxWidth, bboxHeight, individualID, rank, score,
                                               verifiedScore, inliers, referencePhotoID, method, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [mediaID, side, box?[0], box?[1], box?[2], box?[3], p.individualID, p.rank, p.score,
                                     p.verifiedScore, p.inliers, p.referencePhotoID, method, now])
            }
        }
    }

    /// The next photo with proposals and no decision yet (oldest first), with its proposals by rank.
    public func nextForReview() throws -> (mediaID: Int64, filePath: String, proposals: [MatchProposal])? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT c.mediaID, m.filePath, mr.path AS root FROM matchCandidate c
                JOIN media m ON m.mediaID = c.mediaID JOIN mediaRoot mr ON mr.rootID = m.rootID
                WHERE NOT EXISTS (SELECT 1 FROM reviewDecision d WHERE d.mediaID = c.mediaID)
                ORDER BY c.id LIMIT 1
                """) else { return nil }
            let mediaID: Int64 = row["mediaID"]
            let root: String = row["root"], path: String = row["filePath"]
            let proposals = try Row.fetchAll(db, sql: """
                SELECT * FROM matchCandidate WHERE mediaID = ? AND createdAt = (SELECT MAX(createdAt) FROM matchCandidate WHERE mediaID = ?)
                ORDER BY rank
                """, arguments: [mediaID, mediaID]).map {
                MatchProposal(id: $0["id"], individualID: $0["individualID"], rank: $0["rank"], score: $0["score"],
                              verifiedScore: $0["verifiedScore"], inliers: $0["inliers"], referencePhotoID: $0["referencePhotoID"])
            }
            return (mediaID, (root as NSString).appendingPathComponent(path), proposals)
        }
    }

    /// Records a person's decision about a photo; a `newIndividual` decision creates the individual.
    /// Decisions are appended, never overwritten: the latest one counts.
    public func recordDecision(mediaID: Int64, _ decision: ReviewDecisionKind, individualID: String?, candidateID: Int64? = nil,
                               note: String? = nil, actor: String) throws {
        try pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM media WHERE mediaID = ?", arguments: [mediaID]) != nil else {
                throw CatalogError.unknownMedia(id: mediaID)
            }
            if let individualID {
                if decision == .newIndividual {
                    try SurveyStore.insertIndividual(db, individualID, name: nil, sex: nil, actor: actor)
                } else {
                    try SurveyStore.requireIndividual(db, individualID)
                }
            }
            try db.execute(sql: """
                INSERT INTO reviewDecision(mediaID, decision, individualID, candidateID, decidedBy, decidedAt, note)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [mediaID, decision.rawValue, individualID, candidateID, actor, Date(), note])
            try SurveyStore.log(db, actor: actor, entity: "media", id: String(mediaID), action: "review",
                                detail: [decision.rawValue, individualID].compactMap { $0 }.joined(separator: " "))
        }
    }
}

extension SurveyStore {
    /// The mediaID and absolute path of a photo given by its path (absolute, or relative to its media root).
    public func media(path: String) throws -> (mediaID: Int64, path: String, width: Int?, height: Int?) {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.mediaID, m.width, m.height, r.path || '/' || m.filePath AS full FROM media m
                JOIN mediaRoot r ON r.rootID = m.rootID
                WHERE m.filePath = ? OR r.path || '/' || m.filePath = ?
                """, arguments: [path, path])
            guard rows.count == 1 else { throw RosetteError.mediaNotFound(path: path) }
            return (rows[0]["mediaID"], rows[0]["full"], rows[0]["width"], rows[0]["height"])
        }
    }
}
