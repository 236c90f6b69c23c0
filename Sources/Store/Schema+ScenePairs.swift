import GRDB

extension Schema {
    /// Scene pairs (v10): a candidate's keypoint pairs are either the verified coat evidence or correspondences the
    /// matcher dropped as the camera's fixed scene (same camera, same place in the frame); the review shows both.
    static func v10ScenePairs(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE matchPair ADD COLUMN kind TEXT NOT NULL DEFAULT 'verified' CHECK (kind IN ('verified', 'scene'));
            """)
    }
}
