import GRDB

extension Schema {
    /// Flank side estimates (v9): how sure an encounter's side is (0–1) and what said so (`person`, `travel`,
    /// `chip`, `none`). Sides stored before this came from people.
    static func v9FlankEstimate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE encounter ADD COLUMN sideConfidence REAL;
            ALTER TABLE encounter ADD COLUMN sideSource TEXT;
            UPDATE encounter SET sideSource = 'person', sideConfidence = 1 WHERE side IN ('left', 'right');
            """)
    }
}
