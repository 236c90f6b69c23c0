import Core
import Foundation

/// The tables of a Camtrap DP 1.0 package (and Rosette's extra `individuals` table), with their columns in
/// schema order.
public enum CamtrapTable: String, Sendable, CaseIterable {
    case deployments, media, observations, individuals

    /// The CSV file name in a package Rosette writes.
    public var fileName: String { rawValue + ".csv" }

    /// The official table schema URL (the `individuals` table carries its schema inline).
    public var schemaURL: String? {
        self == .individuals ? nil : "https://raw.githubusercontent.com/tdwg/camtrap-dp/\(CamtrapTable.version)/\(rawValue)-table-schema.json"
    }

    /// The Camtrap DP version whose profile and schemas Rosette writes against.
    public static let version = "1.0.2"
    /// The profile URL for `datapackage.json`.
    public static let profileURL = "https://raw.githubusercontent.com/tdwg/camtrap-dp/\(version)/camtrap-dp-profile.json"

    /// The key column.
    public var key: String {
        switch self {
        case .deployments: "deploymentID"
        case .media: "mediaID"
        case .observations: "observationID"
        case .individuals: "individualID"
        }
    }

    /// The columns, in schema order.
    public var fields: [CamtrapField] {
        switch self {
        case .deployments: CamtrapTable.deploymentFields
        case .media: CamtrapTable.mediaFields
        case .observations: CamtrapTable.observationFields
        case .individuals: CamtrapTable.individualFields
        }
    }

    /// Names of the columns, in order.
    public var columns: [String] { fields.map(\.name) }

    private static let featureTypes = ["roadPaved", "roadDirt", "trailHiking", "trailGame", "roadUnderpass", "roadOverpass",
                                       "roadBridge", "culvert", "burrow", "nestSite", "carcass", "waterSource", "fruitingTree"]

    static let deploymentFields: [CamtrapField] = [
        .init("deploymentID", required: true), .init("locationID"), .init("locationName", freeText: true),
        .init("latitude", .number, required: true, minimum: -90, maximum: 90),
        .init("longitude", .number, required: true, minimum: -180, maximum: 180),
        .init("coordinateUncertainty", .integer, minimum: 1),
        .init("deploymentStart", .datetime, required: true), .init("deploymentEnd", .datetime, required: true),
        .init("setupBy", freeText: true), .init("cameraID"), .init("cameraModel"),
        .init("cameraDelay", .integer, minimum: 0), .init("cameraHeight", .number, minimum: 0),
        .init("cameraDepth", .number, minimum: 0), .init("cameraTilt", .integer, minimum: -90, maximum: 90),
        .init("cameraHeading", .integer, minimum: 0, maximum: 360), .init("detectionDistance", .number, minimum: 0),
        .init("timestampIssues", .boolean), .init("baitUse", .boolean), .init("featureType", allowed: featureTypes),
        .init("habitat", freeText: true), .init("deploymentGroups", freeText: true), .init("deploymentTags", freeText: true),
        .init("deploymentComments", freeText: true),
    ]

    static let mediaFields: [CamtrapField] = [
        .init("mediaID", required: true), .init("deploymentID", required: true),
        .init("captureMethod", allowed: ["activityDetection", "timeLapse"]), .init("timestamp", .datetime, required: true),
        .init("filePath", required: true), .init("filePublic", .boolean, required: true), .init("fileName", freeText: true),
        .init("fileMediatype", required: true), .init("exifData", .any, freeText: true), .init("favorite", .boolean),
        .init("mediaComments", freeText: true),
    ]

    static let observationFields: [CamtrapField] = [
        .init("observationID", required: true), .init("deploymentID", required: true), .init("mediaID"), .init("eventID"),
        .init("eventStart", .datetime, required: true), .init("eventEnd", .datetime, required: true),
        .init("observationLevel", required: true, allowed: ["media", "event"]),
        .init("observationType", required: true, allowed: ["animal", "human", "vehicle", "blank", "unknown", "unclassified"]),
        .init("cameraSetupType", allowed: ["setup", "calibration"]), .init("scientificName"),
        .init("count", .integer, minimum: 1), .init("lifeStage", allowed: ["adult", "subadult", "juvenile"]),
        .init("sex", allowed: ["female", "male"]), .init("behavior"), .init("individualID"),
        .init("individualPositionRadius", .number, minimum: 0),
        .init("individualPositionAngle", .number, minimum: -90, maximum: 90), .init("individualSpeed", .number, minimum: 0),
        .init("bboxX", .number, minimum: 0, maximum: 1), .init("bboxY", .number, minimum: 0, maximum: 1),
        .init("bboxWidth", .number, minimum: 1e-15, maximum: 1), .init("bboxHeight", .number, minimum: 1e-15, maximum: 1),
        .init("classificationMethod", allowed: ["human", "machine"]), .init("classifiedBy", freeText: true),
        .init("classificationTimestamp", .datetime), .init("classificationProbability", .number, minimum: 0, maximum: 1),
        .init("observationTags", freeText: true), .init("observationComments", freeText: true),
    ]

    /// Rosette's catalog: one row per known individual (not part of Camtrap DP; its schema travels in the package).
    static let individualFields: [CamtrapField] = [
        .init("individualID", required: true), .init("individualName"), .init("scientificName"),
        .init("sex", allowed: ["female", "male"]), .init("motherID"), .init("birthYear", .integer),
        .init("lifeStage", allowed: ["adult", "subadult", "juvenile"]),
        .init("lifeStageDate"), .init("status", allowed: ["alive", "dead", "unknown", "merged"]),
        .init("deathDate", .datetime), .init("deathCause", allowed: Evidence.Cause.allCases.map(\.rawValue)),
    ]
}
