import Foundation

/// A species as observations name it: a scientific name when the taxonomy knows the label, and the label.
public struct SpeciesName: Sendable, Hashable {
    public var scientificName: String?
    public var speciesLabel: String?

    public init(scientificName: String?, speciesLabel: String?) {
        self.scientificName = scientificName
        self.speciesLabel = speciesLabel
    }

    /// What identifies the species when evidence is added up: the scientific name, else the label (lower case).
    public var key: String { scientificName ?? speciesLabel?.lowercased() ?? "" }
}

/// Where a box's species came from, strongest first.
public enum SpeciesEvidence: String, Sendable, CaseIterable, Codable {
    /// A person said so: a tag on the photo or its burst (XMP, species folder, review).
    case person
    /// The box's own classifier result.
    case classifier
    /// The burst's species, overriding or filling in for the box's own weaker evidence.
    case smoothed
    /// The box's own classification from an imported MegaDetector file.
    case imported
    /// No evidence at or above the species threshold: an animal of unknown species.
    case none
}

/// One detection box with its species: what the identification stage reads.
public struct SpeciesBox: Sendable, Equatable {
    public var mediaID: Int64
    public var eventID: String?
    public var deploymentID: String?
    public var timestamp: Date?
    /// The photo's absolute path.
    public var filePath: String
    public var imageWidth: Int?
    public var imageHeight: Int?
    /// The detection's observationID, and the detector that found it.
    public var detectionID: Int64
    public var detector: String
    /// [x, y, width, height], relative 0–1, origin top-left.
    public var bbox: [Double]
    public var detectionConfidence: Double
    /// nil when the species is unknown (`evidence == .none`) or is not a taxon (e.g. "vehicle").
    public var scientificName: String?
    /// The label the evidence used ("Leopard Cat", "amur_tiger"), or "animal" when unknown.
    public var speciesLabel: String?
    /// The classifier's (or the burst's mean) probability; nil for a person's word and for no evidence.
    public var speciesProbability: Double?
    public var evidence: SpeciesEvidence

    public var species: SpeciesName { SpeciesName(scientificName: scientificName, speciesLabel: speciesLabel) }
}
