import Foundation
import GRDB

/// An SQLite failure worded for a person: what happened to the survey, whether what was stored is safe, what to do.
///
/// SQLite keeps the database whole when a transaction fails (the failed batch is rolled back), so every case says
/// that what was stored before is intact; `check` confirms it.
public struct SurveyDatabaseError: Error, Sendable, CustomStringConvertible, LocalizedError {
    public enum Cause: Sendable, Equatable { case diskFull, busy, readOnly, corrupt, ioError }
    public let cause: Cause
    public let sqlite: String

    /// The worded error for a GRDB `DatabaseError` of a cause Rosette explains, else nil (the error as it is).
    public init?(_ error: any Error) {
        guard let e = error as? DatabaseError else { return nil }
        switch e.resultCode {
        case .SQLITE_FULL: cause = .diskFull
        case .SQLITE_BUSY, .SQLITE_LOCKED: cause = .busy
        case .SQLITE_READONLY: cause = .readOnly
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: cause = .corrupt
        case .SQLITE_IOERR, .SQLITE_CANTOPEN: cause = .ioError
        default: return nil
        }
        sqlite = e.message ?? "\(e.resultCode)"
    }

    public var description: String {
        switch cause {
        case .diskFull:
            return "the disk holding the survey is full (SQLite: \(sqlite)); the batch in hand was not stored, everything stored "
                + "before it is intact — free some space and run the same command again to go on"
        case .busy:
            return "the survey stayed busy with another writer for longer than the 30 s wait (SQLite: \(sqlite)); nothing was "
                + "half-written — run the command again when the other one (an import, `rosette serve`'s review) has finished"
        case .readOnly:
            return "the survey's database cannot be written (SQLite: \(sqlite)): check the folder's permissions and that the "
                + "disk is not mounted read-only; nothing was changed"
        case .corrupt:
            return "the survey's database is damaged (SQLite: \(sqlite)): run `rosette check` and restore the last backup "
                + "(`rosette restore`)"
        case .ioError:
            return "the disk failed while reading or writing the survey (SQLite: \(sqlite)); what was stored before is intact — "
                + "check the disk, then `rosette check`"
        }
    }

    public var errorDescription: String? { description }
}
