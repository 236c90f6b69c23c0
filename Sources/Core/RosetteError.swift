import Foundation

/// Everything that can go wrong with a user's input or survey, as one enum.
///
/// Each case carries the file, line, column and value at fault so the message can name them;
/// the wording itself lives in `RosetteError+Wording.swift` and nowhere else.
public enum RosetteError: Error, Sendable, Equatable {
    // Surveys and settings
    case surveyNotFound(directory: String)
    case surveyAlreadyExists(directory: String)
    case badSetting(file: String, line: Int, detail: String)
    // CSV input
    case csvMissingColumns(file: String, columns: [String])
    case csvFieldCount(file: String, line: Int, expected: Int, found: Int)
    case csvBadValue(file: String, line: Int, column: String, value: String, expected: String)
    case csvDuplicateKey(file: String, line: Int, column: String, value: String)
    case csvUnterminatedQuote(file: String, line: Int)
    case csvFieldCountAt(file: String, line: Int, column: String, expected: Int, found: Int)
    case csvUnknownColumns(file: String, columns: [String])
    case csvZoneAssumed(file: String, column: String, zone: String, lines: Int, firstLine: Int)
    // Files and images
    case unreadableFile(path: String, reason: String)
    case notAnImage(path: String, reason: String)
    case truncatedJPEG(path: String)
    case emptyFile(path: String)
    case noTimestamp(path: String)
    case badTimestamp(path: String, value: String)
    case imageFailure(path: String, reason: String)
    /// A video whose container (MP4/QuickTime boxes, AVI chunks) is truncated, corrupt or carries a bad date.
    case badVideo(path: String, reason: String)
    /// A video whose frames could not be decoded for sampling (the clip itself stays recorded).
    case undecodableVideo(path: String, reason: String)
    // Deployments
    case unknownStation(path: String, folders: String)
    case ambiguousDeployment(path: String, candidates: [String])
    case unknownDeployment(id: String)
    case badTimeZone(value: String)
    case mediaNotFound(path: String)
    case nothingIngested(directory: String)
}
