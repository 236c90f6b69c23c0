import GRDB

extension Schema {
    /// Camera backgrounds (v11): the per-pixel median grey frames motion triage builds for each deployment
    /// (one by day, one at night), kept so identification can mask keypoints on the static scene.
    static func v11CameraBackgrounds(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE cameraBackground (
                deploymentID TEXT NOT NULL REFERENCES deployment(deploymentID) ON DELETE CASCADE,
                night BOOLEAN NOT NULL,
                width INTEGER NOT NULL CHECK (width > 0),
                height INTEGER NOT NULL CHECK (height > 0),
                grey BLOB NOT NULL,
                frames INTEGER NOT NULL,
                detector TEXT NOT NULL,
                createdAt DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
                PRIMARY KEY (deploymentID, night, width, height)
            );
            """)
    }
}
