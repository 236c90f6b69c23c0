import GRDB

extension Schema {
    /// Web users (v7): the people who log in to `rosette serve`, with a bcrypt password hash and a role, their
    /// sessions (kept in the survey so a restart does not log everyone out), and a per-survey secret that keys
    /// the station aliases shown to roles that may not see station names.
    static func v7WebUsers(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE webUser (
                name TEXT PRIMARY KEY NOT NULL,
                role TEXT NOT NULL,
                passwordHash TEXT NOT NULL,
                createdAt DATETIME NOT NULL, createdBy TEXT NOT NULL,
                passwordChangedAt DATETIME NOT NULL,
                disabledAt DATETIME
            );
            CREATE TABLE webSession (
                key TEXT PRIMARY KEY NOT NULL,
                value BLOB NOT NULL,
                expiresAt DATETIME
            );
            CREATE TABLE webSecret (
                name TEXT PRIMARY KEY NOT NULL,
                value BLOB NOT NULL
            );
            """)
    }
}
