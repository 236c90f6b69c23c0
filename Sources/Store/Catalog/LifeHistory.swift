import Core
import Foundation

/// A life stage as observed on an animal: cub, subadult or adult (Camtrap DP calls a cub `juvenile`).
///
/// For Amur leopards by age: a cub is in its first year, a subadult in its second, an adult from two years on.
public enum LifeStage: String, Sendable, CaseIterable, Codable, Comparable {
    case cub, subadult, adult

    /// Parses a stage as people and other tools write it (`juvenile`, `kitten`, `sub-adult`, …); nil otherwise.
    public init?(label: String) {
        switch label.trimmingCharacters(in: .whitespaces).lowercased() {
        case "cub", "juvenile", "kitten", "young": self = .cub
        case "subadult", "sub-adult", "sub adult", "immature": self = .subadult
        case "adult": self = .adult
        default: return nil
        }
    }

    /// Age in whole years at which an animal is in this stage (adults: at least this).
    public var age: Int {
        switch self {
        case .cub: 0
        case .subadult: 1
        case .adult: 2
        }
    }

    /// The stage of an animal of this age in years (nil before birth).
    public static func at(age: Int) -> LifeStage? {
        age < 0 ? nil : age < 1 ? .cub : age < 2 ? .subadult : .adult
    }

    public static func < (a: LifeStage, b: LifeStage) -> Bool { a.age < b.age }
}

/// Why an individual died: the same causes a carcass find in the evidence names.
public typealias DeathCause = Evidence.Cause

extension Evidence.Cause {
    /// The accepted values, for messages.
    public static var accepted: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Where an individual died: a station of the survey, or coordinates (WGS84), or both.
public struct DeathPlace: Sendable, Equatable, Codable {
    public var locationID: String?
    public var latitude: Double?
    public var longitude: Double?

    public init(locationID: String? = nil, latitude: Double? = nil, longitude: Double? = nil) {
        self.locationID = locationID
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Reads `LAT,LON` as coordinates, anything else as a station name or ID.
    public static func parse(_ text: String) -> DeathPlace {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2, let lat = Double(parts[0]), let lon = Double(parts[1]) {
            return DeathPlace(latitude: lat, longitude: lon)
        }
        return DeathPlace(locationID: text.trimmingCharacters(in: .whitespaces))
    }
}

/// A mother's cubs of one birth year.
public struct Litter: Sendable, Equatable, Codable {
    public var motherID: String
    public var birthYear: Int
    public var cubs: [String]

    public init(motherID: String, birthYear: Int, cubs: [String]) {
        self.motherID = motherID
        self.birthYear = birthYear
        self.cubs = cubs
    }

    /// Each mother's cubs grouped by birth year (a cub's birth year from its catalog birth year, else from the
    /// stage it was observed in; cubs whose birth year is not known to the year are left out; merged ones too).
    public static func group(_ facts: [CatalogFacts]) -> [Litter] {
        var groups: [String: Litter] = [:]
        for cub in facts where cub.mergedInto == nil {
            guard let mother = cub.motherID, let born = cub.birthYearRange.latest, cub.birthYearRange.earliest == born else { continue }
            groups["\(mother)|\(born)", default: Litter(motherID: mother, birthYear: born, cubs: [])].cubs.append(cub.individualID)
        }
        return groups.values.map { var l = $0; l.cubs.sort(); return l }.sorted { ($0.birthYear, $0.motherID) < ($1.birthYear, $1.motherID) }
    }
}

/// What a merge did to the two life histories: the facts copied from the merged individual, and the
/// conflicts (the remaining individual's value kept).
public struct MergeReport: Sendable, Equatable {
    public var copied: [String] = []
    public var conflicts: [String] = []
    public var cubsMoved: [String] = []
}

/// A detection of an individual later than its recorded death: shown, never hidden.
public struct DetectionAfterDeath: Sendable, Equatable {
    public var individualID: String
    public var deathDate: Date
    public var mediaID: Int64
    public var timestamp: Date
    public var filePath: String
}
