import Core
import GRDB

extension Media {
    static let insertSQL = """
        INSERT INTO media (rootID, filePath, folder, fileName, fileMediatype, fileSize, fileModified, contentKey, deploymentID,
            cameraTime, cameraSubSec, timeSource, timestamp, make, model, serialNumber, width, height, eventID,
            outsideDeployment, duplicateOf, ingestRunID, videoMediaID, videoOffset,
            cameraTrigger, cameraSequenceIndex, cameraSequenceLength, cameraEventNumber, cameraTemperatureC, cameraMoonPhase)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Inserts a new row through one cached statement (ingest stores thousands a second; the Codable
    /// record path costs several times more per row). Sets `mediaID`.
    mutating func insertFast(_ db: Database) throws {
        let values: [(any DatabaseValueConvertible)?] = [
            rootID, filePath, folder, fileName, fileMediatype, fileSize, fileModified, contentKey, deploymentID,
            cameraTime, cameraSubSec, timeSource, timestamp, make, model, serialNumber, width, height, eventID,
            outsideDeployment, duplicateOf, ingestRunID, videoMediaID, videoOffset,
            cameraTrigger, cameraSequenceIndex, cameraSequenceLength, cameraEventNumber, cameraTemperatureC, cameraMoonPhase]
        try db.cachedStatement(sql: Media.insertSQL).execute(arguments: StatementArguments(values))
        mediaID = db.lastInsertedRowID
    }
}
