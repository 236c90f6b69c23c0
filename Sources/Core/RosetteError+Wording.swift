import Foundation

extension RosetteError: CustomStringConvertible, LocalizedError {
    /// The message shown to a person: what is wrong, where (file, line, column, value), and what to do.
    public var description: String {
        switch self {
        case .surveyNotFound(let dir):
            return "\(dir): no survey here (no rosette.sqlite). Create one with `rosette init \(dir)` or pass --survey DIR."
        case .surveyAlreadyExists(let dir):
            return "\(dir): a survey already exists here; nothing was changed."
        case .badSetting(let file, let line, let detail):
            return "\(file):\(line): \(detail)"
        case .csvMissingColumns(let file, let columns):
            return "\(file):1: missing required column\(columns.count == 1 ? "" : "s") \(columns.joined(separator: ", "))"
        case .csvFieldCount(let file, let line, let expected, let found):
            return "\(file):\(line): expected \(expected) fields as in the header, found \(found); line skipped"
        case .csvBadValue(let file, let line, let column, let value, let expected):
            return "\(file):\(line): column \(column): '\(value)' is not \(expected); line skipped"
        case .csvDuplicateKey(let file, let line, let column, let value):
            return "\(file):\(line): column \(column): '\(value)' appears on an earlier line; line skipped"
        case .csvFieldCountAt(let file, let line, let column, let expected, let found):
            return "\(file):\(line): column \(column): expected \(expected) fields as in the header, found \(found) "
                + (found < expected ? "(\(column) and the columns after it are missing)" : "(\(column) has no name in the header)") + "; line skipped"
        case .csvUnknownColumns(let file, let columns):
            return "\(file):1: unknown column\(columns.count == 1 ? "" : "s") \(columns.joined(separator: ", ")) ignored"
        case .csvZoneAssumed(let file, let column, let zone, let lines, let firstLine):
            return "\(file):\(firstLine): column \(column): \(lines) time\(lines == 1 ? "" : "s") without a zone (first on this line) "
                + "read in the survey's time zone \(zone)"
        case .csvUnterminatedQuote(let file, let line):
            return "\(file):\(line): a quoted field is never closed; the rest of the file was not read"
        case .unreadableFile(let path, let reason):
            return "\(path): cannot be read (\(reason)); skipped"
        case .notAnImage(let path, let reason):
            return "\(path): not a readable JPEG (\(reason)); skipped"
        case .truncatedJPEG(let path):
            return "\(path): truncated JPEG (no end-of-image marker; the card copy may be incomplete); skipped"
        case .emptyFile(let path):
            return "\(path): empty file (0 bytes); skipped"
        case .noTimestamp(let path):
            return "\(path): no EXIF DateTimeOriginal, so the photo cannot be placed in time; skipped"
        case .badTimestamp(let path, let value):
            return "\(path): EXIF DateTimeOriginal '\(value)' is not a valid date and time; skipped"
        case .imageFailure(let path, let reason):
            return "\(path): \(reason)"
        case .badVideo(let path, let reason):
            return "\(path): not a readable video (\(reason)); skipped"
        case .undecodableVideo(let path, let reason):
            return "\(path): no frames could be sampled (\(reason)); the clip is recorded without frames and is tried again on the next ingest"
        case .unknownStation(let path, let folders):
            return "\(path): unknown station: no deployment matches the folders '\(folders)' "
                + "(import deployments first, or pass --deployment ID); skipped"
        case .ambiguousDeployment(let path, let candidates):
            return "\(path): several deployments match (\(candidates.joined(separator: ", "))) and none "
                + "covers the photo's time; pass --deployment ID; skipped"
        case .unknownDeployment(let id):
            return "no deployment with deploymentID '\(id)' (see `rosette deployments list`)"
        case .badTimeZone(let value):
            return "'\(value)' is not a time zone (use an IANA name such as Asia/Vladivostok, or an offset such as +10:00)"
        case .mediaNotFound(let path):
            return "\(path): no such photo in the survey"
        case .nothingIngested(let dir):
            return "\(dir): no photo could be ingested"
        }
    }

    public var errorDescription: String? { description }
}
