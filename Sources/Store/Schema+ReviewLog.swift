import GRDB

extension Schema {
    /// The review log (v8): leases on encounters (who reviews it, until when, with which token), the append-only
    /// `decisionLog` (every decision, merge, undo and redo with the before/after image of each row it changed),
    /// the rows and individuals each entry touched (for conflicts and an individual's history), monotone
    /// `individualVersion` counters kept outside the individual row (so undo can restore that row exactly while
    /// versions only grow), "not this one" pairs, and "new individual" decisions awaiting a second reviewer.
    static func v8ReviewLog(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE encounter ADD COLUMN leaseHolder TEXT;
            ALTER TABLE encounter ADD COLUMN leaseToken TEXT;
            ALTER TABLE encounter ADD COLUMN leaseExpires DATETIME;
            CREATE TABLE decisionLog (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at DATETIME NOT NULL, actor TEXT NOT NULL,
                kind TEXT NOT NULL,
                verdict TEXT,
                encounterID INTEGER, individualID TEXT, candidateID INTEGER, rankShown INTEGER,
                settings TEXT, leaseToken TEXT,
                reverts INTEGER REFERENCES decisionLog(id),
                summary TEXT NOT NULL,
                changes TEXT NOT NULL
            );
            CREATE INDEX decisionLog_actor ON decisionLog(actor, id);
            CREATE INDEX decisionLog_encounter ON decisionLog(encounterID);
            CREATE INDEX decisionLog_reverts ON decisionLog(reverts);
            CREATE TABLE decisionLogRow (
                entryID INTEGER NOT NULL REFERENCES decisionLog(id),
                tableName TEXT NOT NULL, rowKey TEXT NOT NULL
            );
            CREATE INDEX decisionLogRow_row ON decisionLogRow(tableName, rowKey, entryID);
            CREATE TABLE decisionLogIndividual (
                entryID INTEGER NOT NULL REFERENCES decisionLog(id),
                individualID TEXT NOT NULL,
                PRIMARY KEY (entryID, individualID)
            );
            CREATE INDEX decisionLogIndividual_individual ON decisionLogIndividual(individualID, entryID);
            CREATE TABLE individualVersion (
                individualID TEXT PRIMARY KEY NOT NULL,
                version INTEGER NOT NULL
            );
            CREATE TABLE rejectedPair (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                encounterID INTEGER NOT NULL REFERENCES encounter(encounterID) ON DELETE CASCADE,
                individualID TEXT NOT NULL,
                actor TEXT NOT NULL, at DATETIME NOT NULL,
                UNIQUE (encounterID, individualID)
            );
            CREATE TABLE pendingDecision (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                encounterID INTEGER NOT NULL REFERENCES encounter(encounterID) ON DELETE CASCADE,
                individualID TEXT NOT NULL,
                proposedBy TEXT NOT NULL, proposedAt DATETIME NOT NULL,
                decision TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'pending',
                resolvedBy TEXT, resolvedAt DATETIME
            );
            CREATE INDEX pendingDecision_encounter ON pendingDecision(encounterID, status);
            """)
    }
}
