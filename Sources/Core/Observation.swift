import Foundation

/// What is seen in a photo or a sequence: blank, an animal of a species (maybe a known individual), a person…
///
/// Aligned with Camtrap DP `observations`; `classificationMethod` says whether a person or a machine said it.
public struct Observation: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case animal, human, vehicle, blank, unknown, unclassified
    }

    public var observationID: Int64?
    public var mediaID: Int64?
    public var eventID: String?
    public var deploymentID: String?
    public var observationType: Kind
    /// The species as labelled (e.g. camtrapR's "Leopard Cat") when it is not a scientific name.
    public var speciesLabel: String?
    public var scientificName: String?
    public var count: Int?
    public var lifeStage: String?
    public var sex: String?
    public var individualID: String?
    public var bboxX: Double?
    public var bboxY: Double?
    public var bboxWidth: Double?
    public var bboxHeight: Double?
    public var classificationMethod: String?
    public var classifiedBy: String?
    public var classificationProbability: Double?
    public var classificationTimestamp: Date?
    public var source: String?
    public var observationComments: String?

    public init(mediaID: Int64?, deploymentID: String?, observationType: Kind) {
        self.mediaID = mediaID
        self.deploymentID = deploymentID
        self.observationType = observationType
    }
}

/// A burst: consecutive media of one deployment no more than the sequence gap apart (Camtrap DP eventID).
public struct MediaSequence: Codable, Sendable, Hashable {
    public var eventID: String
    public var deploymentID: String
    public var eventStart: Date
    public var eventEnd: Date
    public var mediaCount: Int

    public init(eventID: String, deploymentID: String, eventStart: Date, eventEnd: Date, mediaCount: Int) {
        self.eventID = eventID
        self.deploymentID = deploymentID
        self.eventStart = eventStart
        self.eventEnd = eventEnd
        self.mediaCount = mediaCount
    }
}
