import Foundation
import GRDB

/// An encounter's flank side with how sure it is and what said so (`person`, `travel`, `chip`, `none`; nil for
/// encounters never estimated).
public struct StoredFlank: Sendable, Equatable {
    public var side: String
    public var confidence: Double?
    public var source: String?

    public init(side: String, confidence: Double?, source: String?) {
        self.side = side
        self.confidence = confidence
        self.source = source
    }
}

/// A photo whose flank side is known (a person's or a confident direction of travel), to train the chip model on.
public struct FlankTrainingFrame: Sendable, Equatable {
    public var path: String
    public var width: Int?
    public var height: Int?
    /// [x, y, width, height] relative to the photo.
    public var box: [Double]
    public var side: String
}

extension SurveyStore {
    /// The stored side of an encounter; throws `unknownEncounter`.
    public func flank(encounterID: Int64) throws -> StoredFlank {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT side, sideConfidence, sideSource FROM encounter WHERE encounterID = ?",
                                             arguments: [encounterID]) else { throw CatalogError.unknownEncounter(id: encounterID) }
            return StoredFlank(side: row["side"], confidence: row["sideConfidence"], source: row["sideSource"])
        }
    }

    /// Stores an estimated or given side. An estimate never replaces a person's side (returns false); a person's
    /// side (`source` "person") is written to the change log under `actor`.
    @discardableResult
    public func setFlank(encounterID: Int64, side: String, confidence: Double, source: String, actor: String) throws -> Bool {
        guard ["left", "right", "unknown"].contains(side) else { throw ReviewError.badSide(value: side) }
        return try pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT side, sideSource FROM encounter WHERE encounterID = ?",
                                             arguments: [encounterID]) else { throw CatalogError.unknownEncounter(id: encounterID) }
            let before: String = row["side"]
            if source != "person", (row["sideSource"] as String?) == "person" { return false }
            try db.execute(sql: "UPDATE encounter SET side = ?, sideConfidence = ?, sideSource = ? WHERE encounterID = ?",
                           arguments: [side, confidence, source, encounterID])
            if source == "person" {
                try SurveyStore.log(db, actor: actor, entity: "encounter", id: String(encounterID), action: "side",
                                    detail: "\(before) → \(side)")
            }
            return true
        }
    }

    /// Undecided encounters whose side nobody gave and nothing has estimated yet.
    public func encountersWithoutFlank() throws -> [Int64] {
        try pool.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT e.encounterID FROM encounter e
                WHERE e.side = 'unknown' AND e.sideSource IS NULL
                  AND NOT EXISTS (SELECT 1 FROM reviewDecision d WHERE d.encounterID = e.encounterID)
                ORDER BY e.encounterID
                """)
        }
    }

    /// Photos whose side a person gave or a confident direction of travel found: frames of such encounters and
    /// reference photos a person added directly (not from an encounter), the newest first, at most `limit`.
    public func flankTrainingFrames(limit: Int = 2000) throws -> [FlankTrainingFrame] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM (
                  SELECT r.path || '/' || m.filePath AS full, m.width, m.height, f.bboxX, f.bboxY, f.bboxWidth, f.bboxHeight,
                         e.side, f.id * 2 AS recency
                  FROM encounterFrame f JOIN encounter e ON e.encounterID = f.encounterID
                  JOIN media m ON m.mediaID = f.mediaID JOIN mediaRoot r ON r.rootID = m.rootID
                  WHERE e.side IN ('left', 'right') AND COALESCE(e.sideSource, 'person') IN ('person', 'travel')
                  UNION ALL
                  SELECT r.path || '/' || m.filePath, m.width, m.height, p.bboxX, p.bboxY, p.bboxWidth, p.bboxHeight,
                         p.side, p.id * 2 + 1
                  FROM referencePhoto p JOIN media m ON m.mediaID = p.mediaID JOIN mediaRoot r ON r.rootID = m.rootID
                  WHERE p.side IN ('left', 'right') AND p.encounterID IS NULL AND p.retiredAt IS NULL AND p.bboxX IS NOT NULL
                ) ORDER BY recency DESC LIMIT ?
                """, arguments: [limit]).map { r in
                FlankTrainingFrame(path: r["full"], width: r["width"], height: r["height"],
                                   box: [r["bboxX"], r["bboxY"], r["bboxWidth"], r["bboxHeight"]], side: r["side"])
            }
        }
    }
}
