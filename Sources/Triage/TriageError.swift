import Foundation

/// What can stop a triage command, with the file and value at fault; wording in `TriageError+Wording.swift`.
public enum TriageError: Error, Sendable, Equatable {
    case unreadableResults(path: String, reason: String)
    case notJSON(path: String, reason: String)
    case missingKey(path: String, key: String)
    case badValue(path: String, location: String, detail: String)
    case noResults(detector: String?)
    case severalDetectors(names: [String])
    case unreadableModel(path: String, reason: String)
    case badModelShape(path: String, detail: String)
    case badClassMap(value: String)
    case unreadableTruth(path: String, reason: String)
    case imageFailure(path: String, reason: String)
    case unreadableLabels(path: String, reason: String)
    case badLabels(path: String, line: Int, detail: String)
    case unreadableClassifier(path: String, reason: String)
    case badClassifierShape(path: String, detail: String)
    case badNormalisation(mean: [Double], std: [Double])
    case noBoxes(detector: String?, minConfidence: Double)
    case tooFewReviewed(detector: String, reviewed: Int, animal: Int, empty: Int, minReviewed: Int, minPerClass: Int)
}

/// Something a person should know about, that did not stop the command.
public enum TriageWarning: Sendable, Equatable, Hashable {
    case unknownTopLevelKeys(path: String, keys: [String])
    case unsupportedFormatVersion(path: String, version: String)
    case defaultCategories(path: String)
    case unknownCategory(path: String, id: String, detections: Int)
    case unusableCategory(path: String, id: String, name: String, detections: Int)
    case badDetection(path: String, file: String, detail: String)
    case imageWithoutFile(path: String, index: Int)
    case unmatchedImage(file: String, reason: String)
    case unknownLabels(path: String, labels: [String])
    case unknownClassificationCategory(path: String, id: String, classifications: Int)
    case missingLabelColumns(path: String, line: Int, columns: [String])
    case badLabelRow(path: String, line: Int, detail: String)
    case unknownFrameLabel(path: String, line: Int, value: String)
    case unmatchedLabelPath(path: String, line: Int, value: String, candidates: Int)
    case repeatedLabelPath(path: String, line: Int, value: String, firstLine: Int)
}
