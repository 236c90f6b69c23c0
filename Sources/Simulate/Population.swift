import Foundation

/// Sex of an individual.
public enum Sex: String, Codable, Sendable { case male, female }

/// Life stage, named as in Camtrap DP where it can be.
public enum AgeClass: String, Codable, Sendable { case adult, subadult, cub }

/// One simulated leopard with its activity centre.
public struct Individual: Codable, Sendable, Equatable, Identifiable {
    /// Identifier written to histories and truth, e.g. `L01`.
    public var id: String
    public var sex: Sex
    public var ageClass: AgeClass
    /// Activity (home-range) centre in local metres; a cub shares its mother's.
    public var activityCentre: Point
    /// Mother's id for cubs.
    public var motherID: String?
    /// Seed of this animal's coat pattern (both flanks derive from it and differ).
    public var coatSeed: UInt64
    /// Body size factor (1 = average adult; cubs ~0.55).
    public var size: Double

    public init(id: String, sex: Sex, ageClass: AgeClass, activityCentre: Point, motherID: String?,
                coatSeed: UInt64, size: Double) {
        self.id = id
        self.sex = sex
        self.ageClass = ageClass
        self.activityCentre = activityCentre
        self.motherID = motherID
        self.coatSeed = coatSeed
        self.size = size
    }
}

/// A simulated leopard population.
public struct Population: Codable, Sendable, Equatable {
    public var individuals: [Individual]
    /// Habitat area (m²) the centres were spread over.
    public var habitatArea: Double

    public init(individuals: [Individual], habitatArea: Double) {
        self.individuals = individuals
        self.habitatArea = habitatArea
    }

    /// Animals that move independently (not cubs).
    public var independent: [Individual] { individuals.filter { $0.ageClass != .cub } }

    /// Cubs of `motherID`.
    public func cubs(of motherID: String) -> [Individual] {
        individuals.filter { $0.motherID == motherID }
    }
}
