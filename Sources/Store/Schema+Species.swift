import GRDB

extension Schema {
    /// Species (v4): which media each box classifier has processed (done or failed, with why), and the
    /// `datetime` a MegaDetector file gave each image (written back on export).
    ///
    /// Species evidence itself is observation rows: `source` 'classifier' (an ONNX classifier on the box crops)
    /// or 'md-classification' (imported per-detection classifications), each carrying the box it classifies;
    /// 'species' rows are the stored result of `rosette triage species --apply`.
    static func v4Species(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE classifierMedia (
                mediaID INTEGER NOT NULL REFERENCES media(mediaID) ON DELETE CASCADE,
                classifier TEXT NOT NULL,
                runID INTEGER REFERENCES triageRun(runID),
                failure TEXT,
                boxes INTEGER NOT NULL DEFAULT 0,
                processedAt DATETIME NOT NULL,
                PRIMARY KEY (mediaID, classifier)
            );
            ALTER TABLE triageMedia ADD COLUMN datetime TEXT;
            CREATE INDEX observation_source ON observation(source, mediaID);
            """)
    }
}
