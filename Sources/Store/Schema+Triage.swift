import GRDB

extension Schema {
    /// Triage (v3): detector runs, and which media each detector has processed (done or failed, with why).
    ///
    /// Detections themselves are machine rows in `observation` (classifiedBy = detector, source = 'triage'),
    /// stored down to a low confidence floor so that thresholds are chosen when results are read.
    static func v3Triage(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE triageRun (
                runID INTEGER PRIMARY KEY AUTOINCREMENT,
                method TEXT NOT NULL, detector TEXT NOT NULL,
                startedAt DATETIME NOT NULL, finishedAt DATETIME,
                status TEXT NOT NULL DEFAULT 'running',
                info TEXT
            );
            CREATE TABLE triageMedia (
                mediaID INTEGER NOT NULL REFERENCES media(mediaID) ON DELETE CASCADE,
                detector TEXT NOT NULL,
                runID INTEGER REFERENCES triageRun(runID),
                failure TEXT,
                imageWidth INTEGER, imageHeight INTEGER,
                processedAt DATETIME NOT NULL,
                PRIMARY KEY (mediaID, detector)
            );
            CREATE INDEX triageMedia_detector ON triageMedia(detector);
            CREATE INDEX observation_classifiedBy ON observation(classifiedBy, mediaID);
            """)
    }
}
