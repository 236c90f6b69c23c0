import Core
import Foundation

/// One row of an exchange package as Rosette will store it, with the ID and content digest it has in the package.
///
/// `extras` holds the package's columns Rosette does not model (column name → text as written), so that an
/// export can write them back.
public struct ExchangeRow<Record: Sendable & Equatable>: Sendable, Equatable {
    public var externalID: String
    public var digest: String
    public var extras: [String: String]
    public var record: Record
    /// For an observation: the package mediaID it belongs to (nil for an event-level observation).
    public var mediaRef: String?

    public init(externalID: String, digest: String, extras: [String: String] = [:], record: Record, mediaRef: String? = nil) {
        self.externalID = externalID
        self.digest = digest
        self.extras = extras
        self.record = record
        self.mediaRef = mediaRef
    }
}

/// A catalog individual named by an imported package (created only when the catalog does not have it yet).
public struct ExchangeIndividual: Sendable, Equatable {
    public var individualID: String
    public var scientificName: String?
    public var name: String?
    public var sex: String?
    public var lifeStage: String?
    public var lifeStageDate: String?
    public var birthYear: Int?
    public var motherID: String?
    public var status: String?
    public var deathDate: Date?
    public var deathCause: String?

    public init(individualID: String, scientificName: String? = nil, name: String? = nil, sex: String? = nil,
                lifeStage: String? = nil, lifeStageDate: String? = nil, birthYear: Int? = nil, motherID: String? = nil,
                status: String? = nil, deathDate: Date? = nil, deathCause: String? = nil) {
        self.individualID = individualID
        self.scientificName = scientificName
        self.name = name
        self.sex = sex
        self.lifeStage = lifeStage
        self.lifeStageDate = lifeStageDate
        self.birthYear = birthYear
        self.motherID = motherID
        self.status = status
        self.deathDate = deathDate
        self.deathCause = deathCause
    }
}

/// A validated package, ready to be written in one transaction (`SurveyStore.importExchange`).
///
/// Media rows carry `rootID` 0: the store sets it to the media root of `root` (the package folder), against which
/// relative `filePath`s resolve; a URL `filePath` is kept as it is.
public struct ExchangeBatch: Sendable, Equatable {
    public var source: String
    public var root: URL
    public var deployments: [ExchangeRow<Deployment>] = []
    public var media: [ExchangeRow<Media>] = []
    public var events: [ExchangeRow<MediaSequence>] = []
    public var observations: [ExchangeRow<Observation>] = []
    public var individuals: [ExchangeIndividual] = []

    public init(source: String, root: URL) {
        self.source = source
        self.root = root
    }
}

/// A package row whose ID is already in the survey with other content (the survey's record is kept).
public struct ExchangeConflict: Sendable, Equatable {
    /// deployment, media, event or observation.
    public var entity: String
    public var externalID: String
    /// What differs, for the message ("imported earlier with other content", "already in the survey, not imported").
    public var reason: String

    public init(entity: String, externalID: String, reason: String) {
        self.entity = entity
        self.externalID = externalID
        self.reason = reason
    }
}

/// What an import wrote: rows added and already present per entity, the individuals created, and the conflicts
/// (when there are any, nothing was written).
public struct ExchangeImportResult: Sendable, Equatable {
    public var added: [String: Int] = [:]
    public var unchanged: [String: Int] = [:]
    public var individualsAdded: [String] = []
    /// Individuals the package names that the catalog already had: left as the catalog has them.
    public var individualsKept: [String] = []
    public var conflicts: [ExchangeConflict] = []
    /// Relative media paths the package references without shipping the files (recorded all the same).
    public var filesNotInPackage: [String] = []

    public init() {}

    /// Rows added over all entities (individuals not counted).
    public var totalAdded: Int { added.values.reduce(0, +) }
}
