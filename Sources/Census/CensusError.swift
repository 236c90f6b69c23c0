import Foundation

/// Errors raised by the census library, with user-facing wording in one place.
///
/// Every case that stems from an input file names the file, the 1-based line and the offending value,
/// so the message can be shown to a scientist as is.
public enum CensusError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The file could not be read at all.
    case unreadableFile(file: String, reason: String)
    /// A line does not have the expected shape.
    case malformedLine(file: String, line: Int, value: String, expected: String)
    /// A capture refers to a detector that the trap file does not define.
    case unknownDetector(file: String, line: Int, detector: String)
    /// A capture given by coordinates does not sit on any detector.
    case unknownDetectorLocation(file: String, line: Int, x: Double, y: Double)
    /// A capture occasion lies outside the survey (beyond the usage length or declared occasions).
    case occasionOutOfRange(file: String, line: Int, occasion: String, occasions: Int)
    /// The same detector identifier appears twice in a trap file.
    case duplicateDetector(file: String, line: Int, detector: String)
    /// Usage strings of different lengths (or missing for some detectors).
    case inconsistentUsage(file: String, line: Int, value: String, expectedLength: Int)
    /// A capture at a detector that was not in use on that occasion.
    case captureWithoutUsage(file: String, line: Int, detector: String, occasion: Int)
    /// A multi-catch detector dataset has an animal caught twice on one occasion.
    case multipleCatchesPerOccasion(file: String, line: Int, animal: String, occasion: Int)
    /// The data contain no detections.
    case noDetections(file: String)
    /// No animal was recaptured, so the model cannot be fitted.
    case noRecaptures(model: String, reason: String)
    /// The optimiser did not reach a maximum of the likelihood.
    case notConverged(model: String, iterations: Int, reason: String)
    /// The habitat mask has no points.
    case emptyMask(reason: String)
    /// A mask file whose points do not lie on one square grid.
    case irregularMask(file: String, detail: String)
    /// A GeoJSON habitat or border polygon could not be used.
    case invalidGeoJSON(file: String, reason: String)
    /// An argument or combination of arguments is not valid.
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .unreadableFile(file, reason):
            return "\(file): cannot read file (\(reason))"
        case let .malformedLine(file, line, value, expected):
            return "\(file):\(line): malformed line '\(value)': expected \(expected)"
        case let .unknownDetector(file, line, detector):
            return "\(file):\(line): capture at unknown detector '\(detector)' (not in the trap file)"
        case let .unknownDetectorLocation(file, line, x, y):
            return "\(file):\(line): capture at x = \(Self.format(x)), y = \(Self.format(y)) matches no detector in the trap file"
        case let .occasionOutOfRange(file, line, occasion, occasions):
            return "\(file):\(line): occasion '\(occasion)' is outside the survey of \(occasions) occasion(s)"
        case let .duplicateDetector(file, line, detector):
            return "\(file):\(line): detector '\(detector)' is defined twice"
        case let .inconsistentUsage(file, line, value, expectedLength):
            return "\(file):\(line): usage '\(value)' does not cover \(expectedLength) occasion(s) like the other detectors"
        case let .captureWithoutUsage(file, line, detector, occasion):
            return "\(file):\(line): capture at detector '\(detector)' on occasion \(occasion), when its usage is zero"
        case let .multipleCatchesPerOccasion(file, line, animal, occasion):
            return "\(file):\(line): animal '\(animal)' is caught more than once on occasion \(occasion); multi-catch traps allow one capture per occasion (use the proximity or count detector)"
        case let .noDetections(file):
            return "\(file): no detections found"
        case let .noRecaptures(model, reason):
            return "model \(model) cannot be fitted: \(reason)"
        case let .notConverged(model, iterations, reason):
            return "model \(model) did not converge after \(iterations) iteration(s): \(reason); no estimate is reported"
        case let .emptyMask(reason):
            return "habitat mask is empty: \(reason)"
        case let .irregularMask(file, detail):
            return "\(file): not a regular mask: \(detail); the cell area cannot be known"
        case let .invalidGeoJSON(file, reason):
            return "\(file): unusable GeoJSON: \(reason)"
        case let .invalidArgument(message):
            return message
        }
    }

    public var errorDescription: String? { description }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
