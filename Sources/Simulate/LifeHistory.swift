import Foundation

/// Cause of a simulated death, spelled as in Rosette's evidence and catalog (`road-kill`, `poaching`, ...).
public enum DeathCause: String, Codable, Sendable, CaseIterable {
    case roadKill = "road-kill", poaching, tiger, disease, natural

    /// Causes other than road kills, in the order of ``DynamicsSettings/causeShares``.
    public static let nonRoad: [DeathCause] = [.poaching, .tiger, .disease, .natural]
}

/// How a simulated animal's story ends (or has not yet).
public enum Fate: String, Codable, Sendable { case alive, dead, emigrated }

/// One animal's whole life in a multi-year simulation.
public struct AnimalHistory: Codable, Sendable, Equatable {
    public var id: String
    public var sex: Sex
    /// Calendar year of birth.
    public var birthYear: Int
    /// Mother's id when she is known (animals born in the simulation, and year-0 cubs).
    public var motherID: String?
    public var coatSeed: UInt64
    /// Body size relative to the average adult of its age class (sex factor × individual jitter).
    public var sizeFactor: Double
    /// Calendar years of the first and last survey at which it was alive in the region.
    public var firstYear: Int
    public var lastYear: Int
    public var fate: Fate = .alive
    /// True time (seconds since 1970 UTC) of death, or of leaving the region for an emigrant.
    public var endTime: Double?
    public var deathCause: DeathCause?
    /// Where it died, local metres (nil for emigrants and animals alive).
    public var deathPlace: Point?

    /// Age class in calendar year `year` (0 cub, 1 subadult, 2+ adult).
    public func ageClass(in year: Int) -> AgeClass {
        switch year - birthYear {
        case ..<1: return .cub
        case 1: return .subadult
        default: return .adult
        }
    }
}

/// A mother's cubs of one birth year.
public struct Litter: Codable, Sendable, Equatable {
    public var year: Int
    public var motherID: String
    public var cubIDs: [String]
}

/// The population over several yearly surveys: who was alive at each, and every animal's life.
public struct PopulationHistory: Codable, Sendable, Equatable {
    /// Calendar year of each survey.
    public var calendarYears: [Int]
    /// Animals alive in the region at each survey (cubs with `motherID`, as ``Population`` expects).
    public var snapshots: [Population]
    /// Every animal ever alive in the region, in id order of creation.
    public var animals: [AnimalHistory]
    public var litters: [Litter]

    /// The animal with this id.
    public func animal(_ id: String) -> AnimalHistory? {
        index[id].map { animals[$0] }
    }

    var index: [String: Int] { Dictionary(uniqueKeysWithValues: animals.enumerated().map { ($1.id, $0) }) }
}
