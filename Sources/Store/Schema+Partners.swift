import GRDB

extension Schema {
    /// Partner catalogs (v13): another agency's catalog loaded read-only under its namespace (`partner.name`), its
    /// individuals (generalised grid cells as JSON text, first/last-seen years) and reference flank chips (JPEG and
    /// pattern features as the package shipped them); the pairs the matcher proposed (`crossMatch`), and what a
    /// reviewer decided: `crossLink` ("same animal", one per partner individual) and `crossRejected` ("not this one",
    /// so the pair is not proposed again). Links and rejections are written through the review log.
    static func v13PartnerCatalogs(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE partner (
                name TEXT PRIMARY KEY NOT NULL,
                title TEXT,
                importedAt DATETIME NOT NULL,
                packageDigest TEXT NOT NULL
            );
            CREATE TABLE partnerIndividual (
                partner TEXT NOT NULL REFERENCES partner(name),
                partnerID TEXT NOT NULL,
                sex TEXT,
                firstYear INTEGER, lastYear INTEGER,
                cells TEXT NOT NULL DEFAULT '[]',
                PRIMARY KEY (partner, partnerID)
            );
            CREATE TABLE partnerChip (
                partner TEXT NOT NULL,
                chipID TEXT NOT NULL,
                partnerID TEXT NOT NULL,
                side TEXT NOT NULL DEFAULT 'unknown',
                jpeg BLOB NOT NULL,
                features BLOB NOT NULL,
                width INTEGER NOT NULL, height INTEGER NOT NULL,
                PRIMARY KEY (partner, chipID),
                FOREIGN KEY (partner, partnerID) REFERENCES partnerIndividual(partner, partnerID)
            );
            CREATE INDEX partnerChip_individual ON partnerChip(partner, partnerID);
            CREATE TABLE crossMatch (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                partner TEXT NOT NULL,
                partnerID TEXT NOT NULL,
                individualID TEXT NOT NULL REFERENCES individual(individualID),
                rank INTEGER NOT NULL, score REAL NOT NULL, inliers INTEGER NOT NULL,
                createdAt DATETIME NOT NULL
            );
            CREATE INDEX crossMatch_partner ON crossMatch(partner, partnerID, rank);
            CREATE TABLE crossLink (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                partner TEXT NOT NULL,
                partnerID TEXT NOT NULL,
                individualID TEXT NOT NULL REFERENCES individual(individualID),
                decidedBy TEXT NOT NULL, decidedAt DATETIME NOT NULL,
                UNIQUE (partner, partnerID)
            );
            CREATE INDEX crossLink_individual ON crossLink(individualID);
            CREATE TABLE crossRejected (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                partner TEXT NOT NULL,
                partnerID TEXT NOT NULL,
                individualID TEXT NOT NULL REFERENCES individual(individualID),
                decidedBy TEXT NOT NULL, decidedAt DATETIME NOT NULL,
                UNIQUE (partner, partnerID, individualID)
            );
            """)
    }
}
