import Foundation

/// An observation of an individual (or of a genetic sample) by another method than a camera photo.
///
/// Snow tracks, scat and hair DNA (genotype → individual, optionally with its mother and father), GPS-collar
/// fixes, sightings and carcass finds. Each keeps the file and line it was imported from and a content key
/// (a hash of the normalised row) that makes a second import of the same row a no-op.
public struct Evidence: Sendable, Equatable, Hashable {
    /// How the animal was observed.
    public enum Method: String, Sendable, CaseIterable, Codable, Hashable {
        case snowTrack = "snow-track", scatDNA = "scat-dna", hairDNA = "hair-dna", gpsCollar = "gps-collar"
        case sighting, carcass

        /// The method a label names: the canonical names and common aliases (`scat`, `dna` → scat-dna, `hair`,
        /// `collar`/`gps`/`telemetry`, `track`/`snow`/`tracks`, `seen`/`visual`, `dead`/`mortality`), any case,
        /// with `_` or blanks for `-`.
        public init?(label: String) {
            let key = label.trimmingCharacters(in: .whitespaces).lowercased()
                .replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
            if let exact = Method(rawValue: key) { self = exact; return }
            switch key {
            case "snow", "track", "tracks", "snowtrack", "snow-tracks", "snow-tracking", "tracking", "footprint", "pugmark": self = .snowTrack
            case "scat", "dna", "scatdna", "faeces", "feces", "scat-sample": self = .scatDNA
            case "hair", "hairdna", "hair-sample", "hair-trap": self = .hairDNA
            case "collar", "gps", "gpscollar", "gps-fix", "telemetry", "collar-fix": self = .gpsCollar
            case "sight", "seen", "visual", "observation", "sighted": self = .sighting
            case "dead", "death", "mortality", "carcass-find", "found-dead": self = .carcass
            default: return nil
            }
        }

        /// DNA methods, whose rows may state parentage only (no place).
        public var isDNA: Bool { self == .scatDNA || self == .hairDNA }
    }

    /// Why a carcass's animal died.
    public enum Cause: String, Sendable, CaseIterable, Codable, Hashable {
        case roadKill = "road-kill", poaching, tiger, disease, natural, unknown

        /// The cause a label names (`roadkill`, `road`, `vehicle`, `car`, `poached`, `killed-by-tiger`, …), any case.
        public init?(label: String) {
            let key = label.trimmingCharacters(in: .whitespaces).lowercased()
                .replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
            if let exact = Cause(rawValue: key) { self = exact; return }
            switch key {
            case "roadkill", "road", "vehicle", "car", "traffic", "road-accident", "vehicle-collision": self = .roadKill
            case "poached", "poacher", "snare", "shot", "illegal-killing": self = .poaching
            case "killed-by-tiger", "tiger-kill", "amur-tiger": self = .tiger
            case "illness", "sick", "distemper": self = .disease
            case "natural-causes", "old-age", "starvation": self = .natural
            case "?", "unknown-cause", "unk": self = .unknown
            default: return nil
            }
        }
    }

    public var evidenceID: Int64?
    public var method: Method
    public var individualID: String?
    /// A genetic sample (scat, hair) not yet, or also, tied to an individual.
    public var sampleID: String?
    public var timestamp: Date
    public var latitude: Double?
    public var longitude: Double?
    /// Radius of the location's uncertainty, metres.
    public var uncertainty: Double?
    public var motherID: String?
    public var fatherID: String?
    /// For carcass finds.
    public var cause: Cause?
    public var notes: String?
    public var sourceFile: String
    public var sourceLine: Int
    /// SHA-256 (hex) of the normalised row: method, sample (else individual), time, latitude, longitude.
    public var contentKey: String

    public init(evidenceID: Int64? = nil, method: Method, individualID: String? = nil, sampleID: String? = nil,
                timestamp: Date, latitude: Double? = nil, longitude: Double? = nil, uncertainty: Double? = nil,
                motherID: String? = nil, fatherID: String? = nil, cause: Cause? = nil, notes: String? = nil,
                sourceFile: String, sourceLine: Int, contentKey: String) {
        self.evidenceID = evidenceID
        self.method = method
        self.individualID = individualID
        self.sampleID = sampleID
        self.timestamp = timestamp
        self.latitude = latitude
        self.longitude = longitude
        self.uncertainty = uncertainty
        self.motherID = motherID
        self.fatherID = fatherID
        self.cause = cause
        self.notes = notes
        self.sourceFile = sourceFile
        self.sourceLine = sourceLine
        self.contentKey = contentKey
    }

    /// Whether the row has a place (rows that only state parentage may not).
    public var isLocated: Bool { latitude != nil && longitude != nil }
}
