import Core
import GRDB

extension Deployment: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "deployment"
}

extension Malfunction: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "malfunction"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Media: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "media"
    public mutating func didInsert(_ inserted: InsertionSuccess) { mediaID = inserted.rowID }
}

extension Observation: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "observation"
    public mutating func didInsert(_ inserted: InsertionSuccess) { observationID = inserted.rowID }
}

extension MediaSequence: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "sequence"
}
