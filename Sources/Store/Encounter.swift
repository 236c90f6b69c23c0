import Core
import Foundation

/// A box the identification stage will match: an animal detection of the wanted species in a stored photo.
public struct IdentificationBox: Sendable, Equatable {
    /// The detection's observation row.
    public var observationID: Int64?
    public var mediaID: Int64
    public var eventID: String?
    public var deploymentID: String?
    public var timestamp: Date?
    /// Absolute path of the photo.
    public var path: String
    public var width: Int?
    public var height: Int?
    /// [x, y, width, height] relative to the photo, top-left origin.
    public var box: [Double]
    public var confidence: Double?
    public var scientificName: String?
    /// How many animals of the species a person counted in the photo (tags), when a person said so: a
    /// detector's extra boxes beyond that count are fragments or other animals.
    public var personCount: Int?

    public init(observationID: Int64?, mediaID: Int64, eventID: String?, deploymentID: String?, timestamp: Date?, path: String,
                width: Int?, height: Int?, box: [Double], confidence: Double?, scientificName: String?, personCount: Int? = nil) {
        self.personCount = personCount
        self.observationID = observationID
        self.mediaID = mediaID
        self.eventID = eventID
        self.deploymentID = deploymentID
        self.timestamp = timestamp
        self.path = path
        self.width = width
        self.height = height
        self.box = box
        self.confidence = confidence
        self.scientificName = scientificName
    }
}

/// The boxes of one animal in one burst, matched together and decided on together.
public struct Encounter: Sendable, Equatable {
    /// One photo of the encounter and the animal's box in it.
    public struct Frame: Sendable, Equatable {
        public var id: Int64
        public var mediaID: Int64
        public var path: String
        public var width: Int?
        public var height: Int?
        public var box: [Double]
        public var detectionConfidence: Double?
        /// Keypoints found in its chip (nil until ranked).
        public var features: Int?
        /// Why the frame could not be used (nil when it could).
        public var failure: String?
    }

    public var encounterID: Int64
    public var eventID: String?
    public var deploymentID: String?
    public var scientificName: String?
    public var side: String
    /// What said the side: `person`, `travel`, `chip`, `pattern`, `none` (nil: never estimated).
    public var sideSource: String? = nil
    public var frames: [Frame]
    /// The catalog state its proposals were ranked against (nil: never ranked).
    public var catalogVersion: Int64?
    public var rankedAt: Date?
}

/// An encounter about to be stored: its burst and the frames' boxes.
public struct NewEncounter: Sendable, Equatable {
    public var eventID: String?
    public var deploymentID: String?
    public var scientificName: String?
    public var side: String
    public var detector: String?
    public var boxes: [IdentificationBox]

    public init(eventID: String?, deploymentID: String?, scientificName: String?, side: String = "unknown", detector: String?,
                boxes: [IdentificationBox]) {
        self.eventID = eventID
        self.deploymentID = deploymentID
        self.scientificName = scientificName
        self.side = side
        self.detector = detector
        self.boxes = boxes
    }
}

/// What a frame gave when it was matched: its keypoint count, or why it failed.
public struct FrameOutcome: Sendable, Equatable {
    public var frameID: Int64
    public var features: Int?
    public var failure: String?

    public init(frameID: Int64, features: Int?, failure: String?) {
        self.frameID = frameID
        self.features = features
        self.failure = failure
    }
}

/// A person's decision about an encounter.
public struct EncounterDecision: Sendable, Equatable {
    public var kind: ReviewDecisionKind
    /// The individual (confirmed, or created for `newIndividual`).
    public var individualID: String?
    /// For `notTarget`: what it is instead (a scientific name), when the person says.
    public var scientificName: String?
    /// The proposal the person chose, when it was one.
    public var candidateID: Int64?
    /// Add the encounter's best frame to the individual's reference photos.
    public var addReference: Bool
    public var note: String?
    /// What the person saw of the animal: its sex, its life stage, and its mother ("cub of L07").
    public var sex: String?
    public var lifeStage: LifeStage?
    public var motherID: String?

    public init(kind: ReviewDecisionKind, individualID: String? = nil, scientificName: String? = nil, candidateID: Int64? = nil,
                addReference: Bool = true, note: String? = nil, sex: String? = nil, lifeStage: LifeStage? = nil, motherID: String? = nil) {
        self.sex = sex
        self.lifeStage = lifeStage
        self.motherID = motherID
        self.kind = kind
        self.individualID = individualID
        self.scientificName = scientificName
        self.candidateID = candidateID
        self.addReference = addReference
        self.note = note
    }
}
