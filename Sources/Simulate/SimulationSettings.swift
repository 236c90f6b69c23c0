import Foundation

/// Every parameter of one simulated survey; written whole to `simulation.json`.
public struct SimulationSettings: Codable, Sendable, Equatable {
    /// Seed of all random streams: the same settings and seed give identical output.
    public var seed: UInt64 = 1
    /// Geographic origin of the local metre coordinates.
    public var origin: GeoOrigin = .landOfTheLeopard
    /// Study region (habitat minus non-habitat) in local metres.
    public var region: Region = .rectangle(width: 24_000, height: 20_000)
    public var population = PopulationSettings()
    public var layout = LayoutSettings()
    public var survey = SurveySettings()
    public var detection = DetectionSettings()
    /// Species other than the Amur leopard, with people and vehicles.
    public var otherSpecies: [SpeciesSettings] = SpeciesSettings.primoryeDefaults
    public var photos = PhotoSettings()
    /// Population dynamics between yearly surveys; nil for a single survey (and then absent from simulation.json).
    public var dynamics: DynamicsSettings?

    public init() {}
}

/// How the leopard population is drawn.
public struct PopulationSettings: Codable, Sendable, Equatable {
    /// Animals per 100 km² of habitat (used when `count` is nil). Amur leopards: about 1 per 100 km².
    public var densityPer100km2: Double = 1.2
    /// Fixed number of independent (non-cub) leopards; overrides the density when set.
    public var count: Int?
    /// Proportion of independent animals that are male.
    public var maleFraction: Double = 0.45
    /// Proportion of independent animals that are subadults.
    public var subadultFraction: Double = 0.15
    /// Probability that an adult female has cubs with her.
    public var litterProbability: Double = 0.35
    /// Largest litter (litters are 1…maxLitter cubs, uniformly).
    public var maxLitter: Int = 2
    /// Probability that a cub is with its mother when she is detected.
    public var cubPresence: Double = 0.8
    public init() {}
}

/// The station layout.
public struct LayoutSettings: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case grid, random, clustered, list
    }
    public var kind: Kind = .grid
    /// Number of stations wanted (grid: the best near-square grid of at least this size is trimmed to it).
    public var stationCount: Int = 20
    /// Grid spacing or minimum spacing between random stations, metres.
    public var spacing: Double = 2_500
    /// Clustered layout: stations per cluster and spacing inside a cluster.
    public var clusterSize: Int = 4
    public var clusterSpacing: Double = 800
    /// Stations read from a stations CSV (kind `.list`).
    public var stations: [StationSpec] = []
    /// Proportion of stations with two cameras facing each other (both flanks).
    public var pairedFraction: Double = 1.0
    /// Stations west of this x (metres) are in China (`CN`), the rest in Russia (`RU`); nil = all RU.
    public var borderX: Double?
    public init() {}
}

/// A station as given by a user (stations CSV).
public struct StationSpec: Codable, Sendable, Equatable {
    public var id: String
    public var position: Point
    /// 1 or 2 cameras; nil = decided by `pairedFraction`.
    public var cameras: Int?
    public init(id: String, position: Point, cameras: Int? = nil) {
        self.id = id
        self.position = position
        self.cameras = cameras
    }
}

/// Survey timing and camera behaviour.
public struct SurveySettings: Codable, Sendable, Equatable {
    /// First day (camera local date), `YYYY-MM-DD`; each day is one occasion.
    public var startDate: String = "2024-09-01"
    public var days: Int = 30
    /// IANA name written to deployments.csv and the fixed UTC offset used for it (Vladivostok: +10, no DST).
    public var timezone: String = "Asia/Vladivostok"
    public var utcOffsetHours: Int = 10
    /// Probability that a camera has a malfunction period, and its mean length in days.
    public var malfunctionProbability: Double = 0.15
    public var meanMalfunctionDays: Double = 6
    /// Proportion of deployments whose camera clock is wrong, and the offsets (seconds) drawn from.
    public var clockErrorFraction: Double = 0.1
    public var clockOffsets: [Int] = [3_600, -3_600, 43_200, 86_400, -31_536_000]
    /// Frames per trigger and seconds between frames.
    public var burstFrames: Int = 3
    public var burstInterval: Double = 1
    public var cameraMake: String = "RECONYX"
    public var cameraModel: String = "HyperFire 2"
    public init() {}
}

/// The hazard half-normal detection model: h(d) = λ0 exp(−d²/2σ²) per station-day.
public struct DetectionSettings: Codable, Sendable, Equatable {
    public var lambda0: Double = 0.05
    /// σ in metres (females, and males unless `sigmaMale` is set).
    public var sigma: Double = 2_500
    public var sigmaMale: Double?
    public init() {}

    /// σ for an animal of the given sex.
    public func sigma(for sex: Sex) -> Double {
        sex == .male ? (sigmaMale ?? sigma) : sigma
    }
}

/// Photo rendering parameters.
public struct PhotoSettings: Codable, Sendable, Equatable {
    public var width: Int = 2048
    public var height: Int = 1536
    public var conditions: Conditions = .field
    /// JPEG quality; nil = the preset's.
    public var quality: Int?
    /// Empty triggers (wind, sun, insects) per camera-day.
    public var falseTriggersPerDay: Double = 0.08
    /// Write the truth into each photo as XMP HierarchicalSubject tags (`Species|…`, `individual|…`), as if a
    /// person had tagged the card in digiKam for camtrapR: lets the census chain run before identification.
    public var tagTruth: Bool = false
    /// With `tagTruth`: also tag individuals (`individual|…`), or only species, sex, life stage and side, as a
    /// person who sorted the card by species and leaves identification to Rosette.
    public var tagIndividuals: Bool = true
    /// Light, wind, infrared and small-animal dynamics for triage (`TriageConditions`); nil = `calm`, the photos
    /// as before (and then absent from simulation.json).
    public var triageConditions: TriageConditions?
    /// The triage conditions in force.
    public var triage: TriageConditions { triageConditions ?? .calm }
    public init() {}
}
