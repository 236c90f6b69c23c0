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

/// Changes to an individual's descriptive fields; nil fields are left as they are.
public struct IndividualEdit: Sendable, Equatable {
    public var name: String?
    public var sex: String?
    public var status: String?
    public var notes: String?

    public init(name: String? = nil, sex: String? = nil, status: String? = nil, notes: String? = nil) {
        self.name = name
        self.sex = sex
        self.status = status
        self.notes = notes
    }
}
