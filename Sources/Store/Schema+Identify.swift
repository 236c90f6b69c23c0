import GRDB

extension Schema {
    /// Individual identification: reference flank photos per individual, what the matcher proposed for a
    /// photo, and what a person decided. Nothing is deleted in place: reference photos are retired, merged
    /// individuals point at the one they were merged into, and decisions are appended.
    static func v2Identify(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE individual ADD COLUMN mergedInto TEXT REFERENCES individual(individualID);
            CREATE TABLE referencePhoto (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                individualID TEXT NOT NULL REFERENCES individual(individualID),
                mediaID INTEGER NOT NULL REFERENCES media(mediaID) ON DELETE CASCADE,
                side TEXT NOT NULL DEFAULT 'unknown',
                bboxX REAL, bboxY REAL, bboxWidth REAL, bboxHeight REAL,
                addedAt DATETIME NOT NULL, addedBy TEXT NOT NULL,
                retiredAt DATETIME, retiredBy TEXT
            );
            CREATE INDEX referencePhoto_individual ON referencePhoto(individualID);
            CREATE INDEX referencePhoto_media ON referencePhoto(mediaID);
            CREATE TABLE matchCandidate (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                mediaID INTEGER NOT NULL REFERENCES media(mediaID) ON DELETE CASCADE,
                side TEXT NOT NULL DEFAULT 'unknown',
                bboxX REAL, bboxY REAL, bboxWidth REAL, bboxHeight REAL,
                individualID TEXT NOT NULL REFERENCES individual(individualID),
                rank INTEGER NOT NULL, score REAL NOT NULL, verifiedScore REAL NOT NULL, inliers INTEGER NOT NULL,
                referencePhotoID INTEGER REFERENCES referencePhoto(id),
                method TEXT NOT NULL, createdAt DATETIME NOT NULL
            );
            CREATE INDEX matchCandidate_media ON matchCandidate(mediaID);
            CREATE TABLE reviewDecision (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                mediaID INTEGER NOT NULL REFERENCES media(mediaID) ON DELETE CASCADE,
                decision TEXT NOT NULL,
                individualID TEXT REFERENCES individual(individualID),
                candidateID INTEGER REFERENCES matchCandidate(id),
                decidedBy TEXT NOT NULL, decidedAt DATETIME NOT NULL, note TEXT
            );
            CREATE INDEX reviewDecision_media ON reviewDecision(mediaID);
            """)
    }
}
