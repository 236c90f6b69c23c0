import GRDB

extension Schema {
    /// Identification by encounter (v5): the leopard boxes of one burst are matched together as one encounter,
    /// its candidates keep the matched keypoint pairs a person checks, and decisions are taken per encounter.
    ///
    /// Observations written from a review decision carry the encounter, so a later decision about the same
    /// encounter replaces them (the decisions themselves are only ever appended).
    static func v5Encounters(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE encounter (
                encounterID INTEGER PRIMARY KEY AUTOINCREMENT,
                eventID TEXT, deploymentID TEXT, scientificName TEXT,
                side TEXT NOT NULL DEFAULT 'unknown',
                detector TEXT,
                createdAt DATETIME NOT NULL,
                rankedAt DATETIME, catalogVersion INTEGER
            );
            CREATE INDEX encounter_event ON encounter(eventID);
            CREATE TABLE encounterFrame (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                encounterID INTEGER NOT NULL REFERENCES encounter(encounterID) ON DELETE CASCADE,
                mediaID INTEGER NOT NULL REFERENCES media(mediaID) ON DELETE CASCADE,
                detectionID INTEGER REFERENCES observation(observationID) ON DELETE SET NULL,
                bboxX REAL NOT NULL, bboxY REAL NOT NULL, bboxWidth REAL NOT NULL, bboxHeight REAL NOT NULL,
                detectionConfidence REAL, features INTEGER, failure TEXT
            );
            CREATE INDEX encounterFrame_encounter ON encounterFrame(encounterID);
            CREATE INDEX encounterFrame_media ON encounterFrame(mediaID);
            ALTER TABLE matchCandidate ADD COLUMN encounterID INTEGER REFERENCES encounter(encounterID) ON DELETE CASCADE;
            ALTER TABLE matchCandidate ADD COLUMN frameID INTEGER REFERENCES encounterFrame(id) ON DELETE SET NULL;
            CREATE INDEX matchCandidate_encounter ON matchCandidate(encounterID);
            CREATE TABLE matchPair (
                candidateID INTEGER NOT NULL REFERENCES matchCandidate(id) ON DELETE CASCADE,
                queryX REAL NOT NULL, queryY REAL NOT NULL, galleryX REAL NOT NULL, galleryY REAL NOT NULL,
                weight REAL NOT NULL
            );
            CREATE INDEX matchPair_candidate ON matchPair(candidateID);
            ALTER TABLE reviewDecision ADD COLUMN encounterID INTEGER REFERENCES encounter(encounterID);
            CREATE INDEX reviewDecision_encounter ON reviewDecision(encounterID);
            ALTER TABLE referencePhoto ADD COLUMN encounterID INTEGER REFERENCES encounter(encounterID);
            ALTER TABLE observation ADD COLUMN encounterID INTEGER REFERENCES encounter(encounterID);
            CREATE INDEX observation_encounter ON observation(encounterID);
            """)
    }
}
