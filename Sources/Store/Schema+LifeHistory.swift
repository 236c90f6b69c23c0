import GRDB

extension Schema {
    /// Life histories (v6): where an individual died, the date its life stage was observed, and its father
    /// (from parentage evidence); what a review decision recorded about the encounter's animal (sex, life stage,
    /// mother); other evidence than photos (snow tracks, scat and hair DNA, GPS-collar fixes, sightings, carcass
    /// finds) with the file and line it was imported from; and video frames sampled into triage, which point
    /// at their video and their offset in it.
    static func v6LifeHistory(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE individual ADD COLUMN lifeStageDate TEXT;
            ALTER TABLE individual ADD COLUMN fatherID TEXT REFERENCES individual(individualID);
            ALTER TABLE individual ADD COLUMN deathLocationID TEXT;
            ALTER TABLE individual ADD COLUMN deathLatitude REAL;
            ALTER TABLE individual ADD COLUMN deathLongitude REAL;
            ALTER TABLE reviewDecision ADD COLUMN sex TEXT;
            ALTER TABLE reviewDecision ADD COLUMN lifeStage TEXT;
            ALTER TABLE reviewDecision ADD COLUMN motherID TEXT;
            CREATE TABLE evidence (
                evidenceID INTEGER PRIMARY KEY AUTOINCREMENT,
                method TEXT NOT NULL,
                individualID TEXT, sampleID TEXT,
                timestamp DATETIME NOT NULL,
                latitude REAL, longitude REAL, uncertainty REAL,
                motherID TEXT, fatherID TEXT, cause TEXT, notes TEXT,
                sourceFile TEXT NOT NULL, sourceLine INTEGER NOT NULL,
                contentKey TEXT NOT NULL UNIQUE,
                importedAt DATETIME NOT NULL, importedBy TEXT NOT NULL
            );
            CREATE INDEX evidence_individual ON evidence(individualID);
            CREATE INDEX evidence_time ON evidence(timestamp);
            ALTER TABLE media ADD COLUMN videoMediaID INTEGER REFERENCES media(mediaID) ON DELETE CASCADE;
            ALTER TABLE media ADD COLUMN videoOffset REAL;
            CREATE INDEX media_video ON media(videoMediaID);
            """)
    }
}
