import Foundation

/// How the population changes between yearly surveys (`rosette simulate --years N`, N ≥ 2).
///
/// Year 0 is the population ``Population/simulate(settings:region:seed:)`` draws; between survey k and
/// survey k+1 each animal survives with its sex and age class's annual survival (times the road's share,
/// see ``roadKillRate``), cubs become subadults, subadults become adults and disperse, and adult females
/// have litters of 1–4 cubs with ``PopulationSettings/litterProbability``. The defaults (with a litter
/// probability of 0.35 and a mean litter of 2.1) give a female growth rate of about 1.005 per year in a
/// closed region (λ² = sAF·λ + sSub·sCub·p·m/2); dispersal out of a small region lowers it.
public struct DynamicsSettings: Codable, Sendable, Equatable {
    /// Number of yearly surveys (2 or more; one year needs no dynamics).
    public var years: Int = 2
    /// Annual survival of adult females, adult males, subadults and cubs (from one survey to the next).
    public var survivalAdultFemale: Double = 0.85
    public var survivalAdultMale: Double = 0.80
    public var survivalSubadult: Double = 0.70
    public var survivalCub: Double = 0.60
    /// Relative frequencies of litters of 1, 2, 3 and 4 cubs (mean 2.13).
    public var litterSizeWeights: [Double] = [0.25, 0.45, 0.22, 0.08]
    /// Mean dispersal distance (metres, exponential) when a subadult becomes an adult; an animal that
    /// settles outside habitat has emigrated.
    public var dispersalMean: Double = 8_000
    /// A road as a polyline in local metres (empty: no road, no road kills).
    public var road: [Point] = []
    /// Road-kill hazard per year for an animal whose activity centre is on the road; it falls off with
    /// distance d from the road as exp(−d²/2σ²) (σ = ``roadSigma``) and adds to the other causes.
    public var roadKillRate: Double = 0.15
    public var roadSigma: Double = 2_000
    /// Shares of poaching, tiger, disease and natural among deaths other than road kills.
    public var causeShares: [Double] = [0.25, 0.15, 0.20, 0.40]
    /// Proportion of deaths whose carcass is found (evidence.csv).
    public var carcassFound: Double = 0.6
    /// Scat-DNA samples per year of live animals with a known mother (evidence.csv, motherID filled).
    public var scatSamplesPerYear: Int = 3

    public init(years: Int = 2) { self.years = years }

    /// Annual survival of an animal of this sex and age class, before the road.
    public func survival(sex: Sex, ageClass: AgeClass) -> Double {
        switch ageClass {
        case .cub: return survivalCub
        case .subadult: return survivalSubadult
        case .adult: return sex == .female ? survivalAdultFemale : survivalAdultMale
        }
    }

    /// Checks every probability and share; throws naming the first bad one.
    public func validate() throws {
        guard years >= 2 else { throw SimulationError.invalidParameter(name: "years", value: String(years), reason: "dynamics need at least 2 years") }
        let probabilities = [("survival-adult-female", survivalAdultFemale), ("survival-adult-male", survivalAdultMale),
                             ("survival-subadult", survivalSubadult), ("survival-cub", survivalCub), ("carcass-found", carcassFound)]
        for (name, p) in probabilities where !(0...1).contains(p) {
            throw SimulationError.invalidParameter(name: name, value: String(p), reason: "a probability between 0 and 1")
        }
        guard litterSizeWeights.count == 4, litterSizeWeights.allSatisfy({ $0 >= 0 }), litterSizeWeights.reduce(0, +) > 0 else {
            throw SimulationError.invalidParameter(name: "litter sizes", value: "\(litterSizeWeights)", reason: "four non-negative weights for 1–4 cubs, not all 0")
        }
        guard causeShares.count == DeathCause.nonRoad.count, causeShares.allSatisfy({ $0 >= 0 }), causeShares.reduce(0, +) > 0 else {
            throw SimulationError.invalidParameter(name: "cause shares", value: "\(causeShares)", reason: "four non-negative shares (poaching, tiger, disease, natural), not all 0")
        }
        guard dispersalMean > 0, roadSigma > 0, roadKillRate >= 0, scatSamplesPerYear >= 0 else {
            throw SimulationError.invalidParameter(name: "dispersal / road", value: "\(dispersalMean), \(roadSigma), \(roadKillRate)",
                                                   reason: "dispersal and road σ must be positive, the road-kill rate not negative")
        }
        if !road.isEmpty, road.count < 2 {
            throw SimulationError.invalidParameter(name: "road", value: "\(road.count) point", reason: "a road line needs at least 2 points")
        }
    }
}
