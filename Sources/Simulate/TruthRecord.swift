import Foundation

/// One row of truth.csv: what a photo really shows.
public struct TruthRecord: Codable, Sendable, Equatable {
    public var filePath: String
    public var deploymentID: String
    public var trueTimestamp: String
    public var exifDateTimeOriginal: String
    public var sequence: String
    /// Scientific name; empty for blanks and vehicles.
    public var species: String
    public var individualID: String
    public var side: String
    /// Relative box (0–1, top-left origin); nil for blanks.
    public var bbox: [Double]?
    public var conditions: String
    public var isNight: Bool
    /// Camtrap DP observation type: animal, human, vehicle or blank.
    public var observationType: String
    public var lifeStage: String
    public var sex: String

    public static let header = "filePath,deploymentID,trueTimestamp,exifDateTimeOriginal,sequence,species,individualID,side,bboxX,bboxY,bboxWidth,bboxHeight,conditions,isNight,observationType,lifeStage,sex"

    /// The CSV line (no newline).
    public var csvLine: String {
        let box = bbox.map { $0.map { String(format: "%.4f", $0) } } ?? ["", "", "", ""]
        return ([filePath, deploymentID, trueTimestamp, exifDateTimeOriginal, sequence, species, individualID, side] + box
            + [conditions, isNight ? "true" : "false", observationType, lifeStage, sex]).map(OutputFiles.csv).joined(separator: ",")
    }
}
