import GRDB

/// The survey database schema, as an ordered list of migrations.
///
/// Migrations are never edited once landed: a change to the schema is a new migration appended here.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation", migrate: v1)
        migrator.registerMigration("v2-identify", migrate: v2Identify)
        migrator.registerMigration("v3-triage", migrate: v3Triage)
        migrator.registerMigration("v4-species", migrate: v4Species)
        migrator.registerMigration("v5-encounters", migrate: v5Encounters)
        migrator.registerMigration("v6-life-history", migrate: v6LifeHistory)
        migrator.registerMigration("v7-web-users", migrate: v7WebUsers)
        migrator.registerMigration("v8-review-log", migrate: v8ReviewLog)
        migrator.registerMigration("v9-flank-estimate", migrate: v9FlankEstimate)
        migrator.registerMigration("v10-scene-pairs", migrate: v10ScenePairs)
        migrator.registerMigration("v11-camera-backgrounds", migrate: v11CameraBackgrounds)
        migrator.registerMigration("v12-exchange-keys", migrate: v12ExchangeKeys)
        migrator.registerMigration("v13-partner-catalogs", migrate: v13PartnerCatalogs)
        migrator.registerMigration("v14-camera-trap-readings", migrate: v14CameraTrapReadings)
        return migrator
    }

    private static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE deployment (
                deploymentID TEXT PRIMARY KEY NOT NULL,
                locationID TEXT, locationName TEXT,
                latitude REAL NOT NULL, longitude REAL NOT NULL, coordinateUncertainty REAL,
                deploymentStart DATETIME NOT NULL, deploymentEnd DATETIME NOT NULL,
                cameraID TEXT, cameraModel TEXT,
                timezone TEXT NOT NULL, jurisdiction TEXT,
                clockOffset REAL NOT NULL DEFAULT 0,
                deploymentComments TEXT
            );
            CREATE INDEX deployment_location ON deployment(locationName, locationID);
            CREATE TABLE malfunction (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                deploymentID TEXT NOT NULL REFERENCES deployment(deploymentID) ON DELETE CASCADE,
                start DATETIME NOT NULL, "end" DATETIME NOT NULL, note TEXT
            );
            CREATE INDEX malfunction_deployment ON malfunction(deploymentID);
            CREATE TABLE mediaRoot (
                rootID INTEGER PRIMARY KEY AUTOINCREMENT,
                path TEXT NOT NULL UNIQUE,
                addedAt DATETIME NOT NULL
            );
            CREATE TABLE media (
                mediaID INTEGER PRIMARY KEY AUTOINCREMENT,
                rootID INTEGER NOT NULL REFERENCES mediaRoot(rootID),
                filePath TEXT NOT NULL, folder TEXT NOT NULL, fileName TEXT NOT NULL,
                fileMediatype TEXT NOT NULL, fileSize INTEGER NOT NULL, fileModified REAL NOT NULL,
                contentKey TEXT NOT NULL,
                deploymentID TEXT REFERENCES deployment(deploymentID),
                cameraTime TEXT, cameraSubSec TEXT, timeSource TEXT, timestamp DATETIME,
                make TEXT, model TEXT, serialNumber TEXT, width INTEGER, height INTEGER,
                eventID TEXT, outsideDeployment BOOLEAN NOT NULL DEFAULT 0,
                duplicateOf INTEGER REFERENCES media(mediaID),
                ingestRunID INTEGER,
                UNIQUE(rootID, filePath)
            );
            CREATE INDEX media_folder ON media(rootID, folder);
            CREATE INDEX media_content ON media(contentKey);
            CREATE INDEX media_deployment_time ON media(deploymentID, timestamp);
            CREATE INDEX media_event ON media(eventID);
            CREATE TABLE sequence (
                eventID TEXT PRIMARY KEY NOT NULL,
                deploymentID TEXT NOT NULL REFERENCES deployment(deploymentID),
                eventStart DATETIME NOT NULL, eventEnd DATETIME NOT NULL, mediaCount INTEGER NOT NULL
            );
            CREATE INDEX sequence_deployment ON sequence(deploymentID, eventStart);
            CREATE TABLE pendingSequencing (deploymentID TEXT PRIMARY KEY NOT NULL);
            CREATE TABLE observation (
                observationID INTEGER PRIMARY KEY AUTOINCREMENT,
                mediaID INTEGER REFERENCES media(mediaID) ON DELETE CASCADE,
                eventID TEXT, deploymentID TEXT,
                observationType TEXT NOT NULL,
                speciesLabel TEXT, scientificName TEXT, count INTEGER, lifeStage TEXT, sex TEXT,
                individualID TEXT,
                bboxX REAL, bboxY REAL, bboxWidth REAL, bboxHeight REAL,
                classificationMethod TEXT, classifiedBy TEXT, classificationProbability REAL,
                classificationTimestamp DATETIME, source TEXT, observationComments TEXT
            );
            CREATE INDEX observation_media ON observation(mediaID);
            CREATE INDEX observation_event ON observation(eventID);
            CREATE INDEX observation_individual ON observation(individualID);
            CREATE TABLE individual (
                individualID TEXT PRIMARY KEY NOT NULL,
                name TEXT, scientificName TEXT, sex TEXT, lifeStage TEXT, birthYear INTEGER,
                motherID TEXT REFERENCES individual(individualID),
                status TEXT NOT NULL DEFAULT 'alive', deathDate DATETIME, deathCause TEXT, notes TEXT,
                createdAt DATETIME NOT NULL, updatedAt DATETIME NOT NULL
            );
            CREATE TABLE changeLog (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at DATETIME NOT NULL, actor TEXT NOT NULL,
                entity TEXT NOT NULL, entityID TEXT NOT NULL, action TEXT NOT NULL, detail TEXT
            );
            CREATE INDEX changeLog_entity ON changeLog(entity, entityID);
            CREATE TABLE ingestRun (
                runID INTEGER PRIMARY KEY AUTOINCREMENT,
                root TEXT NOT NULL, startedAt DATETIME NOT NULL, finishedAt DATETIME,
                status TEXT NOT NULL DEFAULT 'running',
                filesSeen INTEGER NOT NULL DEFAULT 0, added INTEGER NOT NULL DEFAULT 0,
                updated INTEGER NOT NULL DEFAULT 0, unchanged INTEGER NOT NULL DEFAULT 0,
                problems INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE ingestProblem (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                runID INTEGER NOT NULL REFERENCES ingestRun(runID) ON DELETE CASCADE,
                path TEXT NOT NULL, message TEXT NOT NULL
            );
            CREATE INDEX ingestProblem_run ON ingestProblem(runID);
            """)
    }
}
