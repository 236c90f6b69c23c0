import Foundation

/// An individual in the catalog, with its reference flank photos.
public struct CatalogIndividual: Sendable, Equatable {
    public var individualID: String
    public var name: String?
    public var sex: String?
    public var status: String
    public var notes: String?
    /// Set when this individual was merged into another one (it is kept, not deleted).
    public var mergedInto: String?
    public var referencePhotos: [ReferencePhoto]
    /// Life history: birth year, mother and father, the life stage last observed and when, and the death.
    public var birthYear: Int? = nil
    public var motherID: String? = nil
    public var fatherID: String? = nil
    public var lifeStage: String? = nil
    /// The day (YYYY-MM-DD) `lifeStage` was observed.
    public var lifeStageDate: String? = nil
    public var deathDate: Date? = nil
    public var deathCause: String? = nil
    public var deathPlace: DeathPlace? = nil

    /// A reference flank photo: a box in a photo, with the flank side.
    public struct ReferencePhoto: Sendable, Equatable {
        public var id: Int64
        public var mediaID: Int64
        public var filePath: String
        public var side: String
        /// Box relative to the photo (0–1, top-left origin); nil for the whole photo.
        public var box: [Double]?
        public var addedBy: String
        public var addedAt: Date
        /// The photo's burst (a query from the same burst is not matched against it).
        public var eventID: String? = nil
        /// The photo's pixel size, when ingest read it.
        public var width: Int? = nil
        public var height: Int? = nil
    }
}

/// Changes to an individual's descriptive fields and life history; nil fields are left as they are.
///
/// Each change is checked against the life-history rules (a mother is female and at least two years older
/// than her cub, no one is their own ancestor, a death has a known cause) before anything is written.
public struct IndividualEdit: Sendable, Equatable {
    public var name: String?
    public var sex: String?
    public var status: String?
    public var notes: String?
    public var birthYear: Int?
    public var motherID: String?
    public var fatherID: String?
    public var lifeStage: LifeStage?
    /// The day (YYYY-MM-DD) the life stage was observed; default: today.
    public var lifeStageDate: String?
    public var deathDate: Date?
    public var deathCause: DeathCause?
    public var deathPlace: DeathPlace?

    public init(name: String? = nil, sex: String? = nil, status: String? = nil, notes: String? = nil,
                birthYear: Int? = nil, motherID: String? = nil, fatherID: String? = nil, lifeStage: LifeStage? = nil,
                lifeStageDate: String? = nil, deathDate: Date? = nil, deathCause: DeathCause? = nil, deathPlace: DeathPlace? = nil) {
        self.name = name
        self.sex = sex
        self.status = status
        self.notes = notes
        self.birthYear = birthYear
        self.motherID = motherID
        self.fatherID = fatherID
        self.lifeStage = lifeStage
        self.lifeStageDate = lifeStageDate
        self.deathDate = deathDate
        self.deathCause = deathCause
        self.deathPlace = deathPlace
    }

    /// True when the edit changes nothing.
    public var isEmpty: Bool { self == IndividualEdit() }
}
