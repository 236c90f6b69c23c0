import Foundation

/// Why a backup or a restore was refused; nothing was written where it would replace something.
public enum BackupError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    case destinationHoldsBackup(path: String)
    case notABackup(path: String, missing: String)
    case damaged(path: String, detail: String)
    case targetHoldsSurvey(path: String)

    public var description: String {
        switch self {
        case .destinationHoldsBackup(let path):
            return "\(path) already holds a backup (\(SurveyStore.databaseName)); choose a new folder — nothing was written"
        case .notABackup(let path, let missing):
            return "\(path) is not a Rosette backup: \(missing) is missing"
        case .damaged(let path, let detail):
            return "the backup \(path) is damaged (\(detail)); nothing was restored"
        case .targetHoldsSurvey(let path):
            return "\(path) already holds a survey; restore into a new folder, or give --replace to keep the current database "
                + "beside it as rosette.sqlite.before-restore-… and put the backup in its place"
        }
    }

    public var errorDescription: String? { description }
}
