import GRDB

extension Schema {
    /// Exchange keys (v12): the IDs a record had in an imported Camtrap DP package, so that a second import of the
    /// same package adds nothing and a row that changed under the same ID is reported; the digest of the row as
    /// imported; and the package columns Rosette does not model (JSON), written back when the survey is exported.
    static func v12ExchangeKeys(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE exchangeKey (
                entity TEXT NOT NULL CHECK (entity IN ('deployment', 'media', 'observation', 'event')),
                externalID TEXT NOT NULL,
                localID TEXT NOT NULL,
                digest TEXT NOT NULL,
                extras TEXT,
                source TEXT NOT NULL,
                importedAt DATETIME NOT NULL,
                PRIMARY KEY (entity, externalID)
            );
            CREATE INDEX exchangeKey_local ON exchangeKey(entity, localID);
            """)
    }
}
