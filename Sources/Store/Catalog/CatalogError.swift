import Foundation

/// Problems with the catalog of individuals, naming the individual or photo at fault.
public enum CatalogError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    case unknownIndividual(id: String)
    case individualExists(id: String)
    case mergeIntoItself(id: String)
    case unknownReferencePhoto(id: Int64, individualID: String)
    case unknownMedia(id: Int64)
    case unknownEncounter(id: Int64)
    case decisionNeedsIndividual(kind: String)
    case mergedIndividual(id: String, into: String)
    case unknownSample(id: String)
    case badSex(value: String)
    case badStatus(value: String)
    case ownMother(id: String)
    case motherNotFemale(mother: String, sex: String?, cub: String)
    case motherTooYoung(mother: String, motherBorn: Int, cub: String, cubBorn: Int)
    case ancestryCycle(chain: [String])
    case deathWithoutDeath(id: String)
    case deathBeforeBirth(id: String, died: Int, born: Int)
    case unknownDeathPlace(place: String)
    case badCoordinates(latitude: Double, longitude: Double)

    public var description: String {
        switch self {
        case .unknownIndividual(let id): return "no individual '\(id)' in the catalog (see `rosette individuals list`)"
        case .individualExists(let id): return "an individual '\(id)' is already in the catalog; nothing was changed"
        case .mergeIntoItself(let id): return "cannot merge '\(id)' into itself"
        case .unknownReferencePhoto(let id, let ind): return "reference photo \(id) does not belong to '\(ind)'"
        case .unknownMedia(let id): return "no photo with mediaID \(id) in the survey"
        case .unknownEncounter(let id): return "no encounter \(id) in the survey (see `rosette review next`)"
        case .decisionNeedsIndividual(let kind): return "a '\(kind)' decision needs an individual ID"
        case .mergedIndividual(let id, let into): return "'\(id)' was merged into '\(into)': decide for '\(into)' instead"
        case .unknownSample(let id): return "no evidence with sampleID '\(id)' (see `rosette evidence list`)"
        case .badSex(let v): return "sex '\(v)' is not one of female, male, unknown; nothing was changed"
        case .badStatus(let v): return "status '\(v)' is not one of alive, dead, unknown; nothing was changed"
        case .ownMother(let id): return "'\(id)' cannot be its own mother; nothing was changed"
        case .motherNotFemale(let m, let sex, let cub):
            return "'\(m)' cannot be the mother of '\(cub)': a mother is female, and '\(m)' is recorded as \(sex ?? "of unknown sex")"
                + (sex == nil ? " (set it first: rosette individuals edit \(m) --sex female)" : "") + "; nothing was changed"
        case .motherTooYoung(let m, let mb, let cub, let cb):
            return "'\(m)' (born \(mb)) cannot be the mother of '\(cub)' (born \(cb)): a mother is at least 2 years older than her cub; nothing was changed"
        case .ancestryCycle(let chain):
            return "that would make an individual its own ancestor (\(chain.joined(separator: " → "))); nothing was changed"
        case .deathWithoutDeath(let id): return "'\(id)': --death-date, --death-cause and --death-place go with --status dead; nothing was changed"
        case .deathBeforeBirth(let id, let died, let born): return "'\(id)' cannot die in \(died), before its birth year \(born); nothing was changed"
        case .unknownDeathPlace(let place):
            return "death place '\(place)' is neither a station of the survey (see `rosette deployments list`) nor coordinates LAT,LON; nothing was changed"
        case .badCoordinates(let lat, let lon): return "coordinates \(lat),\(lon) are outside −90…90, −180…180; nothing was changed"
        }
    }

    public var errorDescription: String? { description }
}
